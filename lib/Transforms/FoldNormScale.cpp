//===- FoldNormScale.cpp - Fold a norm's gamma into the next projection ---===//
//
// The mil-fold-norm-scale pass: a multiply by a constant that varies only
// along the feature axis (typically the gamma of an RMSNorm or layer norm,
// `mul(norm_out, gamma)`) whose result feeds only projections with constant
// weights is folded into those weights' input-feature columns:
//   linear(x * g, w, b)        → linear(x, w[o][i] * g[i], b)
//   conv(x * g, w, b)          → conv(x, w[o][i][k] * g[c(o, i)], b)
//   matmul(x * g, y)           → matmul(x, y[i][n] * g[i])   (y constant)
// and the mul is removed. The folded weights are computed in fp32 from the
// original constants and rounded once to the weight's dtype.
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"
#include "MILNames.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILFOLDNORMSCALE
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// A consumer of the scaled value and its weight with the scale folded in.
struct FoldedConsumer {
  Operation *op;
  /// The constant weight operand to replace.
  OpOperand *weight;
  SmallVector<float> values;
};

/// How a consumer's constant weight meets its activation `x`.
struct WeightLayout {
  /// The weight operand (operand 1 of linear, conv and matmul).
  OpOperand *weight;
  /// The feature axis of `x`.
  int64_t axis;
  /// The input feature (index along `axis`) that each element of the weight
  /// (row-major) multiplies.
  SmallVector<int64_t> featureOf;
};

/// The layout of the weight of `use`'s owner when it consumes `x` as its
/// activation (operand 0): linear [D_out, D_in]; conv [C_out, C_in / groups,
/// *K] (x's dim 1); matmul with a rank-2 y [K, N] (or [N, K] with
/// transpose_y). std::nullopt for any other op or shape.
std::optional<WeightLayout> weightLayout(OpOperand &use) {
  Operation *op = use.getOwner();
  if (use.getOperandNumber() != 0 || !isa<LinearOp, ConvOp, MatmulOp>(op))
    return std::nullopt;
  auto xType = cast<RankedTensorType>(use.get().getType());
  int64_t rank = xType.getRank();
  OpOperand &weight = op->getOpOperand(1);
  auto wType = dyn_cast<RankedTensorType>(weight.get().getType());
  if (!wType || !wType.hasStaticShape() || wType.getRank() < 2)
    return std::nullopt;
  int64_t n = wType.getNumElements();
  WeightLayout layout{&weight, rank - 1, SmallVector<int64_t>(n)};
  int64_t features; // the weight's count of input features
  if (isa<LinearOp>(op)) {
    features = wType.getDimSize(1);
    for (int64_t e = 0; e < n; ++e)
      layout.featureOf[e] = e % features;
  } else if (auto conv = dyn_cast<ConvOp>(op)) {
    layout.axis = 1;
    int64_t groups = conv.getGroups();
    int64_t out = wType.getDimSize(0), inPerGroup = wType.getDimSize(1);
    if (groups <= 0 || out % groups != 0)
      return std::nullopt;
    features = inPerGroup * groups;
    int64_t kernel = n / (out * inPerGroup);
    for (int64_t e = 0; e < n; ++e) {
      int64_t o = e / (inPerGroup * kernel);
      int64_t i = (e / kernel) % inPerGroup;
      layout.featureOf[e] = o / (out / groups) * inPerGroup + i;
    }
  } else {
    auto matmul = cast<MatmulOp>(op);
    if (wType.getRank() != 2 || (matmul.getTransposeX() && rank < 2))
      return std::nullopt;
    if (matmul.getTransposeX())
      layout.axis = rank - 2;
    int64_t cols = wType.getDimSize(1);
    features = wType.getDimSize(matmul.getTransposeY() ? 1 : 0);
    for (int64_t e = 0; e < n; ++e)
      layout.featureOf[e] = matmul.getTransposeY() ? e % cols : e / cols;
  }
  if (xType.getDimSize(layout.axis) != features)
    return std::nullopt;
  return layout;
}

/// mul(x, g) / mul(g, x) with `g` constant per feature of every consumer,
/// all of whose consumers are foldable projections.
struct FoldScaleIntoConsumers : OpRewritePattern<MulOp> {
  using OpRewritePattern<MulOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(MulOp mul,
                                PatternRewriter &rewriter) const override {
    if (mul->use_empty())
      return rewriter.notifyMatchFailure(mul, "no consumers");
    for (unsigned side = 0; side < 2; ++side) {
      Value x = mul->getOperand(side), scale = mul->getOperand(1 - side);
      if (x.getType() != mul.getType() || !scale.getDefiningOp<ConstOp>())
        continue;
      SmallVector<FoldedConsumer> folded;
      if (!plan(mul, scale, folded))
        continue;
      for (FoldedConsumer &f : folded) {
        rewriter.setInsertionPoint(f.op);
        auto type = cast<RankedTensorType>(f.weight->get().getType());
        Value weight = createFloatConstant(
            rewriter, f.op->getLoc(),
            derivedName(milNameOf(f.op), "_weight", "folded_weight"), type,
            f.values);
        rewriter.modifyOpInPlace(f.op, [&] {
          f.weight->assign(weight);
          f.op->setOperand(0, x);
        });
      }
      rewriter.eraseOp(mul);
      return success();
    }
    return rewriter.notifyMatchFailure(
        mul, "not a per-feature constant scale feeding only projections");
  }

  /// The folded weight of every consumer of `mul`, or false when one of them
  /// is not a projection with a constant weight over features that `scale`
  /// varies along only.
  static bool plan(MulOp mul, Value scale,
                   SmallVector<FoldedConsumer> &folded) {
    auto shape = cast<RankedTensorType>(mul.getType()).getShape();
    for (OpOperand &use : mul->getUses()) {
      std::optional<WeightLayout> layout = weightLayout(use);
      if (!layout)
        return false;
      std::optional<SmallVector<float>> gamma =
          readPerChannelConstant(scale, shape, layout->axis);
      std::optional<SmallVector<float>> values =
          readFloatConstant(layout->weight->get());
      if (!gamma || !values)
        return false;
      for (auto [e, f] : llvm::enumerate(layout->featureOf))
        (*values)[e] *= (*gamma)[f];
      folded.push_back({use.getOwner(), layout->weight, std::move(*values)});
    }
    return true;
  }
};

struct MILFoldNormScalePass
    : public ane::mil::impl::MILFoldNormScaleBase<MILFoldNormScalePass> {
  using MILFoldNormScaleBase::MILFoldNormScaleBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldScaleIntoConsumers>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
