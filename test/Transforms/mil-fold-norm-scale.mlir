// RUN: ane-opt %s -mil-fold-norm-scale -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-fold-norm-scale -split-input-file | ane-opt -mil-fold-norm-scale -split-input-file | FileCheck %s

// RMSNorm gamma before a linear: w' = w * g[None, :], the mul is removed.
// CHECK-LABEL: func @rmsnorm_gamma_linear
func.func @rmsnorm_gamma_linear(%x: tensor<2x3xf16>) -> tensor<2x2xf16> {
  // CHECK: %[[W:.*]] = mil.const {val = dense<{{\[\[}}2.000000e+00, 5.000000e-01, -1.000000e+00], [4.000000e+00, 1.000000e+00, -2.000000e+00]]> : tensor<2x3xf16>}
  // CHECK: %[[Y:.*]] = mil.linear %[[N:.*]], %[[W]] bias
  // CHECK-NOT: mil.mul %[[N]]
  // CHECK: return %[[Y]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %g = mil.const {val = dense<[2.0, 0.5, -1.0]> : tensor<3xf16>} : tensor<3xf16>
  %w = mil.const {val = dense<[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]> : tensor<2x3xf16>} : tensor<2x3xf16>
  %b = mil.const {val = dense<[1.0, -1.0]> : tensor<2xf16>} : tensor<2xf16>
  %sq = mil.mul %x, %x : (tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x3xf16>) -> tensor<2x1xf16>
  %v = mil.add %m, %eps : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r = mil.rsqrt %v : tensor<2x1xf16>
  %n = mil.mul %x, %r : (tensor<2x3xf16>, tensor<2x1xf16>) -> tensor<2x3xf16>
  %s = mil.mul %g, %n : (tensor<3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
  %y = mil.linear %s, %w bias %b : (tensor<2x3xf16>, tensor<2x3xf16>, tensor<2xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}

// -----

// BC1S layout: gamma [1, C, 1, 1] before two 1x1 convs (q and k
// projections); each gets its own folded weight (input channel = dim 1).
// CHECK-LABEL: func @gamma_two_convs
func.func @gamma_two_convs(%x: tensor<1x2x1x4xf32>) -> (tensor<1x2x1x4xf32>, tensor<1x1x1x4xf32>) {
  // CHECK-DAG: %[[WQ:.*]] = mil.const {val = dense<{{\[\[\[\[}}3.000000e+00]], {{\[\[}}5.000000e-01]]], {{\[\[\[}}3.000000e+00]], {{\[\[}}5.000000e-01]]]]> : tensor<2x2x1x1xf32>}
  // CHECK-DAG: %[[WK:.*]] = mil.const {val = dense<{{\[\[\[\[}}6.000000e+00]], {{\[\[}}-5.000000e-01]]]]> : tensor<1x2x1x1xf32>}
  // CHECK-DAG: %[[Q:.*]] = mil.conv %arg0, %[[WQ]]
  // CHECK-DAG: %[[K:.*]] = mil.conv %arg0, %[[WK]]
  // CHECK-NOT: mil.mul
  // CHECK: return %[[Q]], %[[K]]
  %g = mil.const {val = dense<[[[[3.0]], [[0.5]]]]> : tensor<1x2x1x1xf32>} : tensor<1x2x1x1xf32>
  %wq = mil.const {val = dense<1.0> : tensor<2x2x1x1xf32>} : tensor<2x2x1x1xf32>
  %wk = mil.const {val = dense<[[[[2.0]], [[-1.0]]]]> : tensor<1x2x1x1xf32>} : tensor<1x2x1x1xf32>
  %s = mil.mul %x, %g : (tensor<1x2x1x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x1x4xf32>
  %q = mil.conv %s, %wq : (tensor<1x2x1x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x1x4xf32>
  %k = mil.conv %s, %wk : (tensor<1x2x1x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x1x4xf32>
  return %q, %k : tensor<1x2x1x4xf32>, tensor<1x1x1x4xf32>
}

// -----

// Grouped conv: output channel o reads input channels of group o / 1.
// CHECK-LABEL: func @gamma_grouped_conv
func.func @gamma_grouped_conv(%x: tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: %[[W:.*]] = mil.const {val = dense<{{\[\[\[\[}}2.000000e+00]]], {{\[\[\[}}-3.000000e+00]]]]> : tensor<2x1x1x1xf16>}
  // CHECK: mil.conv %arg0, %[[W]] {groups = 2 : i32}
  // CHECK-NOT: mil.mul
  %g = mil.const {val = dense<[[[[2.0]], [[-3.0]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16>
  %w = mil.const {val = dense<1.0> : tensor<2x1x1x1xf16>} : tensor<2x1x1x1xf16>
  %s = mil.mul %x, %g : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %y = mil.conv %s, %w {groups = 2 : i32} : (tensor<1x2x3x3xf16>, tensor<2x1x1x1xf16>) -> tensor<1x2x3x3xf16>
  return %y : tensor<1x2x3x3xf16>
}

// -----

// matmul by a constant y [K, N]: the rows of y are scaled; with
// transpose_y ([N, K]) the columns.
// CHECK-LABEL: func @gamma_matmul
func.func @gamma_matmul(%x: tensor<3x2xf32>) -> (tensor<3x1xf32>, tensor<3x1xf32>) {
  // CHECK-DAG: %[[Y:.*]] = mil.const {val = dense<{{\[\[}}2.000000e+00], [-4.000000e+00]]> : tensor<2x1xf32>}
  // CHECK-DAG: %[[YT:.*]] = mil.const {val = dense<{{\[\[}}2.000000e+00, -4.000000e+00]]> : tensor<1x2xf32>}
  // CHECK-DAG: mil.matmul %arg0, %[[Y]] :
  // CHECK-DAG: mil.matmul %arg0, %[[YT]] {transpose_y = true}
  // CHECK-NOT: mil.mul
  %g = mil.const {val = dense<[2.0, -2.0]> : tensor<2xf32>} : tensor<2xf32>
  %y = mil.const {val = dense<[[1.0], [2.0]]> : tensor<2x1xf32>} : tensor<2x1xf32>
  %yt = mil.const {val = dense<[[1.0, 2.0]]> : tensor<1x2xf32>} : tensor<1x2xf32>
  %s = mil.mul %x, %g : (tensor<3x2xf32>, tensor<2xf32>) -> tensor<3x2xf32>
  %a = mil.matmul %s, %y : (tensor<3x2xf32>, tensor<2x1xf32>) -> tensor<3x1xf32>
  %b = mil.matmul %s, %yt {transpose_y = true} : (tensor<3x2xf32>, tensor<1x2xf32>) -> tensor<3x1xf32>
  return %a, %b : tensor<3x1xf32>, tensor<3x1xf32>
}

// -----

// Negative: the scaled value is also returned (not only projections).
// CHECK-LABEL: func @other_use
// CHECK: %[[S:.*]] = mil.mul
// CHECK: mil.linear %[[S]]
func.func @other_use(%x: tensor<2x3xf16>) -> (tensor<2x2xf16>, tensor<2x3xf16>) {
  %g = mil.const {val = dense<[2.0, 0.5, -1.0]> : tensor<3xf16>} : tensor<3xf16>
  %w = mil.const {val = dense<1.0> : tensor<2x3xf16>} : tensor<2x3xf16>
  %s = mil.mul %x, %g : (tensor<2x3xf16>, tensor<3xf16>) -> tensor<2x3xf16>
  %y = mil.linear %s, %w : (tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x2xf16>
  return %y, %s : tensor<2x2xf16>, tensor<2x3xf16>
}

// -----

// Negative: the scale varies along the token axis, not the features.
// CHECK-LABEL: func @per_token_scale
// CHECK: %[[S:.*]] = mil.mul
// CHECK: mil.linear %[[S]]
func.func @per_token_scale(%x: tensor<2x3xf16>) -> tensor<2x2xf16> {
  %g = mil.const {val = dense<[[2.0], [0.5]]> : tensor<2x1xf16>} : tensor<2x1xf16>
  %w = mil.const {val = dense<1.0> : tensor<2x3xf16>} : tensor<2x3xf16>
  %s = mil.mul %x, %g : (tensor<2x3xf16>, tensor<2x1xf16>) -> tensor<2x3xf16>
  %y = mil.linear %s, %w : (tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}

// -----

// Negative: the scaled value is the matmul's y (its weight side), and a
// runtime (non-constant) weight.
// CHECK-LABEL: func @not_activation
// CHECK-COUNT-2: mil.mul
func.func @not_activation(%x: tensor<3x3xf32>, %z: tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3x3xf32>) {
  %g = mil.const {val = dense<[2.0, 0.5, -1.0]> : tensor<3xf32>} : tensor<3xf32>
  %s = mil.mul %x, %g : (tensor<3x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  %a = mil.matmul %z, %s : (tensor<3x3xf32>, tensor<3x3xf32>) -> tensor<3x3xf32>
  %t = mil.mul %x, %g : (tensor<3x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  %b = mil.matmul %t, %z : (tensor<3x3xf32>, tensor<3x3xf32>) -> tensor<3x3xf32>
  return %a, %b : tensor<3x3xf32>, tensor<3x3xf32>
}
