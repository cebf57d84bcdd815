// RUN: ane-opt %s -canonicalize | FileCheck %s

// The quantization ops have no folders on purpose: these must survive.

// dequantize(quantize(x)) rounds and clips, so it is not x.
// CHECK-LABEL: func @dequantize_of_quantize_kept
// CHECK: %[[Q:.*]] = mil.quantize %arg0
// CHECK: %[[D:.*]] = mil.dequantize %[[Q]]
// CHECK: return %[[D]]
func.func @dequantize_of_quantize_kept(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  %q = mil.quantize %x scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x64x1x32xf16>
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<1x64x1x32xi8>
  return %d : tensor<1x64x1x32xf16>
}

// Constexpr ops keep weights compressed until load time: not folded into
// mil.const even when their inputs are inline.
// CHECK-LABEL: func @constexpr_kept
// CHECK: mil.constexpr_cast
// CHECK: mil.constexpr_affine_dequantize
// CHECK-NOT: mil.const {
func.func @constexpr_kept() -> (tensor<4xf32>, tensor<4xf16>) {
  %0 = mil.constexpr_cast {output_dtype = "fp32", source_val = dense<1.0> : tensor<4xf16>} : tensor<4xf32>
  %1 = mil.constexpr_affine_dequantize {axis = 0 : i32, quantized_data = dense<3> : tensor<4xi8>, scale = dense<0.5> : tensor<f16>, zero_point = dense<1> : tensor<i8>} : tensor<4xf16>
  return %0, %1 : tensor<4xf32>, tensor<4xf16>
}
