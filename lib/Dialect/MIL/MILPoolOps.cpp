//===- MILPoolOps.cpp - Verifiers and type inference: avg_pool, max_pool ===//
//
// Both pooling ops share the same parameters (avg_pool adds
// exclude_padding_from_average), so inference and verification are written
// once as templates over the op class.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;

/// The value at `i` of `v`, `dflt` when `v` is absent, 0 when its length is
/// not `len` (the verifier reports that; 0 makes the dim `?`).
static int64_t valueAt(std::optional<ArrayRef<int32_t>> v, int64_t len,
                       int64_t i, int64_t dflt) {
  if (!v)
    return dflt;
  return static_cast<int64_t>(v->size()) == len ? (*v)[i] : 0;
}

/// Output shape of a pooling op; dims that cannot be computed are `?`.
template <typename AdaptorT>
static SmallVector<int64_t> inferPoolShape(AdaptorT adaptor) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  int64_t rank = x.getRank();
  SmallVector<int64_t> shape(x.getShape());
  if (rank < 3)
    return shape;
  int64_t spatialRank = rank - 2;
  ArrayRef<int32_t> kernel = adaptor.getKernelSizes();
  std::optional<ArrayRef<int32_t>> pad = adaptor.getPad();
  bool badPad = pad && static_cast<int64_t>(pad->size()) != 2 * spatialRank;
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t k =
        static_cast<int64_t>(kernel.size()) == spatialRank ? kernel[i] : 0;
    int64_t d = ShapedType::kDynamic;
    if (!badPad)
      d = windowOutputDim(x.getDimSize(i + 2), k,
                          valueAt(adaptor.getStrides(), spatialRank, i, 1),
                          /*dilation=*/1, adaptor.getPadType(),
                          valueAt(pad, 2 * spatialRank, 2 * i, 0),
                          valueAt(pad, 2 * spatialRank, 2 * i + 1, 0),
                          adaptor.getCeilMode());
    shape[i + 2] = d > 0 ? d : ShapedType::kDynamic;
  }
  return shape;
}

template <typename OpT> static LogicalResult verifyPool(OpT op) {
  auto x = cast<RankedTensorType>(op.getX().getType());
  int64_t rank = x.getRank();
  // <pool>.x-rank
  if (rank < 3 || rank > 5)
    return op.emitOpError("'x' must have rank 3 to 5 ([N, C, *D] with 1-3 "
                          "spatial dims), got rank ")
           << rank;
  int64_t spatialRank = rank - 2;
  ArrayRef<int32_t> kernel = op.getKernelSizes();
  // <pool>.kernel-sizes-length
  if (static_cast<int64_t>(kernel.size()) != spatialRank)
    return op.emitOpError("'kernel_sizes' must have ")
           << spatialRank << " values (one per spatial dim), got "
           << kernel.size();
  // <pool>.kernel-sizes-positive
  for (auto [i, k] : llvm::enumerate(kernel))
    if (k < 1)
      return op.emitOpError("'kernel_sizes' values must be positive, got ")
             << k << " at index " << i;
  if (failed(verifyWindowAttrs(op, spatialRank, op.getStrides(),
                               /*dilations=*/std::nullopt, op.getPad())))
    return failure();
  // <pool>.same-lower-opset
  if (op.getPadType() == "same_lower") {
    std::optional<Opset> opset = getEnclosingOpset(op);
    if (opset && *opset < Opset::ios16)
      return op.emitOpError("'pad_type' = \"same_lower\" requires opset "
                            "ios16 or later, got ")
             << stringifyOpset(*opset);
  }
  if (op.getCeilMode()) {
    // <pool>.ceil-mode-rank
    if (spatialRank > 2)
      return op.emitOpError("'ceil_mode' is only supported for 1-D and 2-D "
                            "pooling, got ")
             << spatialRank << " spatial dims";
    // <pool>.ceil-mode-pad-type
    if (op.getPadType() == "same" || op.getPadType() == "same_lower")
      return op.emitOpError("'ceil_mode' cannot be used with 'pad_type' = \"")
             << op.getPadType() << "\"";
    // <pool>.ceil-mode-symmetric-pad
    std::optional<ArrayRef<int32_t>> pad = op.getPad();
    if (op.getPadType() == "custom" && pad)
      for (int64_t i = 0; i < spatialRank; ++i)
        if ((*pad)[2 * i] != (*pad)[2 * i + 1])
          return op.emitOpError("'ceil_mode' requires symmetric 'pad', got ")
                 << (*pad)[2 * i] << " and " << (*pad)[2 * i + 1]
                 << " for spatial dim " << i;
  }
  // <pool>.output-size
  SmallVector<int64_t> shape = inferPoolShape(typename OpT::Adaptor(op));
  for (int64_t i = 0; i < spatialRank; ++i)
    if (ShapedType::isDynamic(shape[i + 2]) && !x.isDynamicDim(i + 2))
      return op.emitOpError("spatial dim ")
             << i << " of 'x' (" << x.getDimSize(i + 2)
             << " plus padding) is smaller than the kernel (" << kernel[i]
             << ")";
  return success();
}

LogicalResult AvgPoolOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &results) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  results.push_back(
      RankedTensorType::get(inferPoolShape(adaptor), x.getElementType()));
  return success();
}

LogicalResult AvgPoolOp::verify() { return verifyPool(*this); }

LogicalResult MaxPoolOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &results) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  results.push_back(
      RankedTensorType::get(inferPoolShape(adaptor), x.getElementType()));
  return success();
}

LogicalResult MaxPoolOp::verify() { return verifyPool(*this); }
