//===- MILReductionOps.cpp - Reductions -----------------------------------===//
//
// The reductions' shape rules (axes in range and unique) are checked while
// inferring the result type, by inferReductionResult (MILTypeInference.cpp).
// reduce_argmax/reduce_argmin also check that iOS17's `output_dtype` is not
// used in an earlier opset.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;

/// reduce_arg.output-dtype-opset: `output_dtype` exists from ios17 on.
static LogicalResult verifyArgOutputDtype(Operation *op,
                                          StringAttr outputDtype) {
  if (!outputDtype)
    return success();
  std::optional<Opset> opset = getEnclosingOpset(op);
  if (opset && *opset < Opset::ios17)
    return op->emitOpError("'output_dtype' needs opset ios17 or later, got ")
           << stringifyOpset(*opset);
  return success();
}

LogicalResult ReduceArgmaxOp::verify() {
  return verifyArgOutputDtype(*this, getOutputDtypeAttr());
}

LogicalResult ReduceArgminOp::verify() {
  return verifyArgOutputDtype(*this, getOutputDtypeAttr());
}
