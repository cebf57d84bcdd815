// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @avg_pool_x_rank(%x: tensor<8x8xf16>) -> tensor<8x8xf16> {
  // expected-error @+1 {{'x' must have rank 3 to 5 ([N, C, *D] with 1-3 spatial dims), got rank 2}}
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 1>, pad_type = "valid"} : (tensor<8x8xf16>) -> tensor<8x8xf16>
  return %0 : tensor<8x8xf16>
}

// -----

func.func @max_pool_kernel_sizes_length(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'kernel_sizes' must have 2 values (one per spatial dim), got 1}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2>, strides = array<i32: 2, 2>, pad_type = "valid"} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @avg_pool_kernel_sizes_positive(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'kernel_sizes' values must be positive, got 0 at index 1}}
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 2, 0>, strides = array<i32: 2, 2>, pad_type = "valid"} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @max_pool_strides_length(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'strides' must have 2 values (one per spatial dim), got 3}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2, 2>, pad_type = "valid"} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @avg_pool_strides_positive(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'strides' values must be positive, got -2 at index 0}}
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: -2, 2>, pad_type = "valid"} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @max_pool_pad_length(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'pad' must have 4 values (2 per spatial dim), got 2}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 1>} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @max_pool_pad_nonnegative(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'pad' values must be non-negative, got -1 at index 3}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 0, 0, 1, -1>} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @max_pool_ceil_mode_rank(%x: tensor<1x2x4x4x4xf16>) -> tensor<1x2x2x2x2xf16> {
  // expected-error @+1 {{'ceil_mode' is only supported for 1-D and 2-D pooling, got 3 spatial dims}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2, 2>, strides = array<i32: 2, 2, 2>, pad_type = "valid", ceil_mode = true} : (tensor<1x2x4x4x4xf16>) -> tensor<1x2x2x2x2xf16>
  return %0 : tensor<1x2x2x2x2xf16>
}

// -----

func.func @avg_pool_ceil_mode_pad_type(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> {
  // expected-error @+1 {{'ceil_mode' cannot be used with 'pad_type' = "same"}}
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "same", ceil_mode = true} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @avg_pool_ceil_mode_symmetric_pad(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x5x4xf16> {
  // expected-error @+1 {{'ceil_mode' requires symmetric 'pad', got 1 and 0 for spatial dim 0}}
  %0 = mil.avg_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 0, 0, 0>, ceil_mode = true} : (tensor<1x8x8x8xf16>) -> tensor<1x8x5x4xf16>
  return %0 : tensor<1x8x5x4xf16>
}

// -----

func.func @max_pool_same_lower_opset(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16> attributes {mil.opset = "ios15"} {
  // expected-error @+1 {{'pad_type' = "same_lower" requires opset ios16 or later, got ios15}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "same_lower"} : (tensor<1x8x8x8xf16>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

func.func @max_pool_output_size(%x: tensor<1x8x2x8xf16>) -> tensor<1x8x1x6xf16> {
  // expected-error @+1 {{spatial dim 0 of 'x' (2 plus padding) is smaller than the kernel (3)}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 3, 3>, pad_type = "valid"} : (tensor<1x8x2x8xf16>) -> tensor<1x8x1x6xf16>
  return %0 : tensor<1x8x1x6xf16>
}

// -----

func.func @max_pool_pad_type_required(%x: tensor<1x8x8x8xf16>) -> tensor<1x8x7x7xf16> {
  // expected-error @+1 {{requires attribute 'pad_type'}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 2, 2>} : (tensor<1x8x8x8xf16>) -> tensor<1x8x7x7xf16>
  return %0 : tensor<1x8x7x7xf16>
}

// -----

// Inference: floor mode gives (6 - 3) / 2 + 1 = 2.
func.func @max_pool_result_type(%x: tensor<1x8x6x6xf16>) -> tensor<1x8x3x3xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x8x2x2xf16>' are incompatible with return type(s) of operation 'tensor<1x8x3x3xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.max_pool %x {kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "valid"} : (tensor<1x8x6x6xf16>) -> tensor<1x8x3x3xf16>
  return %0 : tensor<1x8x3x3xf16>
}
