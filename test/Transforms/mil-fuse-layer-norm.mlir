// RUN: ane-opt %s -mil-fuse-layer-norm -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-fuse-layer-norm -split-input-file | ane-opt -mil-fuse-layer-norm -split-input-file | FileCheck %s

// The ANE [1, C, 1, S] layer norm over the channels, gamma and beta as
// [1, C, 1, 1] constants: one layer_norm with [C] parameters.
// CHECK-LABEL: func @bc1s_layer_norm
func.func @bc1s_layer_norm(%x: tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16> {
  // CHECK-DAG: %[[G:.*]] = mil.const {val = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf16>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[5.000000e-01, 0.000000e+00, -5.000000e-01, 1.000000e+00]> : tensor<4xf16>}
  // CHECK: %[[Y:.*]] = mil.layer_norm %{{.*}} gamma %[[G]] beta %[[B]] {axes = array<i32: 1>, epsilon = 1.001360e-05 : f16}
  // CHECK-NEXT: return %[[Y]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %g = mil.const {val = dense<[[[[1.0]], [[2.0]], [[3.0]], [[4.0]]]]> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %b = mil.const {val = dense<[[[[0.5]], [[0.0]], [[-0.5]], [[1.0]]]]> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %m = mil.reduce_mean %x {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4x1x3xf16>) -> tensor<1x1x1x3xf16>
  %d = mil.sub %x, %m : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  %sq = mil.mul %d, %d : (tensor<1x4x1x3xf16>, tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16>
  %v = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4x1x3xf16>) -> tensor<1x1x1x3xf16>
  %ve = mil.add %v, %eps : (tensor<1x1x1x3xf16>, tensor<f16>) -> tensor<1x1x1x3xf16>
  %r = mil.rsqrt %ve : tensor<1x1x1x3xf16>
  %n = mil.mul %d, %r : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  %ng = mil.mul %g, %n : (tensor<1x4x1x1xf16>, tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16>
  %y = mil.add %ng, %b : (tensor<1x4x1x3xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x3xf16>
  return %y : tensor<1x4x1x3xf16>
}

// -----

// ml-ane-transformers' LayerNormANE order, (n + beta) * gamma: one
// layer_norm with gamma and beta * gamma = [0.5, 0, -1.5, 4].
// CHECK-LABEL: func @layer_norm_ane_order
func.func @layer_norm_ane_order(%x: tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16> {
  // CHECK-DAG: %[[G:.*]] = mil.const {val = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf16>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[5.000000e-01, 0.000000e+00, -1.500000e+00, 4.000000e+00]> : tensor<4xf16>}
  // CHECK: %[[Y:.*]] = mil.layer_norm %{{.*}} gamma %[[G]] beta %[[B]] {axes = array<i32: 1>, epsilon = 1.001360e-05 : f16}
  // CHECK-NEXT: return %[[Y]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %g = mil.const {val = dense<[[[[1.0]], [[2.0]], [[3.0]], [[4.0]]]]> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %b = mil.const {val = dense<[[[[0.5]], [[0.0]], [[-0.5]], [[1.0]]]]> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %m = mil.reduce_mean %x {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4x1x3xf16>) -> tensor<1x1x1x3xf16>
  %d = mil.sub %x, %m : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  %sq = mil.mul %d, %d : (tensor<1x4x1x3xf16>, tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16>
  %v = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4x1x3xf16>) -> tensor<1x1x1x3xf16>
  %ve = mil.add %v, %eps : (tensor<1x1x1x3xf16>, tensor<f16>) -> tensor<1x1x1x3xf16>
  %r = mil.rsqrt %ve : tensor<1x1x1x3xf16>
  %n = mil.mul %d, %r : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  %nb = mil.add %b, %n : (tensor<1x4x1x1xf16>, tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16>
  %y = mil.mul %nb, %g : (tensor<1x4x1x3xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x3xf16>
  return %y : tensor<1x4x1x3xf16>
}

// -----

// Negative for the gamma of the LayerNormANE order: it varies along S, not
// C, so only beta is folded and the mul stays.
// CHECK-LABEL: func @ane_order_gamma_per_token
func.func @ane_order_gamma_per_token(%x: tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16> {
  // CHECK: %[[N:.*]] = mil.layer_norm %{{.*}} beta %{{.*}} {axes = array<i32: 1>
  // CHECK: %[[Y:.*]] = mil.mul %[[N]], %{{.*}}
  // CHECK-NEXT: return %[[Y]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %g = mil.const {val = dense<[[[[1.0, 2.0, 3.0]]]]> : tensor<1x1x1x3xf16>} : tensor<1x1x1x3xf16>
  %b = mil.const {val = dense<[[[[0.5]], [[0.0]], [[-0.5]], [[1.0]]]]> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %m = mil.reduce_mean %x {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4x1x3xf16>) -> tensor<1x1x1x3xf16>
  %d = mil.sub %x, %m : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  %sq = mil.mul %d, %d : (tensor<1x4x1x3xf16>, tensor<1x4x1x3xf16>) -> tensor<1x4x1x3xf16>
  %v = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4x1x3xf16>) -> tensor<1x1x1x3xf16>
  %ve = mil.add %v, %eps : (tensor<1x1x1x3xf16>, tensor<f16>) -> tensor<1x1x1x3xf16>
  %r = mil.rsqrt %ve : tensor<1x1x1x3xf16>
  %n = mil.mul %d, %r : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  %nb = mil.add %n, %b : (tensor<1x4x1x3xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x3xf16>
  %y = mil.mul %nb, %g : (tensor<1x4x1x3xf16>, tensor<1x1x1x3xf16>) -> tensor<1x4x1x3xf16>
  return %y : tensor<1x4x1x3xf16>
}

// -----

// Last-axis layer norm with square, pow(-0.5) and a [D] gamma (no beta).
// CHECK-LABEL: func @last_axis
func.func @last_axis(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[G:.*]] = mil.const {val = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>}
  // CHECK: %[[Y:.*]] = mil.layer_norm %{{[^ ]*}} gamma %[[G]] {axes = array<i32: -1>}
  // CHECK-NEXT: return %[[Y]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<1xf32>} : tensor<1xf32>
  %nh = mil.const {val = dense<-0.5> : tensor<f32>} : tensor<f32>
  %g = mil.const {val = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>} : tensor<4xf32>
  %m = mil.reduce_mean %x {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %d = mil.sub %x, %m : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %sq = mil.square %d : tensor<2x4xf32>
  %v = mil.reduce_mean %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %ve = mil.add %eps, %v : (tensor<1xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  %r = mil.pow %ve, %nh : (tensor<2x1xf32>, tensor<f32>) -> tensor<2x1xf32>
  %n = mil.mul %r, %d : (tensor<2x1xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = mil.mul %n, %g : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// A gamma varying along a non-normalized dim stays a mul after the
// layer_norm.
// CHECK-LABEL: func @gamma_not_per_axis
func.func @gamma_not_per_axis(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[N:.*]] = mil.layer_norm %{{[^ ]*}} {axes = array<i32: -1>, epsilon = 9.99999996E-13 : f32}
  // CHECK: mil.mul %[[N]], %{{.*}}
  %g = mil.const {val = dense<[[1.0], [2.0]]> : tensor<2x1xf32>} : tensor<2x1xf32>
  %m = mil.reduce_mean %x {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %d = mil.sub %x, %m : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %sq = mil.mul %d, %d : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %v = mil.reduce_mean %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %r = mil.rsqrt %v : tensor<2x1xf32>
  %n = mil.mul %d, %r : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %y = mil.mul %n, %g : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Negative: the means are over different axes; the centred value has
// another use.
// CHECK-LABEL: func @not_layer_norm
func.func @not_layer_norm(%x: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) {
  // CHECK-NOT: mil.layer_norm
  %m = mil.reduce_mean %x {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %d = mil.sub %x, %m : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %sq = mil.mul %d, %d : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %v = mil.reduce_mean %sq {axes = array<i32: 0>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<1x4xf32>
  %r = mil.rsqrt %v : tensor<1x4xf32>
  %a = mil.mul %d, %r : (tensor<2x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  %m2 = mil.reduce_mean %x {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %d2 = mil.sub %x, %m2 : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %sq2 = mil.mul %d2, %d2 : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %v2 = mil.reduce_mean %sq2 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf32>) -> tensor<2x1xf32>
  %r2 = mil.rsqrt %v2 : tensor<2x1xf32>
  %b = mil.mul %d2, %r2 : (tensor<2x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  return %a, %b, %d2 : tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>
}
