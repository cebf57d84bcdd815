//===- Softmax.cpp - softmax and log_softmax along one axis -------------===//
//
// Numerically stable: subtracts the max along the axis before exp.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>
#include <limits>

template <bool Log>
static void softmaxImpl(const float *x, float *y, int64_t outer, int64_t axis,
                        int64_t inner) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const float *xp = x + o * axis * inner + i;
      float *yp = y + o * axis * inner + i;
      float m = -std::numeric_limits<float>::infinity();
      bool nan = false;
      for (int64_t a = 0; a < axis; ++a) {
        float v = xp[a * inner];
        nan |= v != v;
        m = std::fmax(m, v);
      }
      if (nan || std::isinf(m)) {
        // All -inf, a +inf or a NaN: defer to the plain formula's result.
        if (nan || m > 0.f) {
          for (int64_t a = 0; a < axis; ++a)
            yp[a * inner] = std::numeric_limits<float>::quiet_NaN();
          continue;
        }
      }
      float sum = 0.f;
      for (int64_t a = 0; a < axis; ++a) {
        float e = std::exp(xp[a * inner] - m);
        if (!Log)
          yp[a * inner] = e;
        sum += e;
      }
      if (Log) {
        float ls = std::log(sum);
        for (int64_t a = 0; a < axis; ++a)
          yp[a * inner] = xp[a * inner] - m - ls;
      } else {
        float inv = 1.f / sum;
        for (int64_t a = 0; a < axis; ++a)
          yp[a * inner] *= inv;
      }
    }
}

void ane::runtime::kernels::softmax(const float *x, float *y, int64_t outer,
                                    int64_t axis, int64_t inner) {
  softmaxImpl<false>(x, y, outer, axis, inner);
}

void ane::runtime::kernels::logSoftmax(const float *x, float *y, int64_t outer,
                                       int64_t axis, int64_t inner) {
  softmaxImpl<true>(x, y, outer, axis, inner);
}
