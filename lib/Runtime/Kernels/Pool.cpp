//===- Pool.cpp - max_pool, avg_pool, l2_pool ---------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>
#include <limits>

using namespace ane::runtime::kernels;

void ane::runtime::kernels::pool(PoolKind kind, const ConvGeometry &g,
                                 bool excludePadding, const float *x,
                                 float *y) {
  const int64_t channels = g.batch * g.cin;
  for (int64_t c = 0; c < channels; ++c) {
    const float *xc = x + c * g.inSize();
    float *yc = y + c * g.outSize();
    for (int64_t od = 0; od < g.out[0]; ++od)
      for (int64_t oh = 0; oh < g.out[1]; ++oh)
        for (int64_t ow = 0; ow < g.out[2]; ++ow) {
          float acc = kind == PoolKind::Max
                          ? -std::numeric_limits<float>::infinity()
                          : 0.f;
          int64_t valid = 0;
          for (int64_t kd = 0; kd < g.kernel[0]; ++kd) {
            int64_t id = od * g.stride[0] - g.padBefore[0] + kd;
            if (id < 0 || id >= g.in[0])
              continue;
            for (int64_t kh = 0; kh < g.kernel[1]; ++kh) {
              int64_t ih = oh * g.stride[1] - g.padBefore[1] + kh;
              if (ih < 0 || ih >= g.in[1])
                continue;
              for (int64_t kw = 0; kw < g.kernel[2]; ++kw) {
                int64_t iw = ow * g.stride[2] - g.padBefore[2] + kw;
                if (iw < 0 || iw >= g.in[2])
                  continue;
                float v = xc[(id * g.in[1] + ih) * g.in[2] + iw];
                ++valid;
                if (kind == PoolKind::Max)
                  acc = (v != v || v > acc) ? v : acc;
                else if (kind == PoolKind::Avg)
                  acc += v;
                else
                  acc += v * v;
                if (acc != acc && kind == PoolKind::Max)
                  break;
              }
            }
          }
          float r = acc;
          if (kind == PoolKind::Avg)
            r = acc / float(excludePadding ? std::max<int64_t>(valid, 1)
                                           : g.kernelSize());
          else if (kind == PoolKind::L2)
            r = std::sqrt(acc);
          yc[(od * g.out[1] + oh) * g.out[2] + ow] = r;
        }
  }
}
