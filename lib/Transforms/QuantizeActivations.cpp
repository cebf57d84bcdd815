//===- QuantizeActivations.cpp - W8A8 quantize/dequantize insertion ------===//
//
// The mil-quantize-activations pass: every conv/linear/matmul result (after
// the activations fused into it) that feeds another such op goes through an
// int8 quantize/dequantize pair whose scale comes from calibration in the CPU
// interpreter (Calibration.h).
//
//===----------------------------------------------------------------------===//

#include "Calibration.h"
#include "MILNames.h"
#include "QuantCommon.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILParams.h"
#include "ane/Dialect/MIL/MILTypeInference.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/Format.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILQUANTIZEACTIVATIONS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

constexpr StringLiteral kPass = "mil-quantize-activations";

bool feedsComputeOp(Value v) {
  return llvm::any_of(v.getUsers(), [](Operation *user) {
    return quant::computeKind(user).has_value();
  });
}

struct MILQuantizeActivationsPass
    : public ane::mil::impl::MILQuantizeActivationsBase<
          MILQuantizeActivationsPass> {
  using MILQuantizeActivationsBase::MILQuantizeActivationsBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (method != "minmax" && method != "percentile") {
      fn.emitError() << kPass << ": method '" << method
                     << "' is not one of minmax, percentile";
      return signalPassFailure();
    }
    if (!(percentile > 0 && percentile <= 100)) {
      std::string value;
      llvm::raw_string_ostream(value) << llvm::format("%g", double(percentile));
      fn.emitError() << kPass << ": percentile " << value
                     << " is not in (0, 100]";
      return signalPassFailure();
    }

    // Float results of compute ops (after the activations fused into them)
    // read by another compute op.
    SmallVector<Value> targets;
    fn.walk([&](Operation *op) {
      if (!quant::computeKind(op))
        return;
      Value r = op->getResult(0);
      while (r.hasOneUse() && quant::isFusedActivation(*r.user_begin()))
        r = r.user_begin()->getResult(0);
      auto type = dyn_cast<RankedTensorType>(r.getType());
      if (type && isa<FloatType>(type.getElementType()) && feedsComputeOp(r))
        targets.push_back(r);
    });
    if (targets.empty())
      return;

    std::optional<Opset> opset = getEnclosingOpset(fn);
    if (opset && *opset < Opset::ios17) {
      fn.emitError() << kPass
                     << ": quantize and dequantize need opset ios17 or "
                        "later, the function targets "
                     << stringifyOpset(*opset);
      return signalPassFailure();
    }

    CalibrationOptions options;
    options.directory = calibrationInputs;
    if (method == "percentile")
      options.percentile = percentile;
    auto ranges = calibrateRanges(fn, targets, options, kPass);
    if (failed(ranges))
      return signalPassFailure();

    MLIRContext *ctx = &getContext();
    for (Value r : targets) {
      Operation *producer = r.getDefiningOp();
      Type element = cast<RankedTensorType>(r.getType()).getElementType();
      float scale = quant::storableScale((*ranges)[r] / 127.f, element);
      auto scaleAttr = quant::floatsAttr(element, {}, {scale});
      OpBuilder b(ctx);
      b.setInsertionPointAfter(producer);
      auto q = QuantizeOp::create(b, suffixedLoc(producer->getLoc(), "_q"), r,
                                  /*zero_point=*/nullptr, scaleAttr,
                                  /*axis=*/nullptr, b.getStringAttr("int8"));
      auto d = DequantizeOp::create(b, suffixedLoc(producer->getLoc(), "_dq"),
                                    q.getResult(), /*zero_point=*/nullptr,
                                    scaleAttr, /*axis=*/nullptr);
      r.replaceUsesWithIf(d.getResult(), [](OpOperand &use) {
        return quant::computeKind(use.getOwner()).has_value();
      });
    }
  }
};

} // namespace
