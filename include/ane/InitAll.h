//===- InitAll.h - Register every dialect and pass of ane-mlir --*- C++ -*-===//
//
// One place for tools (ane-opt, ane-translate, ane-run) to register what
// they may parse and run.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_INITALL_H
#define ANE_INITALL_H

#include "mlir/IR/DialectRegistry.h"

namespace ane {

/// Registers the mil dialect and the upstream dialects ane-mlir programs use.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers ane-mlir passes and pipelines, plus the upstream passes that
/// are useful on mil programs (canonicalize, cse, ...).
void registerAllPasses();

} // namespace ane

#endif // ANE_INITALL_H
