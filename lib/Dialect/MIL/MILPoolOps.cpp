//===- MILPoolOps.cpp - Verifiers and folders: pooling (avg_pool, max_pool) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
