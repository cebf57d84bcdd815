// RUN: ane-opt %s -mil-pack-dynamic-weights -split-input-file -verify-diagnostics

// expected-error @+1 {{mil-pack-dynamic-weights: packing 1 matmul weight(s) needs a function with exactly one [1, C, 1, S] input}}
func.func @two_inputs(%x: tensor<8x16xf16>, %y: tensor<8x16xf16>) -> tensor<8x8xf16> {
  %w = mil.const {val = dense<0.5> : tensor<16x8xf16>} : tensor<16x8xf16>
  %0 = mil.matmul %x, %w : (tensor<8x16xf16>, tensor<16x8xf16>) -> tensor<8x8xf16>
  return %0 : tensor<8x8xf16>
}

// -----

// expected-error @+1 {{mil-pack-dynamic-weights: packing 1 matmul weight(s) needs a function with exactly one [1, C, 1, S] input}}
func.func @not_ane_layout(%x: tensor<8x16xf16>) -> tensor<8x8xf16> {
  %w = mil.const {val = dense<0.5> : tensor<16x8xf16>} : tensor<16x8xf16>
  %0 = mil.matmul %x, %w : (tensor<8x16xf16>, tensor<16x8xf16>) -> tensor<8x8xf16>
  return %0 : tensor<8x8xf16>
}

// -----

// An existing mil_packed_input (from mil-pack-inputs) must be well formed.
// expected-error @+1 {{mil-pack-dynamic-weights: malformed 'mil_packed_input': input 'a' at offset 0 of width 16 and 16 channels lies outside the packed input [1, 16, 1, 8]}}
func.func @bad_existing(%x: tensor<1x16x1x8xf16>) -> tensor<1x1x8x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = [{name = "a", offset = 0 : i64, width = 16 : i64, shape = array<i64: 256>}]}} {
  %w = mil.const {val = dense<0.5> : tensor<1x1x16x8xf16>} : tensor<1x1x16x8xf16>
  %r = mil.reshape %x shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
  %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
  %0 = mil.matmul %a, %w : (tensor<1x1x8x16xf16>, tensor<1x1x16x8xf16>) -> tensor<1x1x8x8xf16>
  return %0 : tensor<1x1x8x8xf16>
}
