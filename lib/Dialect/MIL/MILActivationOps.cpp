//===- MILActivationOps.cpp - Unary math, activations, clip, cast ---------===//
//
// Verifiers (float parameters, clip, softmax, cast), the cast builder and
// its identity folder. The unary ops infer their result (x's type) from their
// ODS class.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILFolding.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace ane::mil;

LogicalResult LeakyReluOp::verify() {
  return verifyFloatParam(*this, "alpha", getAlphaAttr());
}

LogicalResult LogOp::verify() {
  return verifyFloatParam(*this, "epsilon", getEpsilonAttr());
}

LogicalResult RsqrtOp::verify() {
  return verifyFloatParam(*this, "epsilon", getEpsilonAttr());
}

LogicalResult InverseOp::verify() {
  return verifyFloatParam(*this, "epsilon", getEpsilonAttr());
}

LogicalResult ClipOp::verify() {
  if (failed(verifyFloatParam(*this, "alpha", getAlphaAttr())) ||
      failed(verifyFloatParam(*this, "beta", getBetaAttr())))
    return failure();
  // clip.alpha-lt-beta
  if (!(getAlpha().getValueAsDouble() < getBeta().getValueAsDouble()))
    return emitOpError("'alpha' must be less than 'beta', got alpha = ")
           << getAlpha().getValueAsDouble()
           << " and beta = " << getBeta().getValueAsDouble();
  return success();
}

LogicalResult SoftmaxOp::verify() {
  int64_t rank = getX().getType().getRank();
  int32_t axis = static_cast<int32_t>(getAxis());
  // softmax.axis-in-range
  if (!normalizeAxis(axis, rank))
    return emitOpError("'axis' must be in [")
           << -rank << ", " << rank << ") for rank " << rank << ", got "
           << axis;
  return success();
}

/// True for the dtypes that `cast` accepts only from iOS17 on.
static bool isIOS17CastDType(Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  return integer && (integer.getWidth() == 8 || integer.getWidth() == 16);
}

void CastOp::build(OpBuilder &builder, OperationState &state, Value x,
                   StringRef dtype) {
  auto xType = cast<RankedTensorType>(x.getType());
  Type element = getDTypeElementType(builder.getContext(), dtype);
  build(builder, state, RankedTensorType::get(xType.getShape(), element), x,
        builder.getStringAttr(dtype));
}

LogicalResult CastOp::verify() {
  auto xType = cast<RankedTensorType>(getX().getType());
  auto outType = cast<RankedTensorType>(getOutput().getType());
  // cast.result-dtype
  Type named = getDTypeElementType(getContext(), getDtype());
  if (outType.getElementType() != named)
    return emitOpError("result element type must be ")
           << named << " as 'dtype' is \"" << getDtype() << "\", got "
           << outType.getElementType();
  // cast.result-shape
  if (failed(verifyCompatibleShape(xType.getShape(), outType.getShape())))
    return emitOpError("result shape must equal the shape of 'x' ")
           << xType << ", got " << outType;
  // cast.dtype-opset
  std::optional<Opset> opset = getEnclosingOpset(*this);
  if (opset && *opset < Opset::ios17) {
    if (isIOS17CastDType(named))
      return emitOpError("'dtype' \"")
             << getDtype() << "\" needs opset ios17 or later, got "
             << stringifyOpset(*opset);
    if (isIOS17CastDType(xType.getElementType()))
      return emitOpError("'x' of dtype ")
             << xType.getElementType() << " needs opset ios17 or later, got "
             << stringifyOpset(*opset);
  }
  return success();
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  // Casting to x's own type is the identity.
  if (getX().getType() == getOutput().getType())
    return foldUnlessOutput(getOutput(), getX());
  return {};
}
