//===- MILConvOps.td - MIL convolution (conv, conv_transpose) -*- tablegen -*-===//
//
// Op family: convolution (conv, conv_transpose), defs/iOS15/conv.py and
// defs/iOS17/conv.py. Weights are operands (usually mil.const); window
// parameters are attributes. Checks live in lib/Dialect/MIL/MILConvOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILCONVOPS_TD
#define ANE_DIALECT_MIL_MILCONVOPS_TD

include "MILBase.td"

def MIL_ConvOp : MIL_Op<"conv", "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "N-d convolution (1-3 spatial dims) with groups and dilations";
  let description = [{
    MIL `conv` (iOS15; iOS17 lets `weight`/`bias` have a float dtype other
    than `x`'s). `x` is `[N, C_in, *D]` with 1 to 3 spatial dims, `weight`
    is `[C_out, C_in / groups, *K]` (it may be a non-const value, but then
    `dilations` must be all 1) and the
    optional `bias` is `[C_out]`. `strides` and `dilations` default to all
    1s, `pad_type` to `"valid"`; `pad` (`[d0_begin, d0_end, d1_begin, ...]`,
    2 per spatial dim) is read only when `pad_type` is `"custom"`. `groups`
    (default 1) must divide `C_in` and `C_out`; `groups == C_in` is a
    depthwise convolution.

    The result is `[N, C_out, *D_out]` with `x`'s dtype, where with
    `k_eff = (K - 1) * dilation + 1`:
    `valid`/`custom`: `D_out = floor((D + pad_begin + pad_end - k_eff) / stride) + 1`;
    `same`/`same_lower` (the latter from iOS16): `D_out = ceil(D / stride)`.

    On the ANE the usual layer is a 1×1 conv over a `[1, C, 1, S]` tensor:

    ```mlir
    %y = mil.conv %x, %w {pad_type = "valid", strides = array<i32: 1, 1>}
        : (tensor<1x64x1x32xf16>, tensor<128x64x1x1xf16>) -> tensor<1x128x1x32xf16>
    %z = mil.conv %x, %w bias %b {pad_type = "same", groups = 2 : i32}
        : (tensor<1x64x8x8xf16>, tensor<32x32x3x3xf16>, tensor<32xf16>) -> tensor<1x32x8x8xf16>
    ```
  }];
  let arguments = (ins
    MIL_FloatTensor:$x,
    MIL_FloatTensor:$weight,
    Optional<MIL_FloatTensor>:$bias,
    OptionalAttr<DenseI32ArrayAttr>:$strides,
    DefaultValuedAttr<MIL_PadTypeAttr, "\"valid\"">:$pad_type,
    OptionalAttr<DenseI32ArrayAttr>:$pad,
    OptionalAttr<DenseI32ArrayAttr>:$dilations,
    DefaultValuedAttr<I32Attr, "1">:$groups
  );
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = [{
    $x `,` $weight (`bias` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = milBaseDecls # [{
    /// Inferred `?` dims (used where a parameter is inconsistent, which the
    /// verifier reports) are compatible with any declared dim.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                        ::mlir::TypeRange actual) {
      return ::ane::mil::areCompatibleResultTypes(inferred, actual);
    }
  }];
}

def MIL_ConvTransposeOp
    : MIL_Op<"conv_transpose", "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "N-d transposed convolution (1-3 spatial dims)";
  let description = [{
    MIL `conv_transpose` (iOS15; iOS17 lets `weight` be non-const and have
    a float dtype other than `x`'s). `x` is `[N, C_in, *D]` with 1 to 3
    spatial dims, `weight` is `[C_in, C_out / groups, *K]`, the optional
    `bias` is `[C_out]`. `pad_type` is `"valid"` (default), `"same"` or
    `"custom"` (then `pad`, 2 per spatial dim, is read); `strides`,
    `dilations` default to all 1s, `groups` to 1 and must divide `C_in`.

    The result is `[N, C_out, *D_out]` with `x`'s dtype and, with
    `k_eff = (K - 1) * dilation + 1`: `output_shape` when given (it must be
    `[N, C_out, ...]` of `x`'s rank); otherwise `valid`:
    `(D - 1) * stride + k_eff`, `same`: `D * stride`, `custom`:
    `(D - 1) * stride + k_eff - pad_begin - pad_end`.

    ```mlir
    %y = mil.conv_transpose %x, %w {strides = array<i32: 2, 2>}
        : (tensor<1x16x4x4xf16>, tensor<16x8x3x3xf16>) -> tensor<1x8x9x9xf16>
    ```
  }];
  let arguments = (ins
    MIL_FloatTensor:$x,
    MIL_FloatTensor:$weight,
    Optional<MIL_FloatTensor>:$bias,
    OptionalAttr<DenseI32ArrayAttr>:$pad,
    OptionalAttr<DenseI32ArrayAttr>:$output_shape,
    DefaultValuedAttr<MIL_StrEnumAttr<["valid", "same", "custom"]>,
                      "\"valid\"">:$pad_type,
    OptionalAttr<DenseI32ArrayAttr>:$strides,
    OptionalAttr<DenseI32ArrayAttr>:$dilations,
    DefaultValuedAttr<I32Attr, "1">:$groups
  );
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = [{
    $x `,` $weight (`bias` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = milBaseDecls # [{
    /// Inferred `?` dims (used where a parameter is inconsistent, which the
    /// verifier reports) are compatible with any declared dim.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                        ::mlir::TypeRange actual) {
      return ::ane::mil::areCompatibleResultTypes(inferred, actual);
    }
  }];
}

#endif // ANE_DIALECT_MIL_MILCONVOPS_TD
