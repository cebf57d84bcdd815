//===- Quant.cpp - quantize / dequantize / packed indices ---------------===//
//
// MIL quantize: q = saturate(round_half_even(x / scale + zero_point)); NaN
// quantizes to 0. dequantize: x = (q - zero_point) * scale. unpackBits:
// n-bit palette indices of a little-endian (LSB first) bit stream.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>

float ane::runtime::kernels::roundHalfEven(float v) {
  // nearbyint uses the current rounding mode, which is round-to-nearest-even
  // by default.
  return std::nearbyint(v);
}

void ane::runtime::kernels::quantize(const float *x, float *q, int64_t outer,
                                     int64_t axis, int64_t inner,
                                     const float *scale, const float *zeroPoint,
                                     int64_t paramCount, float qmin,
                                     float qmax) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t a = 0; a < axis; ++a) {
      int64_t p = paramCount == 1 ? 0 : a;
      float s = scale[p], zp = zeroPoint ? zeroPoint[p] : 0.f;
      const float *xp = x + (o * axis + a) * inner;
      float *qp = q + (o * axis + a) * inner;
      for (int64_t i = 0; i < inner; ++i) {
        float v = std::nearbyint(xp[i] / s) + zp;
        if (v != v)
          v = 0.f;
        qp[i] = std::fmin(std::fmax(v, qmin), qmax);
      }
    }
}

void ane::runtime::kernels::dequantize(const float *q, float *x, int64_t outer,
                                       int64_t axis, int64_t inner,
                                       const float *scale,
                                       const float *zeroPoint,
                                       int64_t paramCount) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t a = 0; a < axis; ++a) {
      int64_t p = paramCount == 1 ? 0 : a;
      float s = scale[p], zp = zeroPoint ? zeroPoint[p] : 0.f;
      const float *qp = q + (o * axis + a) * inner;
      float *xp = x + (o * axis + a) * inner;
      for (int64_t i = 0; i < inner; ++i)
        xp[i] = (qp[i] - zp) * s;
    }
}

void ane::runtime::kernels::unpackBits(const uint8_t *packed, unsigned bits,
                                       int64_t count, uint8_t *indices) {
  for (int64_t i = 0; i < count; ++i) {
    unsigned v = 0;
    for (unsigned j = 0; j < bits; ++j) {
      int64_t b = i * bits + j;
      v |= ((packed[b / 8] >> (b % 8)) & 1u) << j;
    }
    indices[i] = uint8_t(v);
  }
}
