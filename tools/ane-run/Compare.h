//===- Compare.h - The ane-run compare subcommand ------------- -*- C++ -*-===//
//
// `ane-run compare A B`: runs two programs on the same inputs through the CPU
// interpreter and reports how far their outputs are apart.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TOOLS_ANE_RUN_COMPARE_H
#define ANE_TOOLS_ANE_RUN_COMPARE_H

namespace mlir {
class MLIRContext;
} // namespace mlir

/// Runs `ane-run compare` (argv[1] == "compare") in `ctx`, which has the
/// project's dialects loaded; returns the exit code.
int compareMain(int argc, char **argv, mlir::MLIRContext &ctx);

#endif // ANE_TOOLS_ANE_RUN_COMPARE_H
