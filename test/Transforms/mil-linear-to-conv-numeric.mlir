// Numeric check of mil-linear-to-conv through the CPU interpreter: a linear
// layer and two constant-weight matmuls (random fp16 weights, rank-3
// activations) run before and after the pass with the same random inputs.
// Tolerance (pass description): at most 1 fp16 ulp per element, from the
// fp32 summation order; this case is currently bit-exact (0 ulp).

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python3 %S/Inputs/shaping_numeric.py linear %t/orig.mlir --seed 7
// RUN: ane-opt %t/orig.mlir -mil-linear-to-conv -o %t/conv.mlir
// RUN: FileCheck %s --check-prefix=IR < %t/conv.mlir
// RUN: ane-run run %t/orig.mlir --random-inputs --seed 3 --output-dir %t/a
// RUN: ane-run run %t/conv.mlir --random-inputs --seed 3 --output-dir %t/b
// RUN: %python3 %S/Inputs/shaping_numeric.py ulp %t/a %t/b --max-ulp 1 | FileCheck %s

// IR-COUNT-3: mil.conv
// IR-NOT: mil.linear
// IR-NOT: mil.matmul
// CHECK: output0.npy: max_ulp={{[01]}} differing=
// CHECK: output1.npy: max_ulp={{[01]}} differing=
