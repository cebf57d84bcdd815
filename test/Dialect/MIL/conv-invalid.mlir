// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @conv_x_rank(%x: tensor<1x64xf16>, %w: tensor<8x64xf16>) -> tensor<1x8xf16> {
  // expected-error @+1 {{'x' must have rank 3 to 5 ([N, C_in, *D] with 1-3 spatial dims), got rank 2}}
  %0 = mil.conv %x, %w : (tensor<1x64xf16>, tensor<8x64xf16>) -> tensor<1x8xf16>
  return %0 : tensor<1x8xf16>
}

// -----

func.func @conv_weight_rank(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'weight' must have the rank of 'x' (4, [C_out, C_in / groups, *K]), got rank 3}}
  %0 = mil.conv %x, %w : (tensor<1x64x1x32xf16>, tensor<8x64x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_groups_positive(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'groups' must be positive, got 0}}
  %0 = mil.conv %x, %w {groups = 0 : i32} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_groups_divide_cin(%x: tensor<1x64x1x32xf16>, %w: tensor<12x21x1x1xf16>) -> tensor<1x12x1x32xf16> {
  // expected-error @+1 {{'x' channels C_in = 64 must be divisible by 'groups' = 3}}
  %0 = mil.conv %x, %w {groups = 3 : i32} : (tensor<1x64x1x32xf16>, tensor<12x21x1x1xf16>) -> tensor<1x12x1x32xf16>
  return %0 : tensor<1x12x1x32xf16>
}

// -----

func.func @conv_weight_cin_per_group(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'weight' dim 1 must be C_in / groups = 16, got 64}}
  %0 = mil.conv %x, %w {groups = 4 : i32} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_groups_divide_cout(%x: tensor<1x64x1x32xf16>, %w: tensor<6x16x1x1xf16>) -> tensor<1x6x1x32xf16> {
  // expected-error @+1 {{'weight' dim 0 (C_out = 6) must be divisible by 'groups' = 4}}
  %0 = mil.conv %x, %w {groups = 4 : i32} : (tensor<1x64x1x32xf16>, tensor<6x16x1x1xf16>) -> tensor<1x6x1x32xf16>
  return %0 : tensor<1x6x1x32xf16>
}

// -----

func.func @conv_bias_shape(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>, %b: tensor<16xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'bias' must have shape [C_out] = [8], got [16]}}
  %0 = mil.conv %x, %w bias %b : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>, tensor<16xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_bias_dtype(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>, %b: tensor<8xf32>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'bias' dtype must match 'weight' dtype 'f16', got 'f32'}}
  %0 = mil.conv %x, %w bias %b : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>, tensor<8xf32>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_strides_length(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'strides' must have 2 values (one per spatial dim), got 3}}
  %0 = mil.conv %x, %w {strides = array<i32: 1, 1, 1>} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_strides_positive(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'strides' values must be positive, got 0 at index 1}}
  %0 = mil.conv %x, %w {strides = array<i32: 1, 0>} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_dilations_length(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'dilations' must have 2 values (one per spatial dim), got 1}}
  %0 = mil.conv %x, %w {dilations = array<i32: 1>} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_dilations_positive(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'dilations' values must be positive, got -1 at index 0}}
  %0 = mil.conv %x, %w {dilations = array<i32: -1, 1>} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_pad_length(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'pad' must have 4 values (2 per spatial dim), got 2}}
  %0 = mil.conv %x, %w {pad_type = "custom", pad = array<i32: 0, 0>} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_pad_nonnegative(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{'pad' values must be non-negative, got -1 at index 2}}
  %0 = mil.conv %x, %w {pad_type = "custom", pad = array<i32: 0, 0, -1, 1>} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

module attributes {mil.opset = "ios15"} {
  func.func @conv_same_lower_opset(%x: tensor<1x4x8x8xf16>, %w: tensor<8x4x3x3xf16>) -> tensor<1x8x8x8xf16> {
    // expected-error @+1 {{'pad_type' = "same_lower" requires opset ios16 or later, got ios15}}
    %0 = mil.conv %x, %w {pad_type = "same_lower"} : (tensor<1x4x8x8xf16>, tensor<8x4x3x3xf16>) -> tensor<1x8x8x8xf16>
    return %0 : tensor<1x8x8x8xf16>
  }
}

// -----

func.func @conv_dynamic_weight_dilations(%x: tensor<1x4x8x8xf16>, %w: tensor<8x4x3x3xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'dilations' must be all 1 when 'weight' is not a constant, got [2, 2]}}
  %0 = mil.conv %x, %w {dilations = array<i32: 2, 2>} : (tensor<1x4x8x8xf16>, tensor<8x4x3x3xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @conv_output_size(%x: tensor<1x4x2x32xf16>, %w: tensor<8x4x3x3xf16>) -> tensor<1x8x1x30xf16> {
  // expected-error @+1 {{spatial dim 0 of 'x' (2 plus padding) is smaller than the dilated kernel (3)}}
  %0 = mil.conv %x, %w : (tensor<1x4x2x32xf16>, tensor<8x4x3x3xf16>) -> tensor<1x8x1x30xf16>
  return %0 : tensor<1x8x1x30xf16>
}

// -----

// Inference: (8 - 3) / 2 + 1 = 3, not 4.
func.func @conv_result_type(%x: tensor<1x4x8x8xf16>, %w: tensor<8x4x3x3xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x8x3x3xf16>' are incompatible with return type(s) of operation 'tensor<1x8x4x4xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.conv %x, %w {strides = array<i32: 2, 2>} : (tensor<1x4x8x8xf16>, tensor<8x4x3x3xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @conv_pad_type_enum(%x: tensor<1x64x1x32xf16>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16> {
  // expected-error @+1 {{attribute 'pad_type' failed to satisfy constraint}}
  %0 = mil.conv %x, %w {pad_type = "full"} : (tensor<1x64x1x32xf16>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xf16>
  return %0 : tensor<1x8x1x32xf16>
}

// -----

func.func @conv_x_dtype(%x: tensor<1x64x1x32xi8>, %w: tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xi8> {
  // expected-error @+1 {{operand #0 must be ranked tensor of}}
  %0 = mil.conv %x, %w : (tensor<1x64x1x32xi8>, tensor<8x64x1x1xf16>) -> tensor<1x8x1x32xi8>
  return %0 : tensor<1x8x1x32xi8>
}

// -----

func.func @conv_transpose_x_rank(%x: tensor<1x16xf16>, %w: tensor<16x8xf16>) -> tensor<1x8xf16> {
  // expected-error @+1 {{'x' must have rank 3 to 5 ([N, C_in, *D] with 1-3 spatial dims), got rank 2}}
  %0 = mil.conv_transpose %x, %w : (tensor<1x16xf16>, tensor<16x8xf16>) -> tensor<1x8xf16>
  return %0 : tensor<1x8xf16>
}

// -----

func.func @conv_transpose_weight_rank(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'weight' must have the rank of 'x' (4, [C_in, C_out / groups, *K]), got rank 3}}
  %0 = mil.conv_transpose %x, %w : (tensor<1x16x4x4xf16>, tensor<16x8x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_groups_positive(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'groups' must be positive, got -2}}
  %0 = mil.conv_transpose %x, %w {groups = -2 : i32} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_groups_divide_cin(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x24x6x6xf16> {
  // expected-error @+1 {{'x' channels C_in = 16 must be divisible by 'groups' = 3}}
  %0 = mil.conv_transpose %x, %w {groups = 3 : i32} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x24x6x6xf16>
  return %0 : tensor<1x24x6x6xf16>
}

// -----

func.func @conv_transpose_weight_cin(%x: tensor<1x16x4x4xf16>, %w: tensor<8x8x3x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'weight' dim 0 must be C_in = 16, got 8}}
  %0 = mil.conv_transpose %x, %w : (tensor<1x16x4x4xf16>, tensor<8x8x3x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_bias_shape(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>, %b: tensor<8xf16>) -> tensor<1x16x6x6xf16> {
  // expected-error @+1 {{'bias' must have shape [C_out] = [16], got [8]}}
  %0 = mil.conv_transpose %x, %w bias %b {groups = 2 : i32} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>, tensor<8xf16>) -> tensor<1x16x6x6xf16>
  return %0 : tensor<1x16x6x6xf16>
}

// -----

func.func @conv_transpose_bias_dtype(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>, %b: tensor<8xf32>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'bias' dtype must match 'weight' dtype 'f16', got 'f32'}}
  %0 = mil.conv_transpose %x, %w bias %b : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>, tensor<8xf32>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_strides_length(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'strides' must have 2 values (one per spatial dim), got 1}}
  %0 = mil.conv_transpose %x, %w {strides = array<i32: 1>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_pad_length(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'pad' must have 4 values (2 per spatial dim), got 3}}
  %0 = mil.conv_transpose %x, %w {pad_type = "custom", pad = array<i32: 0, 0, 0>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_output_shape_length(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{'output_shape' must have 4 values (the rank of 'x'), got 2}}
  %0 = mil.conv_transpose %x, %w {output_shape = array<i32: 6, 6>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

func.func @conv_transpose_output_shape_batch_channels(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x16x7x7xf16> {
  // expected-error @+1 {{'output_shape' must start with [N, C_out] = [1, 8], got [1, 16]}}
  %0 = mil.conv_transpose %x, %w {output_shape = array<i32: 1, 16, 7, 7>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x16x7x7xf16>
  return %0 : tensor<1x16x7x7xf16>
}

// -----

func.func @conv_transpose_output_size(%x: tensor<1x16x1x4xf16>, %w: tensor<16x8x1x3xf16>) -> tensor<1x8x1x6xf16> {
  // expected-error @+1 {{spatial dim 0 of the output would be empty}}
  %0 = mil.conv_transpose %x, %w {pad_type = "custom", pad = array<i32: 1, 0, 0, 0>} : (tensor<1x16x1x4xf16>, tensor<16x8x1x3xf16>) -> tensor<1x8x1x6xf16>
  return %0 : tensor<1x8x1x6xf16>
}

// -----

func.func @conv_transpose_pad_type_enum(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16> {
  // expected-error @+1 {{attribute 'pad_type' failed to satisfy constraint}}
  %0 = mil.conv_transpose %x, %w {pad_type = "same_lower"} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x6x6xf16>
  return %0 : tensor<1x8x6x6xf16>
}

// -----

// Inference: (4 - 1) * 2 + 3 = 9.
func.func @conv_transpose_result_type(%x: tensor<1x16x4x4xf16>, %w: tensor<16x8x3x3xf16>) -> tensor<1x8x8x8xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x8x9x9xf16>' are incompatible with return type(s) of operation 'tensor<1x8x8x8xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.conv_transpose %x, %w {strides = array<i32: 2, 2>} : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x8x8xf16>
  return %0 : tensor<1x8x8x8xf16>
}
