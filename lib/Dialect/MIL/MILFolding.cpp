//===- MILFolding.cpp - Helpers shared by the mil folders -----------------===//
//
// See MILFolding.h.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILFolding.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

bool ane::mil::isFunctionResult(Value v) {
  return llvm::any_of(
      v.getUsers(), [](Operation *user) { return isa<func::ReturnOp>(user); });
}

/// True when `op` carries a MIL name: a `mil.name` attribute or a NameLoc.
static bool hasMILName(Operation *op) {
  if (op->hasAttr("mil.name"))
    return true;
  bool named = false;
  op->getLoc()->walk([&](Location loc) {
    named |= isa<NameLoc>(loc);
    return named ? WalkResult::interrupt() : WalkResult::advance();
  });
  return named;
}

OpFoldResult ane::mil::foldUnlessOutput(Value result,
                                        OpFoldResult replacement) {
  if (!isFunctionResult(result))
    return replacement;
  auto value = dyn_cast_if_present<Value>(replacement);
  if (!value || isa<BlockArgument>(value) || isFunctionResult(value) ||
      hasMILName(result.getDefiningOp()))
    return {};
  return replacement;
}

Attribute ane::mil::reshapeConstant(Attribute attr, Type type) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  auto shaped = dyn_cast<RankedTensorType>(type);
  if (!dense || !shaped || !shaped.hasStaticShape() ||
      shaped.getElementType() != dense.getElementType() ||
      shaped.getNumElements() != dense.getNumElements())
    return {};
  return dense.reshape(shaped);
}
