//===- MILAttentionOps.cpp - Verifiers and folders: attention (scaled_dot_product_attention) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
