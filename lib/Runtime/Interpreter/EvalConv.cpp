//===- EvalConv.cpp - conv, conv_transpose, pools -----------------------===//
//
// Geometry from the static shapes: the output size comes from the result
// type; the leading padding from pad_type ("valid", "same", "same_lower",
// "custom" with pad = [b0, e0, b1, e1, ...]). 1-D and 2-D ops use the 3-D
// kernels with leading unit dims.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;
using kernels::ConvGeometry;

/// Fills the spatial fields of `g` for a spatial rank of `sr`; `in`/`out`
/// are the full shapes. `forward` is false for conv_transpose, whose
/// padding is computed from the output side.
static LogicalResult fillGeometry(OpParams &p, ConvGeometry &g,
                                  ArrayRef<int64_t> in, ArrayRef<int64_t> out,
                                  ArrayRef<int64_t> kernel, bool forward,
                                  bool hasDilation) {
  int64_t sr = in.size() - 2;
  Operation *op = p.getOp();
  if (sr < 1 || sr > 3)
    return op->emitError() << "interpreter: spatial rank " << sr
                           << " is not supported (1 to 3)";
  Shape strides = p.getInts("strides").value_or(Shape(sr, 1));
  Shape dil = hasDilation ? p.getInts("dilations").value_or(Shape(sr, 1))
                          : Shape(sr, 1);
  std::string padType = p.getStr("pad_type", "valid");
  Shape pad = p.getInts("pad").value_or(Shape(2 * sr, 0));
  if (int64_t(strides.size()) != sr || int64_t(dil.size()) != sr ||
      (padType == "custom" && int64_t(pad.size()) != 2 * sr))
    return op->emitError()
           << "interpreter: strides/dilations/pad do not match spatial rank "
           << sr;
  int off = 3 - sr;
  for (int64_t i = 0; i < sr; ++i) {
    int64_t d = off + i;
    g.in[d] = in[2 + i];
    g.out[d] = out[2 + i];
    g.kernel[d] = kernel[i];
    g.stride[d] = strides[i];
    g.dilation[d] = dil[i];
    int64_t eff = dil[i] * (kernel[i] - 1) + 1;
    int64_t small = forward ? g.in[d] : g.out[d];
    int64_t large = forward ? g.out[d] : g.in[d];
    if (padType == "custom") {
      g.padBefore[d] = pad[2 * i];
    } else if (padType == "same" || padType == "same_lower") {
      int64_t total =
          std::max<int64_t>((large - 1) * strides[i] + eff - small, 0);
      g.padBefore[d] = padType == "same" ? total / 2 : (total + 1) / 2;
    } else {
      g.padBefore[d] = 0;
    }
  }
  return success();
}

template <bool Transpose>
static FailureOr<StepFn> prepareConv(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x"), wv = p.operand("weight");
  if (!xv || !wv)
    return missingParam(p.getOp(), !xv ? "x" : "weight");
  int x = ctx.slot(xv), w = ctx.slot(wv), b = ctx.slot(p.operand("bias"));
  int out = ctx.slot(p.getOp()->getResult(0));
  Shape xs = ctx.info(x).shape, ws = ctx.info(w).shape,
        os = ctx.info(out).shape;
  if (xs.size() < 3 || ws.size() != xs.size() || os.size() != xs.size()) {
    p.getOp()->emitError() << "interpreter: unexpected conv operand ranks";
    return failure();
  }
  ConvGeometry g;
  g.batch = xs[0];
  g.cin = xs[1];
  g.cout = os[1];
  g.groups = p.getInt("groups", 1);
  if (failed(fillGeometry(p, g, xs, os, ArrayRef(ws).drop_front(2), !Transpose,
                          true)))
    return failure();
  if (g.groups < 1 || g.cin % g.groups || g.cout % g.groups) {
    p.getOp()->emitError() << "interpreter: bad groups " << g.groups;
    return failure();
  }
  if (Transpose) {
    ctx.addFlops(2 * g.batch * g.cin * g.inSize() * (g.cout / g.groups) *
                 g.kernelSize());
    int64_t scratch = kernels::convTransposeScratchSize(g);
    return StepFn([=](Frame &f) -> llvm::Error {
      kernels::convTranspose(g, f.f32(x), f.f32(w), b >= 0 ? f.f32(b) : nullptr,
                             f.outF32(out), f.scratch(0, scratch));
      return llvm::Error::success();
    });
  }
  ctx.addFlops(2 * g.macs());
  int64_t scratch = kernels::convScratchSize(g);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::conv(g, f.f32(x), f.f32(w), b >= 0 ? f.f32(b) : nullptr,
                  f.outF32(out), scratch ? f.scratch(0, scratch) : nullptr);
    return llvm::Error::success();
  });
}

template <kernels::PoolKind Kind>
static FailureOr<StepFn> preparePool(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape xs = ctx.info(x).shape, os = ctx.info(out).shape;
  std::optional<Shape> ks = p.getInts("kernel_sizes");
  if (!ks)
    return missingParam(p.getOp(), "kernel_sizes");
  ConvGeometry g;
  g.batch = xs[0];
  g.cin = g.cout = xs.size() > 1 ? xs[1] : 1;
  if (failed(fillGeometry(p, g, xs, os, *ks, true, false)))
    return failure();
  bool exclude = p.getBool("exclude_padding_from_average", false);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::pool(Kind, g, exclude, f.f32(x), f.outF32(out));
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerConvEvaluators(EvaluatorTable &t) {
  t["mil.conv"] = prepareConv<false>;
  t["mil.conv_transpose"] = prepareConv<true>;
  t["mil.max_pool"] = preparePool<kernels::PoolKind::Max>;
  t["mil.avg_pool"] = preparePool<kernels::PoolKind::Avg>;
  t["mil.l2_pool"] = preparePool<kernels::PoolKind::L2>;
}
