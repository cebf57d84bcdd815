//===- Passes.h - ane-mlir passes on the mil dialect ---------- -*- C++ -*-===//
//
// Declarations of every pass (generated from Passes.td) and of the named
// pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TRANSFORMS_PASSES_H
#define ANE_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace ane::mil {

#define GEN_PASS_DECL
#include "ane/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "ane/Transforms/Passes.h.inc"

/// Registers the named pipelines (`--mil-ane-default`, ...) with ane-opt.
void registerPipelines();

} // namespace ane::mil

#endif // ANE_TRANSFORMS_PASSES_H
