// Numeric tests of the cleanup/structure passes that had only FileCheck
// tests: each runs alone on this program, the program runs through the CPU
// interpreter before and after with the same random inputs, and the outputs
// are compared by NumPy (Inputs/compare_ulp.py; every output must exist
// after the pass under its name). The FileCheck lines show each pass fired.
//   mil-const-dedup, mil-cse, mil-fold-constants (exp(c1 - c2) becomes a
//     constant), mil-ane-layout: bit-exact (their stated tolerance); the
//     output "r" keeps its name when mil-ane-layout sinks the transposes
//     below its relu.
//   mil-eliminate-quant-pairs: removes a quantize/dequantize pair that feeds
//     no compute layer (here a relu), so that output moves by at most
//     scale/2 = 0.03125 plus fp16 rounding (|s| <= 6.7 stays inside
//     127 * scale = 7.9; measured 0.0303); the dequantize->quantize pair is
//     exact; a pair with different scales is not removed ("e" stays exact);
//     a pair that is itself a named program output ("kept") stays.

// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-run run %s --random-inputs --seed 11 --output-dir %t/before > /dev/null
// RUN: ane-opt %s -mil-const-dedup -mlir-print-debuginfo -o %t/dedup.mlir
// RUN: FileCheck %s --check-prefix=DEDUP < %t/dedup.mlir
// RUN: ane-run run %t/dedup.mlir --random-inputs --seed 11 --output-dir %t/dedup > /dev/null
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/dedup --exact
// RUN: ane-opt %t/dedup.mlir -mil-cse -mlir-print-debuginfo -o %t/cse.mlir
// RUN: FileCheck %s --check-prefix=CSE < %t/cse.mlir
// RUN: ane-run run %t/cse.mlir --random-inputs --seed 11 --output-dir %t/cse > /dev/null
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/cse --exact
// RUN: ane-opt %s -mil-fold-constants -mlir-print-debuginfo -o %t/fold.mlir
// RUN: FileCheck %s --check-prefix=FOLD < %t/fold.mlir
// RUN: ane-run run %t/fold.mlir --random-inputs --seed 11 --output-dir %t/fold > /dev/null
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/fold --exact
// RUN: ane-opt %s -mil-ane-layout -mlir-print-debuginfo -o %t/layout.mlir
// RUN: FileCheck %s --check-prefix=LAYOUT < %t/layout.mlir
// RUN: ane-run run %t/layout.mlir --random-inputs --seed 11 --output-dir %t/layout > /dev/null
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/layout --exact
// RUN: ane-opt %s -mil-eliminate-quant-pairs -mlir-print-debuginfo -o %t/eqp.mlir
// RUN: FileCheck %s --check-prefix=EQP < %t/eqp.mlir
// RUN: ane-run run %t/eqp.mlir --random-inputs --seed 11 --output-dir %t/eqp > /dev/null
// RUN: mkdir -p %t/before_exact %t/eqp_exact && cp %t/before/[srek]*.npy %t/before_exact/ && cp %t/eqp/[srek]*.npy %t/eqp_exact/
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before_exact %t/eqp_exact --exact
// RUN: %python3 -c "import numpy as np, sys; a = np.load('%t/before/o.npy').astype(np.float64); b = np.load('%t/eqp/o.npy').astype(np.float64); d = np.abs(a - b).max(); print('max |d|', d); sys.exit(not (0 < d <= 0.03125 + 2**-8))"

// DEDUP-COUNT-1: mil.const
// DEDUP-NOT: mil.const
// CSE-COUNT-2: mil.mul
// CSE-NOT: mil.mul
// FOLD-NOT: mil.sub
// FOLD: mil.const {val = dense<1.000000e+00> : tensor<2x8xf16>}
// FOLD-NOT: mil.sub
// LAYOUT-NOT: mil.transpose
// EQP: %[[S:.*]] = mil.add
// EQP: %[[D:.*]] = mil.dequantize %arg1 scale = dense<2.500000e-01>
// EQP-NEXT: mil.exp %[[D]]
// EQP-NEXT: mil.relu %[[S]]
// EQP-NEXT: %[[Q:.*]] = mil.quantize %[[S]]
// EQP-NEXT: mil.dequantize %[[Q]]
// EQP-NOT: mil.quantize

module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<2x8xf16> loc("x"), %q: tensor<2x8xi8> loc("q"))
      -> (tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>) {
    %c1 = mil.const {val = dense<"0x15401DC1B1368BB83EB7E6B20AC06CB3ECBAA5423A33A4B580B458B938BC41B6"> : tensor<2x8xf16>} : tensor<2x8xf16> loc("c1")
    %c2 = mil.const {val = dense<"0x15401DC1B1368BB83EB7E6B20AC06CB3ECBAA5423A33A4B580B458B938BC41B6"> : tensor<2x8xf16>} : tensor<2x8xf16> loc("c2")
    %a = mil.mul %x, %c1 : (tensor<2x8xf16>, tensor<2x8xf16>) -> tensor<2x8xf16> loc("a")
    %b = mil.mul %x, %c2 : (tensor<2x8xf16>, tensor<2x8xf16>) -> tensor<2x8xf16> loc("b")
    %s = mil.add %a, %b : (tensor<2x8xf16>, tensor<2x8xf16>) -> tensor<2x8xf16> loc("s")
    %cs = mil.sub %c1, %c2 : (tensor<2x8xf16>, tensor<2x8xf16>) -> tensor<2x8xf16> loc("cs")
    %ce = mil.exp %cs : tensor<2x8xf16> loc("ce")
    %m = mil.mul %x, %ce : (tensor<2x8xf16>, tensor<2x8xf16>) -> tensor<2x8xf16> loc("m")
    %t = mil.transpose %s perm = [1, 0] : tensor<2x8xf16> loc("t")
    %t2 = mil.transpose %t perm = [1, 0] : tensor<8x2xf16> loc("t2")
    %r = mil.relu %t2 : tensor<2x8xf16> loc("r")
    %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<2x8xi8> loc("d")
    %q2 = mil.quantize %d scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<2x8xf16> loc("q2")
    %d2 = mil.dequantize %q2 scale = dense<0.25> : tensor<f16> : tensor<2x8xi8> loc("d2")
    %e = mil.exp %d2 : tensor<2x8xf16> loc("e")
    %qq = mil.quantize %s scale = dense<0.0625> : tensor<f16> output_dtype = "int8" : tensor<2x8xf16> loc("qq")
    %dd = mil.dequantize %qq scale = dense<0.0625> : tensor<f16> : tensor<2x8xi8> loc("dd")
    %o = mil.relu %dd : tensor<2x8xf16> loc("o")
    %qo = mil.quantize %s scale = dense<0.0625> : tensor<f16> output_dtype = "int8" : tensor<2x8xf16> loc("qo")
    %kept = mil.dequantize %qo scale = dense<0.0625> : tensor<f16> : tensor<2x8xi8> loc("kept")
    return %s, %r, %e, %o, %kept, %m : tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>, tensor<2x8xf16>
  }
}
