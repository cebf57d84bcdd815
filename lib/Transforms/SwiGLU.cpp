//===- SwiGLU.cpp - SwiGLU in the form the ANE kernels use ----------------===//
//
// The mil-swiglu-ane-form pass: recognises the SwiGLU gate
// `mul(silu(h1), h3)` (either operand order) where h1 and h3 are
// projections of the same input (linear, matmul or conv of one `x`) and
// rewrites the silu into `mul(h1, sigmoid(h1))`, the form the public ANE
// training kernels use (they do not use the silu op):
//   sig = sigmoid(h1); silu = mul(h1, sig); gate = mul(silu, h3)
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"
#include "MILNames.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILSWIGLUANEFORM
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The input `x` of a projection (linear, matmul, conv), or null.
Value projectionInput(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def || !isa<LinearOp, MatmulOp, ConvOp>(def))
    return Value();
  return def->getOperand(0);
}

struct SwiGLUGate : OpRewritePattern<MulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MulOp gate,
                                PatternRewriter &rewriter) const override {
    for (unsigned side = 0; side < 2; ++side) {
      auto silu = gate->getOperand(side).getDefiningOp<SiluOp>();
      if (!silu || !silu->hasOneUse())
        continue;
      Value h1 = silu.getX();
      Value h3 = gate->getOperand(1 - side);
      Value x = projectionInput(h1);
      if (!x || x != projectionInput(h3) || h1.getType() != h3.getType())
        continue;
      std::string base = derivedName(milNameOf(silu), "", "silu");
      rewriter.setInsertionPoint(silu);
      Value sig = SigmoidOp::create(
          rewriter,
          NameLoc::get(rewriter.getStringAttr(base + "_sig"), silu.getLoc()),
          h1);
      rewriter.replaceOpWithNewOp<MulOp>(silu, h1, sig);
      return success();
    }
    return rewriter.notifyMatchFailure(gate, "not silu(x W1) * (x W3)");
  }
};

struct MILSwiGLUAneFormPass
    : public ane::mil::impl::MILSwiGLUAneFormBase<MILSwiGLUAneFormPass> {
  using MILSwiGLUAneFormBase::MILSwiGLUAneFormBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<SwiGLUGate>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
