//===- ANELayout.cpp - [1, C, 1, S] layout canonicalization ---------------===//
//
// The mil-ane-layout ANE shaping pass: composes transpose chains, turns
// unit-dim-only transposes into reshapes (so the dialect's reshape
// canonicalizations remove them), sinks layout ops through elementwise
// unary ops, and optionally moves function I/O to
// [1, C, 1, S]. No rewrite moves data.
//
//===----------------------------------------------------------------------===//

#include "RewriteConfig.h"
#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILTypeInference.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILANELAYOUT
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// A transpose that keeps the order of all non-unit dims is a reshape.
struct UnitTransposeToReshape : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto xType = cast<RankedTensorType>(op.getX().getType());
    auto type = cast<RankedTensorType>(op.getType());
    if (!xType.hasStaticShape() || !type.hasStaticShape())
      return failure();
    // The verifier has checked the perm: it normalizes.
    int64_t last = -1;
    for (int64_t p :
         *normalizeAxes(nullptr, "perm", op.getPerm(), xType.getRank())) {
      if (xType.getDimSize(p) == 1)
        continue;
      if (p < last)
        return failure();
      last = p;
    }
    rewriter.replaceOp(
        op, createReshape(rewriter, op.getLoc(), op.getX(), type.getShape()));
    return success();
  }
};

/// relu(layout(x)) → layout(relu(x)) for elementwise unary ops (no axis
/// parameter) and a reshape/transpose used only by them: moving layout ops
/// down lets them meet their inverse after the op.
struct SinkLayoutThroughUnary : RewritePattern {
  SinkLayoutThroughUnary(MLIRContext *ctx)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, ctx) {}
  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<ReluOp, SigmoidOp, TanhOp, SiluOp, GeluOp, LeakyReluOp, ExpOp,
             SqrtOp, FloorOp, CeilOp, RoundOp, ErfOp, AbsOp, SquareOp, LogOp,
             RsqrtOp, InverseOp, ClipOp>(op))
      return failure();
    Operation *layout = op->getOperand(0).getDefiningOp();
    if (!layout || !isa<ReshapeOp, TransposeOp>(layout) || !layout->hasOneUse())
      return failure();
    Value x = layout->getOperand(0);
    // The moved layout op now defines op's value: it takes op's location
    // (its MIL name, which a program output must keep) and the unary op,
    // now an intermediate value, takes the layout op's.
    Operation *moved = rewriter.clone(*op);
    rewriter.modifyOpInPlace(moved, [&] {
      moved->setOperand(0, x);
      moved->getResult(0).setType(x.getType());
      moved->setLoc(layout->getLoc());
    });
    IRMapping map;
    map.map(x, moved->getResult(0));
    Operation *after = rewriter.clone(*layout, map);
    rewriter.modifyOpInPlace(after, [&] { after->setLoc(op->getLoc()); });
    rewriter.replaceOp(op, after->getResults());
    return success();
  }
};

/// The [1, C, 1, S] shape of a channels-last `[*D, C]` type, or nothing
/// when the type is left alone (already [1, C, 1, S], rank 0 or > 4,
/// dynamic).
std::optional<SmallVector<int64_t>> channelsLastANEShape(Type t) {
  auto type = dyn_cast<RankedTensorType>(t);
  if (!type || !type.hasStaticShape() || type.getRank() < 1 ||
      type.getRank() > 4 || isANELayout(type.getShape()))
    return std::nullopt;
  int64_t c = type.getShape().back();
  return SmallVector<int64_t>{1, c, 1, type.getNumElements() / c};
}

/// Renames the program output `v` (its NameLoc, alone or in its op's
/// FusedLoc of result names) to `<name><suffix>` and returns its old name's
/// location, so that the op that now defines the output keeps the output's
/// MIL name. Returns `v`'s location when it has no name of its own.
Location takeOutputName(Value v, StringRef suffix) {
  auto result = dyn_cast<OpResult>(v);
  if (!result)
    return v.getLoc();
  Operation *op = result.getOwner();
  auto fused = dyn_cast<FusedLoc>(op->getLoc());
  SmallVector<Location> locs;
  if (fused)
    llvm::append_range(locs, fused.getLocations());
  else
    locs.push_back(op->getLoc());
  unsigned seen = 0;
  for (Location &l : locs) {
    auto name = dyn_cast<NameLoc>(l);
    if (!name || seen++ != result.getResultNumber())
      continue;
    l = NameLoc::get(
        StringAttr::get(op->getContext(), name.getName().str() + suffix),
        name.getChildLoc());
    op->setLoc(fused
                   ? FusedLoc::get(op->getContext(), locs, fused.getMetadata())
                   : locs.front());
    return name;
  }
  return v.getLoc();
}

/// Moves the I/O of `fn` to [1, C, 1, S] (see the pass description).
void rewriteIO(func::FuncOp fn) {
  Block &body = fn.getBody().front();
  OpBuilder b(fn.getContext());
  b.setInsertionPointToStart(&body);
  SmallVector<Type> inputs, results;
  for (BlockArgument arg : body.getArguments()) {
    auto oldType = cast<RankedTensorType>(arg.getType());
    std::optional<SmallVector<int64_t>> shape = channelsLastANEShape(oldType);
    if (!shape) {
      inputs.push_back(arg.getType());
      continue;
    }
    arg.setType(RankedTensorType::get(*shape, oldType.getElementType()));
    inputs.push_back(arg.getType());
    Value t = createTranspose(b, arg.getLoc(), arg, {0, 2, 3, 1});
    Value old = createReshape(b, arg.getLoc(), t, oldType.getShape());
    arg.replaceAllUsesExcept(old, t.getDefiningOp());
  }
  auto ret = cast<func::ReturnOp>(body.getTerminator());
  b.setInsertionPoint(ret);
  for (OpOperand &operand : ret->getOpOperands()) {
    Value v = operand.get();
    std::optional<SmallVector<int64_t>> shape =
        channelsLastANEShape(v.getType());
    if (shape) {
      Location loc = takeOutputName(v, "_channels_last");
      Value rows =
          createReshape(b, v.getLoc(), v, {1, 1, (*shape)[3], (*shape)[1]});
      operand.set(createTranspose(b, loc, rows, {0, 3, 1, 2}));
    }
    results.push_back(operand.get().getType());
  }
  fn.setFunctionType(b.getFunctionType(inputs, results));
}

struct MILANELayoutPass
    : public ane::mil::impl::MILANELayoutBase<MILANELayoutPass> {
  using MILANELayoutBase::MILANELayoutBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (ioLayout != "keep" && ioLayout != "channels-last") {
      fn.emitError() << "mil-ane-layout: unknown io-layout '" << ioLayout
                     << "' (expected keep or channels-last)";
      return signalPassFailure();
    }
    if (fn.isExternal() || !fn.getBody().hasOneBlock())
      return;
    if (ioLayout == "channels-last")
      rewriteIO(fn);
    RewritePatternSet patterns(&getContext());
    patterns.add<UnitTransposeToReshape, SinkLayoutThroughUnary>(&getContext());
    // The dialect's own: transpose∘transpose composed in place (keeping the
    // outer op's MIL name), reshape chains.
    TransposeOp::getCanonicalizationPatterns(patterns, &getContext());
    ReshapeOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(
            applyPatternsGreedily(fn, std::move(patterns), milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
