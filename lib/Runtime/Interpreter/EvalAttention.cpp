//===- EvalAttention.cpp - scaled_dot_product_attention -----------------===//
//
// query [*B, L, E], key [*B, S, E], value [*B, S, Ev], optional attn_mask
// broadcastable to [*B, L, S]: bool masks (true = keep) become 0 / -inf,
// float masks are added.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include <limits>

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

static FailureOr<StepFn> prepareSdpa(OpParams &p, PrepareContext &ctx) {
  Value qv = p.operand("query"), kv = p.operand("key"), vv = p.operand("value");
  if (!qv || !kv || !vv)
    return missingParam(p.getOp(), !qv ? "query" : (!kv ? "key" : "value"));
  int q = ctx.slot(qv), k = ctx.slot(kv), v = ctx.slot(vv);
  int m = ctx.slot(p.operand("attn_mask"));
  int out = ctx.slot(p.getOp()->getResult(0));
  Shape qs = ctx.info(q).shape, ks = ctx.info(k).shape, vs = ctx.info(v).shape;
  if (qs.size() < 2 || ks.size() != qs.size() || vs.size() != qs.size() ||
      numElementsOf(ArrayRef(ks).drop_back(2)) !=
          numElementsOf(ArrayRef(qs).drop_back(2))) {
    p.getOp()->emitError()
        << "interpreter: query/key/value must have equal batch dims";
    return failure();
  }
  int64_t L = qs[qs.size() - 2], E = qs.back(), S = ks[ks.size() - 2],
          Ev = vs.back();
  int64_t batch = numElementsOf(ArrayRef(qs).drop_back(2));
  Shape full(qs.begin(), qs.end() - 2);
  full.push_back(L);
  full.push_back(S);
  Shape maskShape;
  bool boolMask = false;
  if (m >= 0) {
    maskShape = ctx.info(m).shape;
    boolMask = ctx.info(m).dtype == DType::Bool;
  }
  ctx.addFlops(2 * batch * L * S * (E + Ev));
  return StepFn([=](Frame &f) -> llvm::Error {
    const float *mask = nullptr;
    if (m >= 0) {
      // Broadcast the mask to [*B, L, S] (bool: keep -> 0, drop -> -inf).
      float *full_ = f.scratch(1, numElementsOf(full));
      const float *src = f.f32(m);
      Shape zero;
      float *tmp = f.scratch(2, 1);
      tmp[0] = 0.f;
      kernels::binary(kernels::BinaryKind::Add, src, maskShape, tmp, zero,
                      full_, full);
      if (boolMask)
        for (int64_t i = 0, n = numElementsOf(full); i < n; ++i)
          full_[i] =
              full_[i] != 0.f ? 0.f : -std::numeric_limits<float>::infinity();
      mask = full_;
    }
    kernels::sdpa(f.f32(q), f.f32(k), f.f32(v), mask, batch, f.outF32(out),
                  batch, L, S, E, Ev, f.scratch(0, L * S));
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerAttentionEvaluators(EvaluatorTable &t) {
  t["mil.scaled_dot_product_attention"] = prepareSdpa;
}
