// Numeric check of mil-pack-dynamic-weights and its inverse through the CPU
// interpreter, bit-exact (slices and reshapes move no values). NumPy writes
// a program with random fp16 matmul weights, its input x and the packed
// input (x followed by the weights on the spatial axis, per the pass
// description); the packed program run on the packed input and the
// unpacked program run on x and the weights must equal the original.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python3 %S/Inputs/shaping_numeric.py dynamic %t --seed 5
// RUN: ane-opt %t/orig.mlir -mil-pack-dynamic-weights -o %t/packed.mlir
// RUN: ane-opt %t/packed.mlir -mil-unpack-dynamic-weights -o %t/unpacked.mlir
// RUN: FileCheck %s < %t/packed.mlir
// RUN: ane-run run %t/orig.mlir --input arg0=%t/x.npy --output-dir %t/a
// RUN: ane-run run %t/packed.mlir --input arg0=%t/packed.npy --output-dir %t/b
// RUN: ane-run run %t/unpacked.mlir --input arg0=%t/x.npy --input weight0=%t/w0.npy --input weight1=%t/w1.npy --output-dir %t/c
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/a/output0.npy %t/b/output0.npy --exact
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/a/output0.npy %t/c/output0.npy --exact

// CHECK: func.func @main(%arg0: tensor<1x16x1x32xf16>)
// CHECK-SAME: weights = [{name = "weight0", offset = 8 : i64, shape = array<i64: 1, 1, 16, 12>, width = 12 : i64}, {name = "weight1", offset = 20 : i64, shape = array<i64: 1, 1, 12, 16>, width = 12 : i64}]
