// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// CHECK-LABEL: func @binary_broadcast
func.func @binary_broadcast(%x: tensor<1x64x1x32xf16>, %y: tensor<64x1x1xf16>) -> tensor<1x64x1x32xf16> {
  // CHECK: mil.add %{{.*}}, %{{.*}} : (tensor<1x64x1x32xf16>, tensor<64x1x1xf16>) -> tensor<1x64x1x32xf16>
  %0 = mil.add %x, %y : (tensor<1x64x1x32xf16>, tensor<64x1x1xf16>) -> tensor<1x64x1x32xf16>
  // CHECK: mil.sub
  %1 = mil.sub %0, %y : (tensor<1x64x1x32xf16>, tensor<64x1x1xf16>) -> tensor<1x64x1x32xf16>
  // CHECK: mil.mul
  %2 = mil.mul %1, %x : (tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16>
  return %2 : tensor<1x64x1x32xf16>
}

// CHECK-LABEL: func @arithmetic
func.func @arithmetic(%x: tensor<2x3xf32>, %y: tensor<3xf32>, %i: tensor<4xi32>, %j: tensor<i32>)
    -> (tensor<2x3xf32>, tensor<4xi32>) {
  // CHECK: mil.real_div %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = mil.real_div %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: mil.pow {{.*}} -> tensor<2x3xf32>
  %1 = mil.pow %0, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: mil.maximum {{.*}} -> tensor<2x3xf32>
  %2 = mil.maximum %1, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: mil.minimum {{.*}} -> tensor<2x3xf32>
  %3 = mil.minimum %y, %2 : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: mil.floor_div %{{.*}}, %{{.*}} : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %4 = mil.floor_div %i, %j : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  // CHECK: mil.mod {{.*}} -> tensor<4xi32>
  %5 = mil.mod %4, %j : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  return %3, %5 : tensor<2x3xf32>, tensor<4xi32>
}

// CHECK-LABEL: func @comparisons
func.func @comparisons(%x: tensor<2x3xf16>, %y: tensor<1x3xf16>, %i: tensor<5xi32>)
    -> (tensor<2x3xi1>, tensor<5xi1>) {
  // CHECK: mil.equal %{{.*}}, %{{.*}} : (tensor<2x3xf16>, tensor<1x3xf16>) -> tensor<2x3xi1>
  %0 = mil.equal %x, %y : (tensor<2x3xf16>, tensor<1x3xf16>) -> tensor<2x3xi1>
  // CHECK: mil.not_equal {{.*}} -> tensor<2x3xi1>
  %1 = mil.not_equal %x, %y : (tensor<2x3xf16>, tensor<1x3xf16>) -> tensor<2x3xi1>
  // CHECK: mil.greater {{.*}} -> tensor<2x3xi1>
  %2 = mil.greater %x, %y : (tensor<2x3xf16>, tensor<1x3xf16>) -> tensor<2x3xi1>
  // CHECK: mil.greater_equal {{.*}} -> tensor<2x3xi1>
  %3 = mil.greater_equal %y, %x : (tensor<1x3xf16>, tensor<2x3xf16>) -> tensor<2x3xi1>
  // CHECK: mil.less {{.*}} -> tensor<5xi1>
  %4 = mil.less %i, %i : (tensor<5xi32>, tensor<5xi32>) -> tensor<5xi1>
  // CHECK: mil.less_equal {{.*}} -> tensor<2x3xi1>
  %5 = mil.less_equal %x, %x : (tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xi1>
  // CHECK: mil.logical_and %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %6 = mil.logical_and %0, %1 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: mil.logical_or {{.*}} -> tensor<2x3xi1>
  %7 = mil.logical_or %6, %2 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: mil.logical_xor {{.*}} -> tensor<2x3xi1>
  %8 = mil.logical_xor %7, %3 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return %8, %4 : tensor<2x3xi1>, tensor<5xi1>
}

// CHECK-LABEL: func @select
func.func @select(%c: tensor<1x8xi1>, %a: tensor<4x8xf16>, %b: tensor<f16>, %p: tensor<3x1x1xi1>)
    -> (tensor<4x8xf16>, tensor<3x1x8xi1>) {
  // CHECK: mil.select %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x8xi1>, tensor<4x8xf16>, tensor<f16>) -> tensor<4x8xf16>
  %0 = mil.select %c, %a, %b : (tensor<1x8xi1>, tensor<4x8xf16>, tensor<f16>) -> tensor<4x8xf16>
  // The result broadcasts cond's shape too, and bool branches are allowed.
  // CHECK: mil.select {{.*}} -> tensor<3x1x8xi1>
  %1 = mil.select %p, %c, %c : (tensor<3x1x1xi1>, tensor<1x8xi1>, tensor<1x8xi1>) -> tensor<3x1x8xi1>
  return %0, %1 : tensor<4x8xf16>, tensor<3x1x8xi1>
}

// CHECK-LABEL: func @dynamic_dims
func.func @dynamic_dims(%x: tensor<1x?xf32>, %y: tensor<7x1xf32>, %c: tensor<?x?xi1>) -> (tensor<7x?xf32>, tensor<7x?xi1>, tensor<7x?xf32>) {
  // CHECK: mil.add {{.*}} -> tensor<7x?xf32>
  %0 = mil.add %x, %y : (tensor<1x?xf32>, tensor<7x1xf32>) -> tensor<7x?xf32>
  // CHECK: mil.less {{.*}} -> tensor<7x?xi1>
  %1 = mil.less %x, %y : (tensor<1x?xf32>, tensor<7x1xf32>) -> tensor<7x?xi1>
  // CHECK: mil.select {{.*}} -> tensor<7x?xf32>
  %2 = mil.select %c, %x, %y : (tensor<?x?xi1>, tensor<1x?xf32>, tensor<7x1xf32>) -> tensor<7x?xf32>
  return %0, %1, %2 : tensor<7x?xf32>, tensor<7x?xi1>, tensor<7x?xf32>
}
