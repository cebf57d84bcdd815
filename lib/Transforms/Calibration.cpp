//===- Calibration.cpp - Activation ranges from sample inputs ------------===//
//
// Loads one .npy per function argument (the argument's shape, or [N, ...]
// for N samples), runs each sample through the interpreter with an observer
// on the requested values, and reduces what it sees to one range per value.
//
//===----------------------------------------------------------------------===//

#include "Calibration.h"

#include "ane/Runtime/Half.h"
#include "ane/Runtime/Interpreter.h"
#include "ane/Runtime/Npy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace mlir;
using namespace ane::runtime;

namespace {

bool isFloat(DType t) { return t == DType::F16 || t == DType::F32; }

/// Copies sample `n` of `src` (holding samples of `dst`'s shape) into `dst`,
/// converting between float dtypes (fp16 <-> fp32 when they differ).
void copySample(const Tensor &src, int64_t n, Tensor &dst) {
  int64_t count = dst.numElements();
  const char *from =
      static_cast<const char *>(src.raw()) + n * count * dtypeSize(src.dtype());
  if (src.dtype() == dst.dtype())
    std::memcpy(dst.raw(), from, dst.byteSize());
  else if (dst.dtype() == DType::F16)
    convertFloatToHalf(reinterpret_cast<const float *>(from),
                       dst.data<uint16_t>(), count);
  else
    convertHalfToFloat(reinterpret_cast<const uint16_t *>(from),
                       dst.data<float>(), count);
}

/// Per-value statistic: the running max of |x| and, for a percentile, the
/// `keep` largest |x| seen (a min-heap): with n values in all, the
/// nearest-rank p-th percentile is the (n - ceil(p n) + 1)-th largest, so
/// memory is bounded by the tail, not by n.
struct Observed {
  float maxAbs = 0;
  size_t keep = 0;
  std::vector<float> top; // min-heap under std::greater

  void add(float a) {
    maxAbs = std::max(maxAbs, a);
    if (top.size() < keep) {
      top.push_back(a);
      std::push_heap(top.begin(), top.end(), std::greater<float>());
    } else if (keep && a > top.front()) {
      std::pop_heap(top.begin(), top.end(), std::greater<float>());
      top.back() = a;
      std::push_heap(top.begin(), top.end(), std::greater<float>());
    }
  }
};

} // namespace

FailureOr<llvm::DenseMap<Value, float>>
ane::mil::calibrateRanges(func::FuncOp fn, ArrayRef<Value> values,
                          const CalibrationOptions &options, StringRef pass) {
  auto error = [&]() { return fn.emitError() << pass << ": "; };
  if (options.directory.empty()) {
    error() << "activation scales need calibration samples; pass "
               "calibration-inputs=DIR with one .npy per argument";
    return failure();
  }
  if (!llvm::sys::fs::is_directory(options.directory)) {
    error() << "calibration-inputs '" << options.directory
            << "' is not a directory";
    return failure();
  }
  auto interp = Interpreter::create(fn);
  if (!interp) {
    llvm::consumeError(interp.takeError());
    error() << "cannot run @" << fn.getSymName()
            << " in the interpreter to calibrate";
    return failure();
  }
  Interpreter &in = **interp;

  // One tensor of samples per argument; all must hold the same count.
  std::vector<Tensor> samples;
  int64_t count = -1;
  for (const TensorSpec &spec : in.inputs()) {
    llvm::SmallString<256> path(options.directory);
    llvm::sys::path::append(path, spec.name + ".npy");
    if (!llvm::sys::fs::exists(path)) {
      error() << "no calibration input for argument '" << spec.name
              << "': " << path << " does not exist";
      return failure();
    }
    auto t = readNpy(path);
    if (!t) {
      // readNpy's message starts with the path.
      error() << "calibration input " << llvm::toString(t.takeError());
      return failure();
    }
    ArrayRef<int64_t> shape = t->shape(), want = spec.shape;
    int64_t n = -1;
    if (shape == want)
      n = 1;
    else if (shape.size() == want.size() + 1 && shape.drop_front() == want)
      n = shape.front();
    bool dtypeOk = t->dtype() == spec.dtype ||
                   (isFloat(t->dtype()) && isFloat(spec.dtype));
    if (n < 1 || !dtypeOk) {
      error() << "calibration input " << path << " is " << dtypeName(t->dtype())
              << " " << shapeToString(shape) << "; argument '" << spec.name
              << "' needs " << dtypeName(spec.dtype) << " "
              << shapeToString(want) << " or N samples of it (Nx"
              << shapeToString(want) << ")";
      return failure();
    }
    if (count >= 0 && n != count) {
      error() << "calibration input " << path << " holds " << n
              << " samples, the other arguments' files " << count;
      return failure();
    }
    count = n;
    samples.push_back(std::move(*t));
  }
  if (count < 0)
    count = 1; // no arguments: one run

  llvm::DenseMap<Value, Observed> observed;
  for (Value v : values) {
    Observed &o = observed[v];
    if (options.percentile) {
      double p = *options.percentile / 100.0;
      auto n = double(cast<ShapedType>(v.getType()).getNumElements() * count);
      o.keep = n - std::max(std::ceil(p * n), 1.0) + 1;
    }
  }
  in.setObserver([&](Value v, const Tensor &t) {
    auto it = observed.find(v);
    if (it == observed.end())
      return;
    for (int64_t i = 0; i < t.numElements(); ++i) {
      float a = std::fabs(t.getAsFloat(i));
      if (std::isfinite(a)) // non-finite values are ignored
        it->second.add(a);
    }
  });
  for (int64_t n = 0; n < count; ++n) {
    for (size_t i = 0; i < samples.size(); ++i)
      copySample(samples[i], n, in.inputBuffer(i));
    if (llvm::Error err = in.eval()) {
      error() << "calibration sample " << n
              << " failed: " << llvm::toString(std::move(err));
      return failure();
    }
  }

  llvm::DenseMap<Value, float> ranges;
  for (auto &[v, o] : observed)
    ranges[v] = o.top.empty() ? o.maxAbs : o.top.front();
  return ranges;
}
