//===- Conv.cpp - Convolution and transposed convolution ----------------===//
//
// conv: per batch and group, 1x1/stride-1/unpadded kernels are one GEMM
// W[Cout/g, Cin/g] x X[Cin/g, S]; other kernels go through im2col
// (col[(Cin/g) * KD*KH*KW, S_out]) and a GEMM. conv_transpose is the adjoint:
// col = W^T X, then col2im accumulates into the output.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cstring>

using namespace ane::runtime::kernels;

static bool isPointwise(const ConvGeometry &g) {
  for (int i = 0; i < 3; ++i)
    if (g.kernel[i] != 1 || g.stride[i] != 1 || g.padBefore[i] != 0 ||
        g.in[i] != g.out[i])
      return false;
  return true;
}

int64_t ane::runtime::kernels::convScratchSize(const ConvGeometry &g) {
  if (isPointwise(g))
    return 0;
  return (g.cin / g.groups) * g.kernelSize() * g.outSize();
}

/// col[(c, kd, kh, kw), (od, oh, ow)] = x[c, od*s - p + kd*d, ...] or 0.
static void im2col(const ConvGeometry &g, const float *x, int64_t channels,
                   float *col) {
  const int64_t outSize = g.outSize();
  float *dst = col;
  for (int64_t c = 0; c < channels; ++c) {
    const float *xc = x + c * g.inSize();
    for (int64_t kd = 0; kd < g.kernel[0]; ++kd)
      for (int64_t kh = 0; kh < g.kernel[1]; ++kh)
        for (int64_t kw = 0; kw < g.kernel[2]; ++kw) {
          for (int64_t od = 0; od < g.out[0]; ++od) {
            int64_t id = od * g.stride[0] - g.padBefore[0] + kd * g.dilation[0];
            for (int64_t oh = 0; oh < g.out[1]; ++oh) {
              int64_t ih =
                  oh * g.stride[1] - g.padBefore[1] + kh * g.dilation[1];
              float *row = dst + (od * g.out[1] + oh) * g.out[2];
              if (id < 0 || id >= g.in[0] || ih < 0 || ih >= g.in[1]) {
                std::memset(row, 0, sizeof(float) * g.out[2]);
                continue;
              }
              const float *xrow = xc + (id * g.in[1] + ih) * g.in[2];
              for (int64_t ow = 0; ow < g.out[2]; ++ow) {
                int64_t iw =
                    ow * g.stride[2] - g.padBefore[2] + kw * g.dilation[2];
                row[ow] = (iw >= 0 && iw < g.in[2]) ? xrow[iw] : 0.f;
              }
            }
          }
          dst += outSize;
        }
  }
}

static void addBias(const float *bias, float *y, int64_t channels,
                    int64_t size) {
  if (!bias)
    return;
  for (int64_t c = 0; c < channels; ++c) {
    float b = bias[c];
    float *row = y + c * size;
    for (int64_t i = 0; i < size; ++i)
      row[i] += b;
  }
}

void ane::runtime::kernels::conv(const ConvGeometry &g, const float *x,
                                 const float *w, const float *bias, float *y,
                                 float *scratch) {
  const int64_t cinG = g.cin / g.groups, coutG = g.cout / g.groups;
  const int64_t kdim = cinG * g.kernelSize();
  const int64_t inSize = g.inSize(), outSize = g.outSize();
  const bool pointwise = isPointwise(g);
  for (int64_t n = 0; n < g.batch; ++n) {
    const float *xn = x + n * g.cin * inSize;
    float *yn = y + n * g.cout * outSize;
    for (int64_t grp = 0; grp < g.groups; ++grp) {
      const float *xg = xn + grp * cinG * inSize;
      const float *wg = w + grp * coutG * kdim;
      float *yg = yn + grp * coutG * outSize;
      const float *cols = xg;
      if (!pointwise) {
        im2col(g, xg, cinG, scratch);
        cols = scratch;
      }
      gemm(false, false, coutG, outSize, kdim, 1.f, wg, kdim, cols, outSize,
           0.f, yg, outSize);
    }
    addBias(bias, yn, g.cout, outSize);
  }
}

int64_t ane::runtime::kernels::convTransposeScratchSize(const ConvGeometry &g) {
  return (g.cout / g.groups) * g.kernelSize() * g.inSize();
}

/// y[c, id*s - p + kd*d, ...] += col[(c, kd, kh, kw), (id, ih, iw)].
static void col2im(const ConvGeometry &g, const float *col, int64_t channels,
                   float *y) {
  const int64_t inSize = g.inSize();
  const float *src = col;
  for (int64_t c = 0; c < channels; ++c) {
    float *yc = y + c * g.outSize();
    for (int64_t kd = 0; kd < g.kernel[0]; ++kd)
      for (int64_t kh = 0; kh < g.kernel[1]; ++kh)
        for (int64_t kw = 0; kw < g.kernel[2]; ++kw) {
          for (int64_t id = 0; id < g.in[0]; ++id) {
            int64_t od = id * g.stride[0] - g.padBefore[0] + kd * g.dilation[0];
            if (od < 0 || od >= g.out[0])
              continue;
            for (int64_t ih = 0; ih < g.in[1]; ++ih) {
              int64_t oh =
                  ih * g.stride[1] - g.padBefore[1] + kh * g.dilation[1];
              if (oh < 0 || oh >= g.out[1])
                continue;
              const float *row = src + (id * g.in[1] + ih) * g.in[2];
              float *yrow = yc + (od * g.out[1] + oh) * g.out[2];
              for (int64_t iw = 0; iw < g.in[2]; ++iw) {
                int64_t ow =
                    iw * g.stride[2] - g.padBefore[2] + kw * g.dilation[2];
                if (ow >= 0 && ow < g.out[2])
                  yrow[ow] += row[iw];
              }
            }
          }
          src += inSize;
        }
  }
}

void ane::runtime::kernels::convTranspose(const ConvGeometry &g, const float *x,
                                          const float *w, const float *bias,
                                          float *y, float *scratch) {
  const int64_t cinG = g.cin / g.groups, coutG = g.cout / g.groups;
  const int64_t kdim = coutG * g.kernelSize();
  const int64_t inSize = g.inSize(), outSize = g.outSize();
  std::memset(y, 0, sizeof(float) * g.batch * g.cout * outSize);
  for (int64_t n = 0; n < g.batch; ++n) {
    const float *xn = x + n * g.cin * inSize;
    float *yn = y + n * g.cout * outSize;
    for (int64_t grp = 0; grp < g.groups; ++grp) {
      // W_g is [cinG, coutG * K]; col = W_g^T [coutG*K, cinG] x X_g.
      const float *wg = w + grp * cinG * kdim;
      gemm(true, false, kdim, inSize, cinG, 1.f, wg, kdim,
           xn + grp * cinG * inSize, inSize, 0.f, scratch, inSize);
      col2im(g, scratch, coutG, yn + grp * coutG * outSize);
    }
    addBias(bias, yn, g.cout, outSize);
  }
}
