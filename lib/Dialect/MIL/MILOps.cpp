//===- MILOps.cpp - Generated op definitions of the mil dialect -----------===//
//
// Instantiates the ODS-generated op classes. Verifiers, folders and type
// inference live in one file per op family (MIL<Family>Ops.cpp).
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace ane::mil;

#define GET_OP_CLASSES
#include "ane/Dialect/MIL/MILOps.cpp.inc"
