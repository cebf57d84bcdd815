// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// CHECK-LABEL: func @layer_norm
func.func @layer_norm(%x: tensor<1x128x768xf16>, %g: tensor<768xf16>, %b: tensor<768xf16>,
                      %g2: tensor<128x768xf16>, %y: tensor<3x4x5x6xf32>, %g3: tensor<4x6xf32>)
    -> (tensor<1x128x768xf16>, tensor<1x128x768xf16>, tensor<1x128x768xf16>, tensor<3x4x5x6xf32>) {
  // CHECK: mil.layer_norm %{{.*}} gamma %{{.*}} beta %{{.*}} {axes = array<i32: -1>, epsilon = 9.997550e-02 : f16} : (tensor<1x128x768xf16>, tensor<768xf16>, tensor<768xf16>) -> tensor<1x128x768xf16>
  %0 = mil.layer_norm %x gamma %g beta %b {axes = array<i32: -1>, epsilon = 0.1 : f16} : (tensor<1x128x768xf16>, tensor<768xf16>, tensor<768xf16>) -> tensor<1x128x768xf16>
  // Only gamma; two axes.
  // CHECK: mil.layer_norm %{{.*}} gamma %{{.*}} {axes = array<i32: 1, 2>} : (tensor<1x128x768xf16>, tensor<128x768xf16>) -> tensor<1x128x768xf16>
  %1 = mil.layer_norm %0 gamma %g2 {axes = array<i32: 1, 2>} : (tensor<1x128x768xf16>, tensor<128x768xf16>) -> tensor<1x128x768xf16>
  // Neither gamma nor beta; axes default to all dims.
  // CHECK: mil.layer_norm %{{[0-9]+}} : (tensor<1x128x768xf16>) -> tensor<1x128x768xf16>
  %2 = mil.layer_norm %1 : (tensor<1x128x768xf16>) -> tensor<1x128x768xf16>
  // gamma's shape lists the normalized dims in increasing order, whatever
  // the order of axes.
  // CHECK: mil.layer_norm %{{.*}} gamma %{{.*}} {axes = array<i32: 3, 1>} : (tensor<3x4x5x6xf32>, tensor<4x6xf32>) -> tensor<3x4x5x6xf32>
  %3 = mil.layer_norm %y gamma %g3 {axes = array<i32: 3, 1>} : (tensor<3x4x5x6xf32>, tensor<4x6xf32>) -> tensor<3x4x5x6xf32>
  return %0, %1, %2, %3 : tensor<1x128x768xf16>, tensor<1x128x768xf16>, tensor<1x128x768xf16>, tensor<3x4x5x6xf32>
}

// CHECK-LABEL: func @batch_norm
func.func @batch_norm(%x: tensor<1x64x8x8xf16>, %m: tensor<64xf16>, %v: tensor<64xf16>, %b: tensor<64xf16>,
                      %x5: tensor<2x64x?x4x4xf16>) -> (tensor<1x64x8x8xf16>, tensor<2x64x?x4x4xf16>) {
  // CHECK: mil.batch_norm %{{.*}}, %{{.*}}, %{{.*}} gamma %{{.*}} beta %{{.*}} : (tensor<1x64x8x8xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<1x64x8x8xf16>
  %0 = mil.batch_norm %x, %m, %v gamma %v beta %b : (tensor<1x64x8x8xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<1x64x8x8xf16>
  // Only beta; rank 5 with a dynamic spatial dim.
  // CHECK: mil.batch_norm %{{.*}}, %{{.*}}, %{{.*}} beta %{{.*}} {epsilon = 1.000400e-03 : f16} : (tensor<2x64x?x4x4xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<2x64x?x4x4xf16>
  %1 = mil.batch_norm %x5, %m, %v beta %b {epsilon = 1.0e-3 : f16} : (tensor<2x64x?x4x4xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<2x64x?x4x4xf16>
  return %0, %1 : tensor<1x64x8x8xf16>, tensor<2x64x?x4x4xf16>
}

// CHECK-LABEL: func @instance_and_l2_norm
func.func @instance_and_l2_norm(%x: tensor<1x32x16x16xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>, %d: tensor<?x32x16xf32>)
    -> (tensor<1x32x16x16xf32>, tensor<?x32x16xf32>, tensor<1x32x16x16xf32>) {
  // CHECK: mil.instance_norm %{{.*}} gamma %{{.*}} beta %{{.*}} : (tensor<1x32x16x16xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x16x16xf32>
  %0 = mil.instance_norm %x gamma %g beta %b : (tensor<1x32x16x16xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x16x16xf32>
  // CHECK: mil.instance_norm %{{[0-9a-z]+}} : (tensor<?x32x16xf32>) -> tensor<?x32x16xf32>
  %1 = mil.instance_norm %d : (tensor<?x32x16xf32>) -> tensor<?x32x16xf32>
  // An epsilon equal to the default (1e-6) is not printed.
  // CHECK: mil.l2_norm %{{[0-9]+}} : tensor<1x32x16x16xf32>
  %2 = mil.l2_norm %0 {epsilon = 1.0e-6 : f32} : tensor<1x32x16x16xf32>
  return %0, %1, %2 : tensor<1x32x16x16xf32>, tensor<?x32x16xf32>, tensor<1x32x16x16xf32>
}

// From iOS17 the parameters may have their own float dtype.
// CHECK-LABEL: func @ios17_param_dtype
func.func @ios17_param_dtype(%x: tensor<1x8x4xf16>, %m: tensor<8xf32>) -> tensor<1x8x4xf16>
    attributes {mil.opset = "ios17"} {
  // CHECK: mil.batch_norm {{.*}} : (tensor<1x8x4xf16>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4xf16>
  %0 = mil.batch_norm %x, %m, %m : (tensor<1x8x4xf16>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4xf16>
  return %0 : tensor<1x8x4xf16>
}

// Dynamic dims of x match any parameter size.
// CHECK-LABEL: func @dynamic_dims
func.func @dynamic_dims(%x: tensor<?x?xf16>, %g: tensor<768xf16>, %y: tensor<1x?x4xf16>, %m: tensor<16xf16>)
    -> (tensor<?x?xf16>, tensor<1x?x4xf16>) {
  // CHECK: mil.layer_norm {{.*}} -> tensor<?x?xf16>
  %0 = mil.layer_norm %x gamma %g {axes = array<i32: -1>} : (tensor<?x?xf16>, tensor<768xf16>) -> tensor<?x?xf16>
  // CHECK: mil.batch_norm {{.*}} -> tensor<1x?x4xf16>
  %1 = mil.batch_norm %y, %m, %m : (tensor<1x?x4xf16>, tensor<16xf16>, tensor<16xf16>) -> tensor<1x?x4xf16>
  return %0, %1 : tensor<?x?xf16>, tensor<1x?x4xf16>
}
