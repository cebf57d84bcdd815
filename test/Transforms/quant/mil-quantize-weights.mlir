// RUN: ane-opt %s -split-input-file -mil-quantize-weights="min-elements=0" | FileCheck %s
// RUN: ane-opt %s -split-input-file -mil-quantize-weights="min-elements=0 mode=asymmetric dtype=uint8 granularity=per-tensor" | FileCheck %s --check-prefix=ASYM
// RUN: ane-opt %s -split-input-file -mil-quantize-weights="min-elements=5" | FileCheck %s --check-prefix=MIN
// RUN: ane-opt %s -split-input-file -mil-quantize-weights="min-elements=0 op-kinds=matmul" | FileCheck %s --check-prefix=KINDS
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -split-input-file -mil-quantize-weights="min-elements=0" | ane-opt -split-input-file -mil-quantize-weights="min-elements=0" | FileCheck %s

// Expected values computed by hand (coremltools' formulas): channel 0 has
// max|w| = 1 -> scale 1/127 rounded up to fp16 (7.881160e-03), 1/scale =
// 126.9 -> 127, -0.5/scale = -63.4 -> -63; channel 1: max|w| = 0.25.
// Asymmetric uint8 per-tensor: [min, max] = [-0.5, 1], scale = 1.5/255
// rounded up (5.886080e-03), zero point round(0.5/scale) = 85.

// CHECK-LABEL: func @conv_per_channel
// CHECK-NOT: mil.const
// CHECK: %[[W:.*]] = mil.constexpr_affine_dequantize {axis = 0 : i32, mil.name = "W", quantized_data = dense<{{\[\[\[\[}}127]], {{\[\[}}-63]]], {{\[\[\[}}127]], {{\[\[}}63]]]]> : tensor<2x2x1x1xi8>, scale = dense<[7.881160e-03, 1.970290e-03]> : tensor<2xf16>, zero_point = dense<0> : tensor<2xi8>} : tensor<2x2x1x1xf16>
// CHECK: mil.conv %{{.*}}, %[[W]]
// ASYM-LABEL: func @conv_per_channel
// ASYM: mil.constexpr_affine_dequantize {axis = 0 : i32, mil.name = "W", quantized_data = dense<{{\[\[\[\[}}255]], {{\[\[}}0]]], {{\[\[\[}}127]], {{\[\[}}106]]]]> : tensor<2x2x1x1xui8>, scale = dense<5.886080e-03> : tensor<f16>, zero_point = dense<85> : tensor<ui8>} : tensor<2x2x1x1xf16>
// Fewer than min-elements elements: left alone.
// MIN-LABEL: func @conv_per_channel
// MIN: mil.const
// MIN-NOT: mil.constexpr_affine_dequantize
// KINDS-LABEL: func @conv_per_channel
// KINDS-NOT: mil.constexpr_affine_dequantize
func.func @conv_per_channel(%x: tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16> {
  %w = mil.const {val = dense<[[[[1.0]], [[-0.5]]], [[[0.25]], [[0.125]]]]> : tensor<2x2x1x1xf16>, mil.name = "W"} : tensor<2x2x1x1xf16>
  %y = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  return %y : tensor<1x2x1x4xf16>
}

// -----

// matmul: the output channels of a constant y [K, N] run along N (axis 1);
// of a transposed y [N, K] along axis 0. fp32 weights keep fp32 scales.
// Asymmetric per-tensor: [min, max] = [-8, 4], scale = 12/255, zp 170.
// CHECK-LABEL: func @matmul_y
// CHECK: mil.constexpr_affine_dequantize {axis = 1 : i32, quantized_data = dense<{{\[\[}}127, 127, 127, 64], [-127, -127, -127, -127]]> : tensor<2x4xi8>, scale = dense<[0.00787401571, 0.0157480314, 0.0236220472, 0.0629921257]> : tensor<4xf32>, zero_point = dense<0> : tensor<4xi8>} : tensor<2x4xf32>
// CHECK: mil.constexpr_affine_dequantize {axis = 0 : i32, {{.*}} : tensor<4x2xi8>, scale = {{.*}} : tensor<4xf32>
// ASYM-LABEL: func @matmul_y
// ASYM: mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<{{\[\[}}191, 212, 234, 255], [149, 128, 106, 0]]> : tensor<2x4xui8>, scale = dense<0.0470588244> : tensor<f32>, zero_point = dense<170> : tensor<ui8>} : tensor<2x4xf32>
// MIN-LABEL: func @matmul_y
// MIN-COUNT-2: mil.constexpr_affine_dequantize
// KINDS-LABEL: func @matmul_y
// KINDS-COUNT-2: mil.constexpr_affine_dequantize
func.func @matmul_y(%x: tensor<3x2xf32>, %x2: tensor<3x2xf32>) -> (tensor<3x4xf32>, tensor<3x4xf32>) {
  %w = mil.const {val = dense<[[1.0, 2.0, 3.0, 4.0], [-1.0, -2.0, -3.0, -8.0]]> : tensor<2x4xf32>} : tensor<2x4xf32>
  %y = mil.matmul %x, %w : (tensor<3x2xf32>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %wt = mil.const {val = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>} : tensor<4x2xf32>
  %y2 = mil.matmul %x2, %wt {transpose_y = true} : (tensor<3x2xf32>, tensor<4x2xf32>) -> tensor<3x4xf32>
  return %y, %y2 : tensor<3x4xf32>, tensor<3x4xf32>
}

// -----

// A constant x [M, K] has its output channels along M (axis 0); transposed
// ([K, M]) along axis 1.
// CHECK-LABEL: func @matmul_x
// CHECK: mil.constexpr_affine_dequantize {axis = 0 : i32, {{.*}} : tensor<4x2xi8>, scale = {{.*}} : tensor<4xf32>
// CHECK: mil.constexpr_affine_dequantize {axis = 1 : i32, {{.*}} : tensor<2x4xi8>, scale = {{.*}} : tensor<4xf32>
func.func @matmul_x(%y: tensor<2x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %a = mil.const {val = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>} : tensor<4x2xf32>
  %0 = mil.matmul %a, %y : (tensor<4x2xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %at = mil.const {val = dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>} : tensor<2x4xf32>
  %1 = mil.matmul %at, %y {transpose_x = true} : (tensor<2x4xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// A 1-D matmul operand has no output-channel axis: one scale.
// CHECK-LABEL: func @matmul_vector
// CHECK: mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<[64, -127]> : tensor<2xi8>, scale = dense<0.0314960629> : tensor<f32>, zero_point = dense<0> : tensor<i8>}
func.func @matmul_vector(%x: tensor<3x2xf32>) -> tensor<3xf32> {
  %v = mil.const {val = dense<[2.0, -4.0]> : tensor<2xf32>} : tensor<2xf32>
  %y = mil.matmul %x, %v : (tensor<3x2xf32>, tensor<2xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// -----

// linear: weight [D_out, D_in], channels along axis 0; the bias stays fp16.
// CHECK-LABEL: func @linear
// An all-zero channel gets the smallest fp16 scale (all its data is 0).
// CHECK-DAG: %[[B:.*]] = mil.const {val = dense<5.000000e-01> : tensor<2xf16>}
// CHECK-DAG: %[[W:.*]] = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<{{\[\[}}127, -127, 63], [0, 0, 0]]> : tensor<2x3xi8>, scale = dense<[1.576230e-02, 5.960460e-08]>
// CHECK: mil.linear %{{.*}}, %[[W]] bias %[[B]]
func.func @linear(%x: tensor<4x3xf16>) -> tensor<4x2xf16> {
  %w = mil.const {val = dense<[[2.0, -2.0, 1.0], [0.0, 0.0, 0.0]]> : tensor<2x3xf16>} : tensor<2x3xf16>
  %b = mil.const {val = dense<0.5> : tensor<2xf16>} : tensor<2xf16>
  %y = mil.linear %x, %w bias %b : (tensor<4x3xf16>, tensor<2x3xf16>, tensor<2xf16>) -> tensor<4x2xf16>
  return %y : tensor<4x2xf16>
}

// -----

// Not weights of a target op: activations, non-constant weights, a
// constant also read by an add (kept for the add, quantized for the conv);
// weights holding inf have no finite scale and stay.
// CHECK-LABEL: func @negative
// CHECK-DAG: %[[C:.*]] = mil.const {val = dense<1.000000e+00> : tensor<1x1x1x1xf16>}
// CHECK-DAG: %[[Q:.*]] = mil.constexpr_affine_dequantize
// CHECK: mil.conv %{{.*}}, %arg1
// CHECK: mil.conv %{{.*}}, %[[Q]]
// CHECK: mil.add %{{.*}}, %[[C]]
// CHECK: %[[INF:.*]] = mil.const {val = dense<0x7C00> : tensor<1x1x1x1xf16>}
// CHECK: mil.conv %{{.*}}, %[[INF]]
func.func @negative(%x: tensor<1x1x1x4xf16>, %w: tensor<1x1x1x1xf16>) -> tensor<1x1x1x4xf16> {
  %c = mil.const {val = dense<1.0> : tensor<1x1x1x1xf16>} : tensor<1x1x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x1x1x4xf16>, tensor<1x1x1x1xf16>) -> tensor<1x1x1x4xf16>
  %1 = mil.conv %0, %c : (tensor<1x1x1x4xf16>, tensor<1x1x1x1xf16>) -> tensor<1x1x1x4xf16>
  %2 = mil.add %1, %c : (tensor<1x1x1x4xf16>, tensor<1x1x1x1xf16>) -> tensor<1x1x1x4xf16>
  %inf = mil.const {val = dense<0x7C00> : tensor<1x1x1x1xf16>} : tensor<1x1x1x1xf16>
  %3 = mil.conv %2, %inf : (tensor<1x1x1x4xf16>, tensor<1x1x1x1xf16>) -> tensor<1x1x1x4xf16>
  return %3 : tensor<1x1x1x4xf16>
}
