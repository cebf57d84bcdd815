// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// CHECK-LABEL: func @activations
func.func @activations(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  // CHECK: mil.relu %{{.*}} : tensor<1x64x1x32xf16>
  %0 = mil.relu %x : tensor<1x64x1x32xf16>
  // CHECK: mil.sigmoid %{{.*}} : tensor<1x64x1x32xf16>
  %1 = mil.sigmoid %0 : tensor<1x64x1x32xf16>
  // CHECK: mil.tanh
  %2 = mil.tanh %1 : tensor<1x64x1x32xf16>
  // CHECK: mil.silu
  %3 = mil.silu %2 : tensor<1x64x1x32xf16>
  // Parameters left at their MIL default (gelu mode EXACT, leaky_relu alpha
  // 0.01, softmax axis -1, log/rsqrt/inverse epsilon) are not printed.
  // CHECK: mil.gelu %{{[0-9]+}} : tensor<1x64x1x32xf16>
  %4 = mil.gelu %3 : tensor<1x64x1x32xf16>
  // CHECK: mil.gelu %{{.*}} {mode = "TANH_APPROXIMATION"}
  %5 = mil.gelu %4 {mode = "TANH_APPROXIMATION"} : tensor<1x64x1x32xf16>
  // CHECK: mil.gelu %{{.*}} {mode = "SIGMOID_APPROXIMATION"}
  %6 = mil.gelu %5 {mode = "SIGMOID_APPROXIMATION"} : tensor<1x64x1x32xf16>
  // CHECK: mil.leaky_relu %{{[0-9]+}} : tensor
  %7 = mil.leaky_relu %6 : tensor<1x64x1x32xf16>
  // CHECK: mil.leaky_relu %{{.*}} {alpha = 1.999510e-01 : f16}
  %8 = mil.leaky_relu %7 {alpha = 0.2 : f16} : tensor<1x64x1x32xf16>
  // CHECK: mil.softmax %{{[0-9]+}} : tensor
  %9 = mil.softmax %8 : tensor<1x64x1x32xf16>
  // CHECK: mil.softmax %{{.*}} {axis = 1 : i32}
  %10 = mil.softmax %9 {axis = 1 : i32} : tensor<1x64x1x32xf16>
  // CHECK: mil.clip %{{.*}} {alpha = 0.000000e+00 : f16, beta = 6.000000e+00 : f16}
  %11 = mil.clip %10 {alpha = 0.0 : f16, beta = 6.0 : f16} : tensor<1x64x1x32xf16>
  return %11 : tensor<1x64x1x32xf16>
}

// CHECK-LABEL: func @unary_math
func.func @unary_math(%x: tensor<4x?xf32>, %i: tensor<3xi32>) -> (tensor<4x?xf32>, tensor<3xi32>) {
  // CHECK: mil.exp %{{.*}} : tensor<4x?xf32>
  %0 = mil.exp %x : tensor<4x?xf32>
  // CHECK: mil.sqrt
  %1 = mil.sqrt %0 : tensor<4x?xf32>
  // CHECK: mil.floor
  %2 = mil.floor %1 : tensor<4x?xf32>
  // CHECK: mil.ceil
  %3 = mil.ceil %2 : tensor<4x?xf32>
  // CHECK: mil.round
  %4 = mil.round %3 : tensor<4x?xf32>
  // CHECK: mil.erf
  %5 = mil.erf %4 : tensor<4x?xf32>
  // CHECK: mil.abs %{{.*}} : tensor<4x?xf32>
  %6 = mil.abs %5 : tensor<4x?xf32>
  // CHECK: mil.square %{{.*}} : tensor<4x?xf32>
  %7 = mil.square %6 : tensor<4x?xf32>
  // CHECK: mil.log %{{[0-9]+}} : tensor
  %8 = mil.log %7 : tensor<4x?xf32>
  // CHECK: mil.rsqrt %{{[0-9]+}} : tensor
  %9 = mil.rsqrt %8 : tensor<4x?xf32>
  // CHECK: mil.rsqrt %{{.*}} {epsilon = 9.99999974E-6 : f32}
  %10 = mil.rsqrt %9 {epsilon = 1.0e-5 : f32} : tensor<4x?xf32>
  // CHECK: mil.inverse %{{[0-9]+}} : tensor
  %11 = mil.inverse %10 : tensor<4x?xf32>
  // abs and square also take int32.
  // CHECK: mil.abs %{{.*}} : tensor<3xi32>
  %12 = mil.abs %i : tensor<3xi32>
  // CHECK: mil.square %{{.*}} : tensor<3xi32>
  %13 = mil.square %12 : tensor<3xi32>
  return %11, %13 : tensor<4x?xf32>, tensor<3xi32>
}

// CHECK-LABEL: func @casts
func.func @casts(%x: tensor<2x3xf32>, %b: tensor<5xi1>) -> (tensor<2x3xf16>, tensor<2x3xi32>, tensor<5xf32>, tensor<2x3xui8>) {
  // CHECK: mil.cast %{{.*}} {dtype = "fp16"} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  %0 = mil.cast %x {dtype = "fp16"} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  // CHECK: mil.cast %{{.*}} {dtype = "int32"} : (tensor<2x3xf16>) -> tensor<2x3xi32>
  %1 = mil.cast %0 {dtype = "int32"} : (tensor<2x3xf16>) -> tensor<2x3xi32>
  // CHECK: mil.cast %{{.*}} {dtype = "fp32"} : (tensor<5xi1>) -> tensor<5xf32>
  %2 = mil.cast %b {dtype = "fp32"} : (tensor<5xi1>) -> tensor<5xf32>
  // No mil.opset in force: the iOS17 dtypes are accepted.
  // CHECK: mil.cast %{{.*}} {dtype = "uint8"} : (tensor<2x3xf32>) -> tensor<2x3xui8>
  %3 = mil.cast %x {dtype = "uint8"} : (tensor<2x3xf32>) -> tensor<2x3xui8>
  return %0, %1, %2, %3 : tensor<2x3xf16>, tensor<2x3xi32>, tensor<5xf32>, tensor<2x3xui8>
}

// CHECK-LABEL: func @cast_ios17
func.func @cast_ios17(%x: tensor<8xi16>) -> tensor<8xi8> attributes {mil.opset = "ios17"} {
  // CHECK: mil.cast %{{.*}} {dtype = "int8"} : (tensor<8xi16>) -> tensor<8xi8>
  %0 = mil.cast %x {dtype = "int8"} : (tensor<8xi16>) -> tensor<8xi8>
  return %0 : tensor<8xi8>
}

// The nearest mil.opset wins: the function's ios17 overrides the module's.
module attributes {mil.opset = "ios15"} {
  // CHECK-LABEL: func @cast_opset_override
  func.func @cast_opset_override(%x: tensor<8xf16>) -> tensor<8xui16> attributes {mil.opset = "ios17"} {
    // CHECK: mil.cast %{{.*}} {dtype = "uint16"} : (tensor<8xf16>) -> tensor<8xui16>
    %0 = mil.cast %x {dtype = "uint16"} : (tensor<8xf16>) -> tensor<8xui16>
    return %0 : tensor<8xui16>
  }
}
