// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @"reduce.axes-in-range"(%x: tensor<2x3xf16>) -> tensor<2xf16> {
  // expected-error @+2 {{'axes' value 2 is out of range [-2, 2) for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reduce_sum %x {axes = array<i32: 2>} : (tensor<2x3xf16>) -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @"reduce.axes-unique"(%x: tensor<2x3xf16>) -> tensor<2xf16> {
  // expected-error @+2 {{'axes' names dim 1 more than once}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reduce_mean %x {axes = array<i32: 1, -1>} : (tensor<2x3xf16>) -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @"reduce_arg.axis-in-range"(%x: tensor<2x3xf16>) -> tensor<2xi32> {
  // expected-error @+2 {{'axis' value -3 is out of range [-2, 2) for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reduce_argmax %x {axis = -3 : i32} : (tensor<2x3xf16>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @reduce_wrong_result_shape(%x: tensor<2x3xf16>) -> tensor<2x1xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<2xf16>' are incompatible with return type(s) of operation 'tensor<2x1xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reduce_max %x {axes = array<i32: 1>} : (tensor<2x3xf16>) -> tensor<2x1xf16>
  return %0 : tensor<2x1xf16>
}

// -----

func.func @reduce_arg_result_int32(%x: tensor<2x3xf16>) -> tensor<2xf16> {
  // expected-error @+1 {{result #0 must be ranked tensor of int32 or uint16 values}}
  %0 = mil.reduce_argmin %x : (tensor<2x3xf16>) -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @reduce_bool(%x: tensor<4xi1>) -> tensor<i1> {
  // expected-error @+1 {{operand #0 must be ranked tensor of fp16 or fp32 or int32 values}}
  %0 = mil.reduce_sum %x : (tensor<4xi1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// -----

func.func @"reduce_arg.output-dtype-opset"(%x: tensor<2x3xf16>) -> tensor<2xui16> attributes {mil.opset = "ios16"} {
  // expected-error @+1 {{'mil.reduce_argmax' op 'output_dtype' needs opset ios17 or later, got ios16}}
  %0 = mil.reduce_argmax %x {output_dtype = "uint16"} : (tensor<2x3xf16>) -> tensor<2xui16>
  return %0 : tensor<2xui16>
}

// -----

func.func @reduce_arg_output_dtype_values(%x: tensor<2x3xf16>) -> tensor<2xi16> {
  // expected-error @+1 {{attribute 'output_dtype' failed to satisfy constraint: string attribute one of "int32", "uint16"}}
  %0 = mil.reduce_argmin %x {output_dtype = "int16"} : (tensor<2x3xf16>) -> tensor<2xi16>
  return %0 : tensor<2xi16>
}

// -----

func.func @reduce_arg_result_dtype(%x: tensor<2x3xf16>) -> tensor<2xi32> {
  // expected-error @+2 {{inferred type(s) 'tensor<2xui16>' are incompatible with return type(s) of operation 'tensor<2xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reduce_argmax %x {output_dtype = "uint16"} : (tensor<2x3xf16>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}
