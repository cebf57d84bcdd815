//===- QuantPairs.cpp - Remove redundant quantize/dequantize pairs -------===//
//
// The mil-eliminate-quant-pairs pass: dequantize→quantize with equal
// parameters is the identity; a quantize→dequantize pair that feeds no
// ANE compute layer is dropped (greedy pattern rewriting).
//
//===----------------------------------------------------------------------===//

#include "QuantCommon.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILFolding.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILELIMINATEQUANTPAIRS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// Scale or zero point values compared by value (a splat equals the same
/// value spelled element by element); absent zero points equal zeros.
bool sameParam(ElementsAttr a, ElementsAttr b) {
  if (!a || !b) {
    ElementsAttr present = a ? a : b;
    return !present || llvm::all_of(present.getValues<APInt>(),
                                    [](const APInt &v) { return v.isZero(); });
  }
  return a.getShapedType().getShape() == b.getShapedType().getShape() && a == b;
}

/// True when `q` and `dq` use the same axis, zero point and scale (scales
/// by value: the two may be spelled in different dtypes).
bool sameQuantParams(QuantizeOp q, DequantizeOp dq) {
  if (dq.getAxis() != q.getAxis() ||
      !sameParam(dq.getZeroPointAttr(), q.getZeroPointAttr()))
    return false;
  auto a = readFloatElements(dq.getScale());
  auto b = readFloatElements(q.getScale());
  return a && b && *a == *b;
}

/// quantize(dequantize(q)) -> q when both use the same parameters.
struct DequantizeQuantize : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto dq = op.getInput().getDefiningOp<DequantizeOp>();
    if (!dq || dq.getInput().getType() != op.getType() ||
        !sameQuantParams(op, dq))
      return rewriter.notifyMatchFailure(op, "parameters differ");
    if (!foldUnlessOutput(op.getResult(), dq.getInput()))
      return rewriter.notifyMatchFailure(op, "would rename a program output");
    rewriter.replaceOp(op, dq.getInput());
    return success();
  }
};

/// dequantize(quantize(x)) -> x when both use the same parameters and no
/// conv/linear/matmul reads it (with other parameters the pair rescales x).
struct UnneededQuantizeDequantize : OpRewritePattern<DequantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto q = op.getInput().getDefiningOp<QuantizeOp>();
    if (!q || q.getInput().getType() != op.getType() || !sameQuantParams(q, op))
      return rewriter.notifyMatchFailure(op, "not a same-parameter pair");
    if (llvm::any_of(op->getUsers(), [](Operation *user) {
          return quant::computeKind(user).has_value();
        }))
      return rewriter.notifyMatchFailure(op, "feeds an ANE compute layer");
    if (!foldUnlessOutput(op.getResult(), q.getInput()))
      return rewriter.notifyMatchFailure(op, "would rename a program output");
    rewriter.replaceOp(op, q.getInput());
    return success();
  }
};

struct MILEliminateQuantPairsPass
    : public ane::mil::impl::MILEliminateQuantPairsBase<
          MILEliminateQuantPairsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<DequantizeQuantize, UnneededQuantizeDequantize>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      return signalPassFailure();
  }
};

} // namespace
