//===- EvalElementwise.cpp - Binary ops, select, cast -------------------===//
//
// MIL elementwise_binary ops with NumPy broadcasting: float operands compute
// in fp32; int32 operands compute exactly in int32. select and cast.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;
using kernels::BinaryKind;

static EvaluatorFactory binaryFactory(BinaryKind kind) {
  return [kind](OpParams &p, PrepareContext &ctx) -> FailureOr<StepFn> {
    Value xv = p.operand("x"), yv = p.operand("y");
    if (!xv || !yv)
      return missingParam(p.getOp(), !xv ? "x" : "y");
    int x = ctx.slot(xv), y = ctx.slot(yv);
    int out = ctx.slot(p.getOp()->getResult(0));
    Shape xs = ctx.info(x).shape, ys = ctx.info(y).shape,
          os = ctx.info(out).shape;
    DType inT = ctx.info(x).dtype, outT = ctx.info(out).dtype;
    bool intMode = !isFloatDType(inT);
    if (!intMode)
      return StepFn([=](Frame &f) -> llvm::Error {
        kernels::binary(kind, f.f32(x), xs, f.f32(y), ys, f.outF32(out), os);
        return llvm::Error::success();
      });
    return StepFn([=](Frame &f) -> llvm::Error {
      const int32_t *a = f.i32(x), *b = f.i32(y);
      if (outT == DType::I32) {
        kernels::binaryInt(kind, a, xs, b, ys, f.alloc(out).data<int32_t>(),
                           os);
        return llvm::Error::success();
      }
      int64_t n = numElementsOf(os);
      auto *tmp = reinterpret_cast<int32_t *>(f.scratch(0, n));
      kernels::binaryInt(kind, a, xs, b, ys, tmp, os);
      float *o = f.outF32(out);
      for (int64_t i = 0; i < n; ++i)
        o[i] = float(tmp[i]);
      return llvm::Error::success();
    });
  };
}

static FailureOr<StepFn> prepareSelect(OpParams &p, PrepareContext &ctx) {
  Value cv = p.operand("cond"), av = p.operand("a"), bv = p.operand("b");
  if (!cv || !av || !bv)
    return missingParam(p.getOp(), !cv ? "cond" : (!av ? "a" : "b"));
  int c = ctx.slot(cv), a = ctx.slot(av), b = ctx.slot(bv);
  int out = ctx.slot(p.getOp()->getResult(0));
  Shape cs = ctx.info(c).shape, as = ctx.info(a).shape, bs = ctx.info(b).shape,
        os = ctx.info(out).shape;
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::select(f.f32(c), cs, f.f32(a), as, f.f32(b), bs, f.outF32(out),
                    os);
    return llvm::Error::success();
  });
}

/// cast: float -> int truncates toward zero then saturates? MIL (numpy
/// astype) truncates; we truncate and saturate to the target range.
static FailureOr<StepFn> prepareCast(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  DType outT = ctx.info(out).dtype;
  bool toInt = !isFloatDType(outT) && outT != DType::Bool;
  bool fromFloat = isFloatDType(ctx.info(x).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    int64_t n = f.info[out].numElements();
    if (outT == DType::I32 && !fromFloat) {
      const int32_t *src = f.i32(x);
      std::copy(src, src + n, f.alloc(out).data<int32_t>());
      return llvm::Error::success();
    }
    const float *src = f.f32(x);
    float *o = f.outF32(out);
    for (int64_t i = 0; i < n; ++i)
      o[i] = toInt && fromFloat ? std::trunc(src[i]) : src[i];
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerElementwiseEvaluators(EvaluatorTable &t) {
  struct {
    const char *name;
    BinaryKind kind;
  } binaries[] = {
      {"mil.add", BinaryKind::Add},
      {"mil.sub", BinaryKind::Sub},
      {"mil.mul", BinaryKind::Mul},
      {"mil.real_div", BinaryKind::RealDiv},
      {"mil.floor_div", BinaryKind::FloorDiv},
      {"mil.mod", BinaryKind::Mod},
      {"mil.pow", BinaryKind::Pow},
      {"mil.maximum", BinaryKind::Maximum},
      {"mil.minimum", BinaryKind::Minimum},
      {"mil.equal", BinaryKind::Equal},
      {"mil.not_equal", BinaryKind::NotEqual},
      {"mil.less", BinaryKind::Less},
      {"mil.less_equal", BinaryKind::LessEqual},
      {"mil.greater", BinaryKind::Greater},
      {"mil.greater_equal", BinaryKind::GreaterEqual},
      {"mil.logical_and", BinaryKind::LogicalAnd},
      {"mil.logical_or", BinaryKind::LogicalOr},
      {"mil.logical_xor", BinaryKind::LogicalXor},
  };
  for (auto &b : binaries)
    t[b.name] = binaryFactory(b.kind);
  t["mil.select"] = prepareSelect;
  t["mil.cast"] = prepareCast;
}
