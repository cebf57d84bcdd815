//===- MILQuantOps.cpp - Verifiers and folders: quantization and constexpr decompression (quantize, dequantize, constexpr_*) ===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;
