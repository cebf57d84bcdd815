//===- MILConstOps.cpp - mil.const verifier and folder ------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;

LogicalResult ConstOp::verify() {
  if (auto elements = dyn_cast<ElementsAttr>(getVal())) {
    if (elements.getType() != getType())
      return emitOpError("value type ")
             << elements.getType() << " does not match result type "
             << getType();
  }
  return success();
}

OpFoldResult ConstOp::fold(FoldAdaptor) {
  // A ConstantLike op must always fold (m_Constant relies on it), also when
  // its value is a #mil.blob_file reference.
  return getVal();
}
