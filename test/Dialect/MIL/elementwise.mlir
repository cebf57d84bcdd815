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

// CHECK-LABEL: func @dynamic_dims
func.func @dynamic_dims(%x: tensor<1x?xf32>, %y: tensor<7x1xf32>) -> tensor<7x?xf32> {
  // CHECK: mil.add {{.*}} -> tensor<7x?xf32>
  %0 = mil.add %x, %y : (tensor<1x?xf32>, tensor<7x1xf32>) -> tensor<7x?xf32>
  return %0 : tensor<7x?xf32>
}
