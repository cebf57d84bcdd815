// Numeric check of mil-linear-to-conv through the CPU interpreter: a linear
// layer and two constant-weight matmuls (random fp16 weights, rank-3
// activations) run before and after the pass with the same random inputs.
// Tolerance (pass description): at most 1 fp16 ulp per element, from the
// fp32 summation order; both cases (96 and 4096 input channels) are
// currently bit-exact (0 ulp) on the interpreter's BLAS.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python3 %S/Inputs/shaping_numeric.py linear %t/orig.mlir --seed 7
// RUN: ane-opt %t/orig.mlir -mil-linear-to-conv -o %t/conv.mlir
// RUN: FileCheck %s --check-prefix=IR < %t/conv.mlir
// RUN: ane-run run %t/orig.mlir --random-inputs --seed 3 --output-dir %t/a
// RUN: ane-run run %t/conv.mlir --random-inputs --seed 3 --output-dir %t/b
// RUN: %python3 %S/Inputs/shaping_numeric.py ulp %t/a %t/b --max-ulp 1 | FileCheck %s
// A long accumulation (D_in = 4096):
// RUN: %python3 %S/Inputs/shaping_numeric.py linear %t/wide.mlir --seed 2 --din 4096
// RUN: ane-opt %t/wide.mlir -mil-linear-to-conv -o %t/wide-conv.mlir
// RUN: ane-run run %t/wide.mlir --random-inputs --seed 2 --output-dir %t/wa
// RUN: ane-run run %t/wide-conv.mlir --random-inputs --seed 2 --output-dir %t/wb
// RUN: %python3 %S/Inputs/shaping_numeric.py ulp %t/wa %t/wb --max-ulp 1 | FileCheck %s

// IR-COUNT-3: mil.conv
// IR-NOT: mil.linear
// IR-NOT: mil.matmul
// CHECK: output0.npy: max_ulp={{[01]}} differing=
// CHECK: output1.npy: max_ulp={{[01]}} differing=
