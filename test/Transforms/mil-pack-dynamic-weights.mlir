// RUN: ane-opt %s -mil-pack-dynamic-weights -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-pack-dynamic-weights -split-input-file | ane-opt -mil-pack-dynamic-weights -split-input-file | FileCheck %s
// Round trip: unpacking gives the weights back as named inputs.
// RUN: ane-opt %s -mil-pack-dynamic-weights -split-input-file | ane-opt -mil-unpack-dynamic-weights -split-input-file | FileCheck %s --check-prefix=UNPACK

// Two matmul weights follow the activations on the spatial axis; the
// scale constant (used by mul) and the conv weight stay constants.
// CHECK-LABEL: func @main(%arg0: tensor<1x16x1x32xf16>) -> tensor<1x1x8x16xf16>
// CHECK-SAME: mil_packed_input = {activation_width = 8 : i64, weights = [{name = "wq", offset = 8 : i64, shape = array<i64: 1, 1, 16, 12>, width = 12 : i64}, {name = "weight1", offset = 20 : i64, shape = array<i64: 12, 16>, width = 12 : i64}]}
// CHECK: %[[X:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 0] size = [1, 16, 1, 8]
// CHECK: %[[S0:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 8] size = [1, 16, 1, 12]
// CHECK: %[[W0:.*]] = mil.reshape %[[S0]] shape = [1, 1, 16, 12]
// CHECK: %[[S1:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 20] size = [1, 16, 1, 12]
// CHECK: %[[W1:.*]] = mil.reshape %[[S1]] shape = [12, 16]
// CHECK: mil.const {val = dense<5.000000e-01> : tensor<1x1x1x1xf16>}
// CHECK: mil.const {val = dense<1.000000e+00> : tensor<16x16x1x1xf16>}
// CHECK: mil.conv %[[X]]
// CHECK: mil.matmul %{{.*}}, %[[W0]]
// CHECK: mil.matmul %{{.*}}, %[[W1]]
// UNPACK-LABEL: func @main(%arg0: tensor<1x16x1x8xf16>, %arg1: tensor<1x1x16x12xf16> {mil.name = "wq"}, %arg2: tensor<12x16xf16> {mil.name = "weight1"}) -> tensor<1x1x8x16xf16> {
// UNPACK-NOT: mil.slice_by_size
// UNPACK: mil.conv %arg0
// UNPACK: mil.matmul %{{.*}}, %arg1
// UNPACK: mil.matmul %{{.*}}, %arg2
func.func @main(%x: tensor<1x16x1x8xf16>) -> tensor<1x1x8x16xf16> {
  %w0 = mil.const {val = dense<0.25> : tensor<1x1x16x12xf16>, mil.name = "wq"} : tensor<1x1x16x12xf16>
  %w1 = mil.const {val = dense<0.125> : tensor<12x16xf16>} : tensor<12x16xf16>
  %k = mil.const {val = dense<0.5> : tensor<1x1x1x1xf16>} : tensor<1x1x1x1xf16>
  %cw = mil.const {val = dense<1.0> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %c = mil.conv %x, %cw : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  %r = mil.reshape %c shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
  %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
  %m = mil.matmul %a, %w0 : (tensor<1x1x8x16xf16>, tensor<1x1x16x12xf16>) -> tensor<1x1x8x12xf16>
  %n = mil.matmul %m, %w1 : (tensor<1x1x8x12xf16>, tensor<12x16xf16>) -> tensor<1x1x8x16xf16>
  %y = mil.mul %n, %k : (tensor<1x1x8x16xf16>, tensor<1x1x1x1xf16>) -> tensor<1x1x8x16xf16>
  return %y : tensor<1x1x8x16xf16>
}

// -----

// Negative: a constant whose size is not a multiple of C, one of another
// dtype, and one also used outside matmul stay constants; no attribute.
// CHECK-LABEL: func @nothing_to_pack(%arg0: tensor<1x16x1x8xf16>)
// CHECK-NOT: mil_packed_input
// CHECK-NOT: mil.slice_by_size
// CHECK-COUNT-3: mil.const
func.func @nothing_to_pack(%x: tensor<1x16x1x8xf16>) -> (tensor<1x1x8x3xf16>, tensor<1x1x8x16xf16>, tensor<8x8xf16>) {
  %odd = mil.const {val = dense<0.5> : tensor<1x1x8x3xf16>} : tensor<1x1x8x3xf16>
  %f32 = mil.const {val = dense<0.5> : tensor<8x16xf32>} : tensor<8x16xf32>
  %both = mil.const {val = dense<0.5> : tensor<8x8xf16>} : tensor<8x8xf16>
  %r = mil.reshape %x shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
  %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
  %s = mil.slice_by_size %a begin = [0, 0, 0, 0] size = [1, 1, 8, 8] : tensor<1x1x8x16xf16>
  %m0 = mil.matmul %s, %odd : (tensor<1x1x8x8xf16>, tensor<1x1x8x3xf16>) -> tensor<1x1x8x3xf16>
  %s2 = mil.reshape %s shape = [8, 8] : tensor<1x1x8x8xf16> -> tensor<8x8xf16>
  %m1 = mil.matmul %s2, %f32 : (tensor<8x8xf16>, tensor<8x16xf32>) -> tensor<8x16xf16>
  %m1r = mil.reshape %m1 shape = [1, 1, 8, 16] : tensor<8x16xf16> -> tensor<1x1x8x16xf16>
  %m2 = mil.matmul %s2, %both : (tensor<8x8xf16>, tensor<8x8xf16>) -> tensor<8x8xf16>
  %m3 = mil.add %m2, %both : (tensor<8x8xf16>, tensor<8x8xf16>) -> tensor<8x8xf16>
  return %m0, %m1r, %m3 : tensor<1x1x8x3xf16>, tensor<1x1x8x16xf16>, tensor<8x8xf16>
}

// -----

// A weight without mil.name is named by its location, also inside a FusedLoc.
// CHECK-LABEL: func @loc_names(%arg0: tensor<1x16x1x24xf16>{{.*}}) -> tensor<1x1x8x16xf16>
// CHECK-SAME: weights = [{name = "w_loc", offset = 8 : i64, shape = array<i64: 16, 8>, width = 8 : i64}, {name = "w_fused", offset = 16 : i64, shape = array<i64: 8, 16>, width = 8 : i64}]
// UNPACK-LABEL: func @loc_names(%arg0: tensor<1x16x1x8xf16>, %arg1: tensor<16x8xf16> {mil.name = "w_loc"}, %arg2: tensor<8x16xf16> {mil.name = "w_fused"})
func.func @loc_names(%x: tensor<1x16x1x8xf16>) -> tensor<1x1x8x16xf16> {
  %w0 = mil.const {val = dense<0.25> : tensor<16x8xf16>} : tensor<16x8xf16> loc("w_loc")
  %w1 = mil.const {val = dense<0.125> : tensor<8x16xf16>} : tensor<8x16xf16> loc(fused["w_fused", "other"])
  %r = mil.reshape %x shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
  %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
  %m = mil.matmul %a, %w0 : (tensor<1x1x8x16xf16>, tensor<16x8xf16>) -> tensor<1x1x8x8xf16>
  %n = mil.matmul %m, %w1 : (tensor<1x1x8x8xf16>, tensor<8x16xf16>) -> tensor<1x1x8x16xf16>
  return %n : tensor<1x1x8x16xf16>
}
