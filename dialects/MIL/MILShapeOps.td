//===- MILShapeOps.td - Tensor shape and data movement ops -*- tablegen -*-===//
//
// MIL's tensor transformation ops (defs/iOS15..17/tensor_transformation.py,
// tensor_operation.py): reshape, transpose, slice_by_size, slice_by_index,
// concat, split, expand_dims, squeeze, tile, pad, gather, band_part, stack.
// Compile-time parameters are attributes; result types are inferred.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILSHAPEOPS_TD
#define ANE_DIALECT_MIL_MILSHAPEOPS_TD

include "MILBase.td"

/// A shape op with one tensor result whose type is inferred by the
/// `inferReturnTypes` defined in MILShapeOps.cpp.
class MIL_ShapeOp<string mnemonic, string opset, list<Trait> traits = []>
    : MIL_Op<mnemonic, opset, !listconcat(traits, [Pure, InferTypeOpAdaptor])>;

def MIL_ReshapeOp : MIL_ShapeOp<"reshape", "ios15"> {
  let summary = "reshape a tensor to a new shape of the same volume";
  let description = [{
    MIL `reshape` (iOS15; iOS17 changes the meaning of `0`): `output` holds
    the elements of `x` in row-major order with shape `shape`. One entry may
    be `-1`: that dim is inferred from the volume. An entry `0` copies a dim
    of `x`:

    * iOS17 and later (the default): the `i`-th entry of a `K`-entry shape
      copies dim `rank(x) - (K - i)` of `x` (right-aligned); when that index
      is negative the dim is 1. Example: x `[2, 50]`, shape `[1, 0, -1, 0]`
      gives `[1, 1, 2, 50]`.
    * iOS15/iOS16: `0` is only allowed when `K == rank(x)` and copies the dim
      at the same position.

    The rule is chosen by the `mil.opset` attribute of the nearest enclosing
    `func.func` or module (iOS17 rules when there is none). The volume of
    `output` must equal that of `x`. Because the result type depends on the
    enclosing opset, the custom form spells it.

    ```mlir
    %y = mil.reshape %x shape = [1, 1, 64, 32] : tensor<1x64x1x32xf16> -> tensor<1x1x64x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DenseI32ArrayAttr:$shape);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat =
      "$x `shape` `=` $shape attr-dict `:` type($x) `->` type($output)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def MIL_TransposeOp : MIL_ShapeOp<"transpose", "ios15"> {
  let summary = "permute the dims of a tensor";
  let description = [{
    MIL `transpose` (iOS15): `output.shape[i] = x.shape[perm[i]]`. `perm`
    must be a permutation of `0 .. rank(x)-1` (negative entries count from
    the end). The identity permutation folds to `x`.

    ```mlir
    %y = mil.transpose %x perm = [0, 1, 3, 2] : tensor<1x1x64x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DenseI32ArrayAttr:$perm);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "$x `perm` `=` $perm attr-dict `:` type($x)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def MIL_SliceBySizeOp : MIL_ShapeOp<"slice_by_size", "ios15"> {
  let summary = "slice a box given its start and size";
  let description = [{
    MIL `slice_by_size` (iOS15): per dim `i`, takes
    `x[begin[i] : begin[i] + size[i]]`. A negative `begin[i]` counts from the
    end; `size[i] == -1` takes everything to the end. `begin` and `size` have
    `rank(x)` entries and the box must lie inside `x`. A slice covering all
    of `x` folds to `x`.

    ```mlir
    %a = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 64, 1, 32] : tensor<1x64x1x96xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DenseI32ArrayAttr:$begin,
      DenseI32ArrayAttr:$size);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat =
      "$x `begin` `=` $begin `size` `=` $size attr-dict `:` type($x)";
  let hasFolder = 1;
}

def MIL_SliceByIndexOp : MIL_ShapeOp<"slice_by_index", "ios15"> {
  let summary = "strided slice with Python slice semantics";
  let description = [{
    MIL `slice_by_index` (iOS15): per dim `i`, `x[begin[i] : end[i] :
    stride[i]]` with Python semantics (negative indices wrap, out-of-range
    indices clamp). `stride` defaults to all 1 (no entry may be 0);
    `begin_mask[i]` ignores `begin[i]` (start of the dim, or its end for a
    negative stride), `end_mask[i]` ignores `end[i]`; `squeeze_mask[i]`
    takes the single element `begin[i]` and drops the dim. All masks default
    to false; every array has `rank(x)` entries. A slice that selects all of
    `x` folds to `x`.

    ```mlir
    %y = mil.slice_by_index %x begin = [0, 0, 0, 1] end = [1, 4, 16, 32] stride = [1, 1, 1, 2] : tensor<1x4x16x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DenseI32ArrayAttr:$begin,
      DenseI32ArrayAttr:$end, OptionalAttr<DenseI32ArrayAttr>:$stride,
      OptionalAttr<DenseBoolArrayAttr>:$begin_mask,
      OptionalAttr<DenseBoolArrayAttr>:$end_mask,
      OptionalAttr<DenseBoolArrayAttr>:$squeeze_mask);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = [{
    $x `begin` `=` $begin `end` `=` $end (`stride` `=` $stride^)?
    (`begin_mask` `=` $begin_mask^)? (`end_mask` `=` $end_mask^)?
    (`squeeze_mask` `=` $squeeze_mask^)? attr-dict `:` type($x)
  }];
  let hasFolder = 1;
}

def MIL_ConcatOp : MIL_ShapeOp<"concat", "ios15"> {
  let summary = "join tensors along an axis";
  let description = [{
    MIL `concat` (iOS15): joins `values` (one or more tensors of the same
    rank and dtype, equal in every dim but `axis`) along `axis` (negative
    counts from the end). With `interleave = true` all values must have the
    same shape and the result alternates their slices along `axis`
    (`out[0::2] = a`, `out[1::2] = b`). A concat of one value folds to it.

    ```mlir
    %y = mil.concat %a, %b axis = 1 : tensor<1x64x1x32xf16>, tensor<1x16x1x32xf16>
    ```
  }];
  let arguments = (ins Variadic<MIL_Tensor>:$values, I32Attr:$axis,
      DefaultValuedAttr<BoolAttr, "false">:$interleave);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = [{
    $values `axis` `=` $axis (`interleave` `=` $interleave^)? attr-dict `:`
    type($values)
  }];
  let hasFolder = 1;
}

def MIL_SplitOp : MIL_ShapeOp<"split", "ios15"> {
  let summary = "split a tensor into several along an axis";
  let description = [{
    MIL `split` (iOS15): splits `x` along `axis` into `num_splits` equal
    parts (the dim must divide evenly) or into parts of `split_sizes` (which
    must sum to the dim). At least one of them must be given; when both are,
    `split_sizes` must have `num_splits` entries. One result per part.

    ```mlir
    %q, %k = mil.split %x axis = 1 num_splits = 2 : tensor<1x128x1x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, I32Attr:$axis,
      OptionalAttr<I32Attr>:$num_splits,
      OptionalAttr<DenseI32ArrayAttr>:$split_sizes);
  let results = (outs Variadic<MIL_Tensor>:$outputs);
  let assemblyFormat = [{
    $x `axis` `=` $axis (`num_splits` `=` $num_splits^)?
    (`split_sizes` `=` $split_sizes^)? attr-dict `:` type($x)
  }];
}

def MIL_ExpandDimsOp : MIL_ShapeOp<"expand_dims", "ios15"> {
  let summary = "insert size-1 dims";
  let description = [{
    MIL `expand_dims` (iOS15): inserts a dim of size 1 at each of `axes`,
    which index the output (rank `rank(x) + K`); negative axes count from
    the end of the output. Axes must be distinct and in
    `[-(rank+K), rank+K)`. No axes folds to `x`.

    ```mlir
    %y = mil.expand_dims %x axes = [0, 2] : tensor<64x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DenseI32ArrayAttr:$axes);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "$x `axes` `=` $axes attr-dict `:` type($x)";
  let hasFolder = 1;
}

def MIL_SqueezeOp : MIL_ShapeOp<"squeeze", "ios15"> {
  let summary = "remove size-1 dims";
  let description = [{
    MIL `squeeze` (iOS15): removes the dims listed in `axes` (negative
    counts from the end); without `axes`, every static dim of size 1. As in
    PyTorch (and MIL), listed axes whose size is not 1 are kept, not an
    error; a listed dynamic dim is assumed to be 1 and removed, while
    without `axes` dynamic dims are assumed not to be 1 and kept. A squeeze
    that removes nothing from a static `x` (or has `axes`) folds to `x`.

    ```mlir
    %y = mil.squeeze %x axes = [0, 2] : tensor<1x64x1x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, OptionalAttr<DenseI32ArrayAttr>:$axes);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "$x (`axes` `=` $axes^)? attr-dict `:` type($x)";
  let hasFolder = 1;
}

def MIL_TileOp : MIL_ShapeOp<"tile", "ios15"> {
  let summary = "repeat a tensor along each dim";
  let description = [{
    MIL `tile` (iOS15): `output.shape[i] = x.shape[i] * reps[i]`; `reps` has
    `rank(x)` positive entries.

    ```mlir
    %y = mil.tile %x reps = [1, 4, 1, 1] : tensor<1x16x1x32xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DenseI32ArrayAttr:$reps);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "$x `reps` `=` $reps attr-dict `:` type($x)";
  let hasFolder = 1;
}

def MIL_PadOp : MIL_ShapeOp<"pad", "ios15"> {
  let summary = "pad the last dims of a tensor";
  let description = [{
    MIL `pad` (iOS15): `pad` holds `2N` non-negative entries (`N <= rank`),
    one (before, after) pair for each of the last `N` dims, in order.
    `mode` is `"constant"` (fill with `constant_val`, default 0),
    `"reflect"` (each pad at most `dim - 1`) or `"replicate"` (each pad at
    most `dim`). `x` is fp16 or fp32.

    ```mlir
    %y = mil.pad %x pad = [0, 0, 1, 1] mode = "reflect" : tensor<1x8x16x16xf16>
    ```
  }];
  let arguments = (ins MIL_FloatTensor:$x, DenseI32ArrayAttr:$pad,
      DefaultValuedAttr<MIL_StrEnumAttr<["constant", "reflect", "replicate"]>,
                        "\"constant\"">:$mode,
      DefaultValuedAttr<MIL_FloatAttr, "0.0">:$constant_val);
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = [{
    $x `pad` `=` $pad (`mode` `=` $mode^)? (`constant_val` `=` $constant_val^)?
    attr-dict `:` type($x)
  }];
}

def MIL_GatherOp : MIL_ShapeOp<"gather", "ios15"> {
  let summary = "gather slices along an axis";
  let description = [{
    MIL `gather` (iOS15; `batch_dims` from iOS16, `validate_indices` from
    iOS17): takes slices of `x` along `axis` at `indices`. The result shape
    is `x.shape[:axis] + indices.shape[batch_dims:] + x.shape[axis+1:]`;
    the first `batch_dims` dims of `x` and `indices` must match and
    `batch_dims <= axis`. From iOS17 negative indices are out of bounds;
    with `validate_indices` the runtime checks them.

    ```mlir
    %y = mil.gather %x, %i axis = 0 : tensor<1000x64xf16>, tensor<1x8xi32>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, MIL_IndexTensor:$indices,
      DefaultValuedAttr<I32Attr, "0">:$axis,
      DefaultValuedAttr<I32Attr, "0">:$batch_dims,
      DefaultValuedAttr<BoolAttr, "false">:$validate_indices);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = [{
    $x `,` $indices (`axis` `=` $axis^)? (`batch_dims` `=` $batch_dims^)?
    (`validate_indices` `=` $validate_indices^)? attr-dict `:` type($x) `,`
    type($indices)
  }];
}

def MIL_BandPartOp : MIL_ShapeOp<"band_part", "ios15"> {
  let summary = "keep a band around the diagonal of the last two dims";
  let description = [{
    MIL `band_part` (iOS15): on the last two dims `(m, n)` keeps `x` where
    `(lower < 0 or m - n <= lower) and (upper < 0 or n - m <= upper)` and
    writes 0 elsewhere; `-1` (the default) keeps the whole lower or upper
    triangle. `x` has rank at least 2; the result has its type.

    ```mlir
    %y = mil.band_part %x upper = 0 : tensor<1x4x64x64xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, DefaultValuedAttr<I32Attr, "-1">:$lower,
      DefaultValuedAttr<I32Attr, "-1">:$upper);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = [{
    $x (`lower` `=` $lower^)? (`upper` `=` $upper^)? attr-dict `:` type($x)
  }];
}

def MIL_StackOp : MIL_ShapeOp<"stack", "ios15"> {
  let summary = "stack tensors along a new axis";
  let description = [{
    MIL `stack` (iOS15): `values` (one or more tensors of the same shape and
    dtype) are stacked along a new dim inserted at `axis`, in
    `[-(rank+1), rank+1)`; the new dim has size `len(values)`.

    ```mlir
    %y = mil.stack %a, %b axis = 0 : tensor<64x32xf16>, tensor<64x32xf16>
    ```
  }];
  let arguments = (ins Variadic<MIL_Tensor>:$values, I32Attr:$axis);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "$values `axis` `=` $axis attr-dict `:` type($values)";
}

#endif // ANE_DIALECT_MIL_MILSHAPEOPS_TD
