// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @add_no_broadcast(%x: tensor<1x64xf16>, %y: tensor<63xf16>) -> tensor<1x64xf16> {
  // expected-error @+2 {{shapes do not broadcast: dimension 1 (right-aligned) is 64 in x and 63 in y}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.add %x, %y : (tensor<1x64xf16>, tensor<63xf16>) -> tensor<1x64xf16>
  return %0 : tensor<1x64xf16>
}

// -----

func.func @add_mixed_dtypes(%x: tensor<4xf16>, %y: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error @+2 {{x and y must have the same dtype, got 'f16' and 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.add %x, %y : (tensor<4xf16>, tensor<4xf32>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @add_wrong_result(%x: tensor<4xf16>, %y: tensor<4xf16>) -> tensor<8xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf16>' are incompatible with return type(s) of operation 'tensor<8xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.add %x, %y : (tensor<4xf16>, tensor<4xf16>) -> tensor<8xf16>
  return %0 : tensor<8xf16>
}

// -----

func.func @add_int8(%x: tensor<4xi8>, %y: tensor<4xi8>) -> tensor<4xi8> {
  // expected-error @+1 {{operand #0 must be ranked tensor of}}
  %0 = mil.add %x, %y : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @compare_result_not_bool(%x: tensor<4xf16>, %y: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{result #0 must be ranked tensor of bool values}}
  %0 = mil.greater %x, %y : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @compare_mixed_dtypes(%x: tensor<4xi32>, %y: tensor<4xf32>) -> tensor<4xi1> {
  // expected-error @+2 {{x and y must have the same dtype, got 'i32' and 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.equal %x, %y : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @logical_float(%x: tensor<4xf16>, %y: tensor<4xf16>) -> tensor<4xi1> {
  // expected-error @+1 {{operand #0 must be ranked tensor of bool values}}
  %0 = mil.logical_and %x, %y : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @select_cond_not_bool(%c: tensor<4xf16>, %a: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{operand #0 must be ranked tensor of bool values}}
  %0 = mil.select %c, %a, %a : (tensor<4xf16>, tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @"select.same-dtype"(%c: tensor<4xi1>, %a: tensor<4xf16>, %b: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error @+2 {{'a' and 'b' must have the same dtype, got 'f16' and 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.select %c, %a, %b : (tensor<4xi1>, tensor<4xf16>, tensor<4xf32>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @"select.broadcast"(%c: tensor<3xi1>, %a: tensor<2x4xf16>, %b: tensor<4xf16>) -> tensor<2x4xf16> {
  // expected-error @+2 {{shapes of 'cond' 'tensor<3xi1>', 'a' 'tensor<2x4xf16>' and 'b' 'tensor<4xf16>' do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.select %c, %a, %b : (tensor<3xi1>, tensor<2x4xf16>, tensor<4xf16>) -> tensor<2x4xf16>
  return %0 : tensor<2x4xf16>
}
