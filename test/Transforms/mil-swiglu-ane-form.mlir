// RUN: ane-opt %s -mil-swiglu-ane-form -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-swiglu-ane-form -split-input-file | ane-opt -mil-swiglu-ane-form -split-input-file | FileCheck %s

// silu(x W1) * (x W3) with 1x1 convs, as in the training kernels' FFN.
// CHECK-LABEL: func @swiglu_conv
func.func @swiglu_conv(%x: tensor<1x4x1x8xf16>) -> tensor<1x6x1x8xf16> {
  // CHECK: %[[H1:.*]] = mil.conv %[[X:[^ ]*]], %{{[^ ]*}} :
  // CHECK: %[[H3:.*]] = mil.conv %[[X]], %{{[^ ]*}} :
  // CHECK: %[[SIG:.*]] = mil.sigmoid %[[H1]]
  // CHECK: %[[SILU:.*]] = mil.mul %[[H1]], %[[SIG]]
  // CHECK: %[[GATE:.*]] = mil.mul %[[SILU]], %[[H3]]
  // CHECK: return %[[GATE]]
  // CHECK-NOT: mil.silu
  %w1 = mil.const {val = dense<0.5> : tensor<6x4x1x1xf16>} : tensor<6x4x1x1xf16>
  %w3 = mil.const {val = dense<0.25> : tensor<6x4x1x1xf16>} : tensor<6x4x1x1xf16>
  %h1 = mil.conv %x, %w1 : (tensor<1x4x1x8xf16>, tensor<6x4x1x1xf16>) -> tensor<1x6x1x8xf16>
  %h3 = mil.conv %x, %w3 : (tensor<1x4x1x8xf16>, tensor<6x4x1x1xf16>) -> tensor<1x6x1x8xf16>
  %s = mil.silu %h1 : tensor<1x6x1x8xf16>
  %g = mil.mul %s, %h3 : (tensor<1x6x1x8xf16>, tensor<1x6x1x8xf16>) -> tensor<1x6x1x8xf16>
  return %g : tensor<1x6x1x8xf16>
}

// -----

// linear projections, silu on the right of the mul.
// CHECK-LABEL: func @swiglu_linear
func.func @swiglu_linear(%x: tensor<8x4xf32>) -> tensor<8x6xf32> {
  // CHECK: %[[H1:.*]] = mil.linear
  // CHECK: %[[H3:.*]] = mil.linear
  // CHECK: %[[SIG:.*]] = mil.sigmoid %[[H1]]
  // CHECK: %[[SILU:.*]] = mil.mul %[[H1]], %[[SIG]]
  // CHECK: mil.mul %[[H3]], %[[SILU]]
  // CHECK-NOT: mil.silu
  %w1 = mil.const {val = dense<0.5> : tensor<6x4xf32>} : tensor<6x4xf32>
  %w3 = mil.const {val = dense<0.25> : tensor<6x4xf32>} : tensor<6x4xf32>
  %h1 = mil.linear %x, %w1 : (tensor<8x4xf32>, tensor<6x4xf32>) -> tensor<8x6xf32>
  %h3 = mil.linear %x, %w3 : (tensor<8x4xf32>, tensor<6x4xf32>) -> tensor<8x6xf32>
  %s = mil.silu %h1 : tensor<8x6xf32>
  %g = mil.mul %h3, %s : (tensor<8x6xf32>, tensor<8x6xf32>) -> tensor<8x6xf32>
  return %g : tensor<8x6xf32>
}

// -----

// Negative: projections of different inputs; a silu with another use.
// CHECK-LABEL: func @not_swiglu
func.func @not_swiglu(%x: tensor<8x4xf16>, %u: tensor<8x4xf16>) -> (tensor<8x6xf16>, tensor<8x6xf16>, tensor<8x6xf16>) {
  // CHECK-COUNT-2: mil.silu
  // CHECK-NOT: mil.sigmoid
  %w1 = mil.const {val = dense<0.5> : tensor<6x4xf16>} : tensor<6x4xf16>
  %w3 = mil.const {val = dense<0.25> : tensor<6x4xf16>} : tensor<6x4xf16>
  %h1 = mil.linear %x, %w1 : (tensor<8x4xf16>, tensor<6x4xf16>) -> tensor<8x6xf16>
  %h3 = mil.linear %u, %w3 : (tensor<8x4xf16>, tensor<6x4xf16>) -> tensor<8x6xf16>
  %s = mil.silu %h1 : tensor<8x6xf16>
  %g = mil.mul %s, %h3 : (tensor<8x6xf16>, tensor<8x6xf16>) -> tensor<8x6xf16>
  %h3x = mil.linear %x, %w3 : (tensor<8x4xf16>, tensor<6x4xf16>) -> tensor<8x6xf16>
  %s2 = mil.silu %h1 : tensor<8x6xf16>
  %g2 = mil.mul %s2, %h3x : (tensor<8x6xf16>, tensor<8x6xf16>) -> tensor<8x6xf16>
  return %g, %g2, %s2 : tensor<8x6xf16>, tensor<8x6xf16>, tensor<8x6xf16>
}
