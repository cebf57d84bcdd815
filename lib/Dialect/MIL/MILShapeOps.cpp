//===- MILShapeOps.cpp - Verifiers and folders: tensor shape and data movement (reshape, transpose, slice_*, concat, split, ...) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
