// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// CHECK-LABEL: func @reductions
func.func @reductions(%x: tensor<2x3x4x5xf16>) -> (tensor<2x4xf16>, tensor<1x3x1x5xf16>, tensor<f16>, tensor<1x1x1x1xf16>, tensor<2x3x4xf16>) {
  // Negative axes count from the end; reduced dims are dropped by default.
  // CHECK: mil.reduce_sum %{{.*}} {axes = array<i32: 1, -1>} : (tensor<2x3x4x5xf16>) -> tensor<2x4xf16>
  %0 = mil.reduce_sum %x {axes = array<i32: 1, -1>} : (tensor<2x3x4x5xf16>) -> tensor<2x4xf16>
  // CHECK: mil.reduce_mean %{{.*}} {axes = array<i32: 0, 2>, keep_dims = true} : (tensor<2x3x4x5xf16>) -> tensor<1x3x1x5xf16>
  %1 = mil.reduce_mean %x {axes = array<i32: 0, 2>, keep_dims = true} : (tensor<2x3x4x5xf16>) -> tensor<1x3x1x5xf16>
  // No axes: every axis is reduced, to a scalar or to all-ones with keep_dims.
  // CHECK: mil.reduce_max %{{.*}} : (tensor<2x3x4x5xf16>) -> tensor<f16>
  %2 = mil.reduce_max %x : (tensor<2x3x4x5xf16>) -> tensor<f16>
  // CHECK: mil.reduce_min %{{.*}} {keep_dims = true} : (tensor<2x3x4x5xf16>) -> tensor<1x1x1x1xf16>
  %3 = mil.reduce_min %x {keep_dims = true} : (tensor<2x3x4x5xf16>) -> tensor<1x1x1x1xf16>
  // CHECK: mil.reduce_prod {{.*}} -> tensor<2x3x4xf16>
  %4 = mil.reduce_prod %x {axes = array<i32: 3>} : (tensor<2x3x4x5xf16>) -> tensor<2x3x4xf16>
  // CHECK: mil.reduce_sum_square {{.*}} -> tensor<2x3x4xf16>
  %5 = mil.reduce_sum_square %x {axes = array<i32: -1>} : (tensor<2x3x4x5xf16>) -> tensor<2x3x4xf16>
  // CHECK: mil.reduce_l2_norm {{.*}} -> tensor<2x3x4xf16>
  %6 = mil.reduce_l2_norm %x {axes = array<i32: -1>} : (tensor<2x3x4x5xf16>) -> tensor<2x3x4xf16>
  // CHECK: mil.reduce_log_sum_exp {{.*}} -> tensor<2x3x4xf16>
  %7 = mil.reduce_log_sum_exp %x {axes = array<i32: -1>} : (tensor<2x3x4x5xf16>) -> tensor<2x3x4xf16>
  return %0, %1, %2, %3, %7 : tensor<2x4xf16>, tensor<1x3x1x5xf16>, tensor<f16>, tensor<1x1x1x1xf16>, tensor<2x3x4xf16>
}

// CHECK-LABEL: func @int32_and_dynamic
func.func @int32_and_dynamic(%x: tensor<?x8xi32>) -> (tensor<?xi32>, tensor<1x8xi32>) {
  // CHECK: mil.reduce_sum {{.*}} : (tensor<?x8xi32>) -> tensor<?xi32>
  %0 = mil.reduce_sum %x {axes = array<i32: 1>} : (tensor<?x8xi32>) -> tensor<?xi32>
  // CHECK: mil.reduce_max {{.*}} : (tensor<?x8xi32>) -> tensor<1x8xi32>
  %1 = mil.reduce_max %x {axes = array<i32: 0>, keep_dims = true} : (tensor<?x8xi32>) -> tensor<1x8xi32>
  return %0, %1 : tensor<?xi32>, tensor<1x8xi32>
}

// CHECK-LABEL: func @arg_reductions
func.func @arg_reductions(%x: tensor<2x10x3xf32>) -> (tensor<2x10xi32>, tensor<2x1x3xi32>) {
  // axis defaults to -1.
  // CHECK: mil.reduce_argmax %{{.*}} : (tensor<2x10x3xf32>) -> tensor<2x10xi32>
  %0 = mil.reduce_argmax %x : (tensor<2x10x3xf32>) -> tensor<2x10xi32>
  // CHECK: mil.reduce_argmin %{{.*}} {axis = 1 : i32, keep_dims = true} : (tensor<2x10x3xf32>) -> tensor<2x1x3xi32>
  %1 = mil.reduce_argmin %x {axis = 1 : i32, keep_dims = true} : (tensor<2x10x3xf32>) -> tensor<2x1x3xi32>
  return %0, %1 : tensor<2x10xi32>, tensor<2x1x3xi32>
}

// iOS17's output_dtype sets the result dtype (absent: int32).
// CHECK-LABEL: func @arg_output_dtype
func.func @arg_output_dtype(%x: tensor<2x10xf16>) -> (tensor<2xui16>, tensor<2x1xi32>) attributes {mil.opset = "ios17"} {
  // CHECK: mil.reduce_argmax %{{.*}} {output_dtype = "uint16"} : (tensor<2x10xf16>) -> tensor<2xui16>
  %0 = mil.reduce_argmax %x {output_dtype = "uint16"} : (tensor<2x10xf16>) -> tensor<2xui16>
  // CHECK: mil.reduce_argmin %{{.*}} {keep_dims = true, output_dtype = "int32"} : (tensor<2x10xf16>) -> tensor<2x1xi32>
  %1 = mil.reduce_argmin %x {keep_dims = true, output_dtype = "int32"} : (tensor<2x10xf16>) -> tensor<2x1xi32>
  return %0, %1 : tensor<2xui16>, tensor<2x1xi32>
}
