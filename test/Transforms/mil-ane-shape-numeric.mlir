// Numeric check of the --mil-ane-shape pipeline with channels-last I/O
// through the CPU interpreter: the shaped program takes x in [1, C, 1, S]
// (NumPy converts the original input, element (c, s) = x[s, c]) and its
// outputs, in [1, C, 1, S], must equal the original outputs converted the
// same way within the linear-to-conv bound of 1 fp16 ulp (the layout
// rewrites themselves are exact).

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python3 %S/Inputs/shaping_numeric.py linear %t/orig.mlir --seed 13
// RUN: ane-opt %t/orig.mlir --mil-ane-shape="io-layout=channels-last" -o %t/shaped.mlir
// RUN: FileCheck %s --check-prefix=IR < %t/shaped.mlir
// RUN: %python3 -c "import numpy as np, os; np.random.seed(8); os.makedirs('%t/in', exist_ok=True); np.save('%t/in/x.npy', np.random.uniform(-1, 1, (2, 5, 96)).astype(np.float16))"
// RUN: %python3 %S/Inputs/shaping_numeric.py to-ane %t/in %t/in_ane
// RUN: ane-run run %t/orig.mlir --input arg0=%t/in/x.npy --output-dir %t/orig
// RUN: ane-run run %t/shaped.mlir --input arg0=%t/in_ane/x.npy --output-dir %t/shaped
// RUN: %python3 %S/Inputs/shaping_numeric.py to-ane %t/orig %t/orig_ane
// RUN: %python3 %S/Inputs/shaping_numeric.py ulp %t/orig_ane %t/shaped --max-ulp 1 | FileCheck %s

// IR: func.func @main(%arg0: tensor<1x96x1x10xf16>) -> (tensor<1x48x1x10xf16>, tensor<1x24x1x10xf16>)
// IR-NOT: mil.transpose
// IR-NOT: mil.reshape
// IR-COUNT-3: mil.conv
// CHECK: output0.npy: max_ulp={{[01]}} differing=
// CHECK: output1.npy: max_ulp={{[01]}} differing=
