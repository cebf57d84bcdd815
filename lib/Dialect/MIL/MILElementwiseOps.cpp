//===- MILElementwiseOps.cpp - Elementwise binary ops, select -------------===//
//
// Type inference of `select`. The binary ops infer their result with the
// shared broadcasting rule (MILTypeInference.cpp) from their ODS class.
// Folders of add/sub/mul/real_div with an identity operand.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILFolding.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace ane::mil;

LogicalResult SelectOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto cond = cast<RankedTensorType>(adaptor.getCond().getType());
  auto a = cast<RankedTensorType>(adaptor.getA().getType());
  auto b = cast<RankedTensorType>(adaptor.getB().getType());
  // select.same-dtype
  if (a.getElementType() != b.getElementType()) {
    if (loc)
      mlir::emitError(*loc)
          << "'a' and 'b' must have the same dtype, got " << a.getElementType()
          << " and " << b.getElementType();
    return failure();
  }
  // select.broadcast
  auto ab = broadcastShapes(std::nullopt, a.getShape(), b.getShape());
  auto shape =
      ab ? broadcastShapes(std::nullopt, cond.getShape(), *ab) : std::nullopt;
  if (!shape) {
    if (loc)
      mlir::emitError(*loc) << "shapes of 'cond' " << cond << ", 'a' " << a
                            << " and 'b' " << b << " do not broadcast";
    return failure();
  }
  results.push_back(RankedTensorType::get(*shape, a.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Identity operands
//===----------------------------------------------------------------------===//

/// `x` as the fold of `result = x op c` when the constant `c` is a splat of
/// the op's identity (`isIdentity`) and the result has x's type
/// (broadcasting with c neither changes the shape nor the dtype).
static OpFoldResult foldIdentityOperand(Value result, Value x,
                                        bool isIdentity) {
  if (!isIdentity || x.getType() != result.getType())
    return {};
  return foldUnlessOutput(result, x);
}

// MLIR's splat matchers: m_NegZeroFloat/m_PosZeroFloat tell -0.0 from +0.0;
// a float matcher matches no integer splat and an integer one no float one.

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  // x + (+0.0) is +0.0 for x = -0.0: only -0.0 is the float identity.
  auto isZero = [](Attribute c) {
    return matchPattern(c, m_NegZeroFloat()) || matchPattern(c, m_Zero());
  };
  if (OpFoldResult r =
          foldIdentityOperand(getResult(), getX(), isZero(adaptor.getY())))
    return r;
  return foldIdentityOperand(getResult(), getY(), isZero(adaptor.getX()));
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  // x - (+0.0) is x for every x, -0.0 included.
  Attribute c = adaptor.getY();
  return foldIdentityOperand(getResult(), getX(),
                             matchPattern(c, m_PosZeroFloat()) ||
                                 matchPattern(c, m_Zero()));
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  auto isOne = [](Attribute c) {
    return matchPattern(c, m_OneFloat()) || matchPattern(c, m_One());
  };
  if (OpFoldResult r =
          foldIdentityOperand(getResult(), getX(), isOne(adaptor.getY())))
    return r;
  return foldIdentityOperand(getResult(), getY(), isOne(adaptor.getX()));
}

OpFoldResult RealDivOp::fold(FoldAdaptor adaptor) {
  // Floats only: an integer real_div is not kept as x.
  return foldIdentityOperand(getResult(), getX(),
                             matchPattern(adaptor.getY(), m_OneFloat()));
}
