// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @"layer_norm.axes-in-range"(%x: tensor<2x8xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'mil.layer_norm' op 'axes' value 2 is out of range [-2, 2) for rank 2}}
  %0 = mil.layer_norm %x {axes = array<i32: 2>} : (tensor<2x8xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @"layer_norm.axes-unique"(%x: tensor<2x8xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'mil.layer_norm' op 'axes' names dim 1 more than once}}
  %0 = mil.layer_norm %x {axes = array<i32: -1, 1>} : (tensor<2x8xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @"layer_norm.gamma-shape"(%x: tensor<3x4x5x6xf16>, %g: tensor<6x5xf16>) -> tensor<3x4x5x6xf16> {
  // expected-error @+1 {{'mil.layer_norm' op 'gamma' must have shape x.shape[axes] = [5, 6], got [6, 5]}}
  %0 = mil.layer_norm %x gamma %g {axes = array<i32: 3, 2>} : (tensor<3x4x5x6xf16>, tensor<6x5xf16>) -> tensor<3x4x5x6xf16>
  return %0 : tensor<3x4x5x6xf16>
}

// -----

func.func @"layer_norm.beta-shape"(%x: tensor<2x?xf16>, %b: tensor<2x7x1xf16>) -> tensor<2x?xf16> {
  // expected-error @+1 {{'mil.layer_norm' op 'beta' must have shape x.shape[axes] = [2, ?], got [2, 7, 1]}}
  %0 = mil.layer_norm %x beta %b : (tensor<2x?xf16>, tensor<2x7x1xf16>) -> tensor<2x?xf16>
  return %0 : tensor<2x?xf16>
}

// -----

func.func @"layer_norm.param-dtype"(%x: tensor<2x8xf16>, %g: tensor<8xf32>) -> tensor<2x8xf16>
    attributes {mil.opset = "ios16"} {
  // expected-error @+1 {{'mil.layer_norm' op 'gamma' must have the dtype of 'x' ('f16') before ios17, got 'f32' in ios16}}
  %0 = mil.layer_norm %x gamma %g {axes = array<i32: 1>} : (tensor<2x8xf16>, tensor<8xf32>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @"batch_norm.x-rank"(%x: tensor<4x8xf16>, %m: tensor<8xf16>) -> tensor<4x8xf16> {
  // expected-error @+1 {{'mil.batch_norm' op 'x' must have rank 3 to 5, got rank 2}}
  %0 = mil.batch_norm %x, %m, %m : (tensor<4x8xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// -----

func.func @"batch_norm.param-shape"(%x: tensor<1x8x4x4xf16>, %m: tensor<8xf16>, %v: tensor<4xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'mil.batch_norm' op 'variance' must have shape [C] = [8], got [4]}}
  %0 = mil.batch_norm %x, %m, %v : (tensor<1x8x4x4xf16>, tensor<8xf16>, tensor<4xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

module attributes {mil.opset = "ios15"} {
  func.func @"batch_norm.param-dtype"(%x: tensor<1x8x4xf16>, %m: tensor<8xf16>, %g: tensor<8xf32>) -> tensor<1x8x4xf16> {
    // expected-error @+1 {{'mil.batch_norm' op 'gamma' must have the dtype of 'x' ('f16') before ios17, got 'f32' in ios15}}
    %0 = mil.batch_norm %x, %m, %m gamma %g : (tensor<1x8x4xf16>, tensor<8xf16>, tensor<8xf16>, tensor<8xf32>) -> tensor<1x8x4xf16>
    return %0 : tensor<1x8x4xf16>
  }
}

// -----

func.func @"instance_norm.x-rank"(%x: tensor<1x8x4x4x4xf32>) -> tensor<1x8x4x4x4xf32> {
  // expected-error @+1 {{'mil.instance_norm' op 'x' must have rank 3 to 4, got rank 5}}
  %0 = mil.instance_norm %x : (tensor<1x8x4x4x4xf32>) -> tensor<1x8x4x4x4xf32>
  return %0 : tensor<1x8x4x4x4xf32>
}

// -----

func.func @"instance_norm.param-shape"(%x: tensor<1x8x4xf32>, %b: tensor<1x8xf32>) -> tensor<1x8x4xf32> {
  // expected-error @+1 {{'mil.instance_norm' op 'beta' must have shape [C] = [8], got [1, 8]}}
  %0 = mil.instance_norm %x beta %b : (tensor<1x8x4xf32>, tensor<1x8xf32>) -> tensor<1x8x4xf32>
  return %0 : tensor<1x8x4xf32>
}

// -----

func.func @"instance_norm.param-dtype"(%x: tensor<1x8x4xf32>, %g: tensor<8xf16>) -> tensor<1x8x4xf32>
    attributes {mil.opset = "ios16"} {
  // expected-error @+1 {{'mil.instance_norm' op 'gamma' must have the dtype of 'x' ('f32') before ios17, got 'f16' in ios16}}
  %0 = mil.instance_norm %x gamma %g : (tensor<1x8x4xf32>, tensor<8xf16>) -> tensor<1x8x4xf32>
  return %0 : tensor<1x8x4xf32>
}

// -----

func.func @"l2_norm.x-rank"(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'mil.l2_norm' op 'x' must have rank at least 3, got rank 2}}
  %0 = mil.l2_norm %x : tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @norm_result_type(%x: tensor<1x8x4xf32>) -> tensor<1x8x4xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x8x4xf32>' are incompatible with return type(s) of operation 'tensor<1x8x4xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.instance_norm %x : (tensor<1x8x4xf32>) -> tensor<1x8x4xf16>
  return %0 : tensor<1x8x4xf16>
}

// -----

func.func @"param.float-dtype"(%x: tensor<1x8x4xf32>) -> tensor<1x8x4xf32> {
  // expected-error @+1 {{'mil.l2_norm' op 'epsilon' must be an fp16 or fp32 scalar, got 'f64'}}
  %0 = mil.l2_norm %x {epsilon = 1.0e-6 : f64} : tensor<1x8x4xf32>
  return %0 : tensor<1x8x4xf32>
}
