//===- EvalLinear.cpp - matmul and linear -------------------------------===//
//
// matmul(x, y, transpose_x, transpose_y): rank-1 operands are promoted as in
// NumPy (x: [1, K], y: [K, 1]) and the result type carries the final shape.
// linear(x, weight [D_out, D_in], bias): x @ weight^T + bias.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

static FailureOr<StepFn> prepareMatmul(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x"), yv = p.operand("y");
  if (!xv || !yv)
    return missingParam(p.getOp(), !xv ? "x" : "y");
  int x = ctx.slot(xv), y = ctx.slot(yv);
  int out = ctx.slot(p.getOp()->getResult(0));
  bool tx = p.getBool("transpose_x", false),
       ty = p.getBool("transpose_y", false);
  Shape xs = ctx.info(x).shape, ys = ctx.info(y).shape;
  if (xs.empty() || ys.empty()) {
    p.getOp()->emitError()
        << "interpreter: matmul operands must have rank >= 1";
    return failure();
  }
  if (xs.size() == 1) {
    xs.insert(xs.begin(), 1);
    tx = false;
  }
  if (ys.size() == 1) {
    ys.push_back(1);
    ty = false;
  }
  int64_t M = tx ? xs.back() : xs[xs.size() - 2];
  int64_t K = tx ? xs[xs.size() - 2] : xs.back();
  int64_t K2 = ty ? ys.back() : ys[ys.size() - 2];
  int64_t N = ty ? ys[ys.size() - 2] : ys.back();
  Shape batch;
  if (K != K2 || !kernels::broadcastShape(ArrayRef(xs).drop_back(2),
                                          ArrayRef(ys).drop_back(2), batch)) {
    p.getOp()->emitError() << "interpreter: matmul shapes do not match";
    return failure();
  }
  Shape os = batch;
  os.push_back(M);
  os.push_back(N);
  if (numElementsOf(os) != ctx.info(out).numElements()) {
    p.getOp()->emitError() << "interpreter: matmul result type does not match";
    return failure();
  }
  ctx.addFlops(2 * numElementsOf(os) * K);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::matmul(f.f32(x), xs, tx, f.f32(y), ys, ty, f.outF32(out), os);
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareLinear(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x"), wv = p.operand("weight");
  if (!xv || !wv)
    return missingParam(p.getOp(), !xv ? "x" : "weight");
  int x = ctx.slot(xv), w = ctx.slot(wv), b = ctx.slot(p.operand("bias"));
  int out = ctx.slot(p.getOp()->getResult(0));
  Shape xs = ctx.info(x).shape, ws = ctx.info(w).shape;
  if (ws.size() != 2 || xs.empty() || xs.back() != ws[1]) {
    p.getOp()->emitError() << "interpreter: linear shapes do not match";
    return failure();
  }
  int64_t din = ws[1], dout = ws[0];
  int64_t rows = numElementsOf(xs) / std::max<int64_t>(din, 1);
  ctx.addFlops(2 * rows * din * dout);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::linear(f.f32(x), f.f32(w), b >= 0 ? f.f32(b) : nullptr,
                    f.outF32(out), rows, din, dout);
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerLinearEvaluators(EvaluatorTable &t) {
  t["mil.matmul"] = prepareMatmul;
  t["mil.linear"] = prepareLinear;
}
