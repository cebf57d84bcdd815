//===- FusionPatterns.h - Pattern sets of the fusion passes --- -*- C++ -*-===//
//
// The rewrite patterns of the fusion passes, for passes that combine them
// (mil-matmul-to-linear also folds the bias add it exposes). Private to
// lib/Transforms.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_FUSIONPATTERNS_H
#define ANE_LIB_TRANSFORMS_FUSIONPATTERNS_H

#include "mlir/IR/PatternMatch.h"

namespace ane::mil {

/// conv / conv_transpose / linear followed by an add (or sub) of a constant
/// that varies only along the output channel → the constant folded into the
/// op's bias (mil-fuse-bias).
void populateFuseBiasPatterns(mlir::RewritePatternSet &patterns);

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_FUSIONPATTERNS_H
