//===- MILQuantOps.td - Quantization and constexpr ops --- -*- tablegen -*-===//
//
// MIL's activation quantization (defs/iOS17/quantization_ops.py: quantize,
// dequantize) and compile-time weight decompression (defs/iOS16/
// constexpr_ops.py, defs/iOS18/compression.py: constexpr_affine_dequantize,
// constexpr_blockwise_shift_scale, constexpr_lut_to_dense and
// constexpr_sparse_to_dense (both forms), constexpr_cast).
// Every constexpr parameter is an attribute; constexpr ops have no operands.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILQUANTOPS_TD
#define ANE_DIALECT_MIL_MILQUANTOPS_TD

include "MILBase.td"
include "MILAttrs.td"

/// Constant tensor data: inline elements or a symbolic weight-file blob.
def MIL_QuantDataAttr : AnyAttrOf<[ElementsAttr, MIL_BlobFileAttr]>;

def MIL_QuantizeOp : MIL_Op<"quantize", "ios17", [Pure, InferTypeOpAdaptor]> {
  let summary = "quantize fp16/fp32 activations to int8/uint8";
  let description = [{
    MIL `quantize` (iOS17): `output = clip(round(input / scale) +
    zero_point)` into the range of `output_dtype` (`"int8"` or `"uint8"`,
    the result's dtype), rounding half to even. `scale` has the dtype of
    `input` and is a scalar (per-tensor; then `axis` must be absent) or a
    vector of length `input.shape[axis]` (per-channel; `axis` required).
    `zero_point` (default 0) has the shape of `scale` and the dtype
    `output_dtype`. `scale` must not contain 0.

    `dequantize(quantize(x))` is not folded: it rounds and clips.

    ```mlir
    %q = mil.quantize %x scale = dense<1.250000e-01> : tensor<f16> output_dtype = "int8" : tensor<1x64x1x32xf16>
    ```
  }];
  let arguments = (ins MIL_FloatTensor:$input,
      OptionalAttr<ElementsAttr>:$zero_point, ElementsAttr:$scale,
      OptionalAttr<I32Attr>:$axis,
      MIL_StrEnumAttr<["int8", "uint8"]>:$output_dtype);
  let results = (outs MIL_QuantTensor:$output);
  let assemblyFormat = [{
    $input `scale` `=` $scale (`zero_point` `=` $zero_point^)?
    (`axis` `=` $axis^)? `output_dtype` `=` $output_dtype attr-dict `:`
    type($input)
  }];
}

def MIL_DequantizeOp
    : MIL_Op<"dequantize", "ios17", [Pure, InferTypeOpAdaptor]> {
  let summary = "dequantize int8/uint8 activations to fp16/fp32";
  let description = [{
    MIL `dequantize` (iOS17): `output = scale * (input - zero_point)`,
    computed in fp32 and cast to the dtype of `scale` (fp16 or fp32), which
    is the result's dtype. `scale` is a scalar (then `axis` must be absent)
    or a vector of length `input.shape[axis]`; `zero_point` (default 0) has
    the shape of `scale` and the dtype of `input`.

    ```mlir
    %y = mil.dequantize %q scale = dense<1.250000e-01> : tensor<f16> : tensor<1x64x1x32xi8>
    ```
  }];
  let arguments = (ins MIL_QuantTensor:$input,
      OptionalAttr<ElementsAttr>:$zero_point, ElementsAttr:$scale,
      OptionalAttr<I32Attr>:$axis);
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `scale` `=` $scale (`zero_point` `=` $zero_point^)?
    (`axis` `=` $axis^)? attr-dict `:` type($input)
  }];
}

def MIL_ConstexprAffineDequantizeOp
    : MIL_Op<"constexpr_affine_dequantize", "ios16", [Pure]> {
  let summary = "compile-time affine dequantization of int8/uint8 weights";
  let description = [{
    MIL `constexpr_affine_dequantize` (iOS16): a weight decompressed when
    the model is loaded, `output = scale * (quantized_data - zero_point)`,
    with `scale` and `zero_point` scalars or vectors broadcast along `axis`
    (required; vectors have length `shape[axis]`). `quantized_data` is int8
    or uint8, inline or a `#mil.blob_file`; `zero_point` is int8/uint8 (the
    dtype of `quantized_data`) or fp32; `scale` is fp16 or fp32. The result
    has the shape of `quantized_data` and the dtype of `scale`; since a
    `#mil.blob_file` carries no type, the result type is spelled and is the
    reference shape for the checks.

    ```mlir
    %w = mil.constexpr_affine_dequantize {axis = 0 : i32,
        quantized_data = #mil.blob_file<"@model_path/weights/weight.bin", 64>,
        scale = dense<1.250000e-01> : tensor<f16>, zero_point = dense<0> : tensor<i8>}
        : tensor<512x512x1x1xf16>
    ```
  }];
  let arguments = (ins MIL_QuantDataAttr:$quantized_data,
      ElementsAttr:$zero_point, ElementsAttr:$scale, I32Attr:$axis);
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasVerifier = 1;
}

def MIL_ConstexprBlockwiseShiftScaleOp
    : MIL_Op<"constexpr_blockwise_shift_scale", "ios18", [Pure]> {
  let summary = "compile-time blockwise dequantization";
  let description = [{
    MIL `constexpr_blockwise_shift_scale` (iOS18): `output[i] =
    scale[i / b] * (data[i] - offset[i / b])` where the block size of dim
    `d` is `b[d] = data.shape[d] / scale.shape[d]` (it must divide). `scale`
    (fp16 or fp32, the result dtype) has the rank of `data`; `offset`
    (optional, default 0) has the shape of `scale` and is either float or of
    the dtype of `data`. `data` is int4/uint4/int8/uint8/fp16/fp32, inline or
    a `#mil.blob_file` (the result type gives its shape). Covers per-tensor,
    per-channel and per-block quantization.

    ```mlir
    %w = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<64x32xi8>,
        scale = dense<1.250000e-01> : tensor<64x2xf16>} : tensor<64x32xf16>
    ```
  }];
  let arguments = (ins MIL_QuantDataAttr:$data, ElementsAttr:$scale,
      OptionalAttr<ElementsAttr>:$offset);
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasVerifier = 1;
}

def MIL_ConstexprLutToDenseOp
    : MIL_Op<"constexpr_lut_to_dense", "ios16", [Pure]> {
  let summary = "compile-time palettization lookup";
  let description = [{
    MIL `constexpr_lut_to_dense` has two forms; `shape` tells them apart.

    **iOS16 form** (with `shape`; opsets ios16 and ios17): `indices` is a
    uint8 vector of `ceil(n * prod(shape) / 8)` bytes holding one n-bit
    index per output element (n in 1, 2, 4, 6, 8), packed LSB first: index
    `i` is bits `[i*n, (i+1)*n)` of the byte stream, bit `b` being bit
    `b % 8` of byte `b / 8`, so an index may straddle two bytes. `lut` is a
    vector of `2^n` entries; `shape` (uint32 vector) is the output shape and
    `output = lut[index].reshape(shape)`. `vector_axis` must be absent.

    **iOS18 form** (without `shape`; opset ios18): `output[i] = lut[g(i),
    indices[i]]`. `indices` has the output's shape (before vector
    expansion) and an unsigned dtype of n bits (n in 1, 2, 3, 4, 6, 8).
    MLIR has `ui1`, `ui2`, `ui4` and `ui8` element types; uint3 and uint6
    indices are held in `ui8` elements (one index per byte), and `ui8`
    indices accept any power-of-two palette up to 256 entries. `lut` has
    shape `[g_0, .., g_{r-1}, 2^n, VECTOR_SIZE]` (rank `rank(indices) + 2`),
    where `g_d` divides `indices.shape[d]` (per-group palettes). With
    `VECTOR_SIZE > 1`, `vector_axis` is required and the output dim
    `vector_axis` is multiplied by `VECTOR_SIZE`.

    In both forms the result dtype is the `lut` dtype (uint8, int8, fp16 or
    fp32), and `indices` and `lut` may be `#mil.blob_file`s (then the checks
    that need their type are skipped; the result type is spelled).

    ```mlir
    %w = mil.constexpr_lut_to_dense {indices = dense<3> : tensor<64x32xui4>,
        lut = dense<0.5> : tensor<1x1x16x1xf16>} : tensor<64x32xf16>
    %v = mil.constexpr_lut_to_dense {indices = dense<[228, 27]> : tensor<2xui8>,
        lut = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>,
        shape = dense<[2, 4]> : tensor<2xui32>} : tensor<2x4xf16>
    ```
  }];
  let arguments = (ins MIL_QuantDataAttr:$indices, MIL_QuantDataAttr:$lut,
      OptionalAttr<I32Attr>:$vector_axis, OptionalAttr<ElementsAttr>:$shape);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasVerifier = 1;
  let redefinedIn = "ios18";
}

def MIL_ConstexprSparseToDenseOp
    : MIL_Op<"constexpr_sparse_to_dense", "ios16", [Pure]> {
  let summary = "compile-time sparse weight expansion";
  let description = [{
    MIL `constexpr_sparse_to_dense`: a weight that is zero except where a bit
    of `mask` is set; the set bits, in row-major order, take the values of
    `nonzero_data` (a vector with one entry per set bit, of the result
    dtype: uint8, int8, fp16 or fp32). Two forms; `shape` tells them apart.

    **iOS16 form** (with `shape`; opsets ios16 and ios17): `mask` is a uint8
    vector of `ceil(prod(shape) / 8)` bytes, element `i`'s bit being bit
    `i % 8` of byte `i / 8` (LSB first); `shape` (uint32 vector) is the
    output shape.

    **iOS18 form** (without `shape`; opset ios18): `mask` is a uint1 tensor
    of the output's shape. (iOS18's int4/uint4 data is not modelled.)

    `nonzero_data` and `mask` may be `#mil.blob_file`s (then the checks that
    need their type or values are skipped; the result type is spelled).

    ```mlir
    %w = mil.constexpr_sparse_to_dense {mask = dense<[37, 1]> : tensor<2xui8>,
        nonzero_data = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>,
        shape = dense<[3, 3]> : tensor<2xui32>} : tensor<3x3xf16>
    ```
  }];
  let arguments = (ins MIL_QuantDataAttr:$nonzero_data, MIL_QuantDataAttr:$mask,
      OptionalAttr<ElementsAttr>:$shape);
  let results =
      (outs RankedTensorOf<[MIL_Int8, MIL_UInt8, MIL_Fp16, MIL_Fp32]>:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasVerifier = 1;
  let redefinedIn = "ios18";
}

def MIL_ConstexprCastOp : MIL_Op<"constexpr_cast", "ios16", [Pure]> {
  let summary = "compile-time fp16 to fp32 widening";
  let description = [{
    MIL `constexpr_cast` (iOS16): widens the fp16 weight `source_val`
    (inline or a `#mil.blob_file`) to `output_dtype`, which must be
    `"fp32"`. The result has the shape of `source_val` and dtype fp32.

    ```mlir
    %w = mil.constexpr_cast {output_dtype = "fp32",
        source_val = dense<1.0> : tensor<64xf16>} : tensor<64xf32>
    ```
  }];
  let arguments = (ins MIL_QuantDataAttr:$source_val,
      MIL_StrEnumAttr<["fp32"]>:$output_dtype);
  let results = (outs RankedTensorOf<[MIL_Fp32]>:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasVerifier = 1;
}

#endif // ANE_DIALECT_MIL_MILQUANTOPS_TD
