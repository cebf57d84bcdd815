// RUN: ane-opt %s -mil-matmul-to-linear -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-matmul-to-linear -split-input-file | ane-opt -mil-matmul-to-linear -split-input-file | FileCheck %s

// y is [D_in, D_out] = [2, 3]; the linear weight is its transpose [3, 2].
// CHECK-LABEL: func @matmul_const
func.func @matmul_const(%x: tensor<1x4x2xf16>) -> tensor<1x4x3xf16> {
  // CHECK: %[[W:.*]] = mil.const {val = dense<{{\[\[}}1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf16>}
  // CHECK: %[[Y:.*]] = mil.linear %{{.*}}, %[[W]] : (tensor<1x4x2xf16>, tensor<3x2xf16>) -> tensor<1x4x3xf16>
  // CHECK-NOT: mil.matmul
  // CHECK: return %[[Y]]
  %w = mil.const {val = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf16>} : tensor<2x3xf16>
  %y = mil.matmul %x, %w : (tensor<1x4x2xf16>, tensor<2x3xf16>) -> tensor<1x4x3xf16>
  return %y : tensor<1x4x3xf16>
}

// -----

// transpose_y: y is already [D_out, D_in] and is used as is; the constant
// add becomes the bias.
// CHECK-LABEL: func @matmul_transpose_y_bias
func.func @matmul_transpose_y_bias(%x: tensor<4x2xf32>) -> tensor<4x3xf32> {
  // CHECK: %[[W:.*]] = mil.const {val = dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>}
  // CHECK: %[[B:.*]] = mil.const {val = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>}
  // CHECK: %[[Y:.*]] = mil.linear %{{.*}}, %[[W]] bias %[[B]]
  // CHECK-NOT: mil.add
  // CHECK: return %[[Y]]
  %w = mil.const {val = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>} : tensor<3x2xf32>
  %c = mil.const {val = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>} : tensor<3xf32>
  %y = mil.matmul %x, %w {transpose_y = true} : (tensor<4x2xf32>, tensor<3x2xf32>) -> tensor<4x3xf32>
  %z = mil.add %y, %c : (tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  return %z : tensor<4x3xf32>
}

// -----

// Negative: runtime y, transpose_x, batched y, integer matmul.
// CHECK-LABEL: func @not_linear
func.func @not_linear(%x: tensor<4x2xf16>, %r: tensor<2x3xf16>, %xt: tensor<2x4xf16>, %i: tensor<4x2xi32>) -> (tensor<4x3xf16>, tensor<4x3xf16>, tensor<2x4x3xf16>, tensor<4x3xi32>) {
  // CHECK-COUNT-4: mil.matmul
  // CHECK-NOT: mil.linear
  %w = mil.const {val = dense<1.0> : tensor<2x3xf16>} : tensor<2x3xf16>
  %wb = mil.const {val = dense<1.0> : tensor<2x2x3xf16>} : tensor<2x2x3xf16>
  %wi = mil.const {val = dense<1> : tensor<2x3xi32>} : tensor<2x3xi32>
  %a = mil.matmul %x, %r : (tensor<4x2xf16>, tensor<2x3xf16>) -> tensor<4x3xf16>
  %b = mil.matmul %xt, %w {transpose_x = true} : (tensor<2x4xf16>, tensor<2x3xf16>) -> tensor<4x3xf16>
  %c = mil.matmul %x, %wb : (tensor<4x2xf16>, tensor<2x2x3xf16>) -> tensor<2x4x3xf16>
  %d = mil.matmul %i, %wi : (tensor<4x2xi32>, tensor<2x3xi32>) -> tensor<4x3xi32>
  return %a, %b, %c, %d : tensor<4x3xf16>, tensor<4x3xf16>, tensor<2x4x3xf16>, tensor<4x3xi32>
}
