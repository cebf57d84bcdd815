//===- OutputKeepingCSE.cpp - CSE that keeps program outputs ------------===//
//
// The mil-cse cleanup pass: MLIR's common subexpression elimination, except
// that ops defining program outputs take no part (an output replaced by an
// equivalent op would take that op's MIL name). Each such op is told apart
// from every other op by a temporary attribute while CSE runs.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/Dominance.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/CSE.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILCSE
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;

namespace {

constexpr llvm::StringLiteral kKeepAttr = "mil.cse_keep";

struct MILCSEPass : public ane::mil::impl::MILCSEBase<MILCSEPass> {
  using MILCSEBase::MILCSEBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    Builder builder(&getContext());
    SmallVector<Operation *> outputOps;
    fn.walk([&](func::ReturnOp ret) {
      for (Value v : ret.getOperands())
        if (Operation *def = v.getDefiningOp();
            def && !def->hasAttr(kKeepAttr)) {
          def->setAttr(kKeepAttr, builder.getI64IntegerAttr(outputOps.size()));
          outputOps.push_back(def);
        }
    });
    IRRewriter rewriter(&getContext());
    bool changed = false;
    eliminateCommonSubExpressions(rewriter, getAnalysis<DominanceInfo>(), fn,
                                  &changed);
    for (Operation *op : outputOps)
      op->removeAttr(kKeepAttr);
    if (!changed)
      markAllAnalysesPreserved();
  }
};

} // namespace
