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
/// `identity` and the result has x's type (broadcasting with c neither
/// changes the shape nor the dtype).
static OpFoldResult foldIdentityOperand(Value result, Value x, Attribute c,
                                        double identity) {
  if (x.getType() != result.getType() || !isSplatOf(c, identity))
    return {};
  return foldUnlessOutput(result, x);
}

static bool isFloatTensor(Value v) {
  return isa<FloatType>(getElementTypeOrSelf(v.getType()));
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  // x + (+0.0) is +0.0 for x = -0.0: only -0.0 is the float identity.
  double zero = isFloatTensor(getX()) ? -0.0 : 0.0;
  if (OpFoldResult r =
          foldIdentityOperand(getResult(), getX(), adaptor.getY(), zero))
    return r;
  return foldIdentityOperand(getResult(), getY(), adaptor.getX(), zero);
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  // x - (+0.0) is x for every x, -0.0 included.
  return foldIdentityOperand(getResult(), getX(), adaptor.getY(), 0.0);
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult r =
          foldIdentityOperand(getResult(), getX(), adaptor.getY(), 1.0))
    return r;
  return foldIdentityOperand(getResult(), getY(), adaptor.getX(), 1.0);
}

OpFoldResult RealDivOp::fold(FoldAdaptor adaptor) {
  if (!isFloatTensor(getX()))
    return {};
  return foldIdentityOperand(getResult(), getX(), adaptor.getY(), 1.0);
}
