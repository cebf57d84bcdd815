// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// CHECK-LABEL: func @pool_valid
func.func @pool_valid(%x: tensor<1x64x8x8xf16>) -> (tensor<1x64x4x4xf16>, tensor<1x64x4x4xf16>) {
  // CHECK: mil.max_pool %{{.*}} {{.*}}: (tensor<1x64x8x8xf16>) -> tensor<1x64x4x4xf16>
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "valid"} : (tensor<1x64x8x8xf16>) -> tensor<1x64x4x4xf16>
  // CHECK: mil.avg_pool %{{.*}} {{.*}}exclude_padding_from_average = true{{.*}} -> tensor<1x64x4x4xf16>
  %1 = mil.avg_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "valid", exclude_padding_from_average = true} : (tensor<1x64x8x8xf16>) -> tensor<1x64x4x4xf16>
  return %0, %1 : tensor<1x64x4x4xf16>, tensor<1x64x4x4xf16>
}

// same / same_lower: ceil(7 / 2) = 4; custom pad 1: (7 + 2 - 3) / 2 + 1 = 4.
// CHECK-LABEL: func @pool_padding
func.func @pool_padding(%x: tensor<1x8x7x7xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  // CHECK: mil.avg_pool {{.*}}pad_type = "same"{{.*}} -> tensor<1x8x4x4xf32>
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "same"} : (tensor<1x8x7x7xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: mil.max_pool {{.*}}pad_type = "same_lower"{{.*}} -> tensor<1x8x4x4xf32>
  %1 = mil.max_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "same_lower"} : (tensor<1x8x7x7xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: mil.max_pool {{.*}}pad_type = "custom"{{.*}} -> tensor<1x8x4x4xf32>
  %2 = mil.max_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 1, 1, 1>} : (tensor<1x8x7x7xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1, %2 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// ceil_mode: (6 - 3 + 1) / 2 + 1 = 3 (floor mode gives 2); 1-D with pad
// [1, 1]: (5 + 2 - 2 + 1) / 2 + 1 = 4, minus 1 as the last window would
// start in the end padding.
// CHECK-LABEL: func @pool_ceil_mode
func.func @pool_ceil_mode(%x: tensor<1x8x6x6xf16>, %y: tensor<1x8x5xf16>) -> (tensor<1x8x3x3xf16>, tensor<1x8x2x2xf16>, tensor<1x8x3xf16>) {
  // CHECK: mil.max_pool {{.*}}ceil_mode = true{{.*}} -> tensor<1x8x3x3xf16>
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "valid", ceil_mode = true} : (tensor<1x8x6x6xf16>) -> tensor<1x8x3x3xf16>
  // CHECK: mil.max_pool {{.*}} -> tensor<1x8x2x2xf16>
  %1 = mil.max_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "valid"} : (tensor<1x8x6x6xf16>) -> tensor<1x8x2x2xf16>
  // CHECK: mil.avg_pool {{.*}} -> tensor<1x8x3xf16>
  %2 = mil.avg_pool %y {kernel_sizes = array<i32: 2>, strides = array<i32: 2>, pad_type = "custom", pad = array<i32: 1, 1>, ceil_mode = true} : (tensor<1x8x5xf16>) -> tensor<1x8x3xf16>
  return %0, %1, %2 : tensor<1x8x3x3xf16>, tensor<1x8x2x2xf16>, tensor<1x8x3xf16>
}

// 3-D pooling, and dynamic dims (default strides of 1).
// same_lower is accepted from iOS16.
// CHECK-LABEL: func @pool_same_lower_ios16
func.func @pool_same_lower_ios16(%x: tensor<1x8x7x7xf16>) -> tensor<1x8x4x4xf16> attributes {mil.opset = "ios16"} {
  // CHECK: mil.avg_pool {{.*}} -> tensor<1x8x4x4xf16>
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "same_lower"} : (tensor<1x8x7x7xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// CHECK-LABEL: func @pool_3d_dynamic
func.func @pool_3d_dynamic(%x: tensor<1x2x4x4x4xf16>, %y: tensor<?x8x?x8xf16>) -> (tensor<1x2x2x2x2xf16>, tensor<?x8x?x8xf16>) {
  // CHECK: mil.max_pool {{.*}} -> tensor<1x2x2x2x2xf16>
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2, 2>, strides = array<i32: 2, 2, 2>, pad_type = "valid"} : (tensor<1x2x4x4x4xf16>) -> tensor<1x2x2x2x2xf16>
  // CHECK: mil.avg_pool {{.*}} -> tensor<?x8x?x8xf16>
  %1 = mil.avg_pool %y {kernel_sizes = array<i32: 3, 3>, pad_type = "same"} : (tensor<?x8x?x8xf16>) -> tensor<?x8x?x8xf16>
  return %0, %1 : tensor<1x2x2x2x2xf16>, tensor<?x8x?x8xf16>
}
