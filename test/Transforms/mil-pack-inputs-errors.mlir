// RUN: ane-opt %s -mil-pack-inputs -split-input-file -verify-diagnostics

// expected-error @+1 {{mil-pack-inputs: input 'arg1' has type 'tensor<1x4x1x?xf16>'; only static, non-empty tensors can be packed}}
func.func @dynamic(%a: tensor<1x4x1x8xf16>, %b: tensor<1x4x1x?xf16>) -> tensor<1x4x1x8xf16> {
  return %a : tensor<1x4x1x8xf16>
}

// -----

// expected-error @+1 {{mil-pack-inputs: input 'b' has type 'tensor<*xf16>'; only static, non-empty tensors can be packed}}
func.func @unranked(%a: tensor<1x4x1x8xf16>, %b: tensor<*xf16> {mil.name = "b"}) -> tensor<1x4x1x8xf16> {
  return %a : tensor<1x4x1x8xf16>
}

// -----

// expected-error @+1 {{mil-pack-inputs: input 'arg1' has type 'tensor<1x0xf16>'; only static, non-empty tensors can be packed}}
func.func @empty(%a: tensor<1x4x1x8xf16>, %b: tensor<1x0xf16>) -> tensor<1x4x1x8xf16> {
  return %a : tensor<1x4x1x8xf16>
}

// -----

// expected-error @+1 {{mil-pack-inputs: input 'ids' has element type 'i32'; only f16 and f32 inputs can be packed}}
func.func @int(%ids: tensor<1x8xi32> {mil.name = "ids"}, %a: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16> {
  return %a : tensor<1x4x1x8xf16>
}

// -----

// expected-error @+1 {{mil-pack-inputs: input 'arg1' is 'f32' but the first input is 'f16'; packed inputs share one element type}}
func.func @mixed(%a: tensor<1x4x1x8xf16>, %b: tensor<1x4x1x8xf32>) -> tensor<1x4x1x8xf16> {
  return %a : tensor<1x4x1x8xf16>
}

// -----

// expected-error @+1 {{mil-pack-inputs: packed-name 'packed_input' is the name of an input; choose another}}
func.func @clash(%a: tensor<1x4x1x8xf16>, %b: tensor<1x4x1x8xf16> {mil.name = "packed_input"}) -> tensor<1x4x1x8xf16> {
  return %a : tensor<1x4x1x8xf16>
}
