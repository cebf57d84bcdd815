// mil-unpack-inputs undoes mil-pack-inputs: pack then unpack prints the
// original functions (SSA names aside, which print the same anyway).
// RUN: ane-opt %s -split-input-file > %t.orig
// RUN: ane-opt %s -mil-pack-inputs -mil-unpack-inputs -split-input-file > %t.round
// RUN: diff %t.orig %t.round
// RUN: ane-opt %s -mil-pack-inputs -mil-unpack-inputs -split-input-file | FileCheck %s
// Idempotence: the unpacked functions carry no attribute; a second run changes nothing.
// RUN: ane-opt %s -mil-pack-inputs -mil-unpack-inputs -split-input-file | ane-opt -mil-unpack-inputs -split-input-file | FileCheck %s
// Weights packed after the inputs stay in the packed input, which keeps the
// weights' part of the attribute; the restored inputs follow it.
// RUN: ane-opt %s -mil-pack-inputs -mil-pack-dynamic-weights -mil-unpack-inputs -split-input-file | FileCheck %s --check-prefix=WEIGHTS
// RUN: ane-opt %s -mil-pack-inputs -mil-pack-dynamic-weights -mil-unpack-inputs -split-input-file | ane-opt -mil-unpack-inputs -split-input-file | FileCheck %s --check-prefix=WEIGHTS
// ... and unpacking the weights too gives the original inputs, then the weight.
// RUN: ane-opt %s -mil-pack-inputs -mil-pack-dynamic-weights -mil-unpack-dynamic-weights -mil-unpack-inputs -split-input-file | FileCheck %s --check-prefix=BOTH

// Three layouts ([1, C, 1, S], rank 4 of another form, rank 1) and an
// unnamed input, which gets no mil.name back.
// CHECK-LABEL: func.func @main(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}, %arg1: tensor<1x1x8x8xf16>, %arg2: tensor<16xf16> {mil.name = "bias"}) -> tensor<1x1x8x16xf16> {
// CHECK-NOT: mil.slice_by_size
// CHECK-NEXT: mil.const
// CHECK-NEXT: %[[R:.*]] = mil.reshape %arg0 shape = [1, 1, 16, 8]
// CHECK: mil.add %{{.*}}, %arg1
// CHECK: mil.add %{{.*}}, %arg2
// CHECK-NEXT: return
// WEIGHTS-LABEL: func.func @main(%arg0: tensor<1x16x1x48xf16> {mil.name = "packed_input"}, %arg1: tensor<1x16x1x8xf16> {mil.name = "x"}, %arg2: tensor<1x1x8x8xf16>, %arg3: tensor<16xf16> {mil.name = "bias"})
// WEIGHTS-SAME: attributes {mil_packed_input = {activation_width = 32 : i64, weights = [{name = "w", offset = 32 : i64, shape = array<i64: 16, 16>, width = 16 : i64}]}}
// WEIGHTS-NEXT: %[[W0:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 32] size = [1, 16, 1, 16] : tensor<1x16x1x48xf16>
// WEIGHTS-NEXT: %[[W:.*]] = mil.reshape %[[W0]] shape = [16, 16]
// WEIGHTS-NEXT: mil.reshape %arg1 shape = [1, 1, 16, 8]
// WEIGHTS-NOT: mil.slice_by_size
// WEIGHTS: mil.matmul %{{.*}}, %[[W]]
// BOTH-LABEL: func.func @main(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}, %arg1: tensor<1x1x8x8xf16>, %arg2: tensor<16xf16> {mil.name = "bias"}, %arg3: tensor<16x16xf16> {mil.name = "w"}) -> tensor<1x1x8x16xf16> {
// BOTH-NOT: mil.slice_by_size
// BOTH: mil.matmul %{{.*}}, %arg3
func.func @main(%x: tensor<1x16x1x8xf16> {mil.name = "x"}, %mask: tensor<1x1x8x8xf16>, %bias: tensor<16xf16> {mil.name = "bias"}) -> tensor<1x1x8x16xf16> {
  %w = mil.const {val = dense<0.25> : tensor<16x16xf16>, mil.name = "w"} : tensor<16x16xf16>
  %r = mil.reshape %x shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
  %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
  %s = mil.matmul %a, %r : (tensor<1x1x8x16xf16>, tensor<1x1x16x8xf16>) -> tensor<1x1x8x8xf16>
  %m = mil.add %s, %mask : (tensor<1x1x8x8xf16>, tensor<1x1x8x8xf16>) -> tensor<1x1x8x8xf16>
  %o = mil.matmul %m, %a : (tensor<1x1x8x8xf16>, tensor<1x1x8x16xf16>) -> tensor<1x1x8x16xf16>
  %ow = mil.matmul %o, %w : (tensor<1x1x8x16xf16>, tensor<16x16xf16>) -> tensor<1x1x8x16xf16>
  %y = mil.add %ow, %bias : (tensor<1x1x8x16xf16>, tensor<16xf16>) -> tensor<1x1x8x16xf16>
  return %y : tensor<1x1x8x16xf16>
}

// -----

// fp32 inputs, a scalar and an input no op reads (recorded, never sliced):
// all come back.
// CHECK-LABEL: func.func @fp32(%arg0: tensor<1x4x1x6xf32> {mil.name = "a"}, %arg1: tensor<f32> {mil.name = "s"}, %arg2: tensor<1xf32> {mil.name = "unused"}) -> tensor<1x4x1x6xf32> {
// CHECK-NEXT: mil.mul %arg0, %arg1
func.func @fp32(%a: tensor<1x4x1x6xf32> {mil.name = "a"}, %s: tensor<f32> {mil.name = "s"}, %u: tensor<1xf32> {mil.name = "unused"}) -> tensor<1x4x1x6xf32> {
  %0 = mil.mul %a, %s : (tensor<1x4x1x6xf32>, tensor<f32>) -> tensor<1x4x1x6xf32>
  return %0 : tensor<1x4x1x6xf32>
}

// -----

// Negative: a function without mil_packed_input (one input: never packed)
// is left alone (an attribute without `inputs`:
// mil-unpack-inputs-weights-only.mlir).
// CHECK-LABEL: func.func @single(%arg0: tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16> {
// CHECK-NEXT: return %arg0
func.func @single(%x: tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16> {
  return %x : tensor<1x16x1x8xf16>
}
