// RUN: ane-opt %s -split-input-file -verify-diagnostics

// One function per rule of the quantization ops, named after its rule id
// (affine_* are the rules shared by quantize, dequantize and
// constexpr_affine_dequantize).

func.func @quantize_scale_dtype(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'scale' must have the dtype of 'input' 'f16', got 'f32'}}
  %0 = mil.quantize %x scale = dense<1.0> : tensor<f32> output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @quantize_zero_point_dtype(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'zero_point' must have dtype 'output_dtype' = 'ui8', got 'i8'}}
  %0 = mil.quantize %x scale = dense<1.0> : tensor<f16> zero_point = dense<0> : tensor<i8> output_dtype = "uint8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_axis_in_range(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'axis' must be in [-2, 2), got 2}}
  %0 = mil.quantize %x scale = dense<[1.0, 2.0]> : tensor<2xf16> axis = 2 output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_param_scalar_or_vector(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'scale' must be a scalar or a vector, got shape [4, 2]}}
  %0 = mil.quantize %x scale = dense<1.0> : tensor<4x2xf16> axis = 1 output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_scalar_scale_no_axis(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'axis' must be absent with a scalar 'scale', got 1}}
  %0 = mil.quantize %x scale = dense<1.0> : tensor<f16> axis = 1 output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_vector_needs_axis(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'axis' is required with a vector 'scale' of shape [2]}}
  %0 = mil.quantize %x scale = dense<[1.0, 2.0]> : tensor<2xf16> output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_vector_length(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'scale' must have input.shape[axis] = 4 entries, got 2}}
  %0 = mil.quantize %x scale = dense<[1.0, 2.0]> : tensor<2xf16> axis = 0 output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_zero_point_shape(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'zero_point' must have the shape of 'scale' [2], got []}}
  %0 = mil.quantize %x scale = dense<[1.0, 2.0]> : tensor<2xf16> zero_point = dense<0> : tensor<i8> axis = 1 output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @affine_scale_nonzero(%x: tensor<4x2xf16>) {
  // expected-error @+1 {{'scale' must be non-zero, got 0 at index 1}}
  %0 = mil.quantize %x scale = dense<[1.0, 0.0]> : tensor<2xf16> axis = 1 output_dtype = "int8" : tensor<4x2xf16>
  return
}

// -----

func.func @dequantize_scale_dtype(%q: tensor<4x2xi8>) {
  // expected-error @+1 {{'scale' must be fp16 or fp32, got 'i32'}}
  %0 = mil.dequantize %q scale = dense<1> : tensor<i32> : tensor<4x2xi8>
  return
}

// -----

func.func @dequantize_zero_point_dtype(%q: tensor<4x2xi8>) {
  // expected-error @+1 {{'zero_point' must have the dtype of 'input' 'i8', got 'ui8'}}
  %0 = mil.dequantize %q scale = dense<1.0> : tensor<f16> zero_point = dense<0> : tensor<ui8> : tensor<4x2xi8>
  return
}

// -----

func.func @constexpr_affine_dequantize_data_dtype() {
  // expected-error @+1 {{'mil.constexpr_affine_dequantize' op 'quantized_data' must be int8 or uint8, got 'i16'}}
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<1> : tensor<4x2xi16>, scale = dense<1.0> : tensor<f16>, zero_point = dense<0> : tensor<i8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_affine_dequantize_data_shape() {
  // expected-error @+1 {{'quantized_data' shape [2, 4] must equal the result shape [4, 2]}}
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<1> : tensor<2x4xi8>, scale = dense<1.0> : tensor<f16>, zero_point = dense<0> : tensor<i8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_affine_dequantize_scale_dtype() {
  // expected-error @+1 {{'scale' dtype must be the result dtype 'f16', got 'f32'}}
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<f32>, zero_point = dense<0> : tensor<i8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_affine_dequantize_zero_point_dtype() {
  // expected-error @+1 {{'zero_point' must be fp32 or the dtype of 'quantized_data' 'i8', got 'ui8'}}
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<f16>, zero_point = dense<0> : tensor<ui8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_affine_dequantize_vector_length() {
  // expected-error @+1 {{'scale' must have input.shape[axis] = 4 entries, got 2}}
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = #mil.blob_file<"@model_path/weights/weight.bin", 64>, scale = dense<[1.0, 2.0]> : tensor<2xf16>, zero_point = dense<0> : tensor<i8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_data_dtype() {
  // expected-error @+1 {{'data' must be int4, uint4, int8, uint8, fp16 or fp32, got 'i32'}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x2xi32>, scale = dense<1.0> : tensor<1x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_data_shape() {
  // expected-error @+1 {{'data' shape [4, 4] must equal the result shape [4, 2]}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x4xi8>, scale = dense<1.0> : tensor<1x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_scale_dtype() {
  // expected-error @+1 {{'scale' dtype must be the result dtype 'f16', got 'f32'}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<1x1xf32>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_scale_rank() {
  // expected-error @+1 {{'scale' must have the rank of 'data' 2, got 1}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<4xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_block_divides() {
  // expected-error @+1 {{'scale' dim 0 (3) must divide 'data' dim 0 (4)}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<3x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_offset_shape() {
  // expected-error @+1 {{'offset' must have the shape of 'scale' [2, 1], got [2, 2]}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<2x1xf16>, offset = dense<0> : tensor<2x2xi8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_blockwise_shift_scale_offset_dtype() {
  // expected-error @+1 {{'offset' must be float or have the dtype of 'data' 'i8', got 'ui8'}}
  %0 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<4x2xi8>, scale = dense<1.0> : tensor<2x1xf16>, offset = dense<0> : tensor<2x1xui8>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_lut_dtype() {
  // expected-error @+1 {{'lut' must be uint8, int8, fp16 or fp32 and the result dtype 'f16', got 'f32'}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<1x1x4x1xf32>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_lut_rank() {
  // expected-error @+1 {{'lut' must have rank rank(indices) + 2 = 4, got 2}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<4x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_vector_axis_in_range() {
  // expected-error @+1 {{'vector_axis' must be in [-2, 2), got 2}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<1x1x4x2xf16>, vector_axis = 2 : i32} : tensor<8x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_vector_axis_required() {
  // expected-error @+1 {{'vector_axis' is required when the 'lut' vector size (last dim) is 2}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<1x1x4x2xf16>} : tensor<8x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_indices_dtype() {
  // expected-error @+1 {{'indices' must be ui1, ui2, ui4 or ui8 (uint3 and uint6 are held in ui8), got 'i8'}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xi8>, lut = dense<1.0> : tensor<1x1x4x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_result_shape() {
  // expected-error @+1 {{result shape must be the 'indices' shape with 'vector_axis' scaled by the vector size, expected [4, 4], got [8, 2]}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<1x1x4x2xf16>, vector_axis = 1 : i32} : tensor<8x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_palette_size() {
  // expected-error @+1 {{'lut' palette dim 2 must be 2^(indices bits) = 4, got 8}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<1x1x8x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_group_divides() {
  // expected-error @+1 {{'lut' group count 3 in dim 0 must divide the 'indices' dim 4}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<3x1x4x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_ios16_form_opset() attributes {mil.opset = "ios18"} {
  // expected-error @+1 {{'shape' (the iOS16 form) needs opset ios16 or ios17, got ios18}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>, lut = dense<1.0> : tensor<4xf16>, shape = dense<[2, 4]> : tensor<2xui32>} : tensor<2x4xf16>
  return
}

// -----

func.func @constexpr_ios18_form_opset() attributes {mil.opset = "ios17"} {
  // expected-error @+1 {{'shape' is required before opset ios18 (the iOS16 form), got ios17}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<1> : tensor<4x2xui2>, lut = dense<1.0> : tensor<1x1x4x1xf16>} : tensor<4x2xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_flat_no_vector_axis() {
  // expected-error @+1 {{'vector_axis' must be absent with 'shape' (the iOS16 form), got 0}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>, lut = dense<1.0> : tensor<4xf16>, shape = dense<[2, 4]> : tensor<2xui32>, vector_axis = 0 : i32} : tensor<2x4xf16>
  return
}

// -----

func.func @constexpr_shape_dtype() {
  // expected-error @+1 {{'shape' must be a uint32 vector, got 'tensor<2xi32>'}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>, lut = dense<1.0> : tensor<4xf16>, shape = dense<[2, 4]> : tensor<2xi32>} : tensor<2x4xf16>
  return
}

// -----

func.func @constexpr_shape_result() {
  // expected-error @+1 {{result shape must be 'shape' [4, 2], got [2, 4]}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>, lut = dense<1.0> : tensor<4xf16>, shape = dense<[4, 2]> : tensor<2xui32>} : tensor<2x4xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_flat_lut_shape() {
  // expected-error @+1 {{'lut' must be a vector of 2^n entries, n in 1, 2, 4, 6, 8 (the iOS16 form), got shape [8]}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27, 0]> : tensor<3xui8>, lut = dense<1.0> : tensor<8xf16>, shape = dense<[2, 4]> : tensor<2xui32>} : tensor<2x4xf16>
  return
}

// -----

func.func @constexpr_lut_to_dense_flat_indices() {
  // expected-error @+1 {{'indices' must be uint8 of shape [ceil(2 bits * 8 / 8)] = [2] (the iOS16 form), got 'tensor<3xui8>'}}
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27, 0]> : tensor<3xui8>, lut = dense<1.0> : tensor<4xf16>, shape = dense<[2, 4]> : tensor<2xui32>} : tensor<2x4xf16>
  return
}

// -----

func.func @constexpr_ios16_form_opset_sparse() attributes {mil.opset = "ios18"} {
  // expected-error @+1 {{'mil.constexpr_sparse_to_dense' op 'shape' (the iOS16 form) needs opset ios16 or ios17, got ios18}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<1.0> : tensor<4xf16>, shape = dense<[3, 3]> : tensor<2xui32>} : tensor<3x3xf16>
  return
}

// -----

func.func @constexpr_ios18_form_opset_sparse() attributes {mil.opset = "ios16"} {
  // expected-error @+1 {{'mil.constexpr_sparse_to_dense' op 'shape' is required before opset ios18 (the iOS16 form), got ios16}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[true, false]> : tensor<2xui1>, nonzero_data = dense<1.0> : tensor<1xf16>} : tensor<2xf16>
  return
}

// -----

func.func @constexpr_shape_result_sparse() {
  // expected-error @+1 {{'mil.constexpr_sparse_to_dense' op result shape must be 'shape' [9], got [3, 3]}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<1.0> : tensor<4xf16>, shape = dense<9> : tensor<1xui32>} : tensor<3x3xf16>
  return
}

// -----

func.func @constexpr_sparse_to_dense_data_type() {
  // expected-error @+1 {{'nonzero_data' must be a vector of the result dtype 'f16', got 'tensor<4xf32>'}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<1.0> : tensor<4xf32>, shape = dense<[3, 3]> : tensor<2xui32>} : tensor<3x3xf16>
  return
}

// -----

func.func @constexpr_sparse_to_dense_packed_mask() {
  // expected-error @+1 {{'mask' must be a uint8 vector of ceil(prod(shape) / 8) = 2 bytes (the iOS16 form), got 'tensor<3xui8>'}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[37, 1, 0]> : tensor<3xui8>, nonzero_data = dense<1.0> : tensor<4xf16>, shape = dense<[3, 3]> : tensor<2xui32>} : tensor<3x3xf16>
  return
}

// -----

func.func @constexpr_sparse_to_dense_mask_shape() {
  // expected-error @+1 {{'mask' must be uint1 of the result shape [3] (the iOS18 form), got 'tensor<2xui1>'}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[true, false]> : tensor<2xui1>, nonzero_data = dense<1.0> : tensor<1xf16>} : tensor<3xf16>
  return
}

// -----

func.func @constexpr_sparse_to_dense_nonzero_count() {
  // expected-error @+1 {{'nonzero_data' must have one entry per set 'mask' bit, 4, got 3}}
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<1.0> : tensor<3xf16>, shape = dense<[3, 3]> : tensor<2xui32>} : tensor<3x3xf16>
  return
}

// -----

func.func @constexpr_cast_source_dtype() {
  // expected-error @+1 {{'source_val' must be fp16, got 'f32'}}
  %0 = mil.constexpr_cast {output_dtype = "fp32", source_val = dense<1.0> : tensor<4xf32>} : tensor<4xf32>
  return
}

// -----

func.func @constexpr_cast_source_shape() {
  // expected-error @+1 {{'source_val' shape [4] must equal the result shape [8]}}
  %0 = mil.constexpr_cast {output_dtype = "fp32", source_val = dense<1.0> : tensor<4xf16>} : tensor<8xf32>
  return
}
