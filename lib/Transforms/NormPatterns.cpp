//===- NormPatterns.cpp - RMSNorm in the form the ANE kernels use ---------===//
//
// The mil-rmsnorm-ane-form pass: recognises RMS normalisation written with
// reduce_mean and rsqrt / sqrt (as converters emit it) and rewrites it into
// the op sequence of the public ANE training kernels, which avoid rsqrt,
// sqrt and real_div:
//   sq = mul(x, x); ss = reduce_sum(sq, axes, keep_dims = true)
//   ms = mul(ss, 1/D); v = add(ms, eps); r = pow(v, -0.5); y = mul(x, r)
// A following gamma multiply is left as it is (it is already a mul). The
// `prescale` option instead squares x * (1/sqrt(D)), so that the fp16 sum
// cannot overflow where the mean does not.
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace ane::mil {
#define GEN_PASS_DEF_MILRMSNORMANEFORM
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The single value of a one-element float constant.
std::optional<float> readScalarConstant(Value value) {
  std::optional<SmallVector<float>> values = readFloatConstant(value);
  if (!values || values->size() != 1)
    return std::nullopt;
  return (*values)[0];
}

/// True when `value` is x², written as mul(x, x), square(x) or pow(x, 2),
/// and used only once.
bool isSquareOf(Value value, Value x) {
  if (!value.hasOneUse())
    return false;
  if (auto mul = value.getDefiningOp<MulOp>())
    return mul.getX() == x && mul.getY() == x;
  if (auto square = value.getDefiningOp<SquareOp>())
    return square.getX() == x;
  if (auto pow = value.getDefiningOp<PowOp>())
    return pow.getX() == x && readScalarConstant(pow.getY()) == 2.0f;
  return false;
}

/// A matched `mean(x², axes) + epsilon` (the value under the root).
struct MeanSquare {
  ReduceMeanOp mean;
  float epsilon = 0.0f;
};

/// Matches `reduce_mean(x², keep_dims = true) [+ eps]` with single uses;
/// `extraEpsilon` is added to the epsilon found.
std::optional<MeanSquare> matchMeanSquarePlusEps(Value value, Value x,
                                                 float extraEpsilon) {
  MeanSquare match;
  match.epsilon = extraEpsilon;
  if (auto add = value.getDefiningOp<AddOp>()) {
    if (!value.hasOneUse())
      return std::nullopt;
    for (unsigned side = 0; side < 2; ++side) {
      std::optional<float> eps = readScalarConstant(add->getOperand(1 - side));
      if (eps && add->getOperand(side).getDefiningOp<ReduceMeanOp>()) {
        match.epsilon += *eps;
        value = add->getOperand(side);
        break;
      }
    }
  }
  match.mean = value.getDefiningOp<ReduceMeanOp>();
  if (!match.mean || !value.hasOneUse() || !match.mean.getKeepDims() ||
      !isSquareOf(match.mean.getX(), x))
    return std::nullopt;
  return match;
}

/// Matches `1 / sqrt(mean(x²) + eps)` as rsqrt(...) or pow(..., -0.5).
std::optional<MeanSquare> matchInverseRms(Value value, Value x) {
  if (!value.hasOneUse())
    return std::nullopt;
  if (auto rsqrt = value.getDefiningOp<RsqrtOp>())
    return matchMeanSquarePlusEps(
        rsqrt.getX(), x,
        static_cast<float>(rsqrt.getEpsilon().getValueAsDouble()));
  if (auto pow = value.getDefiningOp<PowOp>())
    if (readScalarConstant(pow.getY()) == -0.5f)
      return matchMeanSquarePlusEps(pow.getX(), x, 0.0f);
  return std::nullopt;
}

/// Emits the training-kernel RMSNorm of `x` for `match` in place of `root`;
/// with `prescale`, x is scaled by 1/sqrt(D) before squaring instead of the
/// sum by 1/D afterwards.
LogicalResult rewriteRmsNorm(Operation *root, Value x, MeanSquare match,
                             bool prescale, PatternRewriter &rewriter) {
  auto xType = cast<RankedTensorType>(x.getType());
  if (!xType.hasStaticShape())
    return rewriter.notifyMatchFailure(root, "dynamic shape");
  int64_t rank = xType.getRank();
  int64_t count = 1;
  if (std::optional<ArrayRef<int32_t>> axes = match.mean.getAxes()) {
    for (int32_t axis : *axes)
      count *= xType.getDimSize(axis < 0 ? axis + rank : axis);
  } else {
    count = xType.getNumElements();
  }

  std::string base = derivedName(milNameOf(root), "", "rmsnorm");
  Location loc = root->getLoc();
  auto named = [&](StringRef suffix) -> Location {
    return NameLoc::get(rewriter.getStringAttr(base + suffix.str()), loc);
  };
  auto scalar = [&](StringRef suffix, float value) {
    return createFloatConstant(
        rewriter, loc, base + suffix.str(),
        RankedTensorType::get({}, xType.getElementType()), {value});
  };
  rewriter.setInsertionPoint(root);
  auto reduce = [&](Value sq) -> Value {
    return ReduceSumOp::create(rewriter, named("_ss"), sq,
                               match.mean.getAxesAttr(),
                               rewriter.getBoolAttr(true));
  };
  Value ms;
  if (prescale) {
    Value xs = MulOp::create(
        rewriter, named("_xs"), x,
        scalar("_rsqrtd", 1.0f / std::sqrt(static_cast<float>(count))));
    ms = reduce(MulOp::create(rewriter, named("_sq"), xs, xs));
  } else {
    Value ss = reduce(MulOp::create(rewriter, named("_sq"), x, x));
    ms = MulOp::create(rewriter, named("_ms"), ss,
                       scalar("_invd", 1.0f / static_cast<float>(count)));
  }
  Value var =
      AddOp::create(rewriter, named("_var"), ms, scalar("_eps", match.epsilon));
  Value rrms =
      PowOp::create(rewriter, named("_rrms"), var, scalar("_nhalf", -0.5f));
  rewriter.replaceOpWithNewOp<MulOp>(root, x, rrms);
  return success();
}

/// mul(x, rsqrt(mean(x²) + eps)) in either operand order.
struct RmsNormMul : OpRewritePattern<MulOp> {
  RmsNormMul(MLIRContext *context, bool prescale)
      : OpRewritePattern(context), prescale(prescale) {}
  bool prescale;

  LogicalResult matchAndRewrite(MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (unsigned side = 0; side < 2; ++side) {
      Value x = mul->getOperand(side);
      if (std::optional<MeanSquare> match =
              matchInverseRms(mul->getOperand(1 - side), x))
        return rewriteRmsNorm(mul, x, *match, prescale, rewriter);
    }
    return rewriter.notifyMatchFailure(mul, "not x * rsqrt(mean(x^2) + eps)");
  }
};

/// real_div(x, sqrt(mean(x²) + eps)).
struct RmsNormDiv : OpRewritePattern<RealDivOp> {
  RmsNormDiv(MLIRContext *context, bool prescale)
      : OpRewritePattern(context), prescale(prescale) {}
  bool prescale;

  LogicalResult matchAndRewrite(RealDivOp div,
                                PatternRewriter &rewriter) const override {
    Value x = div.getX();
    auto sqrt = div.getY().getDefiningOp<SqrtOp>();
    if (!sqrt || !div.getY().hasOneUse())
      return rewriter.notifyMatchFailure(div, "not x / sqrt(...)");
    std::optional<MeanSquare> match =
        matchMeanSquarePlusEps(sqrt.getX(), x, 0.0f);
    if (!match)
      return rewriter.notifyMatchFailure(div, "not x / sqrt(mean(x^2) + eps)");
    return rewriteRmsNorm(div, x, *match, prescale, rewriter);
  }
};

struct MILRmsNormAneFormPass
    : public ane::mil::impl::MILRmsNormAneFormBase<MILRmsNormAneFormPass> {
  using MILRmsNormAneFormBase::MILRmsNormAneFormBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<RmsNormMul, RmsNormDiv>(&getContext(), prescale);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
