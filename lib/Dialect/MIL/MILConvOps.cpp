//===- MILConvOps.cpp - Verifiers and folders: convolution (conv, conv_transpose) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
