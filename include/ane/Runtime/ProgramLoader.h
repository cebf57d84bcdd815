//===- ProgramLoader.h - Load a program for running -------------*- C++ -*-===//
//
// Turns what a user passes to `ane-run` into a verified mil module: a `.mlir`
// file in the mil dialect, a `model.mil`, or a program directory holding
// `model.mil` and `weights/`. MIL text goes through the MIL importer when this
// build has it (ANE_HAVE_MIL_IMPORTER).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_PROGRAMLOADER_H
#define ANE_RUNTIME_PROGRAMLOADER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"

namespace ane::runtime {

/// Parses and verifies the program at `path`. Diagnostics go through
/// `sourceMgr`'s handler installed by the caller; the returned error says
/// what failed overall.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
loadProgram(llvm::StringRef path, mlir::MLIRContext &context,
            llvm::SourceMgr &sourceMgr);

} // namespace ane::runtime

#endif // ANE_RUNTIME_PROGRAMLOADER_H
