//===- MILReductionOps.td - MIL reductions --------------- -*- tablegen -*-===//
//
// Op family: reductions (defs/iOS15/reduction.py): reduce_* over a set of
// axes, and reduce_argmax/reduce_argmin along one axis.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILREDUCTIONOPS_TD
#define ANE_DIALECT_MIL_MILREDUCTIONOPS_TD

include "MILBase.td"

/// A reduction over `axes` (all axes when absent).
class MIL_ReduceOp<string mnemonic, string semantics>
    : MIL_Op<mnemonic, "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "reduces x with "#semantics#" over axes";
  let description = [{
    MIL `}]#mnemonic#[{` (iOS15): reduces `x` with }]#semantics#[{
    over `axes`. `x` is fp16, fp32 or int32; the result has its dtype.

    `axes` (optional) lists distinct axes, each with `-rank <= axis < rank`;
    when absent, every axis is reduced. `keep_dims` (default false) keeps
    each reduced axis as a dim of size 1; otherwise reduced axes are dropped,
    so reducing every axis yields a rank-0 tensor.

    ```mlir
    %y = mil.}]#mnemonic#[{ %x {axes = array<i32: -1>, keep_dims = true} : (tensor<1x64x1x32xf16>) -> tensor<1x64x1x1xf16>
    ```
  }];
  let arguments = (ins MIL_NumericTensor:$x,
      OptionalAttr<DenseI32ArrayAttr>:$axes,
      DefaultValuedAttr<BoolAttr, "false">:$keep_dims);
  let results = (outs MIL_NumericTensor:$output);
  let assemblyFormat = "$x attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &results) {
      auto x = ::llvm::cast<::mlir::RankedTensorType>(adaptor.getX().getType());
      return ::ane::mil::inferReductionResult(
          loc, x, "axes", adaptor.getAxes(), adaptor.getKeepDims(),
          x.getElementType(), results);
    }
  }];
}

def MIL_ReduceSumOp : MIL_ReduceOp<"reduce_sum", "sum">;
def MIL_ReduceMeanOp : MIL_ReduceOp<"reduce_mean", "mean">;
def MIL_ReduceMaxOp : MIL_ReduceOp<"reduce_max", "max">;
def MIL_ReduceMinOp : MIL_ReduceOp<"reduce_min", "min">;
def MIL_ReduceProdOp : MIL_ReduceOp<"reduce_prod", "product">;
def MIL_ReduceSumSquareOp : MIL_ReduceOp<"reduce_sum_square", "sum of squares">;
def MIL_ReduceL2NormOp
    : MIL_ReduceOp<"reduce_l2_norm", "sqrt of the sum of squares">;
def MIL_ReduceLogSumExpOp
    : MIL_ReduceOp<"reduce_log_sum_exp", "log of the sum of exponentials">;

/// Index of the extreme value along `axis`.
class MIL_ReduceArgOp<string mnemonic, string extreme>
    : MIL_Op<mnemonic, "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "index of the "#extreme#" of x along axis";
  let description = [{
    MIL `}]#mnemonic#[{` (iOS15): the index of the }]#extreme#[{ of `x` along `axis` (default -1, `-rank <= axis < rank`). `x` is
    fp16, fp32 or int32; ties are unspecified. `keep_dims` (default false)
    keeps the axis as a dim of size 1, otherwise it is dropped.
    `output_dtype` (iOS17: `"int32"` or `"uint16"`; absent means int32) is
    the result's dtype; it must be absent in ios15/ios16 programs. It is an
    optional attribute rather than a defaulted one so that an ios15/ios16
    op never holds (and the MIL emitter never prints) it.

    ```mlir
    %i = mil.}]#mnemonic#[{ %x {axis = 1 : i32} : (tensor<2x10xf16>) -> tensor<2xi32>
    %j = mil.}]#mnemonic#[{ %x {output_dtype = "uint16"} : (tensor<2x10xf16>) -> tensor<2xui16>
    ```
  }];
  let arguments = (ins MIL_NumericTensor:$x,
      DefaultValuedAttr<I32Attr, "-1">:$axis,
      DefaultValuedAttr<BoolAttr, "false">:$keep_dims,
      OptionalAttr<MIL_StrEnumAttr<["int32", "uint16"]>>:$output_dtype);
  let results = (outs RankedTensorOf<[MIL_Int32, MIL_UInt16]>:$output);
  let hasVerifier = 1;
  let assemblyFormat = "$x attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &results) {
      auto x = ::llvm::cast<::mlir::RankedTensorType>(adaptor.getX().getType());
      int32_t axis = static_cast<int32_t>(adaptor.getAxis());
      // An unknown dtype name (only a C++ builder can pass one; parsing
      // checks the attribute's values first) gives no element type.
      ::mlir::Type element = ::ane::mil::getDTypeElementType(
          context, adaptor.getOutputDtype().value_or("int32"));
      if (!element)
        return ::mlir::emitOptionalError(loc, "unknown 'output_dtype'");
      return ::ane::mil::inferReductionResult(
          loc, x, "axis", ::llvm::ArrayRef<int32_t>(axis),
          adaptor.getKeepDims(), element, results);
    }
  }];
}

def MIL_ReduceArgmaxOp : MIL_ReduceArgOp<"reduce_argmax", "maximum">;
def MIL_ReduceArgminOp : MIL_ReduceArgOp<"reduce_argmin", "minimum">;

#endif // ANE_DIALECT_MIL_MILREDUCTIONOPS_TD
