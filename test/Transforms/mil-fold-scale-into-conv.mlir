// RUN: ane-opt %s -mil-fold-scale-into-conv -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-fold-scale-into-conv -split-input-file | ane-opt -mil-fold-scale-into-conv -split-input-file | FileCheck %s

// batch_norm: s = gamma / sqrt(var + eps) = [0.5, 2], w' = w * s,
// b' = (0 - mean) * s + beta = [-0.5, 1].
// CHECK-LABEL: func @conv_batch_norm
func.func @conv_batch_norm(%x: tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK-DAG: %[[W:.*]] = mil.const {val = dense<{{\[\[\[\[}}5.000000e-01]], {{\[\[}}5.000000e-01]]], {{\[\[\[}}2.000000e+00]], {{\[\[}}2.000000e+00]]]]> : tensor<2x2x1x1xf16>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[-5.000000e-01, 1.000000e+00]> : tensor<2xf16>}
  // CHECK: %[[Y:.*]] = mil.conv %{{.*}}, %[[W]] bias %[[B]]
  // CHECK-NOT: mil.batch_norm
  // CHECK: return %[[Y]]
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %mean = mil.const {val = dense<[1.0, 0.0]> : tensor<2xf16>} : tensor<2xf16>
  %var = mil.const {val = dense<[4.0, 0.25]> : tensor<2xf16>} : tensor<2xf16>
  %g = mil.const {val = dense<1.0> : tensor<2xf16>} : tensor<2xf16>
  %b = mil.const {val = dense<[0.0, 1.0]> : tensor<2xf16>} : tensor<2xf16>
  %y = mil.conv %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.batch_norm %y, %mean, %var gamma %g beta %b {epsilon = 0.0 : f32} : (tensor<1x2x3x3xf16>, tensor<2xf16>, tensor<2xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// batch_norm without gamma/beta, conv with a bias and groups:
// s = 1 / sqrt(3 + 1) = 0.5, b' = (b - mean) * s = [0.5, -1].
// CHECK-LABEL: func @grouped_conv_bias_batch_norm
func.func @grouped_conv_bias_batch_norm(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  // CHECK-DAG: %[[W:.*]] = mil.const {val = dense<1.000000e+00> : tensor<2x1x3x3xf32>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>}
  // CHECK: mil.conv %{{.*}}, %[[W]] bias %[[B]] {groups = 2 : i32, pad_type = "same"}
  // CHECK-NOT: mil.batch_norm
  %w = mil.const {val = dense<2.0> : tensor<2x1x3x3xf32>} : tensor<2x1x3x3xf32>
  %cb = mil.const {val = dense<[2.0, -1.0]> : tensor<2xf32>} : tensor<2xf32>
  %mean = mil.const {val = dense<[1.0, 1.0]> : tensor<2xf32>} : tensor<2xf32>
  %var = mil.const {val = dense<3.0> : tensor<2xf32>} : tensor<2xf32>
  %y = mil.conv %x, %w bias %cb {groups = 2 : i32, pad_type = "same"} : (tensor<1x2x3x3xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %z = mil.batch_norm %y, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %z : tensor<1x2x3x3xf32>
}

// -----

// conv_transpose: the weight is [C_in, C_out / groups, *K], so the output
// channels run along dim 1: w' = [[0.5, 2], [0.5, 2]].
// CHECK-LABEL: func @conv_transpose_batch_norm
func.func @conv_transpose_batch_norm(%x: tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK-DAG: %[[W:.*]] = mil.const {val = dense<{{\[\[\[\[}}5.000000e-01]], {{\[\[}}2.000000e+00]]], {{\[\[\[}}5.000000e-01]], {{\[\[}}2.000000e+00]]]]> : tensor<2x2x1x1xf16>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[-5.000000e-01, 1.000000e+00]> : tensor<2xf16>}
  // CHECK: mil.conv_transpose %{{.*}}, %[[W]] bias %[[B]]
  // CHECK-NOT: mil.batch_norm
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %mean = mil.const {val = dense<[1.0, 0.0]> : tensor<2xf16>} : tensor<2xf16>
  %var = mil.const {val = dense<[4.0, 0.25]> : tensor<2xf16>} : tensor<2xf16>
  %b = mil.const {val = dense<[0.0, 1.0]> : tensor<2xf16>} : tensor<2xf16>
  %y = mil.conv_transpose %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.batch_norm %y, %mean, %var beta %b {epsilon = 0.0 : f32} : (tensor<1x2x3x3xf16>, tensor<2xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// A per-channel mul scales the weight rows and the bias.
// CHECK-LABEL: func @conv_mul
func.func @conv_mul(%x: tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK-DAG: %[[W:.*]] = mil.const {val = dense<{{\[\[\[\[}}3.000000e+00]], {{\[\[}}3.000000e+00]]], {{\[\[\[}}-1.000000e+00]], {{\[\[}}-1.000000e+00]]]]> : tensor<2x2x1x1xf16>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[3.000000e+00, -2.000000e+00]> : tensor<2xf16>}
  // CHECK: mil.conv %{{.*}}, %[[W]] bias %[[B]]
  // CHECK-NOT: mil.mul
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %cb = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf16>} : tensor<2xf16>
  %s = mil.const {val = dense<[[[[3.0]], [[-1.0]]]]> : tensor<1x2x1x1xf16>} : tensor<1x2x1x1xf16>
  %y = mil.conv %x, %w bias %cb : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.mul %s, %y : (tensor<1x2x1x1xf16>, tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// linear: a scalar mul scales every weight (the bias starts at zeros).
// CHECK-LABEL: func @linear_scalar_mul
func.func @linear_scalar_mul(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  // CHECK-DAG: %[[W:.*]] = mil.const {val = dense<5.000000e-01> : tensor<3x4xf32>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<0.000000e+00> : tensor<3xf32>}
  // CHECK: mil.linear %{{.*}}, %[[W]] bias %[[B]]
  // CHECK-NOT: mil.mul
  %w = mil.const {val = dense<1.0> : tensor<3x4xf32>} : tensor<3x4xf32>
  %s = mil.const {val = dense<0.5> : tensor<f32>} : tensor<f32>
  %y = mil.linear %x, %w : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  %z = mil.mul %y, %s : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %z : tensor<2x3xf32>
}

// -----

// real_div by a per-channel constant scales by its inverse.
// CHECK-LABEL: func @linear_real_div
func.func @linear_real_div(%x: tensor<2x4xf16>) -> tensor<2x3xf16> {
  // CHECK-DAG: %[[W:.*]] = mil.const {val = dense<{{\[\[}}5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01], [2.500000e-01, 2.500000e-01, 2.500000e-01, 2.500000e-01], [-1.000000e+00, -1.000000e+00, -1.000000e+00, -1.000000e+00]]> : tensor<3x4xf16>}
  // CHECK-DAG: %[[B:.*]] = mil.const {val = dense<[5.000000e-01, 2.500000e-01, -1.000000e+00]> : tensor<3xf16>}
  // CHECK: mil.linear %{{.*}}, %[[W]] bias %[[B]]
  // CHECK-NOT: mil.real_div
  %w = mil.const {val = dense<1.0> : tensor<3x4xf16>} : tensor<3x4xf16>
  %b = mil.const {val = dense<1.0> : tensor<3xf16>} : tensor<3xf16>
  %c = mil.const {val = dense<[2.0, 4.0, -1.0]> : tensor<3xf16>} : tensor<3xf16>
  %y = mil.linear %x, %w bias %b : (tensor<2x4xf16>, tensor<3x4xf16>, tensor<3xf16>) -> tensor<2x3xf16>
  %z = mil.real_div %y, %c : (tensor<2x3xf16>, tensor<3xf16>) -> tensor<2x3xf16>
  return %z : tensor<2x3xf16>
}

// -----

// Negative: c / op is not a scale of op; division by zero stays.
// CHECK-LABEL: func @not_a_scale
func.func @not_a_scale(%x: tensor<2x4xf16>) -> (tensor<2x3xf16>, tensor<2x3xf16>) {
  // CHECK-COUNT-2: mil.real_div
  %w = mil.const {val = dense<1.0> : tensor<3x4xf16>} : tensor<3x4xf16>
  %c = mil.const {val = dense<[2.0, 4.0, -1.0]> : tensor<3xf16>} : tensor<3xf16>
  %zero = mil.const {val = dense<[2.0, 0.0, -1.0]> : tensor<3xf16>} : tensor<3xf16>
  %y = mil.linear %x, %w : (tensor<2x4xf16>, tensor<3x4xf16>) -> tensor<2x3xf16>
  %a = mil.real_div %c, %y : (tensor<3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
  %y2 = mil.linear %x, %w : (tensor<2x4xf16>, tensor<3x4xf16>) -> tensor<2x3xf16>
  %b = mil.real_div %y2, %zero : (tensor<2x3xf16>, tensor<3xf16>) -> tensor<2x3xf16>
  return %a, %b : tensor<2x3xf16>, tensor<2x3xf16>
}

// -----

// Negative: the weight is not a constant.
// CHECK-LABEL: func @dynamic_weight
func.func @dynamic_weight(%x: tensor<1x2x3x3xf16>, %w: tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv
  // CHECK: mil.mul
  %s = mil.const {val = dense<3.0> : tensor<f16>} : tensor<f16>
  %y = mil.conv %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.mul %y, %s : (tensor<1x2x3x3xf16>, tensor<f16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// Negative: batch_norm statistics that are not constants.
// CHECK-LABEL: func @runtime_statistics
func.func @runtime_statistics(%x: tensor<1x2x3x3xf16>, %mean: tensor<2xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv
  // CHECK: mil.batch_norm
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %var = mil.const {val = dense<1.0> : tensor<2xf16>} : tensor<2xf16>
  %y = mil.conv %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.batch_norm %y, %mean, %var : (tensor<1x2x3x3xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// Negative: variance + epsilon <= 0 (the batch_norm yields NaN; nothing to
// fold).
// CHECK-LABEL: func @non_positive_variance
func.func @non_positive_variance(%x: tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv
  // CHECK: mil.batch_norm
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %mean = mil.const {val = dense<0.0> : tensor<2xf16>} : tensor<2xf16>
  %var = mil.const {val = dense<[1.0, -1.0]> : tensor<2xf16>} : tensor<2xf16>
  %y = mil.conv %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.batch_norm %y, %mean, %var : (tensor<1x2x3x3xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  return %z : tensor<1x2x3x3xf16>
}

// -----

// Negative: the conv result has another use.
// CHECK-LABEL: func @multiple_uses
func.func @multiple_uses(%x: tensor<1x2x3x3xf16>) -> (tensor<1x2x3x3xf16>, tensor<1x2x3x3xf16>) {
  // CHECK: %[[Y:.*]] = mil.conv
  // CHECK: %[[Z:.*]] = mil.mul %[[Y]]
  // CHECK: return %[[Y]], %[[Z]]
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %s = mil.const {val = dense<3.0> : tensor<f16>} : tensor<f16>
  %y = mil.conv %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.mul %y, %s : (tensor<1x2x3x3xf16>, tensor<f16>) -> tensor<1x2x3x3xf16>
  return %y, %z : tensor<1x2x3x3xf16>, tensor<1x2x3x3xf16>
}

// -----

// Negative: a mul varying along a spatial dim, and a mul by a runtime value.
// CHECK-LABEL: func @not_per_channel
func.func @not_per_channel(%x: tensor<1x2x3x3xf16>, %r: tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16> {
  // CHECK: mil.conv
  // CHECK: mil.mul
  // CHECK: mil.linear
  // CHECK: mil.mul
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %s = mil.const {val = dense<[1.0, 2.0, 3.0]> : tensor<3xf16>} : tensor<3xf16>
  %y = mil.conv %x, %w : (tensor<1x2x3x3xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x3x3xf16>
  %z = mil.mul %y, %s : (tensor<1x2x3x3xf16>, tensor<3xf16>) -> tensor<1x2x3x3xf16>
  %lw = mil.const {val = dense<1.0> : tensor<3x3xf16>} : tensor<3x3xf16>
  %l = mil.linear %z, %lw : (tensor<1x2x3x3xf16>, tensor<3x3xf16>) -> tensor<1x2x3x3xf16>
  %m = mil.mul %l, %r : (tensor<1x2x3x3xf16>, tensor<1x2x3x3xf16>) -> tensor<1x2x3x3xf16>
  return %m : tensor<1x2x3x3xf16>
}
