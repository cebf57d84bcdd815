// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// The ANE's linear layer: 1x1 conv over [1, C, 1, S].
// CHECK-LABEL: func @conv_1x1
func.func @conv_1x1(%x: tensor<1x64x1x32xf16>, %w: tensor<128x64x1x1xf16>) -> tensor<1x128x1x32xf16> {
  // CHECK: mil.conv %{{.*}}, %{{.*}} {{.*}}: (tensor<1x64x1x32xf16>, tensor<128x64x1x1xf16>) -> tensor<1x128x1x32xf16>
  %0 = mil.conv %x, %w {dilations = array<i32: 1, 1>, groups = 1 : i32, pad = array<i32: 0, 0, 0, 0>, pad_type = "valid", strides = array<i32: 1, 1>} : (tensor<1x64x1x32xf16>, tensor<128x64x1x1xf16>) -> tensor<1x128x1x32xf16>
  return %0 : tensor<1x128x1x32xf16>
}

// same: ceil(7 / 2) = 4; same_lower gives the same size.
// CHECK-LABEL: func @conv_same
func.func @conv_same(%x: tensor<1x3x7x7xf32>, %w: tensor<8x3x3x3xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  // CHECK: mil.conv {{.*}}pad_type = "same"{{.*}} -> tensor<1x8x4x4xf32>
  %0 = mil.conv %x, %w {pad_type = "same", strides = array<i32: 2, 2>} : (tensor<1x3x7x7xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: mil.conv {{.*}}pad_type = "same_lower"{{.*}} -> tensor<1x8x4x4xf32>
  %1 = mil.conv %x, %w {pad_type = "same_lower", strides = array<i32: 2, 2>} : (tensor<1x3x7x7xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// custom pad [1, 2, 0, 1], dilations [2, 1]: k_eff = 5 and 3;
// (10 + 3 - 5) / 1 + 1 = 9, (9 + 1 - 3) / 1 + 1 = 8.
// CHECK-LABEL: func @conv_custom_pad_dilated
// Dilations other than 1 need a constant weight.
func.func @conv_custom_pad_dilated(%x: tensor<1x4x10x9xf16>) -> tensor<1x8x9x8xf16> {
  %w = mil.const {val = dense<1.0> : tensor<8x4x3x3xf16>} : tensor<8x4x3x3xf16>
  // CHECK: mil.conv {{.*}} -> tensor<1x8x9x8xf16>
  %0 = mil.conv %x, %w {pad_type = "custom", pad = array<i32: 1, 2, 0, 1>, dilations = array<i32: 2, 1>} : (tensor<1x4x10x9xf16>, tensor<8x4x3x3xf16>) -> tensor<1x8x9x8xf16>
  return %0 : tensor<1x8x9x8xf16>
}

// pad is ignored unless pad_type is custom.
// CHECK-LABEL: func @conv_pad_ignored_for_valid
func.func @conv_pad_ignored_for_valid(%x: tensor<1x4x10x9xf16>, %w: tensor<8x4x3x3xf16>) -> tensor<1x8x8x7xf16> {
  // CHECK: mil.conv {{.*}} -> tensor<1x8x8x7xf16>
  %0 = mil.conv %x, %w {pad_type = "valid", pad = array<i32: 1, 2, 0, 1>} : (tensor<1x4x10x9xf16>, tensor<8x4x3x3xf16>) -> tensor<1x8x8x7xf16>
  return %0 : tensor<1x8x8x7xf16>
}

// groups = 2, fp32 weight and bias with fp16 activations (iOS17).
// CHECK-LABEL: func @conv_groups_bias_mixed_dtypes
func.func @conv_groups_bias_mixed_dtypes(%x: tensor<1x64x8x8xf16>, %w: tensor<32x32x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x6x6xf16> {
  // CHECK: mil.conv %{{.*}}, %{{.*}} bias %{{.*}} {{.*}}: (tensor<1x64x8x8xf16>, tensor<32x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x6x6xf16>
  %0 = mil.conv %x, %w bias %b {groups = 2 : i32} : (tensor<1x64x8x8xf16>, tensor<32x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x6x6xf16>
  return %0 : tensor<1x32x6x6xf16>
}

// Depthwise: groups = C_in.
// CHECK-LABEL: func @conv_depthwise
func.func @conv_depthwise(%x: tensor<1x16x8x8xf16>, %w: tensor<16x1x3x3xf16>) -> tensor<1x16x8x8xf16> {
  // CHECK: mil.conv {{.*}} -> tensor<1x16x8x8xf16>
  %0 = mil.conv %x, %w {groups = 16 : i32, pad_type = "custom", pad = array<i32: 1, 1, 1, 1>} : (tensor<1x16x8x8xf16>, tensor<16x1x3x3xf16>) -> tensor<1x16x8x8xf16>
  return %0 : tensor<1x16x8x8xf16>
}

// 1-D: floor((100 - 5) / 3) + 1 = 32. 3-D with groups.
// CHECK-LABEL: func @conv_1d_3d
func.func @conv_1d_3d(%x: tensor<1x16x100xf16>, %w: tensor<32x16x5xf16>, %x3: tensor<2x4x5x6x7xf32>, %w3: tensor<8x2x1x2x3xf32>) -> (tensor<1x32x32xf16>, tensor<2x8x5x5x5xf32>) {
  // CHECK: mil.conv {{.*}} -> tensor<1x32x32xf16>
  %0 = mil.conv %x, %w {strides = array<i32: 3>} : (tensor<1x16x100xf16>, tensor<32x16x5xf16>) -> tensor<1x32x32xf16>
  // CHECK: mil.conv {{.*}} -> tensor<2x8x5x5x5xf32>
  %1 = mil.conv %x3, %w3 {groups = 2 : i32} : (tensor<2x4x5x6x7xf32>, tensor<8x2x1x2x3xf32>) -> tensor<2x8x5x5x5xf32>
  return %0, %1 : tensor<1x32x32xf16>, tensor<2x8x5x5x5xf32>
}

// A weight computed at run time, and dynamic dims.
// CHECK-LABEL: func @conv_dynamic
func.func @conv_dynamic(%x: tensor<?x3x?x16xf16>, %w: tensor<8x3x3x3xf16>) -> tensor<?x8x?x16xf16> {
  // CHECK: %[[W:.*]] = mil.mul
  %w2 = mil.mul %w, %w : (tensor<8x3x3x3xf16>, tensor<8x3x3x3xf16>) -> tensor<8x3x3x3xf16>
  // CHECK: mil.conv %{{.*}}, %[[W]] {{.*}} -> tensor<?x8x?x16xf16>
  %0 = mil.conv %x, %w2 {pad_type = "same"} : (tensor<?x3x?x16xf16>, tensor<8x3x3x3xf16>) -> tensor<?x8x?x16xf16>
  return %0 : tensor<?x8x?x16xf16>
}

// conv_transpose: valid (4 - 1) * 2 + 3 = 9; same 4 * 2 = 8;
// custom 9 - 1 - 2 = 6; output_shape wins.
// CHECK-LABEL: func @conv_transpose
func.func @conv_transpose(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>, %b: tensor<16xf16>) -> (tensor<1x8x9x9xf16>, tensor<1x8x8x8xf16>, tensor<1x16x6x9xf16>, tensor<1x8x10x10xf16>) {
  // CHECK: mil.conv_transpose {{.*}} -> tensor<1x8x9x9xf16>
  %0 = mil.conv_transpose %x, %w {strides = array<i32: 2, 2>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x9x9xf16>
  // CHECK: mil.conv_transpose {{.*}} -> tensor<1x8x8x8xf16>
  %1 = mil.conv_transpose %x, %w {strides = array<i32: 2, 2>, pad_type = "same"} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x8x8xf16>
  // CHECK: mil.conv_transpose %{{.*}}, %{{.*}} bias %{{.*}} {{.*}} -> tensor<1x16x6x9xf16>
  %2 = mil.conv_transpose %x, %w bias %b {strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 2, 0, 0>, groups = 2 : i32} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>, tensor<16xf16>) -> tensor<1x16x6x9xf16>
  // CHECK: mil.conv_transpose {{.*}}output_shape = array<i32: 1, 8, 10, 10>{{.*}} -> tensor<1x8x10x10xf16>
  %3 = mil.conv_transpose %x, %w {strides = array<i32: 2, 2>, output_shape = array<i32: 1, 8, 10, 10>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x10x10xf16>
  return %0, %1, %2, %3 : tensor<1x8x9x9xf16>, tensor<1x8x8x8xf16>, tensor<1x16x6x9xf16>, tensor<1x8x10x10xf16>
}
