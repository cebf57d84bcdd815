// quantize (per tensor / per axis, int8 / uint8, round half to even, then
// saturate), dequantize per axis, constexpr_affine_dequantize and
// constexpr_blockwise_shift_scale, constexpr_lut_to_dense (2-bit indices,
// grouped and vector palettes; the iOS16 form with 2-bit and byte-straddling
// 6-bit packed indices), constexpr_sparse_to_dense (a byte-packed 9-bit
// mask; a uint1 mask; the iOS18 form with loaded (dense_resource) indices),
// constexpr_cast (fp16 -> fp32, exact) vs NumPy (Inputs/ref.py quant_f32):
// integers exactly, floats within 1e-6.

// REQUIRES: mil-op-quantize, mil-op-dequantize, mil-op-constexpr_affine_dequantize, mil-op-constexpr_blockwise_shift_scale, mil-op-constexpr_lut_to_dense, mil-op-constexpr_sparse_to_dense, mil-op-constexpr_cast

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py quant_f32 %t
// RUN: ane-run run %s --input x=%t/x.npy --input q=%t/q.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --atol 1e-6 --rtol 1e-6

!t = tensor<2x3x4xf32>
func.func @main(%x: !t {mil.name = "x"}, %q: tensor<2x3x4xi8> {mil.name = "q"}) -> (
    tensor<2x3x4xi8> {mil.name = "q_tensor"}, tensor<2x3x4xi8> {mil.name = "q_axis"},
    tensor<2x3x4xui8> {mil.name = "q_uint8"}, !t {mil.name = "dq_axis"},
    tensor<3x2xf16> {mil.name = "cx_affine"}, tensor<4x4xf32> {mil.name = "cx_blockwise"},
    tensor<2x4xf32> {mil.name = "lut"}, tensor<2x8xf32> {mil.name = "lut_vec"},
    tensor<2x5xf32> {mil.name = "lut_flat2"}, tensor<5xf16> {mil.name = "lut_flat6"},
    tensor<3x3xf16> {mil.name = "sparse16"}, tensor<2x3xi8> {mil.name = "sparse18"},
    tensor<2x8xf32> {mil.name = "lut_res"}, tensor<4xf32> {mil.name = "cast32"}) {
  %0 = "mil.quantize"(%x) <{scale = dense<2.000000e-02> : tensor<f32>, zero_point = dense<3> : tensor<i8>, output_dtype = "int8"}> : (!t) -> tensor<2x3x4xi8>
  %1 = "mil.quantize"(%x) <{scale = dense<[1.000000e-02, 5.000000e-02, 1.000000e-01]> : tensor<3xf32>, zero_point = dense<[0, -10, 5]> : tensor<3xi8>, axis = 1 : i32, output_dtype = "int8"}> : (!t) -> tensor<2x3x4xi8>
  %2 = "mil.quantize"(%x) <{scale = dense<1.000000e-02> : tensor<f32>, zero_point = dense<128> : tensor<ui8>, output_dtype = "uint8"}> : (!t) -> tensor<2x3x4xui8>
  %3 = "mil.dequantize"(%q) <{scale = dense<[1.000000e-02, 5.000000e-02, 1.000000e-01]> : tensor<3xf32>, zero_point = dense<[0, -10, 5]> : tensor<3xi8>, axis = 1 : i32}> : (tensor<2x3x4xi8>) -> !t
  %4 = "mil.constexpr_affine_dequantize"() <{quantized_data = dense<[[-128, 127], [0, 5], [-3, 100]]> : tensor<3x2xi8>, zero_point = dense<[1, -2, 0]> : tensor<3xi8>, scale = dense<[5.000000e-01, 2.500000e-01, 1.250000e-01]> : tensor<3xf16>, axis = 0 : i32}> : () -> tensor<3x2xf16>
  %5 = "mil.constexpr_blockwise_shift_scale"() <{data = dense<[[-8, -7, -6, -5], [-4, -3, -2, -1], [0, 1, 2, 3], [4, 5, 6, 7]]> : tensor<4x4xi8>, scale = dense<[[5.000000e-01], [2.000000e+00]]> : tensor<2x1xf32>, offset = dense<[[1], [-1]]> : tensor<2x1xi8>}> : () -> tensor<4x4xf32>
  %6 = "mil.constexpr_lut_to_dense"() <{indices = dense<[[0, 1, 2, 3], [3, 2, 1, 0]]> : tensor<2x4xui2>, lut = dense<[[[[10.0], [11.0], [12.0], [13.0]]], [[[20.0], [21.0], [22.0], [23.0]]]]> : tensor<2x1x4x1xf32>}> : () -> tensor<2x4xf32>
  %7 = "mil.constexpr_lut_to_dense"() <{indices = dense<[[0, 1, 2, 3], [3, 2, 1, 0]]> : tensor<2x4xui2>, lut = dense<[[[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0]]]]> : tensor<1x1x4x2xf32>, vector_axis = 1 : i32}> : () -> tensor<2x8xf32>
  %8 = "mil.constexpr_lut_to_dense"() <{indices = dense<[228, 27, 9]> : tensor<3xui8>, lut = dense<[10.0, 11.0, 12.0, 13.0]> : tensor<4xf32>, shape = dense<[2, 5]> : tensor<2xui32>}> : () -> tensor<2x5xf32>
  %9 = "mil.constexpr_lut_to_dense"() <{indices = dense<[197, 31, 161, 1]> : tensor<4xui8>, lut = dense<[-8.00, -7.75, -7.50, -7.25, -7.00, -6.75, -6.50, -6.25, -6.00, -5.75, -5.50, -5.25, -5.00, -4.75, -4.50, -4.25, -4.00, -3.75, -3.50, -3.25, -3.00, -2.75, -2.50, -2.25, -2.00, -1.75, -1.50, -1.25, -1.00, -0.75, -0.50, -0.25, 0.00, 0.25, 0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 2.00, 2.25, 2.50, 2.75, 3.00, 3.25, 3.50, 3.75, 4.00, 4.25, 4.50, 4.75, 5.00, 5.25, 5.50, 5.75, 6.00, 6.25, 6.50, 6.75, 7.00, 7.25, 7.50, 7.75]> : tensor<64xf16>, shape = dense<5> : tensor<1xui32>}> : () -> tensor<5xf16>
  %10 = "mil.constexpr_sparse_to_dense"() <{mask = dense<[37, 1]> : tensor<2xui8>, nonzero_data = dense<[1.5, -2.0, 3.25, 4.0]> : tensor<4xf16>, shape = dense<[3, 3]> : tensor<2xui32>}> : () -> tensor<3x3xf16>
  %11 = "mil.constexpr_sparse_to_dense"() <{mask = dense<[[true, false, true], [false, true, true]]> : tensor<2x3xui1>, nonzero_data = dense<[-7, 5, 127, -128]> : tensor<4xi8>}> : () -> tensor<2x3xi8>
  %12 = "mil.constexpr_lut_to_dense"() <{indices = dense_resource<lut_idx> : tensor<2x8xui8>, lut = dense<[[[[1.0], [2.0], [3.0], [4.0]]], [[[5.0], [6.0], [7.0], [8.0]]]]> : tensor<2x1x4x1xf32>}> : () -> tensor<2x8xf32>
  %13 = "mil.constexpr_cast"() <{source_val = dense<[1.500000e+00, -9.765625E-4, 6.550400e+04, 5.960464e-08]> : tensor<4xf16>, output_dtype = "fp32"}> : () -> tensor<4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13 : tensor<2x3x4xi8>, tensor<2x3x4xi8>, tensor<2x3x4xui8>, !t, tensor<3x2xf16>, tensor<4x4xf32>, tensor<2x4xf32>, tensor<2x8xf32>, tensor<2x5xf32>, tensor<5xf16>, tensor<3x3xf16>, tensor<2x3xi8>, tensor<2x8xf32>, tensor<4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      lut_idx: "0x0100000000010203000102030001020300010203"
    }
  }
#-}
