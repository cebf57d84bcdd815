//===- MILPoolOps.td - MIL pooling (avg_pool, max_pool) -*- tablegen -*-===//
//
// Op family: pooling (avg_pool, max_pool), defs/iOS15/pool.py. Checks live
// in lib/Dialect/MIL/MILPoolOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILPOOLOPS_TD
#define ANE_DIALECT_MIL_MILPOOLOPS_TD

include "MILBase.td"

/// avg_pool / max_pool: `extraArgs` are inserted between `pad` and
/// `ceil_mode`, where MIL lists them.
class MIL_PoolOp<string mnemonic, string what, dag extraArgs, string extraDoc>
    : MIL_Op<mnemonic, "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = what # " pooling over 1-3 spatial dims";
  let description = [{
    MIL `}] # mnemonic # [{` (iOS15): }] # what # [{ pooling of
    `x` `[N, C, *D]` (1 to 3 spatial dims) with windows `kernel_sizes`
    (one per spatial dim). `strides` defaults to all 1s; `pad_type` is
    required (`"valid"`, `"same"`, `"custom"`, or `"same_lower"` from iOS16);
    `pad` (2 per spatial dim) is read only for `"custom"`. `ceil_mode`
    (default false) rounds the output size up; it is allowed for 1-D and 2-D
    pooling only, with a symmetric `pad`, and not with
    `"same"`/`"same_lower"`.}] # extraDoc # [{

    The result is `[N, C, *D_out]` with `x`'s dtype: `same`/`same_lower`:
    `ceil(D / stride)`; otherwise `floor((D + pad_begin + pad_end - k) /
    stride) + 1`, or with `ceil_mode`
    `floor((D + pad_begin + pad_end - k + stride - 1) / stride) + 1`, minus 1
    when padding is non-zero and the last window would start in the end
    padding.

    ```mlir
    %y = mil.}] # mnemonic # [{ %x {kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "valid"}
        : (tensor<1x64x8x8xf16>) -> tensor<1x64x4x4xf16>
    ```
  }];
  let arguments = !con((ins
    MIL_FloatTensor:$x,
    DenseI32ArrayAttr:$kernel_sizes,
    OptionalAttr<DenseI32ArrayAttr>:$strides,
    MIL_PadTypeAttr:$pad_type,
    OptionalAttr<DenseI32ArrayAttr>:$pad),
    extraArgs,
    (ins DefaultValuedAttr<BoolAttr, "false">:$ceil_mode));
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = "$x attr-dict `:` functional-type(operands, results)";
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

def MIL_AvgPoolOp : MIL_PoolOp<"avg_pool", "average",
    (ins DefaultValuedAttr<BoolAttr, "false">:$exclude_padding_from_average),
    [{ `exclude_padding_from_average` (default false) leaves padded
    elements out of the denominator.}]>;

def MIL_MaxPoolOp : MIL_PoolOp<"max_pool", "max", (ins), "">;

#endif // ANE_DIALECT_MIL_MILPOOLOPS_TD
