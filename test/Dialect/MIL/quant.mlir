// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | FileCheck %s --check-prefix=TYPES

// W8A8 as ANE kernels use it: quantize between layers, dequantize before the
// next conv. TYPES checks the inferred result types.

// CHECK-LABEL: func @w8a8
// CHECK: %[[Q:.*]] = mil.quantize %arg0 scale = dense<1.250000e-01> : tensor<f16> output_dtype = "int8" : tensor<1x64x1x32xf16>
// CHECK: mil.dequantize %[[Q]] scale = dense<1.250000e-01> : tensor<f16> : tensor<1x64x1x32xi8>
// CHECK: mil.quantize %arg1 scale = dense<[1.000000e+00, 5.000000e-01]> : tensor<2xf32> zero_point = dense<[128, 0]> : tensor<2xui8> axis = 1 output_dtype = "uint8" : tensor<4x2xf32>
// CHECK: mil.dequantize %{{.*}} scale = dense<[1.000000e+00, 5.000000e-01]> : tensor<2xf16> zero_point = dense<[128, 0]> : tensor<2xui8> axis = -1 : tensor<4x2xui8>
// TYPES-LABEL: sym_name = "w8a8"
// TYPES: "mil.quantize"{{.*}} -> tensor<1x64x1x32xi8>
// TYPES: "mil.dequantize"{{.*}} -> tensor<1x64x1x32xf16>
// TYPES: "mil.quantize"{{.*}} -> tensor<4x2xui8>
// TYPES: "mil.dequantize"{{.*}} -> tensor<4x2xf16>
func.func @w8a8(%x: tensor<1x64x1x32xf16>, %y: tensor<4x2xf32>) -> (tensor<1x64x1x32xf16>, tensor<4x2xf16>) {
  %q = mil.quantize %x scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x64x1x32xf16>
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<1x64x1x32xi8>
  %q2 = mil.quantize %y scale = dense<[1.0, 0.5]> : tensor<2xf32> zero_point = dense<[128, 0]> : tensor<2xui8> axis = 1 output_dtype = "uint8" : tensor<4x2xf32>
  %d2 = mil.dequantize %q2 scale = dense<[1.0, 0.5]> : tensor<2xf16> zero_point = dense<[128, 0]> : tensor<2xui8> axis = -1 : tensor<4x2xui8>
  return %d, %d2 : tensor<1x64x1x32xf16>, tensor<4x2xf16>
}

// Dynamic dims are tolerated; per-channel length is not checked on them.
// TYPES-LABEL: sym_name = "dynamic"
// TYPES: "mil.quantize"{{.*}} -> tensor<?x3xi8>
func.func @dynamic(%x: tensor<?x3xf16>) -> tensor<?x3xi8> {
  %q = mil.quantize %x scale = dense<[1.0, 2.0, 4.0, 8.0]> : tensor<4xf16> axis = 0 output_dtype = "int8" : tensor<?x3xf16>
  return %q : tensor<?x3xi8>
}

// CHECK-LABEL: func @constexprs
// CHECK: mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = #mil.blob_file<"@model_path/weights/weight.bin", 64>, scale = dense<1.250000e-01> : tensor<f16>, zero_point = dense<0> : tensor<i8>} : tensor<512x512x1x1xf16>
// CHECK: mil.constexpr_affine_dequantize {axis = 1 : i32, quantized_data = dense<1> : tensor<2x3xui8>, scale = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>, zero_point = dense<5.000000e-01> : tensor<f32>} : tensor<2x3xf32>
// CHECK: mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<64x32xi8>, offset = dense<0> : tensor<64x2xi8>, scale = dense<1.250000e-01> : tensor<64x2xf16>} : tensor<64x32xf16>
// CHECK: mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<8x4xi4>, scale = dense<1.000000e+00> : tensor<1x1xf32>} : tensor<8x4xf32>
// CHECK: mil.constexpr_lut_to_dense {indices = dense<3> : tensor<64x32xui4>, lut = dense<5.000000e-01> : tensor<4x1x16x1xf16>} : tensor<64x32xf16>
// CHECK: mil.constexpr_lut_to_dense {indices = dense<5> : tensor<8x4xui8>, lut = dense<1> : tensor<1x1x64x2xi8>, vector_axis = 0 : i32} : tensor<16x4xi8>
// CHECK: mil.constexpr_lut_to_dense {indices = #mil.blob_file<"@model_path/weights/weight.bin", 128>, lut = dense<5.000000e-01> : tensor<1x1x4x1xf32>} : tensor<8x4xf32>
// CHECK: mil.constexpr_cast {output_dtype = "fp32", source_val = dense<1.000000e+00> : tensor<64xf16>} : tensor<64xf32>
func.func @constexprs() -> (tensor<512x512x1x1xf16>, tensor<2x3xf32>, tensor<64x32xf16>, tensor<8x4xf32>, tensor<64x32xf16>, tensor<16x4xi8>, tensor<8x4xf32>, tensor<64xf32>) {
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = #mil.blob_file<"@model_path/weights/weight.bin", 64>, scale = dense<0.125> : tensor<f16>, zero_point = dense<0> : tensor<i8>} : tensor<512x512x1x1xf16>
  %1 = mil.constexpr_affine_dequantize {axis = 1 : i32, quantized_data = dense<1> : tensor<2x3xui8>, scale = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>, zero_point = dense<0.5> : tensor<f32>} : tensor<2x3xf32>
  %2 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<64x32xi8>, scale = dense<0.125> : tensor<64x2xf16>, offset = dense<0> : tensor<64x2xi8>} : tensor<64x32xf16>
  %3 = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<8x4xi4>, scale = dense<1.0> : tensor<1x1xf32>} : tensor<8x4xf32>
  %4 = mil.constexpr_lut_to_dense {indices = dense<3> : tensor<64x32xui4>, lut = dense<0.5> : tensor<4x1x16x1xf16>} : tensor<64x32xf16>
  // uint6 indices held in ui8, vector palettization along dim 0.
  %5 = mil.constexpr_lut_to_dense {indices = dense<5> : tensor<8x4xui8>, lut = dense<1> : tensor<1x1x64x2xi8>, vector_axis = 0 : i32} : tensor<16x4xi8>
  %6 = mil.constexpr_lut_to_dense {indices = #mil.blob_file<"@model_path/weights/weight.bin", 128>, lut = dense<0.5> : tensor<1x1x4x1xf32>} : tensor<8x4xf32>
  %7 = mil.constexpr_cast {source_val = dense<1.0> : tensor<64xf16>, output_dtype = "fp32"} : tensor<64xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<512x512x1x1xf16>, tensor<2x3xf32>, tensor<64x32xf16>, tensor<8x4xf32>, tensor<64x32xf16>, tensor<16x4xi8>, tensor<8x4xf32>, tensor<64xf32>
}

// A zero scale element is valid in constexpr_affine_dequantize (compiled
// int8 models hold them for all-zero weight rows).
// CHECK-LABEL: func @constexpr_zero_scale_row
// CHECK: scale = dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf16>
func.func @constexpr_zero_scale_row() -> tensor<2x3xf16> {
  %0 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<1> : tensor<2x3xi8>, scale = dense<[1.0, 0.0]> : tensor<2xf16>, zero_point = dense<0> : tensor<i8>} : tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// constexpr_lut_to_dense's iOS16 form: 2-bit indices packed in 2 bytes,
// a 4-entry palette, the output shape in `shape`; lut and indices may be
// weight-file blobs.
// CHECK-LABEL: func @constexpr_lut_flat
// CHECK: mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>, lut = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf16>, shape = dense<[2, 4]> : tensor<2xui32>} : tensor<2x4xf16>
// CHECK: mil.constexpr_lut_to_dense {indices = #mil.blob_file<"@model_path/weights/weight.bin", 64>, lut = #mil.blob_file<"@model_path/weights/weight.bin", 33152>, shape = dense<[258, 1, 256]> : tensor<3xui32>} : tensor<258x1x256xf16>
func.func @constexpr_lut_flat() -> (tensor<2x4xf16>, tensor<258x1x256xf16>) attributes {mil.opset = "ios16"} {
  %0 = mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>, lut = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>, shape = dense<[2, 4]> : tensor<2xui32>} : tensor<2x4xf16>
  %1 = mil.constexpr_lut_to_dense {indices = #mil.blob_file<"@model_path/weights/weight.bin", 64>, lut = #mil.blob_file<"@model_path/weights/weight.bin", 33152>, shape = dense<[258, 1, 256]> : tensor<3xui32>} : tensor<258x1x256xf16>
  return %0, %1 : tensor<2x4xf16>, tensor<258x1x256xf16>
}

// constexpr_sparse_to_dense: the iOS16 form (a byte-packed mask of 9 bits
// with 4 set, and `shape`), and the iOS18 form (a uint1 mask of the output
// shape); data and mask may be blobs.
// CHECK-LABEL: func @constexpr_sparse
// CHECK: mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf16>, shape = dense<3> : tensor<2xui32>} : tensor<3x3xf16>
// CHECK: mil.constexpr_sparse_to_dense {mask = #mil.blob_file<"@model_path/weights/weight.bin", 64>, nonzero_data = #mil.blob_file<"@model_path/weights/weight.bin", 192>, shape = dense<[128, 64, 3]> : tensor<3xui32>} : tensor<128x64x3xi8>
func.func @constexpr_sparse() -> (tensor<3x3xf16>, tensor<128x64x3xi8>) attributes {mil.opset = "ios16"} {
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>, shape = dense<[3, 3]> : tensor<2xui32>} : tensor<3x3xf16>
  %1 = mil.constexpr_sparse_to_dense {mask = #mil.blob_file<"@model_path/weights/weight.bin", 64>, nonzero_data = #mil.blob_file<"@model_path/weights/weight.bin", 192>, shape = dense<[128, 64, 3]> : tensor<3xui32>} : tensor<128x64x3xi8>
  return %0, %1 : tensor<3x3xf16>, tensor<128x64x3xi8>
}

// CHECK-LABEL: func @constexpr_sparse_ios18
// CHECK: mil.constexpr_sparse_to_dense {mask = dense<[true, false, true]> : tensor<3xui1>, nonzero_data = dense<[1, -1]> : tensor<2xi8>} : tensor<3xi8>
func.func @constexpr_sparse_ios18() -> tensor<3xi8> attributes {mil.opset = "ios18"} {
  %0 = mil.constexpr_sparse_to_dense {mask = dense<[true, false, true]> : tensor<3xui1>, nonzero_data = dense<[1, -1]> : tensor<2xi8>} : tensor<3xi8>
  return %0 : tensor<3xi8>
}
