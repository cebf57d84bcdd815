//===- Attention.cpp - scaled_dot_product_attention ---------------------===//
//
// Per batch entry: scores = Q K^T / sqrt(E) (GEMM), + mask, softmax over S,
// out = P V (GEMM).
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>

void ane::runtime::kernels::sdpa(const float *q, const float *k, const float *v,
                                 const float *mask, int64_t maskBatch,
                                 float *out, int64_t batch, int64_t L,
                                 int64_t S, int64_t E, int64_t Ev,
                                 float *scratch) {
  const float scale = 1.f / std::sqrt(float(E));
  for (int64_t b = 0; b < batch; ++b) {
    gemm(false, true, L, S, E, scale, q + b * L * E, E, k + b * S * E, E, 0.f,
         scratch, S);
    if (mask) {
      const float *m = mask + (maskBatch == 1 ? 0 : b) * L * S;
      for (int64_t i = 0; i < L * S; ++i)
        scratch[i] += m[i];
    }
    softmax(scratch, scratch, L, S, 1);
    gemm(false, false, L, Ev, S, 1.f, scratch, S, v + b * S * Ev, Ev, 0.f,
         out + b * L * Ev, Ev);
  }
}
