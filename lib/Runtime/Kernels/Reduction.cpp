//===- Reduction.cpp - reduce_* over a set of axes and arg reductions ---===//
//
// Accumulates in double over the input in order, mapping each element to its
// output slot with strides that are 0 on the reduced axes.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>
#include <limits>
#include <vector>

using namespace ane::runtime;
using namespace ane::runtime::kernels;

void ane::runtime::kernels::reduce(ReduceKind kind, const float *x,
                                   llvm::ArrayRef<int64_t> shape,
                                   llvm::ArrayRef<bool> reduced, float *y) {
  const int64_t rank = shape.size();
  Shape outShape(shape.begin(), shape.end());
  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d)
    if (reduced[d]) {
      count *= shape[d];
      outShape[d] = 1;
    }
  Shape strides = broadcastStrides(outShape, shape);
  const int64_t outN = numElementsOf(outShape), inN = numElementsOf(shape);
  using K = ReduceKind;
  double init = 0.0;
  if (kind == K::Prod)
    init = 1.0;
  else if (kind == K::Max)
    init = -std::numeric_limits<double>::infinity();
  else if (kind == K::Min)
    init = std::numeric_limits<double>::infinity();
  std::vector<double> acc(outN, init);
  // For log_sum_exp, a stable two-pass form: max first.
  std::vector<double> maxv;
  auto walk = [&](auto f) {
    Shape idx(rank, 0);
    for (int64_t i = 0; i < inN; ++i) {
      int64_t o = 0;
      for (int64_t d = 0; d < rank; ++d)
        o += idx[d] * strides[d];
      f(o, double(x[i]));
      for (int64_t d = rank - 1; d >= 0; --d) {
        if (++idx[d] < shape[d])
          break;
        idx[d] = 0;
      }
    }
  };
  switch (kind) {
  case K::Sum:
  case K::Mean:
    walk([&](int64_t o, double v) { acc[o] += v; });
    break;
  case K::Prod:
    walk([&](int64_t o, double v) { acc[o] *= v; });
    break;
  case K::Max:
    walk([&](int64_t o, double v) {
      if (v != v || v > acc[o] || acc[o] != acc[o])
        acc[o] = acc[o] != acc[o] ? acc[o] : v;
    });
    break;
  case K::Min:
    walk([&](int64_t o, double v) {
      if (v != v || v < acc[o] || acc[o] != acc[o])
        acc[o] = acc[o] != acc[o] ? acc[o] : v;
    });
    break;
  case K::L1Norm:
    walk([&](int64_t o, double v) { acc[o] += std::fabs(v); });
    break;
  case K::L2Norm:
  case K::SumSquare:
    walk([&](int64_t o, double v) { acc[o] += v * v; });
    break;
  case K::LogSum:
    walk([&](int64_t o, double v) { acc[o] += v; });
    break;
  case K::LogSumExp:
    maxv.assign(outN, -std::numeric_limits<double>::infinity());
    walk([&](int64_t o, double v) { maxv[o] = std::fmax(maxv[o], v); });
    walk([&](int64_t o, double v) {
      acc[o] += std::isinf(maxv[o]) ? std::exp(v) : std::exp(v - maxv[o]);
    });
    break;
  }
  for (int64_t o = 0; o < outN; ++o) {
    double v = acc[o];
    switch (kind) {
    case K::Mean:
      v /= double(count);
      break;
    case K::L2Norm:
      v = std::sqrt(v);
      break;
    case K::LogSum:
      v = std::log(v);
      break;
    case K::LogSumExp:
      v = (std::isinf(maxv[o]) ? 0.0 : maxv[o]) + std::log(v);
      break;
    default:
      break;
    }
    y[o] = float(v);
  }
}

void ane::runtime::kernels::argReduce(bool isMax, const float *x, int32_t *y,
                                      int64_t outer, int64_t axis,
                                      int64_t inner) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const float *xp = x + o * axis * inner + i;
      int32_t best = 0;
      float bv = xp[0];
      for (int64_t a = 1; a < axis && bv == bv; ++a) {
        float v = xp[a * inner];
        if (v != v || (isMax ? v > bv : v < bv)) {
          bv = v;
          best = int32_t(a);
        }
      }
      y[o * inner + i] = best;
    }
}
