//===- MILNormOps.cpp - Normalization verifiers ---------------------------===//
//
// Verifiers of layer_norm, batch_norm, instance_norm and l2_norm: epsilon's
// dtype, the rank of x, the shapes of the parameters, and their dtype (x's
// dtype until iOS16; fp16 or fp32 of their own from iOS17).
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace ane::mil;

/// Spells a shape MIL-style: `[1, ?, 8]`.
static std::string shapeStr(ArrayRef<int64_t> shape) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << "[";
  llvm::interleaveComma(shape, os, [&](int64_t dim) {
    if (ShapedType::isDynamic(dim))
      os << "?";
    else
      os << dim;
  });
  os << "]";
  return result;
}

/// Checks that the optional parameter `name` has shape `expected`, in which
/// `expectedDoc` names the rule (e.g. "[C]"). Dynamic dims match anything.
static LogicalResult verifyParamShape(Operation *op, StringRef name,
                                      Value param, ArrayRef<int64_t> expected,
                                      StringRef expectedDoc) {
  if (!param)
    return success();
  auto type = cast<RankedTensorType>(param.getType());
  if (succeeded(verifyCompatibleShape(type.getShape(), expected)))
    return success();
  return op->emitOpError("'")
         << name << "' must have shape " << expectedDoc << " = "
         << shapeStr(expected) << ", got " << shapeStr(type.getShape());
}

/// Checks that the optional parameter `name` has x's dtype when the opset
/// in force predates iOS17 (which lets parameters be fp16 or fp32).
static LogicalResult verifyParamDType(Operation *op, StringRef name,
                                      Value param, Type xElement) {
  if (!param)
    return success();
  Type element = cast<RankedTensorType>(param.getType()).getElementType();
  std::optional<Opset> opset = getEnclosingOpset(op);
  if (element == xElement || !opset || *opset >= Opset::ios17)
    return success();
  return op->emitOpError("'") << name << "' must have the dtype of 'x' ("
                              << xElement << ") before ios17, got " << element
                              << " in " << stringifyOpset(*opset);
}

/// Checks that the rank of x is within [minRank, maxRank].
static LogicalResult verifyXRank(Operation *op, RankedTensorType x,
                                 int64_t minRank, int64_t maxRank) {
  int64_t rank = x.getRank();
  if (rank >= minRank && rank <= maxRank)
    return success();
  auto diag = op->emitOpError("'x' must have rank ");
  if (maxRank == std::numeric_limits<int64_t>::max())
    diag << "at least " << minRank;
  else
    diag << minRank << " to " << maxRank;
  return diag << ", got rank " << rank;
}

/// Checks the `[C]` parameters of batch_norm and instance_norm.
static LogicalResult verifyChannelParams(Operation *op, RankedTensorType x,
                                         ArrayRef<StringRef> names,
                                         ArrayRef<Value> params) {
  int64_t channels[] = {x.getDimSize(1)};
  for (auto [name, param] : llvm::zip_equal(names, params))
    if (failed(verifyParamShape(op, name, param, channels, "[C]")) ||
        failed(verifyParamDType(op, name, param, x.getElementType())))
      return failure();
  return success();
}

LogicalResult LayerNormOp::verify() {
  if (failed(verifyFloatParam(*this, "epsilon", getEpsilonAttr())))
    return failure();
  RankedTensorType x = getX().getType();
  int64_t rank = x.getRank();
  SmallVector<int64_t> axes;
  if (std::optional<ArrayRef<int32_t>> given = getAxes()) {
    // layer_norm.axes-in-range, layer_norm.axes-unique
    auto normalized =
        normalizeAxes([&] { return emitOpError(); }, "axes", *given, rank);
    if (!normalized)
      return failure();
    axes = std::move(*normalized);
  } else {
    axes = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  }
  llvm::sort(axes);
  SmallVector<int64_t> normalizedShape;
  for (int64_t axis : axes)
    normalizedShape.push_back(x.getDimSize(axis));
  // layer_norm.gamma-shape, layer_norm.beta-shape
  if (failed(verifyParamShape(*this, "gamma", getGamma(), normalizedShape,
                              "x.shape[axes]")) ||
      failed(verifyParamShape(*this, "beta", getBeta(), normalizedShape,
                              "x.shape[axes]")))
    return failure();
  // layer_norm.param-dtype
  if (failed(
          verifyParamDType(*this, "gamma", getGamma(), x.getElementType())) ||
      failed(verifyParamDType(*this, "beta", getBeta(), x.getElementType())))
    return failure();
  return success();
}

LogicalResult BatchNormOp::verify() {
  if (failed(verifyFloatParam(*this, "epsilon", getEpsilonAttr())))
    return failure();
  RankedTensorType x = getX().getType();
  // batch_norm.x-rank
  if (failed(verifyXRank(*this, x, 3, 5)))
    return failure();
  // batch_norm.param-shape, batch_norm.param-dtype
  return verifyChannelParams(*this, x, {"mean", "variance", "gamma", "beta"},
                             {getMean(), getVariance(), getGamma(), getBeta()});
}

LogicalResult InstanceNormOp::verify() {
  if (failed(verifyFloatParam(*this, "epsilon", getEpsilonAttr())))
    return failure();
  RankedTensorType x = getX().getType();
  // instance_norm.x-rank
  if (failed(verifyXRank(*this, x, 3, 4)))
    return failure();
  // instance_norm.param-shape, instance_norm.param-dtype
  return verifyChannelParams(*this, x, {"gamma", "beta"},
                             {getGamma(), getBeta()});
}

LogicalResult L2NormOp::verify() {
  if (failed(verifyFloatParam(*this, "epsilon", getEpsilonAttr())))
    return failure();
  // l2_norm.x-rank
  return verifyXRank(*this, getX().getType(), 3,
                     std::numeric_limits<int64_t>::max());
}
