//===- Norm.cpp - layer_norm, batch_norm, instance_norm, l2_norm --------===//
//
// Mean and biased variance in double, the result in fp32.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>
#include <vector>

using namespace ane::runtime;

void ane::runtime::kernels::layerNorm(const float *x,
                                      llvm::ArrayRef<int64_t> shape,
                                      llvm::ArrayRef<bool> normalized,
                                      const float *gamma, const float *beta,
                                      float epsilon, float *y) {
  // Move the normalized axes innermost by iterating the two index spaces.
  const int64_t rank = shape.size();
  Shape strides(rank);
  int64_t s = 1;
  for (int64_t d = rank - 1; d >= 0; --d) {
    strides[d] = s;
    s *= shape[d];
  }
  Shape outerDims, outerStrides, innerDims, innerStrides;
  for (int64_t d = 0; d < rank; ++d) {
    (normalized[d] ? innerDims : outerDims).push_back(shape[d]);
    (normalized[d] ? innerStrides : outerStrides).push_back(strides[d]);
  }
  const int64_t outerN = numElementsOf(outerDims);
  const int64_t innerN = numElementsOf(innerDims);
  std::vector<int64_t> offsets(innerN);
  {
    Shape idx(innerDims.size(), 0);
    for (int64_t i = 0; i < innerN; ++i) {
      int64_t off = 0;
      for (size_t d = 0; d < idx.size(); ++d)
        off += idx[d] * innerStrides[d];
      offsets[i] = off;
      for (int64_t d = idx.size() - 1; d >= 0; --d) {
        if (++idx[d] < innerDims[d])
          break;
        idx[d] = 0;
      }
    }
  }
  Shape idx(outerDims.size(), 0);
  for (int64_t o = 0; o < outerN; ++o) {
    int64_t base = 0;
    for (size_t d = 0; d < idx.size(); ++d)
      base += idx[d] * outerStrides[d];
    double sum = 0, sq = 0;
    for (int64_t i = 0; i < innerN; ++i)
      sum += x[base + offsets[i]];
    double mean = sum / double(innerN);
    for (int64_t i = 0; i < innerN; ++i) {
      double dv = x[base + offsets[i]] - mean;
      sq += dv * dv;
    }
    double inv = 1.0 / std::sqrt(sq / double(innerN) + double(epsilon));
    for (int64_t i = 0; i < innerN; ++i) {
      float v = float((x[base + offsets[i]] - mean) * inv);
      if (gamma)
        v *= gamma[i];
      if (beta)
        v += beta[i];
      y[base + offsets[i]] = v;
    }
    for (int64_t d = idx.size() - 1; d >= 0; --d) {
      if (++idx[d] < outerDims[d])
        break;
      idx[d] = 0;
    }
  }
}

void ane::runtime::kernels::batchNorm(const float *x, const float *mean,
                                      const float *variance, const float *gamma,
                                      const float *beta, float epsilon,
                                      float *y, int64_t n, int64_t c,
                                      int64_t inner) {
  for (int64_t ch = 0; ch < c; ++ch) {
    float scale = 1.f / std::sqrt(variance[ch] + epsilon);
    if (gamma)
      scale *= gamma[ch];
    float shift = (beta ? beta[ch] : 0.f) - mean[ch] * scale;
    for (int64_t b = 0; b < n; ++b) {
      const float *xp = x + (b * c + ch) * inner;
      float *yp = y + (b * c + ch) * inner;
      for (int64_t i = 0; i < inner; ++i)
        yp[i] = xp[i] * scale + shift;
    }
  }
}

void ane::runtime::kernels::instanceNorm(const float *x, const float *gamma,
                                         const float *beta, float epsilon,
                                         float *y, int64_t n, int64_t c,
                                         int64_t inner) {
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch) {
      const float *xp = x + (b * c + ch) * inner;
      float *yp = y + (b * c + ch) * inner;
      double sum = 0, sq = 0;
      for (int64_t i = 0; i < inner; ++i)
        sum += xp[i];
      double mean = sum / double(inner);
      for (int64_t i = 0; i < inner; ++i)
        sq += (xp[i] - mean) * (xp[i] - mean);
      double inv = 1.0 / std::sqrt(sq / double(inner) + double(epsilon));
      float g = gamma ? gamma[ch] : 1.f, bt = beta ? beta[ch] : 0.f;
      for (int64_t i = 0; i < inner; ++i)
        yp[i] = float((xp[i] - mean) * inv) * g + bt;
    }
}

void ane::runtime::kernels::l2Norm(const float *x, float epsilon, float *y,
                                   int64_t outer, int64_t inner) {
  for (int64_t o = 0; o < outer; ++o) {
    const float *xp = x + o * inner;
    float *yp = y + o * inner;
    double sq = 0;
    for (int64_t i = 0; i < inner; ++i)
      sq += double(xp[i]) * xp[i];
    double denom = std::sqrt(sq + double(epsilon));
    for (int64_t i = 0; i < inner; ++i)
      yp[i] = float(xp[i] / denom);
  }
}
