//===- MILActivationOps.cpp - Verifiers and folders: unary math, activations, softmax, clip and cast ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
