//===- MILReductionOps.cpp - Reductions -----------------------------------===//
//
// The reductions have no verifier or folder of their own: their rules
// (axes in range and unique) are checked while inferring the result type,
// by inferReductionResult (MILTypeInference.cpp).
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
