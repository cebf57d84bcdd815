//===- MILElementwiseOps.cpp - Elementwise binary ops, select -------------===//
//
// Type inference of `select`. The binary ops infer their result with the
// shared broadcasting rule (MILTypeInference.cpp) from their ODS class.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

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
