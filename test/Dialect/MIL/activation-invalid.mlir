// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @"clip.alpha-lt-beta"(%x: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{'mil.clip' op 'alpha' must be less than 'beta', got alpha = 6.000000e+00 and beta = 6.000000e+00}}
  %0 = mil.clip %x {alpha = 6.0 : f16, beta = 6.0 : f16} : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @"softmax.axis-in-range"(%x: tensor<2x8xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'mil.softmax' op 'axis' must be in [-2, 2) for rank 2, got -3}}
  %0 = mil.softmax %x {axis = -3 : i32} : tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @"cast.result-dtype"(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'mil.cast' op result element type must be 'f16' as 'dtype' is "fp16", got 'f32'}}
  %0 = mil.cast %x {dtype = "fp16"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @"cast.result-shape"(%x: tensor<4xf32>) -> tensor<2x2xf16> {
  // expected-error @+1 {{'mil.cast' op result shape must equal the shape of 'x' 'tensor<4xf32>', got 'tensor<2x2xf16>'}}
  %0 = mil.cast %x {dtype = "fp16"} : (tensor<4xf32>) -> tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}

// -----

func.func @"cast.dtype-opset"(%x: tensor<4xf32>) -> tensor<4xi8> attributes {mil.opset = "ios16"} {
  // expected-error @+1 {{'mil.cast' op 'dtype' "int8" needs opset ios17 or later, got ios16}}
  %0 = mil.cast %x {dtype = "int8"} : (tensor<4xf32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

module attributes {mil.opset = "ios15"} {
  func.func @"cast.dtype-opset"(%x: tensor<4xui16>) -> tensor<4xf16> {
    // expected-error @+1 {{'mil.cast' op 'x' of dtype 'ui16' needs opset ios17 or later, got ios15}}
    %0 = mil.cast %x {dtype = "fp16"} : (tensor<4xui16>) -> tensor<4xf16>
    return %0 : tensor<4xf16>
  }
}

// -----

func.func @cast_unknown_dtype(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{attribute 'dtype' failed to satisfy constraint: string attribute one of "bool", "int8", "uint8", "int16", "uint16", "int32", "fp16", "fp32"}}
  %0 = mil.cast %x {dtype = "fp64"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @gelu_unknown_mode(%x: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{attribute 'mode' failed to satisfy constraint: string attribute one of "EXACT", "TANH_APPROXIMATION", "SIGMOID_APPROXIMATION"}}
  %0 = mil.gelu %x {mode = "FAST"} : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @unary_int32(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{operand #0 must be ranked tensor of fp16 or fp32 values, but got 'tensor<4xi32>'}}
  %0 = mil.relu %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

func.func @unary_result_type(%x: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "mil.sigmoid"(%x) : (tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @"param.float-dtype"(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'mil.rsqrt' op 'epsilon' must be an fp16 or fp32 scalar, got 'f64'}}
  %0 = mil.rsqrt %x {epsilon = 1.0e-12 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @"param.float-dtype"(%x: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{'mil.clip' op 'beta' must be an fp16 or fp32 scalar, got 'bf16'}}
  %0 = mil.clip %x {alpha = 0.0 : f16, beta = 6.0 : bf16} : tensor<4xf16>
  return %0 : tensor<4xf16>
}
