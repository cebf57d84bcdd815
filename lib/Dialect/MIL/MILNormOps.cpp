//===- MILNormOps.cpp - Verifiers and folders: normalization (layer_norm, batch_norm) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
