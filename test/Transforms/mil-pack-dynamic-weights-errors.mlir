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
