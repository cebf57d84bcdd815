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
/// converting between float dtypes.
void copySample(const Tensor &src, int64_t n, Tensor &dst) {
  int64_t count = dst.numElements(), base = n * count;
  if (src.dtype() == dst.dtype()) {
    size_t bytes = dst.byteSize();
    std::memcpy(dst.raw(), static_cast<const char *>(src.raw()) + n * bytes,
                bytes);
    return;
  }
  for (int64_t i = 0; i < count; ++i) {
    float v = src.getAsFloat(base + i);
    if (dst.dtype() == DType::F16)
      dst.data<uint16_t>()[i] = floatToHalf(v);
    else
      dst.data<float>()[i] = v;
  }
}

/// Per-value statistic: running max of |x|, or every |x| for a percentile.
struct Observed {
  float maxAbs = 0;
  std::vector<float> all;
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
      error() << "calibration input " << path << ": "
              << llvm::toString(t.takeError());
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
  for (Value v : values)
    observed[v];
  bool keepAll = options.percentile.has_value();
  in.setObserver([&](Value v, const Tensor &t) {
    auto it = observed.find(v);
    if (it == observed.end())
      return;
    Observed &o = it->second;
    for (int64_t i = 0; i < t.numElements(); ++i) {
      float a = std::fabs(t.getAsFloat(i));
      if (!std::isfinite(a))
        continue;
      o.maxAbs = std::max(o.maxAbs, a);
      if (keepAll)
        o.all.push_back(a);
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
  for (auto &[v, o] : observed) {
    float r = o.maxAbs;
    if (keepAll && !o.all.empty()) {
      // Nearest rank: the smallest |x| with at least p% of values <= it.
      double p = std::clamp(*options.percentile, 0.0, 100.0) / 100.0;
      size_t k = std::max<double>(std::ceil(p * o.all.size()), 1) - 1;
      std::nth_element(o.all.begin(), o.all.begin() + k, o.all.end());
      r = o.all[k];
    }
    ranges[v] = r;
  }
  return ranges;
}
