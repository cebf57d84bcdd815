// RUN: ane-opt %s -mil-linear-to-conv -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-linear-to-conv -split-input-file | ane-opt -mil-linear-to-conv -split-input-file | FileCheck %s

// linear with constant weight and bias: [*D, D_in] → [1, D_in, 1, S] → conv
// → back to [*D, D_out].
// CHECK-LABEL: func @linear_rank3
func.func @linear_rank3(%x: tensor<2x3x8xf16>) -> tensor<2x3x4xf16> {
  // CHECK: %[[B:.*]] = mil.const {val = dense<1.000000e+00> : tensor<4xf16>}
  // CHECK: %[[R:.*]] = mil.reshape %{{.*}} shape = [1, 1, 6, 8] : tensor<2x3x8xf16> -> tensor<1x1x6x8xf16>
  // CHECK: %[[T:.*]] = mil.transpose %[[R]] perm = [0, 3, 1, 2]
  // CHECK: %[[W:.*]] = mil.const {val = dense<5.000000e-01> : tensor<4x8x1x1xf16>}
  // CHECK: %[[C:.*]] = mil.conv %[[T]], %[[W]] bias %[[B]] {dilations = array<i32: 1, 1>, pad = array<i32: 0, 0, 0, 0>, strides = array<i32: 1, 1>} : (tensor<1x8x1x6xf16>, tensor<4x8x1x1xf16>, tensor<4xf16>) -> tensor<1x4x1x6xf16>
  // CHECK: %[[U:.*]] = mil.transpose %[[C]] perm = [0, 2, 3, 1]
  // CHECK: %[[Y:.*]] = mil.reshape %[[U]] shape = [2, 3, 4] : tensor<1x1x6x4xf16> -> tensor<2x3x4xf16>
  // CHECK: return %[[Y]]
  // CHECK-NOT: mil.linear
  %w = mil.const {val = dense<0.5> : tensor<4x8xf16>} : tensor<4x8xf16>
  %b = mil.const {val = dense<1.0> : tensor<4xf16>} : tensor<4xf16>
  %y = mil.linear %x, %w bias %b : (tensor<2x3x8xf16>, tensor<4x8xf16>, tensor<4xf16>) -> tensor<2x3x4xf16>
  return %y : tensor<2x3x4xf16>
}

// -----

// matmul with a constant [D_in, D_out] y: the weight is transposed into
// [D_out, D_in, 1, 1] (y[i][o] lands at w[o][i]).
// CHECK-LABEL: func @matmul_const_y
func.func @matmul_const_y(%x: tensor<5x2xf16>) -> tensor<5x3xf16> {
  // CHECK: mil.const {val = dense<{{\[}}{{\[}}{{\[}}[1.000000e+00]], {{\[}}[4.000000e+00]]], {{\[}}{{\[}}[2.000000e+00]], {{\[}}[5.000000e+00]]], {{\[}}{{\[}}[3.000000e+00]], {{\[}}[6.000000e+00]]]]> : tensor<3x2x1x1xf16>}
  // CHECK: mil.conv %{{.*}}, %{{.*}} {{.*}} : (tensor<1x2x1x5xf16>, tensor<3x2x1x1xf16>) -> tensor<1x3x1x5xf16>
  // CHECK-NOT: mil.matmul
  %y = mil.const {val = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf16>} : tensor<2x3xf16>
  %0 = mil.matmul %x, %y : (tensor<5x2xf16>, tensor<2x3xf16>) -> tensor<5x3xf16>
  return %0 : tensor<5x3xf16>
}

// -----

// transpose_y: y already is [D_out, D_in]; a dense_resource weight keeps its
// blob (reshaped, not copied).
// CHECK-LABEL: func @matmul_transpose_y_resource
func.func @matmul_transpose_y_resource(%x: tensor<1x4xf16>) -> tensor<1x2xf16> {
  // CHECK: mil.const {val = dense_resource<wt> : tensor<2x4x1x1xf16>}
  // CHECK: mil.conv
  // CHECK-NOT: mil.matmul
  %y = mil.const {val = dense_resource<wt> : tensor<2x4xf16>} : tensor<2x4xf16>
  %0 = mil.matmul %x, %y {transpose_y = true} : (tensor<1x4xf16>, tensor<2x4xf16>) -> tensor<1x2xf16>
  return %0 : tensor<1x2xf16>
}

{-#
  dialect_resources: {
    builtin: {
      wt: "0x02000000003C00400042004400450046004700480000"
    }
  }
#-}

// -----

// A rank-1 input is a single row (S = 1).
// CHECK-LABEL: func @linear_rank1
func.func @linear_rank1(%x: tensor<8xf16>) -> tensor<4xf16> {
  // CHECK: mil.reshape %{{.*}} shape = [1, 1, 1, 8]
  // CHECK: mil.conv {{.*}} -> tensor<1x4x1x1xf16>
  // CHECK: mil.reshape %{{.*}} shape = [4] : tensor<1x1x1x4xf16> -> tensor<4xf16>
  %w = mil.const {val = dense<0.5> : tensor<4x8xf16>} : tensor<4x8xf16>
  %y = mil.linear %x, %w : (tensor<8xf16>, tensor<4x8xf16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

// Negative: runtime weights (the ANE conv needs a constant weight), a
// batched weight, transpose_x and mixed dtypes stay as they are.
// CHECK-LABEL: func @must_not_fire
func.func @must_not_fire(%x: tensor<5x2xf16>, %y: tensor<2x3xf16>, %z: tensor<4x2x3xf16>, %x4: tensor<4x5x2xf16>, %xt: tensor<2x5xf16>)
    -> (tensor<5x3xf16>, tensor<4x5x3xf16>, tensor<5x3xf16>, tensor<5x3xf16>) {
  // CHECK-NOT: mil.conv
  // CHECK-COUNT-4: mil.matmul
  // CHECK-NOT: mil.conv
  %0 = mil.matmul %x, %y : (tensor<5x2xf16>, tensor<2x3xf16>) -> tensor<5x3xf16>
  %c = mil.const {val = dense<1.0> : tensor<4x2x3xf16>} : tensor<4x2x3xf16>
  %1 = mil.matmul %x4, %c : (tensor<4x5x2xf16>, tensor<4x2x3xf16>) -> tensor<4x5x3xf16>
  %c2 = mil.const {val = dense<1.0> : tensor<2x3xf16>} : tensor<2x3xf16>
  %2 = mil.matmul %xt, %c2 {transpose_x = true} : (tensor<2x5xf16>, tensor<2x3xf16>) -> tensor<5x3xf16>
  %c3 = mil.const {val = dense<1.0> : tensor<2x3xf32>} : tensor<2x3xf32>
  %3 = mil.matmul %x, %c3 : (tensor<5x2xf16>, tensor<2x3xf32>) -> tensor<5x3xf16>
  return %0, %1, %2, %3 : tensor<5x3xf16>, tensor<4x5x3xf16>, tensor<5x3xf16>, tensor<5x3xf16>
}

// -----

// Negative: a linear whose weight is a function argument.
// CHECK-LABEL: func @linear_runtime_weight
func.func @linear_runtime_weight(%x: tensor<2x8xf16>, %w: tensor<4x8xf16>) -> tensor<2x4xf16> {
  // CHECK: mil.linear
  // CHECK-NOT: mil.conv
  %y = mil.linear %x, %w : (tensor<2x8xf16>, tensor<4x8xf16>) -> tensor<2x4xf16>
  return %y : tensor<2x4xf16>
}
