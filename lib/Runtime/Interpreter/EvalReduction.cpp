//===- EvalReduction.cpp - reduce_* and reduce_arg* ---------------------===//
//
// reduce_*(x, axes = all, keep_dims = false); reduce_argmax/argmin(x,
// axis = -1, keep_dims = false, output_dtype = "int32") produce int32 or, with
// iOS17's output_dtype = "uint16", uint16 (the result's dtype).
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;
using kernels::ReduceKind;

static EvaluatorFactory reduceFactory(ReduceKind kind) {
  return [kind](OpParams &p, PrepareContext &ctx) -> FailureOr<StepFn> {
    Value xv = p.operand("x");
    if (!xv)
      return missingParam(p.getOp(), "x");
    int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
    Shape s = ctx.info(x).shape;
    llvm::SmallVector<bool> reduced(s.size(), false);
    if (std::optional<Shape> axes = p.getInts("axes")) {
      for (int64_t a : *axes) {
        a = normAxis(a, s.size());
        if (a < 0 || a >= int64_t(s.size())) {
          p.getOp()->emitError() << "interpreter: axis out of range";
          return failure();
        }
        reduced[a] = true;
      }
    } else {
      reduced.assign(s.size(), true);
    }
    return StepFn([=](Frame &f) -> llvm::Error {
      kernels::reduce(kind, f.f32(x), s, reduced, f.outF32(out));
      return llvm::Error::success();
    });
  };
}

template <bool IsMax>
static FailureOr<StepFn> prepareArg(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t axis = normAxis(p.getInt("axis", -1), s.size());
  int64_t outer, mid, inner;
  splitAround(s, axis, outer, mid, inner);
  return StepFn([=](Frame &f) -> llvm::Error {
    int64_t n = outer * inner;
    const float *src = f.f32(x);
    if (f.info[out].dtype == DType::I32) {
      kernels::argReduce(IsMax, src, f.alloc(out).data<int32_t>(), outer, mid,
                         inner);
      return llvm::Error::success();
    }
    auto *tmp = reinterpret_cast<int32_t *>(f.scratch(0, n));
    kernels::argReduce(IsMax, src, tmp, outer, mid, inner);
    float *o = f.outF32(out);
    for (int64_t i = 0; i < n; ++i)
      o[i] = float(tmp[i]);
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerReductionEvaluators(EvaluatorTable &t) {
  using K = ReduceKind;
  t["mil.reduce_sum"] = reduceFactory(K::Sum);
  t["mil.reduce_mean"] = reduceFactory(K::Mean);
  t["mil.reduce_prod"] = reduceFactory(K::Prod);
  t["mil.reduce_max"] = reduceFactory(K::Max);
  t["mil.reduce_min"] = reduceFactory(K::Min);
  t["mil.reduce_l1_norm"] = reduceFactory(K::L1Norm);
  t["mil.reduce_l2_norm"] = reduceFactory(K::L2Norm);
  t["mil.reduce_log_sum"] = reduceFactory(K::LogSum);
  t["mil.reduce_log_sum_exp"] = reduceFactory(K::LogSumExp);
  t["mil.reduce_sum_square"] = reduceFactory(K::SumSquare);
  t["mil.reduce_argmax"] = prepareArg<true>;
  t["mil.reduce_argmin"] = prepareArg<false>;
}
