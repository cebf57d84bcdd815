// RUN: ane-opt %s -mil-fuse-bias -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-fuse-bias -split-input-file | ane-opt -mil-fuse-bias -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-fuse-bias -split-input-file -mlir-print-debuginfo | FileCheck %s --check-prefix=NAMES

// conv → add(c) → relu ends as conv(bias) → relu.
// CHECK-LABEL: func @conv_bias_relu
func.func @conv_bias_relu(%x: tensor<1x4x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: %[[B:.*]] = mil.const {val = dense<[5.000000e-01, -1.500000e+00]> : tensor<2xf16>}
  // CHECK: %[[Y:.*]] = mil.conv %{{.*}}, %{{.*}} bias %[[B]]
  // CHECK-NOT: mil.add
  // CHECK: %[[R:.*]] = mil.relu %[[Y]]
  // CHECK: return %[[R]]
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %c = mil.const {val = dense<[[[[0.5]], [[-1.5]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16>
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.add %y, %c : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %r = mil.relu %z : tensor<1x2x3x3xf16>
  return %r : tensor<1x2x3x3xf16>
}

// -----

// Constant first, rank-3 [C, 1, 1] constant, existing bias: b + c.
// CHECK-LABEL: func @conv_existing_bias
func.func @conv_existing_bias(%x: tensor<1x4x3x3xf32>) -> tensor<1x2x3x3xf32> {
  // CHECK: %[[B:.*]] = mil.const {val = dense<[1.250000e+00, 3.000000e+00]> : tensor<2xf32>}
  // CHECK: %[[Y:.*]] = mil.conv %{{.*}}, %{{.*}} bias %[[B]] {pad_type = "same"}
  // CHECK-NEXT: return %[[Y]]
  %w = mil.const {val = dense<1.0> : tensor<2x4x3x3xf32>} : tensor<2x4x3x3xf32>
  %b = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf32>} : tensor<2xf32>
  %c = mil.const {val = dense<[[[0.25]], [[1.0]]]> : tensor<2x1x1xf32>} : tensor<2x1x1xf32>
  %y = mil.conv %x, %w bias %b {pad_type = "same"} : (tensor<1x4x3x3xf32>, tensor<2x4x3x3xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %z = mil.add %c, %y : (tensor<2x1x1xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %z : tensor<1x2x3x3xf32>
}

// -----

// sub(op, c) folds as bias - c; a scalar constant applies to every channel.
// CHECK-LABEL: func @conv_sub_scalar
func.func @conv_sub_scalar(%x: tensor<1x4x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: %[[B:.*]] = mil.const {val = dense<-2.000000e+00> : tensor<2xf16>}
  // CHECK: mil.conv %{{.*}}, %{{.*}} bias %[[B]]
  // CHECK-NOT: mil.sub
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %c = mil.const {val = dense<2.0> : tensor<f16>} : tensor<f16>
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.sub %y, %c : (tensor<1x2x3x3xf16>, tensor<f16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// linear: the bias runs along the last dim.
// CHECK-LABEL: func @linear_bias
func.func @linear_bias(%x: tensor<2x4xf16>) -> tensor<2x3xf16> {
  // CHECK: %[[B:.*]] = mil.const {val = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf16>}
  // CHECK: %[[Y:.*]] = mil.linear %{{.*}}, %{{.*}} bias %[[B]]
  // CHECK-NEXT: return %[[Y]]
  %w = mil.const {val = dense<1.0> : tensor<3x4xf16>} : tensor<3x4xf16>
  %c = mil.const {val = dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf16>} : tensor<1x3xf16>
  %y = mil.linear %x, %w : (tensor<2x4xf16>, tensor<3x4xf16>) -> tensor<2x3xf16>
  %z = mil.add %y, %c : (tensor<2x3xf16>, tensor<1x3xf16>) -> tensor<2x3xf16>
  return %z : tensor<2x3xf16>
}

// -----

// conv_transpose has a [C_out] bias too.
// CHECK-LABEL: func @conv_transpose_bias
func.func @conv_transpose_bias(%x: tensor<1x4x2x2xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv_transpose %{{.*}}, %{{.*}} bias %{{.*}} :
  // CHECK-NOT: mil.add
  %w = mil.const {val = dense<1.0> : tensor<4x2x2x2xf16>} : tensor<4x2x2x2xf16>
  %c = mil.const {val = dense<[[[[0.5]], [[-1.5]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16>
  %y = mil.conv_transpose %x, %w : (tensor<1x4x2x2xf16>, tensor<4x2x2x2xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.add %y, %c : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// Negative: the added value is not a constant.
// CHECK-LABEL: func @non_constant_bias
func.func @non_constant_bias(%x: tensor<1x4x3x3xf16>, %c: tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv %{{[^ ]*}}, %{{[^ ]*}} :
  // CHECK: mil.add
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.add %y, %c : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// Negative: a [C] constant added to a conv result broadcasts along the last
// (width) dim, not the channels; it is not a bias.
// CHECK-LABEL: func @wrong_broadcast_axis
func.func @wrong_broadcast_axis(%x: tensor<1x4x3x2xf16>) -> tensor<1x2x3x2xf16> {
  // CHECK: mil.conv %{{[^ ]*}}, %{{[^ ]*}} :
  // CHECK: mil.add
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %c = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf16>} : tensor<2xf16>
  %y = mil.conv %x, %w : (tensor<1x4x3x2xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x2xf16>
  %z = mil.add %y, %c : (tensor<1x2x3x2xf16>, tensor<2xf16>) -> tensor<1x2x3x2xf16>
  return %z : tensor<1x2x3x2xf16>
}

// -----

// Negative: a constant varying along a spatial dim is not a bias.
// CHECK-LABEL: func @spatial_constant
func.func @spatial_constant(%x: tensor<1x4x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv %{{[^ ]*}}, %{{[^ ]*}} :
  // CHECK: mil.add
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %c = mil.const {val = dense<[[[[1.0], [2.0], [3.0]]]]> : tensor<1x1x3x1xf16>} : tensor<1x1x3x1xf16>
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.add %y, %c : (tensor<1x2x3x3xf16>, tensor<1x1x3x1xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// Negative: the conv result has another use.
// CHECK-LABEL: func @conv_multiple_uses
func.func @conv_multiple_uses(%x: tensor<1x4x3x3xf16>) -> (tensor<1x2x3x3xf16>, tensor<1x2x3x3xf16>) {
  // CHECK: %[[Y:.*]] = mil.conv %{{[^ ]*}}, %{{[^ ]*}} :
  // CHECK: %[[Z:.*]] = mil.add %[[Y]]
  // CHECK: return %[[Y]], %[[Z]]
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %c = mil.const {val = dense<[[[[0.5]], [[-1.5]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16>
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.add %y, %c : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  return %y, %z : tensor<1x2x3x3xf16>, tensor<1x2x3x3xf16>
}

// -----

// Negative: sub(c, op) is not op + bias.
// CHECK-LABEL: func @constant_minus_conv
func.func @constant_minus_conv(%x: tensor<1x4x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv %{{[^ ]*}}, %{{[^ ]*}} :
  // CHECK: mil.sub
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16>
  %c = mil.const {val = dense<2.0> : tensor<f16>} : tensor<f16>
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.sub %c, %y : (tensor<f16>, tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// MIL names: the op takes over the add's name (the program's variable
// `z` keeps its name); the new bias is named after it.
// NAMES-LABEL: func @names
// NAMES: mil.const {val = dense<[5.000000e-01, -1.500000e+00]> {{.*}} loc(#[[BLOC:loc[0-9]+]])
// NAMES: mil.conv {{.*}} loc(#[[ZLOC:loc[0-9]+]])
// NAMES: #[[BNAME:loc[0-9]+]] = loc("z_bias")
// NAMES: #[[ZLOC]] = loc("z")
// NAMES: #[[BLOC]] = loc(fused[#[[BNAME]], #{{loc[0-9]+}}])
// CHECK-LABEL: func @names
func.func @names(%x: tensor<1x4x3x3xf16>) -> tensor<1x2x3x3xf16> {
  %w = mil.const {val = dense<1.0> : tensor<2x4x1x1xf16>} : tensor<2x4x1x1xf16> loc("w")
  %c = mil.const {val = dense<[[[[0.5]], [[-1.5]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16> loc("c")
  %y = mil.conv %x, %w : (tensor<1x4x3x3xf16>, tensor<2x4x1x1xf16>) -> tensor<1x2x3x3xf16> loc("y")
  %z = mil.add %y, %c : (tensor<1x2x3x3xf16>, tensor<1x2x1x1xf16>) -> tensor<1x2x3x3xf16> loc("z")
  return %z : tensor<1x2x3x3xf16>
}
