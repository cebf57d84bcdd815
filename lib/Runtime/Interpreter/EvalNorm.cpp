//===- EvalNorm.cpp - layer_norm, batch_norm, instance_norm, l2_norm ----===//

#include "Evaluator.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

static FailureOr<StepFn> prepareLayerNorm(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  int g = ctx.slot(p.operand("gamma")), b = ctx.slot(p.operand("beta"));
  Shape s = ctx.info(x).shape;
  llvm::SmallVector<bool> norm(s.size(), true);
  if (std::optional<Shape> axes = p.getInts("axes")) {
    norm.assign(s.size(), false);
    for (int64_t a : *axes)
      norm[normAxis(a, s.size())] = true;
  }
  float eps = p.getFloat("epsilon", 1e-5f);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::layerNorm(f.f32(x), s, norm, g >= 0 ? f.f32(g) : nullptr,
                       b >= 0 ? f.f32(b) : nullptr, eps, f.outF32(out));
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareBatchNorm(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x"), mv = p.operand("mean"), vv = p.operand("variance");
  if (!xv || !mv || !vv)
    return missingParam(p.getOp(), !xv ? "x" : (!mv ? "mean" : "variance"));
  int x = ctx.slot(xv), m = ctx.slot(mv), v = ctx.slot(vv);
  int g = ctx.slot(p.operand("gamma")), b = ctx.slot(p.operand("beta"));
  int out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t n = s[0], c = s[1], inner = numElementsOf(ArrayRef(s).drop_front(2));
  float eps = p.getFloat("epsilon", 1e-5f);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::batchNorm(f.f32(x), f.f32(m), f.f32(v),
                       g >= 0 ? f.f32(g) : nullptr, b >= 0 ? f.f32(b) : nullptr,
                       eps, f.outF32(out), n, c, inner);
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareInstanceNorm(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  int g = ctx.slot(p.operand("gamma")), b = ctx.slot(p.operand("beta"));
  Shape s = ctx.info(x).shape;
  int64_t n = s[0], c = s[1], inner = numElementsOf(ArrayRef(s).drop_front(2));
  float eps = p.getFloat("epsilon", 1e-5f);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::instanceNorm(f.f32(x), g >= 0 ? f.f32(g) : nullptr,
                          b >= 0 ? f.f32(b) : nullptr, eps, f.outF32(out), n, c,
                          inner);
    return llvm::Error::success();
  });
}

/// l2_norm: over the last three dims (or all dims when rank < 3), per
/// leading index.
static FailureOr<StepFn> prepareL2Norm(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t lead = s.size() > 3 ? s.size() - 3 : 0;
  int64_t outer = numElementsOf(ArrayRef(s).take_front(lead));
  int64_t inner = numElementsOf(ArrayRef(s).drop_front(lead));
  float eps = p.getFloat("epsilon", 1e-6f);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::l2Norm(f.f32(x), eps, f.outF32(out), outer, inner);
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerNormEvaluators(EvaluatorTable &t) {
  t["mil.layer_norm"] = prepareLayerNorm;
  t["mil.batch_norm"] = prepareBatchNorm;
  t["mil.instance_norm"] = prepareInstanceNorm;
  t["mil.l2_norm"] = prepareL2Norm;
}
