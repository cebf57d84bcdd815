//===- MILLinearOps.cpp - Verifiers and folders: linear algebra (matmul, linear) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
