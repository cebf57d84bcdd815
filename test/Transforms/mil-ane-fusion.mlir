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
