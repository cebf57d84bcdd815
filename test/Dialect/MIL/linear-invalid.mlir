// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @matmul_operand_rank(%x: tensor<f16>, %y: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{'x' must have rank >= 1, got a scalar}}
  %0 = mil.matmul %x, %y : (tensor<f16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @matmul_transpose_rank1(%x: tensor<4xf16>, %y: tensor<4x8xf16>) -> tensor<8xf16> {
  // expected-error @+1 {{'transpose_x' cannot be set for a rank-1 'x'}}
  %0 = mil.matmul %x, %y {transpose_x = true} : (tensor<4xf16>, tensor<4x8xf16>) -> tensor<8xf16>
  return %0 : tensor<8xf16>
}

// -----

func.func @matmul_dtype(%x: tensor<4x8xf16>, %y: tensor<8x2xf32>) -> tensor<4x2xf16> {
  // expected-error @+1 {{'x' and 'y' must have the same dtype unless exactly one of them is a constant, got 'f16' and 'f32'}}
  %0 = mil.matmul %x, %y : (tensor<4x8xf16>, tensor<8x2xf32>) -> tensor<4x2xf16>
  return %0 : tensor<4x2xf16>
}

// -----

func.func @matmul_inner_dims(%q: tensor<1x12x8x64xf16>, %k: tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16> {
  // expected-error @+1 {{inner dims must match: 'x' contributes K = 64 but 'y' contributes K = 8}}
  %0 = mil.matmul %q, %k : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16>
  return %0 : tensor<1x12x8x64xf16>
}

// -----

func.func @matmul_batch_broadcast(%x: tensor<2x4x8xf16>, %y: tensor<3x8x5xf16>) -> tensor<?x4x5xf16> {
  // expected-error @+1 {{batch dims of 'x' [2] and 'y' [3] do not broadcast}}
  %0 = mil.matmul %x, %y : (tensor<2x4x8xf16>, tensor<3x8x5xf16>) -> tensor<?x4x5xf16>
  return %0 : tensor<?x4x5xf16>
}

// -----

func.func @matmul_result_type(%x: tensor<4x8xf16>, %y: tensor<8x2xf16>) -> tensor<4x8xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<4x2xf16>' are incompatible with return type(s) of operation 'tensor<4x8xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.matmul %x, %y : (tensor<4x8xf16>, tensor<8x2xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// -----

func.func @linear_x_rank(%x: tensor<f16>, %w: tensor<8x64xf16>) -> tensor<8xf16> {
  // expected-error @+1 {{'x' must have rank >= 1 ([*D, D_in]), got rank 0}}
  %0 = mil.linear %x, %w : (tensor<f16>, tensor<8x64xf16>) -> tensor<8xf16>
  return %0 : tensor<8xf16>
}

// -----

func.func @linear_weight_rank(%x: tensor<2x64xf16>, %w: tensor<8x64x1xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'weight' must have rank 2 ([D_out, D_in]), got rank 3}}
  %0 = mil.linear %x, %w : (tensor<2x64xf16>, tensor<8x64x1xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @linear_weight_din(%x: tensor<2x64xf16>, %w: tensor<8x32xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'weight' dim 1 must be D_in = 64 (last dim of 'x'), got 32}}
  %0 = mil.linear %x, %w : (tensor<2x64xf16>, tensor<8x32xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @linear_bias_shape(%x: tensor<2x64xf16>, %w: tensor<8x64xf16>, %b: tensor<1x8xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'bias' must have shape [D_out] = [8], got [1, 8]}}
  %0 = mil.linear %x, %w bias %b : (tensor<2x64xf16>, tensor<8x64xf16>, tensor<1x8xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @linear_bias_dtype(%x: tensor<2x64xf16>, %w: tensor<8x64xf32>, %b: tensor<8xf16>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'bias' dtype must match 'weight' dtype 'f32', got 'f16'}}
  %0 = mil.linear %x, %w bias %b : (tensor<2x64xf16>, tensor<8x64xf32>, tensor<8xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}
