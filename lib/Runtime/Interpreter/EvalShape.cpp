//===- EvalShape.cpp - reshape, transpose, slices, concat, split, ... ---===//
//
// Data movement copies bytes, so values keep their dtype bit for bit. Result
// shapes come from the result types.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include <algorithm>
#include <cstring>

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

/// reshape, expand_dims, squeeze, flatten2d, identity: same bytes.
static FailureOr<StepFn> prepareCopy(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  if (ctx.info(x).numElements() != ctx.info(out).numElements() ||
      ctx.info(x).dtype != ctx.info(out).dtype) {
    p.getOp()->emitError()
        << "interpreter: result must have x's size and dtype";
    return failure();
  }
  return StepFn([=](Frame &f) -> llvm::Error {
    const Tensor &src = f.get(x);
    Tensor &dst = f.alloc(out);
    std::memcpy(dst.raw(), src.raw(), src.byteSize());
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareTranspose(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  std::optional<Shape> perm = p.getInts("perm");
  if (!xv || !perm)
    return missingParam(p.getOp(), !xv ? "x" : "perm");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  for (int64_t &d : *perm)
    d = normAxis(d, s.size());
  Shape pm = *perm;
  size_t elem = dtypeSize(ctx.info(x).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::transpose(static_cast<const char *>(f.get(x).raw()),
                       static_cast<char *>(f.alloc(out).raw()), elem, s, pm);
    return llvm::Error::success();
  });
}

static StepFn sliceStep(int x, int out, Shape s, Shape begin, Shape stride,
                        Shape outShape, size_t elem) {
  return [=](Frame &f) -> llvm::Error {
    kernels::slice(static_cast<const char *>(f.get(x).raw()),
                   static_cast<char *>(f.alloc(out).raw()), elem, s, begin,
                   stride, outShape);
    return llvm::Error::success();
  };
}

static FailureOr<StepFn> prepareSliceByIndex(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t rank = s.size();
  Shape begin = p.getInts("begin").value_or(Shape(rank, 0));
  Shape end = p.getInts("end").value_or(s);
  Shape stride = p.getInts("stride").value_or(Shape(rank, 1));
  auto bm = p.getBools("begin_mask").value_or(llvm::SmallVector<bool>(rank));
  auto em = p.getBools("end_mask").value_or(llvm::SmallVector<bool>(rank));
  auto sm = p.getBools("squeeze_mask").value_or(llvm::SmallVector<bool>(rank));
  if (int64_t(begin.size()) != rank || int64_t(end.size()) != rank ||
      int64_t(stride.size()) != rank || int64_t(bm.size()) != rank ||
      int64_t(em.size()) != rank || int64_t(sm.size()) != rank) {
    p.getOp()->emitError() << "interpreter: slice parameters must have rank "
                           << rank;
    return failure();
  }
  Shape b(rank), st(rank), os(rank);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t n = s[d], step = stride[d] ? stride[d] : 1;
    int64_t lo = begin[d] < 0 ? begin[d] + n : begin[d];
    int64_t hi = end[d] < 0 ? end[d] + n : end[d];
    if (step > 0) {
      lo = bm[d] ? 0 : std::clamp<int64_t>(lo, 0, n);
      hi = em[d] ? n : std::clamp<int64_t>(hi, 0, n);
      os[d] = hi > lo ? (hi - lo + step - 1) / step : 0;
    } else {
      lo = bm[d] ? n - 1 : std::clamp<int64_t>(lo, -1, n - 1);
      hi = em[d] ? -1 : std::clamp<int64_t>(hi, -1, n - 1);
      os[d] = lo > hi ? (lo - hi - step - 1) / -step : 0;
    }
    if (sm[d])
      os[d] = 1;
    b[d] = lo;
    st[d] = step;
  }
  if (numElementsOf(os) != ctx.info(out).numElements()) {
    p.getOp()->emitError() << "interpreter: slice selects " << shapeToString(os)
                           << ", which does not match the result type";
    return failure();
  }
  return sliceStep(x, out, s, b, st, os, dtypeSize(ctx.info(x).dtype));
}

static FailureOr<StepFn> prepareSliceBySize(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  std::optional<Shape> begin = p.getInts("begin"), size = p.getInts("size");
  if (!xv || !begin || !size)
    return missingParam(p.getOp(), !xv ? "x" : (!begin ? "begin" : "size"));
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  Shape b(s.size()), os(s.size());
  for (size_t d = 0; d < s.size(); ++d) {
    b[d] = (*begin)[d] < 0 ? (*begin)[d] + s[d] : (*begin)[d];
    os[d] = (*size)[d] < 0 ? s[d] - b[d] : (*size)[d];
    if (b[d] < 0 || b[d] + os[d] > s[d]) {
      p.getOp()->emitError() << "interpreter: slice out of bounds in dim " << d;
      return failure();
    }
  }
  return sliceStep(x, out, s, b, Shape(s.size(), 1), os,
                   dtypeSize(ctx.info(x).dtype));
}

static FailureOr<StepFn> prepareConcat(OpParams &p, PrepareContext &ctx) {
  ArrayRef<Value> values = p.operands("values");
  if (values.empty())
    return missingParam(p.getOp(), "values");
  int out = ctx.slot(p.getOp()->getResult(0));
  llvm::SmallVector<int> xs;
  std::vector<Shape> shapes;
  for (Value v : values) {
    xs.push_back(ctx.slot(v));
    shapes.push_back(ctx.info(xs.back()).shape);
  }
  int64_t axis = normAxis(p.getInt("axis", 0), shapes[0].size());
  bool interleave = p.getBool("interleave", false);
  size_t elem = dtypeSize(ctx.info(out).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    llvm::SmallVector<const char *> ptrs;
    llvm::SmallVector<ArrayRef<int64_t>> refs;
    for (size_t i = 0; i < xs.size(); ++i) {
      ptrs.push_back(static_cast<const char *>(f.get(xs[i]).raw()));
      refs.push_back(shapes[i]);
    }
    kernels::concat(ptrs, refs, axis, interleave,
                    static_cast<char *>(f.alloc(out).raw()), elem);
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareSplit(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv);
  Shape s = ctx.info(x).shape;
  int64_t axis = normAxis(p.getInt("axis", 0), s.size());
  llvm::SmallVector<int> outs;
  std::vector<Shape> begins;
  int64_t pos = 0;
  for (Value r : p.getOp()->getResults()) {
    outs.push_back(ctx.slot(r));
    Shape b(s.size(), 0);
    b[axis] = pos;
    begins.push_back(b);
    pos += ctx.info(outs.back()).shape[axis];
  }
  if (pos != s[axis]) {
    p.getOp()->emitError() << "interpreter: split sizes do not add up";
    return failure();
  }
  size_t elem = dtypeSize(ctx.info(x).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    for (size_t i = 0; i < outs.size(); ++i)
      kernels::slice(static_cast<const char *>(f.get(x).raw()),
                     static_cast<char *>(f.alloc(outs[i]).raw()), elem, s,
                     begins[i], Shape(s.size(), 1), f.info[outs[i]].shape);
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareTile(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  std::optional<Shape> reps = p.getInts("reps");
  if (!xv || !reps)
    return missingParam(p.getOp(), !xv ? "x" : "reps");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape, r = *reps;
  while (s.size() < r.size())
    s.insert(s.begin(), 1);
  while (r.size() < s.size())
    r.insert(r.begin(), 1);
  size_t elem = dtypeSize(ctx.info(x).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::tile(static_cast<const char *>(f.get(x).raw()),
                  static_cast<char *>(f.alloc(out).raw()), elem, s, r);
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> preparePad(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  std::optional<Shape> pad = p.getInts("pad");
  if (!xv || !pad)
    return missingParam(p.getOp(), !xv ? "x" : "pad");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  int64_t padded = pad->size() / 2;
  if (int64_t(pad->size()) % 2 || padded > int64_t(s.size())) {
    p.getOp()->emitError() << "interpreter: 'pad' must hold 2 entries per "
                              "padded dim";
    return failure();
  }
  Shape before(s.size(), 0), after(s.size(), 0);
  for (int64_t i = 0; i < padded; ++i) {
    before[s.size() - padded + i] = (*pad)[2 * i];
    after[s.size() - padded + i] = (*pad)[2 * i + 1];
  }
  std::string mode = p.getStr("mode", "constant");
  kernels::PadMode m = mode == "reflect"     ? kernels::PadMode::Reflect
                       : mode == "replicate" ? kernels::PadMode::Replicate
                                             : kernels::PadMode::Constant;
  float value = p.getFloat("constant_val", 0.f);
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::pad(f.f32(x), f.outF32(out), s, before, after, m, value);
    return llvm::Error::success();
  });
}

template <bool AlongAxis>
static FailureOr<StepFn> prepareGather(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x"), iv = p.operand("indices");
  if (!xv || !iv)
    return missingParam(p.getOp(), !xv ? "x" : "indices");
  int x = ctx.slot(xv), idx = ctx.slot(iv),
      out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape, is = ctx.info(idx).shape;
  int64_t axis = normAxis(p.getInt("axis", 0), s.size());
  // gather's batch_dims: the first `batch` dims of x and indices are paired;
  // each batch gathers from its own slice of x with its own indices.
  int64_t batch = AlongAxis ? 0 : p.getInt("batch_dims", 0);
  int64_t numBatches = numElementsOf(ArrayRef(s).take_front(batch));
  int64_t outer, mid, inner;
  splitAround(s, axis, outer, mid, inner);
  outer /= std::max<int64_t>(numBatches, 1);
  int64_t numIdx = numElementsOf(ArrayRef(is).drop_front(batch));
  int64_t idxAxis = AlongAxis && !is.empty() ? is[axis] : 0;
  size_t elem = dtypeSize(ctx.info(x).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    int64_t bad = 0;
    const int32_t *ip = f.i32(idx);
    const char *src = static_cast<const char *>(f.get(x).raw());
    char *dst = static_cast<char *>(f.alloc(out).raw());
    bool ok = true;
    if (AlongAxis) {
      ok = kernels::gatherAlongAxis(src, dst, elem, outer, mid, inner, ip,
                                    idxAxis, bad);
    } else {
      size_t srcStride = outer * mid * inner * elem,
             dstStride = outer * numIdx * inner * elem;
      for (int64_t b = 0; ok && b < numBatches; ++b)
        ok = kernels::gather(src + b * srcStride, dst + b * dstStride, elem,
                             outer, mid, inner, ip + b * numIdx, numIdx, bad);
    }
    if (!ok)
      return stepError("index " + llvm::Twine(bad) +
                       " is out of range for axis of size " + llvm::Twine(mid));
    return llvm::Error::success();
  });
}

/// stack(values, axis): every input has the same shape; the result has a
/// new dim of size len(values) at `axis`.
static FailureOr<StepFn> prepareStack(OpParams &p, PrepareContext &ctx) {
  ArrayRef<Value> values = p.operands("values");
  if (values.empty())
    return missingParam(p.getOp(), "values");
  int out = ctx.slot(p.getOp()->getResult(0));
  llvm::SmallVector<int> xs;
  for (Value v : values)
    xs.push_back(ctx.slot(v));
  Shape s = ctx.info(xs[0]).shape;
  int64_t axis = normAxis(p.getInt("axis", 0), s.size() + 1);
  // Each input viewed as [outer, 1, inner]; concatenated along dim 1.
  Shape view = {numElementsOf(ArrayRef(s).take_front(axis)), 1,
                numElementsOf(ArrayRef(s).drop_front(axis))};
  size_t elem = dtypeSize(ctx.info(out).dtype);
  return StepFn([=](Frame &f) -> llvm::Error {
    llvm::SmallVector<const char *> ptrs;
    llvm::SmallVector<ArrayRef<int64_t>> refs;
    for (int x : xs) {
      ptrs.push_back(static_cast<const char *>(f.get(x).raw()));
      refs.push_back(view);
    }
    kernels::concat(ptrs, refs, 1, false,
                    static_cast<char *>(f.alloc(out).raw()), elem);
    return llvm::Error::success();
  });
}

/// band_part(x, lower, upper): keeps x[..., i, j] where (lower < 0 or
/// i - j <= lower) and (upper < 0 or j - i <= upper), zero elsewhere.
static FailureOr<StepFn> prepareBandPart(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("x");
  if (!xv)
    return missingParam(p.getOp(), "x");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  Shape s = ctx.info(x).shape;
  if (s.size() < 2) {
    p.getOp()->emitError() << "interpreter: band_part needs rank >= 2";
    return failure();
  }
  int64_t lower = p.getInt("lower", -1), upper = p.getInt("upper", -1);
  int64_t rows = s[s.size() - 2], cols = s.back();
  int64_t batch = numElementsOf(ArrayRef(s).drop_back(2));
  return StepFn([=](Frame &f) -> llvm::Error {
    const float *src = f.f32(x);
    float *dst = f.outF32(out);
    for (int64_t b = 0; b < batch; ++b)
      for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j) {
          int64_t k = (b * rows + i) * cols + j;
          bool keep =
              (lower < 0 || i - j <= lower) && (upper < 0 || j - i <= upper);
          dst[k] = keep ? src[k] : 0.f;
        }
    return llvm::Error::success();
  });
}

void ane::runtime::detail::registerShapeEvaluators(EvaluatorTable &t) {
  t["mil.stack"] = prepareStack;
  t["mil.band_part"] = prepareBandPart;
  t["mil.reshape"] = prepareCopy;
  t["mil.expand_dims"] = prepareCopy;
  t["mil.squeeze"] = prepareCopy;
  t["mil.flatten2d"] = prepareCopy;
  t["mil.identity"] = prepareCopy;
  t["mil.transpose"] = prepareTranspose;
  t["mil.slice_by_index"] = prepareSliceByIndex;
  t["mil.slice_by_size"] = prepareSliceBySize;
  t["mil.concat"] = prepareConcat;
  t["mil.split"] = prepareSplit;
  t["mil.tile"] = prepareTile;
  t["mil.pad"] = preparePad;
  t["mil.gather"] = prepareGather<false>;
  t["mil.gather_along_axis"] = prepareGather<true>;
}
