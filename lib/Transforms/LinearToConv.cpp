//===- LinearToConv.cpp - linear / matmul as 1×1 conv on [1, C, 1, S]
//------===//
//
// The mil-linear-to-conv ANE shaping pass: a linear layer (or a matmul with
// a constant rank-2 weight) becomes reshape → transpose → 1×1 conv →
// transpose → reshape, the form the ANE executes.
//
//===----------------------------------------------------------------------===//

#include "MILNames.h"
#include "RewriteConfig.h"
#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILLINEARTOCONV
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The constant value behind `v`, or null.
Attribute constantValue(Value v) {
  auto c = v ? v.getDefiningOp<ConstOp>() : ConstOp();
  return c ? c.getVal() : Attribute();
}

/// Rewrites `op` (result `[*D, D_out]`) as a 1×1 conv of `x` (`[*D, D_in]`)
/// with `weight` (`[D_out, D_in]` constant value) and an optional bias.
LogicalResult rewriteAsConv(Operation *op, Value x, Attribute weight,
                            Value bias, PatternRewriter &rewriter) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto outType = cast<RankedTensorType>(op->getResult(0).getType());
  // A symbolic BLOBFILE weight (#mil.blob_file) has no values to reshape.
  auto wElements = dyn_cast<ElementsAttr>(weight);
  if (!wElements)
    return rewriter.notifyMatchFailure(op, "weight value not inline");
  auto wType = cast<RankedTensorType>(wElements.getType());
  if (!xType.hasStaticShape() || !outType.hasStaticShape() ||
      xType.getRank() < 1 || xType.getRank() > 4 ||
      wType.getElementType() != xType.getElementType())
    return rewriter.notifyMatchFailure(op, "unsupported shapes or dtypes");
  const int64_t dout = wType.getDimSize(0), din = wType.getDimSize(1);
  const int64_t s = xType.getNumElements() / din;
  auto w4Type =
      RankedTensorType::get({dout, din, 1, 1}, wType.getElementType());
  FailureOr<ElementsAttr> w4 = reshapeElements(weight, w4Type);
  if (failed(w4))
    return rewriter.notifyMatchFailure(op, "weight value not inline");

  // The final reshape keeps the op's name; the new ops get derived names.
  Location loc = op->getLoc();
  auto named = [&](StringRef suffix) { return suffixedLoc(loc, suffix); };
  Value rows = createReshape(rewriter, named("_rows"), x, {1, 1, s, din});
  Value act = createTranspose(rewriter, named("_act"), rows, {0, 3, 1, 2});
  Value w = ConstOp::create(rewriter, named("_weight"), *w4);
  Value conv = ConvOp::create(rewriter, named("_conv"), act, w, bias,
                              rewriter.getDenseI32ArrayAttr({1, 1}), "valid",
                              rewriter.getDenseI32ArrayAttr({0, 0, 0, 0}),
                              rewriter.getDenseI32ArrayAttr({1, 1}), 1);
  Value back = createTranspose(rewriter, named("_out"), conv, {0, 2, 3, 1});
  rewriter.replaceOp(op,
                     createReshape(rewriter, loc, back, outType.getShape()));
  return success();
}

/// linear(x, const w [D_out, D_in], const bias?) → 1×1 conv.
struct LinearToConv : OpRewritePattern<LinearOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LinearOp op,
                                PatternRewriter &rewriter) const override {
    Attribute weight = constantValue(op.getWeight());
    if (!weight || (op.getBias() && !constantValue(op.getBias())))
      return rewriter.notifyMatchFailure(op, "weight or bias not constant");
    return rewriteAsConv(op, op.getX(), weight, op.getBias(), rewriter);
  }
};

/// matmul(x, const y [D_in, D_out]) (or y [D_out, D_in] with transpose_y)
/// → 1×1 conv.
struct MatmulToConv : OpRewritePattern<MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulOp op,
                                PatternRewriter &rewriter) const override {
    Attribute y = constantValue(op.getY());
    if (!y || op.getTransposeX() ||
        cast<RankedTensorType>(op.getY().getType()).getRank() != 2)
      return rewriter.notifyMatchFailure(op, "y is not a rank-2 constant");
    if (op.getTransposeY())
      return rewriteAsConv(op, op.getX(), y, Value(), rewriter);
    FailureOr<ElementsAttr> weight = transposeElements2D(y);
    if (failed(weight))
      return rewriter.notifyMatchFailure(op, "cannot transpose y");
    return rewriteAsConv(op, op.getX(), *weight, Value(), rewriter);
  }
};

struct MILLinearToConvPass
    : public ane::mil::impl::MILLinearToConvBase<MILLinearToConvPass> {
  using MILLinearToConvBase::MILLinearToConvBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LinearToConv, MatmulToConv>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
