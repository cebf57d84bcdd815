//===- MILElementwiseOps.cpp - Verifiers and folders: elementwise binary ops ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
