//===- NormPatterns.cpp - Normalization patterns for the ANE --------------===//
//
// Two passes over decomposed normalizations:
//
// mil-rmsnorm-ane-form recognises RMS normalisation written with reduce_mean
// and rsqrt / sqrt (as converters emit it) and rewrites it into the op
// sequence of the public ANE training kernels, which avoid rsqrt, sqrt and
// real_div:
//   sq = mul(x, x); ss = reduce_sum(sq, axes, keep_dims = true)
//   ms = mul(ss, 1/D); v = add(ms, eps); r = pow(v, -0.5); y = mul(x, r)
// A following gamma multiply is left as it is (it is already a mul). The
// `prescale` option instead squares x * (1/sqrt(D)), so that the fp16 sum
// cannot overflow where the mean does not.
//
// mil-fuse-layer-norm recognises the decomposed layer norm
//   d = x - mean(x); y = d * rsqrt(mean(d²) + eps) [* gamma] [+ beta]
// and replaces it with one mil.layer_norm.
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"
#include "MILNames.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILTypeInference.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace ane::mil {
#define GEN_PASS_DEF_MILFUSELAYERNORM
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
  /// The reduction: reduce_mean(x²), or reduce_sum(x²) in the kernel form.
  Operation *reduce = nullptr;
  DenseI32ArrayAttr axes;
  float epsilon = 0.0f;
  /// reduce_sum(x², keep_dims = true) * (1/D), as mil-rmsnorm-ane-form emits.
  bool kernelForm = false;
  /// The reduction drops the axes and an expand_dims / reshape restores them.
  bool reshaped = false;
  /// The 1/D constant of the kernel form.
  std::optional<float> invCount;
  /// The expand_dims / reshape result when `reshaped`.
  Value reshapeResult;
  /// The reduction axes (all when absent).
  std::optional<ArrayRef<int32_t>> axesRef() const {
    if (!axes)
      return std::nullopt;
    return axes.asArrayRef();
  }
};

/// The type of `x` reduced over `axes` (all when absent) with keep_dims, or
/// null when an axis is out of range for `x`.
RankedTensorType keptDimsType(RankedTensorType x,
                              std::optional<ArrayRef<int32_t>> axes) {
  SmallVector<Type, 1> results;
  if (failed(inferReductionResult(std::nullopt, x, "axes", axes,
                                  /*keepDims=*/true, x.getElementType(),
                                  results)))
    return {};
  return cast<RankedTensorType>(results.front());
}

/// The element count reduced over `axes` (all when absent, and valid for
/// `x`) of `x`.
int64_t reducedCount(RankedTensorType x,
                     std::optional<ArrayRef<int32_t>> axes) {
  return x.getNumElements() / keptDimsType(x, axes).getNumElements();
}

/// When `value` (single use) is an expand_dims or reshape, its input.
Value stripReshape(Value value) {
  if (!value.hasOneUse())
    return Value();
  if (auto expand = value.getDefiningOp<ExpandDimsOp>())
    return expand.getX();
  if (auto reshape = value.getDefiningOp<ReshapeOp>())
    return reshape.getX();
  return Value();
}

/// Matches the reduction under `value` (single use): reduce_mean(x²), or
/// reduce_sum(x²) * c with c = 1/D (the kernel form). Without keep_dims, the
/// reduction must be restored to `keptShape` by the expand_dims / reshape
/// that `match.reshaped` records.
bool matchReduction(Value value, Value x, MeanSquare &match) {
  auto xType = dyn_cast<RankedTensorType>(x.getType());
  if (!xType || !xType.hasStaticShape() || !value.hasOneUse())
    return false;
  Value reduced = value;
  std::optional<float> invCount;
  if (auto mul = value.getDefiningOp<MulOp>()) {
    for (unsigned side = 0; side < 2 && !invCount; ++side)
      if ((invCount = readScalarConstant(mul->getOperand(1 - side))))
        reduced = mul->getOperand(side);
    if (!invCount || !reduced.getDefiningOp<ReduceSumOp>() ||
        !reduced.hasOneUse())
      return false;
    match.kernelForm = true;
  }
  Operation *reduce = reduced.getDefiningOp();
  if (!reduce || (match.kernelForm ? !isa<ReduceSumOp>(reduce)
                                   : !isa<ReduceMeanOp>(reduce)))
    return false;
  bool keepDims;
  if (auto mean = dyn_cast<ReduceMeanOp>(reduce)) {
    match.axes = mean.getAxesAttr();
    keepDims = mean.getKeepDims();
  } else {
    auto sum = cast<ReduceSumOp>(reduce);
    match.axes = sum.getAxesAttr();
    keepDims = sum.getKeepDims();
  }
  if (keepDims == match.reshaped)
    return false;
  RankedTensorType kept = keptDimsType(xType, match.axesRef());
  if (!kept ||
      (match.reshaped &&
       cast<RankedTensorType>(match.reshapeResult.getType()).getShape() !=
           kept.getShape()))
    return false;
  if (invCount) {
    // c must be 1/D rounded to the dtype: within one ulp of it.
    float count = static_cast<float>(reducedCount(xType, match.axesRef()));
    float ulp = xType.getElementType().isF16() ? 0x1p-10f : 0x1p-23f;
    if (!(std::abs(*invCount * count - 1.0f) <= ulp))
      return false;
    match.invCount = invCount;
  }
  match.reduce = reduce;
  return isSquareOf(reduce->getOperand(0), x);
}

/// Matches `mean(x²) [+ eps]` with single uses (a reshape restoring a
/// reduction without keep_dims may sit on either side of the add);
/// `extraEpsilon` is added to the epsilon found.
std::optional<MeanSquare> matchMeanSquarePlusEps(Value value, Value x,
                                                 float extraEpsilon) {
  MeanSquare match;
  match.epsilon = extraEpsilon;
  auto peelReshape = [&] {
    if (match.reshaped)
      return;
    if (Value inner = stripReshape(value)) {
      match.reshaped = true;
      match.reshapeResult = value;
      value = inner;
    }
  };
  peelReshape();
  if (auto add = value.getDefiningOp<AddOp>()) {
    if (!value.hasOneUse())
      return std::nullopt;
    for (unsigned side = 0; side < 2; ++side) {
      std::optional<float> eps = readScalarConstant(add->getOperand(1 - side));
      if (eps) {
        match.epsilon += *eps;
        value = add->getOperand(side);
        break;
      }
    }
  }
  peelReshape();
  if (!matchReduction(value, x, match))
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
  int64_t count = reducedCount(xType, match.axesRef());

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
    return ReduceSumOp::create(rewriter, named("_ss"), sq, match.axes,
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
                       scalar("_invd", match.invCount.value_or(
                                           1.0f / static_cast<float>(count))));
  }
  Value var =
      AddOp::create(rewriter, named("_var"), ms, scalar("_eps", match.epsilon));
  Value rrms =
      PowOp::create(rewriter, named("_rrms"), var, scalar("_nhalf", -0.5f));
  rewriter.replaceOpWithNewOp<MulOp>(root, x, rrms);
  return success();
}

/// A pattern rooted at an OpT that emits the training-kernel RMSNorm, with
/// the pass's `prescale` option.
template <typename OpT> struct RmsNormPattern : OpRewritePattern<OpT> {
  RmsNormPattern(MLIRContext *context, bool prescale)
      : OpRewritePattern<OpT>(context), prescale(prescale) {}
  bool prescale;
};

/// mul(x, rsqrt(mean(x²) + eps)) in either operand order.
struct RmsNormMul : RmsNormPattern<MulOp> {
  using RmsNormPattern::RmsNormPattern;

  LogicalResult matchAndRewrite(MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (unsigned side = 0; side < 2; ++side) {
      Value x = mul->getOperand(side);
      std::optional<MeanSquare> match =
          matchInverseRms(mul->getOperand(1 - side), x);
      if (!match)
        continue;
      if (match->kernelForm && !match->reshaped &&
          mul->getOperand(1 - side).getDefiningOp<PowOp>())
        return rewriter.notifyMatchFailure(mul, "already in the kernel form");
      return rewriteRmsNorm(mul, x, *match, prescale, rewriter);
    }
    return rewriter.notifyMatchFailure(mul, "not x * rsqrt(mean(x^2) + eps)");
  }
};

/// real_div(x, sqrt(mean(x²) + eps)).
struct RmsNormDiv : RmsNormPattern<RealDivOp> {
  using RmsNormPattern::RmsNormPattern;

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

/// The axes of a reduction of `x`, normalized to [0, rank) and sorted (all
/// axes when absent).
SmallVector<int64_t> sortedAxes(std::optional<ArrayRef<int32_t>> axes,
                                int64_t rank) {
  if (!axes)
    return llvm::to_vector(llvm::seq<int64_t>(0, rank));
  // The reduction's verifier has checked the axes.
  SmallVector<int64_t> out = *normalizeAxes(nullptr, "axes", *axes, rank);
  llvm::sort(out);
  return out;
}

/// When `constant` broadcast against `x` varies only along `axes` (1 on every
/// other dim, x's size on each of `axes`), its values as layer_norm's
/// `gamma`/`beta` of shape x.shape[axes].
std::optional<SmallVector<float>>
readNormParam(Value constant, RankedTensorType x, ArrayRef<int64_t> axes) {
  auto type = dyn_cast<RankedTensorType>(constant.getType());
  if (!type || type.getRank() > x.getRank())
    return std::nullopt;
  int64_t offset = x.getRank() - type.getRank();
  for (int64_t d = 0; d < x.getRank(); ++d) {
    int64_t dim = d < offset ? 1 : type.getDimSize(d - offset);
    int64_t expected = llvm::is_contained(axes, d) ? x.getDimSize(d) : 1;
    if (dim != expected)
      return std::nullopt;
  }
  return readFloatConstant(constant);
}

/// The single user of `value` when it is an OpT with a constant operand
/// usable as a layer_norm parameter; that constant's values in `params`.
template <typename OpT>
OpT matchParamOp(Value value, RankedTensorType x, ArrayRef<int64_t> axes,
                 SmallVector<float> &params) {
  if (!value.hasOneUse())
    return OpT();
  auto op = dyn_cast<OpT>(*value.getUsers().begin());
  if (!op || op.getType() != x)
    return OpT();
  Value other = op.getX() == value ? op.getY() : op.getX();
  std::optional<SmallVector<float>> values = readNormParam(other, x, axes);
  if (!values)
    return OpT();
  params = std::move(*values);
  return op;
}

/// (x - mean(x)) * rsqrt(mean((x - mean(x))²) + eps) [* gamma] [+ beta]
/// → layer_norm(x, axes, gamma, beta, eps).
struct LayerNorm : OpRewritePattern<MulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MulOp root,
                                PatternRewriter &rewriter) const override {
    for (unsigned side = 0; side < 2; ++side) {
      Value d = root->getOperand(side);
      auto sub = d.getDefiningOp<SubOp>();
      if (!sub)
        continue;
      Value x = sub.getX();
      auto mean = sub.getY().getDefiningOp<ReduceMeanOp>();
      if (!mean || mean.getX() != x || !mean.getKeepDims() ||
          !sub.getY().hasOneUse())
        continue;
      std::optional<MeanSquare> match =
          matchInverseRms(root->getOperand(1 - side), d);
      if (!match || match->kernelForm || match->reshaped ||
          match->axes != mean.getAxesAttr())
        continue;
      Operation *square = match->reduce->getOperand(0).getDefiningOp();
      if (llvm::any_of(d.getUsers(), [&](Operation *user) {
            return user != root && user != square;
          }))
        continue;
      auto xType = cast<RankedTensorType>(x.getType());
      if (!xType.hasStaticShape() || root.getType() != xType)
        continue;
      return rewriteLayerNorm(root, x, *match, xType, rewriter);
    }
    return rewriter.notifyMatchFailure(root, "not a decomposed layer norm");
  }

  static LogicalResult rewriteLayerNorm(MulOp root, Value x, MeanSquare match,
                                        RankedTensorType xType,
                                        PatternRewriter &rewriter) {
    SmallVector<int64_t> axes = sortedAxes(match.axesRef(), xType.getRank());
    // Fold a following constant gamma multiply and beta add, or (the BC1S
    // LayerNormANE order of ml-ane-transformers) a beta add and then a gamma
    // multiply: (y + beta) * gamma = y * gamma + beta * gamma.
    Operation *last = root;
    SmallVector<float> gammaValues, betaValues;
    auto gammaOp = matchParamOp<MulOp>(root, xType, axes, gammaValues);
    if (gammaOp)
      last = gammaOp;
    auto betaOp =
        matchParamOp<AddOp>(last->getResult(0), xType, axes, betaValues);
    if (betaOp)
      last = betaOp;
    if (betaOp && !gammaOp) {
      gammaOp = matchParamOp<MulOp>(betaOp, xType, axes, gammaValues);
      if (gammaOp) {
        last = gammaOp;
        for (auto [b, g] : llvm::zip(betaValues, gammaValues))
          b *= g;
      }
    }

    SmallVector<int64_t> paramShape;
    for (int64_t axis : axes)
      paramShape.push_back(xType.getDimSize(axis));
    auto paramType = RankedTensorType::get(paramShape, xType.getElementType());
    std::string base = derivedName(milNameOf(last), "", "layer_norm");
    rewriter.setInsertionPoint(last);
    Value gamma, beta;
    if (gammaOp)
      gamma = createFloatConstant(rewriter, last->getLoc(), base + "_gamma",
                                  paramType, gammaValues);
    if (betaOp)
      beta = createFloatConstant(rewriter, last->getLoc(), base + "_beta",
                                 paramType, betaValues);
    rewriter.replaceOpWithNewOp<LayerNormOp>(
        last, x, match.axes, gamma, beta,
        rewriter.getFloatAttr(xType.getElementType(), match.epsilon));
    return success();
  }
};

struct MILFuseLayerNormPass
    : public ane::mil::impl::MILFuseLayerNormBase<MILFuseLayerNormPass> {
  using MILFuseLayerNormBase::MILFuseLayerNormBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LayerNorm>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

struct MILRmsNormAneFormPass
    : public ane::mil::impl::MILRmsNormAneFormBase<MILRmsNormAneFormPass> {
  using MILRmsNormAneFormBase::MILRmsNormAneFormBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<RmsNormMul, RmsNormDiv>(&getContext(), prescale);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
