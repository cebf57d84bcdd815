//===- FuseBias.cpp - Fold a constant bias add into conv / linear ---------===//
//
// The mil-fuse-bias pass: `add(conv(x, w [, b]), c)` with a constant `c`
// that varies only along the output channel becomes `conv(x, w, b + c)`
// (likewise conv_transpose and linear, and `sub(op, c)` with `b - c`). The
// new bias is computed in fp32 and rounded once. An activation after the add
// now follows the op directly: conv → add → relu ends as conv(bias) → relu.
//
//===----------------------------------------------------------------------===//

#include "FusionPatterns.h"
#include "FusionUtils.h"
#include "MILNames.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILFUSEBIAS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// `add(op, c)`, `add(c, op)` or `sub(op, c)` where `op` is an OpT with no
/// other use → OpT with `bias + c` (or `bias - c`).
template <typename OpT, typename BinOpT>
struct FoldBiasAdd : OpRewritePattern<BinOpT> {
  using OpRewritePattern<BinOpT>::OpRewritePattern;

  LogicalResult matchAndRewrite(BinOpT bin,
                                PatternRewriter &rewriter) const override {
    constexpr bool isSub = std::is_same_v<BinOpT, SubOp>;
    std::optional<OpAndChannelConstant<OpT>> match =
        matchOpAndChannelConstant<OpT>(bin, /*commutative=*/!isSub);
    if (!match)
      return rewriter.notifyMatchFailure(
          bin, "not a single-use op and a constant varying only along its "
               "output channel");
    OpT op = match->op;
    ArrayRef<float> add = match->values;

    // The folded bias has the existing bias's type, else [C_out] of the
    // weight's dtype.
    int64_t channels = add.size();
    std::optional<FoldableBias> bias =
        readBiasOrZeros(op.getBias(), op.getWeight(), channels);
    if (!bias)
      return rewriter.notifyMatchFailure(bin, "existing bias unreadable");
    for (int64_t c = 0; c < channels; ++c)
      bias->values[c] =
          isSub ? bias->values[c] - add[c] : bias->values[c] + add[c];

    rewriter.setInsertionPoint(op);
    Value newBias =
        createFloatConstant(rewriter, op.getLoc(),
                            derivedName(milNameOf(bin), "_bias", "fused_bias"),
                            bias->type, bias->values);
    rewriter.modifyOpInPlace(op, [&] {
      op.getBiasMutable().assign(newBias);
      // The op now computes the add's value and takes over its name.
      op->setLoc(bin.getLoc());
    });
    rewriter.replaceOp(bin, op->getResults());
    return success();
  }
};

struct MILFuseBiasPass
    : public ane::mil::impl::MILFuseBiasBase<MILFuseBiasPass> {
  using MILFuseBiasBase::MILFuseBiasBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateFuseBiasPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace

void ane::mil::populateFuseBiasPatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<FoldBiasAdd<ConvOp, AddOp>, FoldBiasAdd<ConvOp, SubOp>,
               FoldBiasAdd<ConvTransposeOp, AddOp>,
               FoldBiasAdd<ConvTransposeOp, SubOp>,
               FoldBiasAdd<LinearOp, AddOp>, FoldBiasAdd<LinearOp, SubOp>>(
      context);
}
