//===- EvalActivation.cpp - Unary ops, activations, softmax -------------===//

#include "Evaluator.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;
using kernels::UnaryKind;

/// A unary op; `alpha`/`beta` name its scalar parameters (or null) with
/// MIL's defaults.
static EvaluatorFactory unaryFactory(UnaryKind kind,
                                     const char *alphaName = nullptr,
                                     float alphaDflt = 0.f,
                                     const char *betaName = nullptr,
                                     float betaDflt = 0.f) {
  return [=](OpParams &p, PrepareContext &ctx) -> FailureOr<StepFn> {
    Value xv = p.operand("x");
    if (!xv)
      return missingParam(p.getOp(), "x");
    int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
    float alpha = alphaName ? p.getFloat(alphaName, alphaDflt) : alphaDflt;
    float beta = betaName ? p.getFloat(betaName, betaDflt) : betaDflt;
    UnaryKind k = kind;
    if (kind == UnaryKind::GeluExact) {
      std::string mode = p.getStr("mode", "EXACT");
      if (mode == "TANH_APPROXIMATION")
        k = UnaryKind::GeluTanh;
      else if (mode == "SIGMOID_APPROXIMATION")
        k = UnaryKind::GeluSigmoid;
    }
    return StepFn([=](Frame &f) -> llvm::Error {
      kernels::unary(k, f.f32(x), f.outF32(out), f.info[out].numElements(),
                     alpha, beta);
      return llvm::Error::success();
    });
  };
}

static FailureOr<StepFn> preparePrelu(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x"), av = p.operand("alpha");
  if (!xv || !av)
    return missingParam(p.getOp(), !xv ? "x" : "alpha");
  int x = ctx.slot(xv), a = ctx.slot(av),
      out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t outer = s.empty() ? 1 : s[0], c = s.size() > 1 ? s[1] : 1;
  int64_t inner = s.size() > 2 ? numElementsOf(ArrayRef(s).drop_front(2)) : 1;
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::prelu(f.f32(x), f.f32(a), f.outF32(out), outer, c, inner);
    return llvm::Error::success();
  });
}

template <bool Log>
static FailureOr<StepFn> prepareSoftmax(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t axis = normAxis(p.getInt("axis", -1), s.size());
  int64_t outer, mid, inner;
  splitAround(s, axis, outer, mid, inner);
  return StepFn([=](Frame &f) -> llvm::Error {
    if (Log)
      kernels::logSoftmax(f.f32(x), f.outF32(out), outer, mid, inner);
    else
      kernels::softmax(f.f32(x), f.outF32(out), outer, mid, inner);
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerActivationEvaluators(EvaluatorTable &t) {
  using K = UnaryKind;
  t["mil.abs"] = unaryFactory(K::Abs);
  t["mil.acos"] = unaryFactory(K::Acos);
  t["mil.asin"] = unaryFactory(K::Asin);
  t["mil.atan"] = unaryFactory(K::Atan);
  t["mil.atanh"] = unaryFactory(K::Atanh);
  t["mil.ceil"] = unaryFactory(K::Ceil);
  t["mil.cos"] = unaryFactory(K::Cos);
  t["mil.cosh"] = unaryFactory(K::Cosh);
  t["mil.erf"] = unaryFactory(K::Erf);
  t["mil.exp"] = unaryFactory(K::Exp);
  t["mil.exp2"] = unaryFactory(K::Exp2);
  t["mil.floor"] = unaryFactory(K::Floor);
  t["mil.inverse"] = unaryFactory(K::Inverse, "epsilon", 1e-4f);
  t["mil.log"] = unaryFactory(K::Log, "epsilon", 1e-45f);
  t["mil.logical_not"] = unaryFactory(K::LogicalNot);
  t["mil.round"] = unaryFactory(K::Round);
  t["mil.rsqrt"] = unaryFactory(K::Rsqrt, "epsilon", 1e-12f);
  t["mil.sign"] = unaryFactory(K::Sign);
  t["mil.sin"] = unaryFactory(K::Sin);
  t["mil.sinh"] = unaryFactory(K::Sinh);
  t["mil.sqrt"] = unaryFactory(K::Sqrt);
  t["mil.square"] = unaryFactory(K::Square);
  t["mil.tan"] = unaryFactory(K::Tan);
  t["mil.tanh"] = unaryFactory(K::Tanh);
  t["mil.clip"] = unaryFactory(K::Clip, "alpha", 0.f, "beta", 1.f);
  t["mil.threshold"] = unaryFactory(K::Threshold, "alpha", 0.f);
  t["mil.relu"] = unaryFactory(K::Relu);
  t["mil.relu6"] = unaryFactory(K::Relu6);
  t["mil.sigmoid"] = unaryFactory(K::Sigmoid);
  t["mil.sigmoid_hard"] =
      unaryFactory(K::SigmoidHard, "alpha", 0.2f, "beta", 0.5f);
  t["mil.silu"] = unaryFactory(K::Silu);
  t["mil.softplus"] = unaryFactory(K::Softplus);
  t["mil.softsign"] = unaryFactory(K::Softsign);
  t["mil.elu"] = unaryFactory(K::Elu, "alpha", 1.f);
  t["mil.leaky_relu"] = unaryFactory(K::LeakyRelu, "alpha", 0.01f);
  t["mil.linear_activation"] =
      unaryFactory(K::LinearActivation, "alpha", 1.f, "beta", 0.f);
  t["mil.scaled_tanh"] = unaryFactory(K::ScaledTanh, "alpha", 1.f, "beta", 1.f);
  t["mil.thresholded_relu"] = unaryFactory(K::ThresholdedRelu, "alpha", 1.f);
  t["mil.gelu"] = unaryFactory(K::GeluExact);
  t["mil.prelu"] = preparePrelu;
  t["mil.softmax"] = prepareSoftmax<false>;
  t["mil.log_softmax"] = prepareSoftmax<true>;
}
