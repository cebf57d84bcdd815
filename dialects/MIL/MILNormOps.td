//===- MILNormOps.td - MIL normalization (layer_norm, batch_norm) -*- tablegen -*-===//
//
// Op family: normalization (defs/iOS15/normalization.py; iOS17 lets the
// parameters have their own fp16/fp32 dtype): layer_norm, batch_norm,
// instance_norm, l2_norm.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILNORMOPS_TD
#define ANE_DIALECT_MIL_MILNORMOPS_TD

include "MILBase.td"

/// A normalization whose result has x's type.
class MIL_NormOp<string mnemonic, list<Trait> traits = []>
    : MIL_Op<mnemonic, "ios15",
             !listconcat([Pure, InferTypeOpAdaptor], traits)> {
  let results = (outs MIL_FloatTensor:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &results) {
      results.push_back(adaptor.getX().getType());
      return ::mlir::success();
    }
  }];
}

def MIL_LayerNormOp : MIL_NormOp<"layer_norm", [AttrSizedOperandSegments]> {
  let summary = "layer normalization over axes";
  let description = [{
    MIL `layer_norm` (iOS15):
    `output = (x - mean) / sqrt(var + epsilon) * gamma + beta`, with the
    mean and the biased (population) variance taken over `axes`.

    `x` is fp16 or fp32, of any rank. `axes` (optional, default all axes)
    lists distinct axes with `-rank <= axis < rank`. `gamma` (default ones)
    and `beta` (default zeros) are optional, with shape `x.shape[axes]` (the
    normalized dims in increasing order). `epsilon` defaults to 1e-5. Until
    iOS16 `gamma` and `beta` have x's dtype; from iOS17 each may be fp16 or
    fp32. The result has the type of `x`.

    ```mlir
    %y = mil.layer_norm %x gamma %g beta %b {axes = array<i32: -1>, epsilon = 1.0e-05 : f16} : (tensor<1x128x768xf16>, tensor<768xf16>, tensor<768xf16>) -> tensor<1x128x768xf16>
    ```
  }];
  let arguments = (ins MIL_FloatTensor:$x,
                   OptionalAttr<DenseI32ArrayAttr>:$axes,
                   Optional<MIL_FloatTensor>:$gamma,
                   Optional<MIL_FloatTensor>:$beta,
                   DefaultValuedAttr<MIL_FloatAttr, "1e-5">:$epsilon);
  let assemblyFormat = [{
    $x (`gamma` $gamma^)? (`beta` $beta^)? attr-dict `:`
    functional-type(operands, results)
  }];
}

def MIL_BatchNormOp : MIL_NormOp<"batch_norm", [AttrSizedOperandSegments]> {
  let summary = "per-channel normalization by given mean and variance";
  let description = [{
    MIL `batch_norm` (iOS15):
    `output = gamma * (x - mean) / sqrt(variance + epsilon) + beta`, per
    channel (dim 1).

    `x` is fp16 or fp32 with shape `[n, C, *D]` and rank 3 to 5. `mean` and
    `variance` are required `[C]` tensors; `gamma` (default ones) and `beta`
    (default zeros) are optional `[C]` tensors. `epsilon` defaults to 1e-5.
    Until iOS16 the parameters have x's dtype; from iOS17 each may be fp16
    or fp32. The result has the type of `x`.

    ```mlir
    %y = mil.batch_norm %x, %mean, %var gamma %g beta %b : (tensor<1x64x8x8xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<1x64x8x8xf16>
    ```
  }];
  let arguments = (ins MIL_FloatTensor:$x,
                   MIL_FloatTensor:$mean,
                   MIL_FloatTensor:$variance,
                   Optional<MIL_FloatTensor>:$gamma,
                   Optional<MIL_FloatTensor>:$beta,
                   DefaultValuedAttr<MIL_FloatAttr, "1e-5">:$epsilon);
  let assemblyFormat = [{
    $x `,` $mean `,` $variance (`gamma` $gamma^)? (`beta` $beta^)? attr-dict
    `:` functional-type(operands, results)
  }];
}

def MIL_InstanceNormOp : MIL_NormOp<"instance_norm",
                                    [AttrSizedOperandSegments]> {
  let summary = "per-instance, per-channel normalization over spatial dims";
  let description = [{
    MIL `instance_norm` (iOS15): for each batch element and channel,
    normalizes `x` over its spatial dims (mean and biased variance), then
    applies `gamma * xhat + beta` per channel.

    `x` is fp16 or fp32 with shape `[n, C, *D]` and rank 3 or 4. `gamma`
    (default ones) and `beta` (default zeros) are optional `[C]` tensors.
    `epsilon` defaults to 1e-5. Until iOS16 the parameters have x's dtype;
    from iOS17 each may be fp16 or fp32. The result has the type of `x`.

    ```mlir
    %y = mil.instance_norm %x gamma %g beta %b : (tensor<1x32x16x16xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x16x16xf32>
    ```
  }];
  let arguments = (ins MIL_FloatTensor:$x,
                   Optional<MIL_FloatTensor>:$gamma,
                   Optional<MIL_FloatTensor>:$beta,
                   DefaultValuedAttr<MIL_FloatAttr, "1e-5">:$epsilon);
  let assemblyFormat = [{
    $x (`gamma` $gamma^)? (`beta` $beta^)? attr-dict `:`
    functional-type(operands, results)
  }];
}

def MIL_L2NormOp : MIL_NormOp<"l2_norm"> {
  let summary = "L2 normalization over the last three dims";
  let description = [{
    MIL `l2_norm` (iOS15): `output = x / sqrt(sum(x^2) + epsilon)`, the sum
    taken over the last three dims, separately for each index of the leading
    (batch) dims.

    `x` is fp16 or fp32 of rank at least 3. `epsilon` defaults to 1e-6. The
    result has the type of `x`.

    ```mlir
    %y = mil.l2_norm %x {epsilon = 1.0e-06 : f32} : tensor<2x3x4x5xf32>
    ```
  }];
  let arguments = (ins MIL_FloatTensor:$x,
                   DefaultValuedAttr<MIL_FloatAttr, "1e-6">:$epsilon);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

#endif // ANE_DIALECT_MIL_MILNORMOPS_TD
