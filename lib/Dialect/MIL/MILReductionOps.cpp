//===- MILReductionOps.cpp - Verifiers and folders: reductions (reduce_sum, reduce_mean, reduce_max, ...) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
