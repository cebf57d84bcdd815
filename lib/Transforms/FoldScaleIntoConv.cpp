//===- FoldScaleIntoConv.cpp - Fold batch_norm / scale into conv, linear
//---===//
//
// The mil-fold-scale-into-conv pass: a per-channel affine map applied to the
// result of a conv or linear whose weight is a constant is folded into the
// weight and bias:
//   batch_norm(conv(x, w, b), mean, var, gamma, beta)
//     → conv(x, w * s, (b - mean) * s + beta),  s = gamma / sqrt(var + eps)
//   mul(conv(x, w, b), c) → conv(x, w * c, b * c)   (real_div: c → 1/c)
// (likewise conv_transpose, and linear for the mul)
// The folded constants are computed in fp32 from the original constants and
// rounded once to the weight's (bias's) dtype.
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"
#include "MILNames.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace ane::mil {
#define GEN_PASS_DEF_MILFOLDSCALEINTOCONV
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The output channel that each element of `op`'s weight (row-major)
/// contributes to, or std::nullopt when the weight does not have the
/// expected `channels`: conv [C_out, C_in / groups, *K] and linear
/// [D_out, D_in] along dim 0; conv_transpose [C_in, C_out / groups, *K]
/// along dim 1 within each group of C_in / groups input channels.
template <typename OpT>
std::optional<SmallVector<int64_t>> weightChannels(OpT op, int64_t channels) {
  auto type = cast<RankedTensorType>(op.getWeight().getType());
  if (!type.hasStaticShape() || type.getRank() < 2)
    return std::nullopt;
  int64_t n = type.getNumElements();
  SmallVector<int64_t> channelOf(n);
  if constexpr (std::is_same_v<OpT, ConvTransposeOp>) {
    int64_t groups = op.getGroups();
    int64_t inPerGroup = type.getDimSize(0) / groups;
    int64_t outPerGroup = type.getDimSize(1);
    if (groups <= 0 || outPerGroup * groups != channels)
      return std::nullopt;
    int64_t kernel = n / (type.getDimSize(0) * outPerGroup);
    for (int64_t e = 0; e < n; ++e) {
      int64_t in = e / (outPerGroup * kernel);
      int64_t out = (e / kernel) % outPerGroup;
      channelOf[e] = in / inPerGroup * outPerGroup + out;
    }
  } else {
    if (type.getDimSize(0) != channels)
      return std::nullopt;
    for (int64_t e = 0; e < n; ++e)
      channelOf[e] = e / (n / channels);
  }
  return channelOf;
}

/// Replaces `root` by `op` with its weight's output channels scaled by
/// `scale` and its bias replaced by `bias[c] * scale[c] + shift[c]` (the
/// old bias, or zeros). Fails when the weight or the existing bias is not a
/// readable constant.
template <typename OpT>
LogicalResult foldAffine(OpT op, Operation *root, ArrayRef<float> scale,
                         ArrayRef<float> shift, PatternRewriter &rewriter) {
  int64_t channels = scale.size();
  auto weightType = cast<RankedTensorType>(op.getWeight().getType());
  std::optional<SmallVector<int64_t>> channelOf = weightChannels(op, channels);
  if (!channelOf)
    return rewriter.notifyMatchFailure(root, "unexpected weight shape");
  std::optional<SmallVector<float>> weight = readFloatConstant(op.getWeight());
  if (!weight)
    return rewriter.notifyMatchFailure(root, "weight is not a float constant");
  std::optional<FoldableBias> bias =
      readBiasOrZeros(op.getBias(), op.getWeight(), channels);
  if (!bias)
    return rewriter.notifyMatchFailure(root, "bias is not a constant");

  for (auto [e, c] : llvm::enumerate(*channelOf))
    (*weight)[e] *= scale[c];
  for (int64_t c = 0; c < channels; ++c)
    bias->values[c] = bias->values[c] * scale[c] + shift[c];

  std::string name = milNameOf(root).str();
  rewriter.setInsertionPoint(op);
  Value newWeight = createFloatConstant(
      rewriter, op.getLoc(), derivedName(name, "_weight", "folded_weight"),
      weightType, *weight);
  Value newBias = createFloatConstant(rewriter, op.getLoc(),
                                      derivedName(name, "_bias", "folded_bias"),
                                      bias->type, bias->values);
  rewriter.modifyOpInPlace(op, [&] {
    op.getWeightMutable().assign(newWeight);
    op.getBiasMutable().assign(newBias);
    op->setLoc(root->getLoc());
  });
  rewriter.replaceOp(root, op->getResults());
  return success();
}

/// batch_norm(conv(...)) (or conv_transpose) with constant statistics and
/// parameters.
template <typename OpT> struct FoldBatchNorm : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern<BatchNormOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    auto conv = bn.getX().getDefiningOp<OpT>();
    if (!conv)
      return rewriter.notifyMatchFailure(bn, "x is not a conv result");
    if (!bn.getX().hasOneUse())
      return rewriter.notifyMatchFailure(bn, "conv result has other uses");
    int64_t channels = cast<RankedTensorType>(bn.getType()).getDimSize(1);
    if (ShapedType::isDynamic(channels))
      return rewriter.notifyMatchFailure(bn, "dynamic channel count");
    std::optional<SmallVector<float>> mean =
        readChannelsOr(bn.getMean(), channels, 0.0f);
    std::optional<SmallVector<float>> variance =
        readChannelsOr(bn.getVariance(), channels, 1.0f);
    std::optional<SmallVector<float>> gamma =
        readChannelsOr(bn.getGamma(), channels, 1.0f);
    std::optional<SmallVector<float>> beta =
        readChannelsOr(bn.getBeta(), channels, 0.0f);
    if (!mean || !variance || !gamma || !beta)
      return rewriter.notifyMatchFailure(bn, "parameters are not constants");
    float epsilon = static_cast<float>(bn.getEpsilon().getValueAsDouble());

    SmallVector<float> scale(channels), shift(channels);
    for (int64_t c = 0; c < channels; ++c) {
      if (!((*variance)[c] + epsilon > 0.0f))
        return rewriter.notifyMatchFailure(bn, "variance + epsilon <= 0");
      scale[c] = (*gamma)[c] / std::sqrt((*variance)[c] + epsilon);
      shift[c] = (*beta)[c] - (*mean)[c] * scale[c];
    }
    return foldAffine(conv, bn, scale, shift, rewriter);
  }
};

/// mul(op, c), mul(c, op) or real_div(op, c) (a scale by 1/c) with `c`
/// constant per output channel.
template <typename OpT, typename BinOpT>
struct FoldScale : OpRewritePattern<BinOpT> {
  using OpRewritePattern<BinOpT>::OpRewritePattern;

  LogicalResult matchAndRewrite(BinOpT bin,
                                PatternRewriter &rewriter) const override {
    constexpr bool isDiv = std::is_same_v<BinOpT, RealDivOp>;
    std::optional<OpAndChannelConstant<OpT>> match =
        matchOpAndChannelConstant<OpT>(bin, /*commutative=*/!isDiv);
    if (!match)
      return rewriter.notifyMatchFailure(bin, "no foldable producer");
    SmallVector<float> &scale = match->values;
    if (isDiv) {
      if (llvm::is_contained(scale, 0.0f))
        return rewriter.notifyMatchFailure(bin, "division by zero");
      for (float &s : scale)
        s = 1.0f / s;
    }
    SmallVector<float> shift(scale.size(), 0.0f);
    return foldAffine(match->op, bin, scale, shift, rewriter);
  }
};

struct MILFoldScaleIntoConvPass
    : public ane::mil::impl::MILFoldScaleIntoConvBase<
          MILFoldScaleIntoConvPass> {
  using MILFoldScaleIntoConvBase::MILFoldScaleIntoConvBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldBatchNorm<ConvOp>, FoldBatchNorm<ConvTransposeOp>,
                 FoldScale<ConvOp, MulOp>, FoldScale<ConvTransposeOp, MulOp>,
                 FoldScale<LinearOp, MulOp>, FoldScale<ConvOp, RealDivOp>,
                 FoldScale<ConvTransposeOp, RealDivOp>,
                 FoldScale<LinearOp, RealDivOp>>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
