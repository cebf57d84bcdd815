//===- RewriteConfig.h - Greedy settings of the mil passes ---- -*- C++ -*-===//
//
// The greedy pattern driver's settings every mil pass (and the cleanup
// pipeline's canonicalizer) uses. MLIR's default CSEs constants: it merges
// equal constants (dropping the MIL names of all but one, including program
// outputs) and hoists them to the top of the function in reverse order, so
// weights would be emitted in reverse. mil-const-dedup and mil-cse do the
// merging where it keeps names; constants stay where the program put them.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_REWRITECONFIG_H
#define ANE_LIB_TRANSFORMS_REWRITECONFIG_H

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {

inline mlir::GreedyRewriteConfig milRewriteConfig() {
  mlir::GreedyRewriteConfig config;
  config.enableConstantCSE(false);
  return config;
}

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_REWRITECONFIG_H
