// RUN: ane-opt %s -mil-ane-fusion | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-ane-fusion | ane-opt -mil-ane-fusion | FileCheck %s

// The fusion pipeline on a small block: matmul + bias + relu becomes
// linear(bias) → relu; conv → batch_norm → add → relu becomes
// conv(weight', bias') → relu.
// CHECK-LABEL: func @main
func.func @main(%x: tensor<4x2xf16>, %img: tensor<1x2x3x3xf16>) -> (tensor<4x3xf16>, tensor<1x2x3x3xf16>) {
  // CHECK-NOT: mil.matmul
  // CHECK-NOT: mil.batch_norm
  // CHECK-NOT: mil.add
  // CHECK: %[[L:.*]] = mil.linear %{{.*}}, %{{.*}} bias %{{.*}} :
  // CHECK: %[[LR:.*]] = mil.relu %[[L]]
  // CHECK: %[[C:.*]] = mil.conv %{{.*}}, %{{.*}} bias %{{.*}} :
  // CHECK: %[[CR:.*]] = mil.relu %[[C]]
  // CHECK: return %[[LR]], %[[CR]]
  %w = mil.const {val = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf16>} : tensor<2x3xf16>
  %c = mil.const {val = dense<[1.0, 2.0, 3.0]> : tensor<3xf16>} : tensor<3xf16>
  %y = mil.matmul %x, %w : (tensor<4x2xf16>, tensor<2x3xf16>) -> tensor<4x3xf16>
  %z = mil.add %y, %c : (tensor<4x3xf16>, tensor<3xf16>) -> tensor<4x3xf16>
  %r = mil.relu %z : tensor<4x3xf16>
  %cw = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %mean = mil.const {val = dense<[1.0, 0.0]> : tensor<2xf16>} : tensor<2xf16>
  %var = mil.const {val = dense<[4.0, 0.25]> : tensor<2xf16>} : tensor<2xf16>
  %cb = mil.const {val = dense<[[[[0.5]], [[-1.5]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16>
  %cy = mil.conv %img, %cw : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %bn = mil.batch_norm %cy, %mean, %var : (tensor<1x2x3x3xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  %cz = mil.add %bn, %cb : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %cr = mil.relu %cz : tensor<1x2x3x3xf16>
  return %r, %cr : tensor<4x3xf16>, tensor<1x2x3x3xf16>
}

// Normalizations and the SwiGLU gate: the decomposed layer norm becomes one
// layer_norm (not an RMSNorm of x - mean), the RMSNorm takes the kernels'
// form, its gamma is folded into the projections and the silu becomes
// h1 * sigmoid(h1).
// CHECK-LABEL: func @norms_and_ffn
func.func @norms_and_ffn(%x: tensor<2x4xf16>) -> (tensor<2x4xf16>, tensor<2x6xf16>) {
  // CHECK-NOT: mil.rsqrt
  // CHECK-NOT: mil.silu
  // CHECK: mil.layer_norm %{{[^ ]*}} {axes = array<i32: -1>, epsilon = 1.001360e-05 : f16}
  // CHECK: mil.reduce_sum
  // CHECK: mil.pow
  // CHECK: %[[N:.*]] = mil.mul
  // The RMSNorm gamma is folded into both projections' weight columns.
  // CHECK: %[[W1:.*]] = mil.const {val = dense<{{\[\[}}1.000000e+00, 1.000000e+00, 1.000000e+00, -5.000000e-01],
  // CHECK: %[[H1:.*]] = mil.linear %[[N]], %[[W1]]
  // CHECK: %[[W3:.*]] = mil.const {val = dense<{{\[\[}}5.000000e-01, 5.000000e-01, 5.000000e-01, -2.500000e-01],
  // CHECK: %[[H3:.*]] = mil.linear %[[N]], %[[W3]]
  // CHECK: %[[SIG:.*]] = mil.sigmoid %[[H1]]
  // CHECK: %[[SILU:.*]] = mil.mul %[[H1]], %[[SIG]]
  // CHECK: mil.mul %[[SILU]], %[[H3]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %m = mil.reduce_mean %x {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf16>) -> tensor<2x1xf16>
  %d = mil.sub %x, %m : (tensor<2x4xf16>, tensor<2x1xf16>) -> tensor<2x4xf16>
  %sq = mil.mul %d, %d : (tensor<2x4xf16>, tensor<2x4xf16>) -> tensor<2x4xf16>
  %v = mil.reduce_mean %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf16>) -> tensor<2x1xf16>
  %ve = mil.add %v, %eps : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r = mil.rsqrt %ve : tensor<2x1xf16>
  %ln = mil.mul %d, %r : (tensor<2x4xf16>, tensor<2x1xf16>) -> tensor<2x4xf16>
  %sq2 = mil.mul %ln, %ln : (tensor<2x4xf16>, tensor<2x4xf16>) -> tensor<2x4xf16>
  %m2 = mil.reduce_mean %sq2 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x4xf16>) -> tensor<2x1xf16>
  %v2 = mil.add %m2, %eps : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r2 = mil.rsqrt %v2 : tensor<2x1xf16>
  %rms = mil.mul %ln, %r2 : (tensor<2x4xf16>, tensor<2x1xf16>) -> tensor<2x4xf16>
  %w1 = mil.const {val = dense<0.5> : tensor<4x6xf16>} : tensor<4x6xf16>
  %w3 = mil.const {val = dense<0.25> : tensor<6x4xf16>} : tensor<6x4xf16>
  %gamma = mil.const {val = dense<[2.0, 2.0, 2.0, -1.0]> : tensor<4xf16>} : tensor<4xf16>
  %rmsg = mil.mul %rms, %gamma : (tensor<2x4xf16>, tensor<4xf16>) -> tensor<2x4xf16>
  %h1 = mil.matmul %rmsg, %w1 : (tensor<2x4xf16>, tensor<4x6xf16>) -> tensor<2x6xf16>
  %h3 = mil.linear %rmsg, %w3 : (tensor<2x4xf16>, tensor<6x4xf16>) -> tensor<2x6xf16>
  %s = mil.silu %h1 : tensor<2x6xf16>
  %g = mil.mul %s, %h3 : (tensor<2x6xf16>, tensor<2x6xf16>) -> tensor<2x6xf16>
  return %ln, %g : tensor<2x4xf16>, tensor<2x6xf16>
}
