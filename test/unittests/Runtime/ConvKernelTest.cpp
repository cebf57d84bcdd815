//===- ConvKernelTest.cpp - conv / conv_transpose / pool vs naive loops -===//

#include "TestUtil.h"
#include "ane/Runtime/Kernels.h"

using namespace ane::runtime::kernels;
using ane::test::expectClose;
using ane::test::randomFloats;

namespace {

/// Direct 2-D convolution, the definition written out.
std::vector<float> naiveConv2d(const ConvGeometry &g,
                               const std::vector<float> &x,
                               const std::vector<float> &w,
                               const std::vector<float> &b) {
  int64_t cinG = g.cin / g.groups, coutG = g.cout / g.groups;
  int64_t H = g.in[1], W = g.in[2], OH = g.out[1], OW = g.out[2];
  int64_t KH = g.kernel[1], KW = g.kernel[2];
  std::vector<float> y(g.batch * g.cout * OH * OW, 0.f);
  for (int64_t n = 0; n < g.batch; ++n)
    for (int64_t co = 0; co < g.cout; ++co) {
      int64_t grp = co / coutG;
      for (int64_t oh = 0; oh < OH; ++oh)
        for (int64_t ow = 0; ow < OW; ++ow) {
          double acc = b.empty() ? 0.0 : b[co];
          for (int64_t ci = 0; ci < cinG; ++ci)
            for (int64_t kh = 0; kh < KH; ++kh)
              for (int64_t kw = 0; kw < KW; ++kw) {
                int64_t ih =
                    oh * g.stride[1] - g.padBefore[1] + kh * g.dilation[1];
                int64_t iw =
                    ow * g.stride[2] - g.padBefore[2] + kw * g.dilation[2];
                if (ih < 0 || ih >= H || iw < 0 || iw >= W)
                  continue;
                acc +=
                    double(
                        x[((n * g.cin + grp * cinG + ci) * H + ih) * W + iw]) *
                    w[((co * cinG + ci) * KH + kh) * KW + kw];
              }
          y[((n * g.cout + co) * OH + oh) * OW + ow] = float(acc);
        }
    }
  return y;
}

ConvGeometry geom2d(int64_t n, int64_t cin, int64_t cout, int64_t groups,
                    int64_t h, int64_t w, int64_t kh, int64_t kw, int64_t s,
                    int64_t d, int64_t padH, int64_t padW, int64_t padHEnd,
                    int64_t padWEnd) {
  ConvGeometry g;
  g.batch = n, g.cin = cin, g.cout = cout, g.groups = groups;
  g.in[1] = h, g.in[2] = w, g.kernel[1] = kh, g.kernel[2] = kw;
  g.stride[1] = g.stride[2] = s;
  g.dilation[1] = g.dilation[2] = d;
  g.padBefore[1] = padH, g.padBefore[2] = padW;
  g.out[1] = (h + padH + padHEnd - d * (kh - 1) - 1) / s + 1;
  g.out[2] = (w + padW + padWEnd - d * (kw - 1) - 1) / s + 1;
  return g;
}

void checkConv(const ConvGeometry &g, bool bias) {
  auto x = randomFloats(g.batch * g.cin * g.inSize(), 1);
  auto w = randomFloats(g.cout * (g.cin / g.groups) * g.kernelSize(), 2);
  std::vector<float> b = bias ? randomFloats(g.cout, 3) : std::vector<float>();
  std::vector<float> y(g.batch * g.cout * g.outSize());
  std::vector<float> scratch(convScratchSize(g) + 1);
  conv(g, x.data(), w.data(), bias ? b.data() : nullptr, y.data(),
       scratch.data());
  expectClose(y, naiveConv2d(g, x, w, b));
}

TEST(ConvKernel, Pointwise) {
  checkConv(geom2d(2, 16, 8, 1, 1, 12, 1, 1, 1, 1, 0, 0, 0, 0), true);
}
TEST(ConvKernel, Kernel3x3Padded) {
  checkConv(geom2d(1, 3, 5, 1, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1), true);
}
TEST(ConvKernel, StridedDilatedAsymmetricPad) {
  checkConv(geom2d(2, 4, 6, 1, 9, 11, 3, 2, 2, 2, 0, 1, 2, 0), false);
}
TEST(ConvKernel, Groups) {
  checkConv(geom2d(1, 8, 12, 4, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1), true);
}
TEST(ConvKernel, Depthwise) {
  checkConv(geom2d(1, 6, 6, 6, 8, 4, 3, 1, 2, 1, 1, 0, 1, 0), false);
}

TEST(ConvKernel, TransposeIsAdjointOfConv) {
  // <conv(x, w), y> == <x, conv_transpose(y, w)> for every x, y: checks
  // conv_transpose against the already-checked conv, groups and strides.
  ConvGeometry g = geom2d(1, 4, 6, 2, 7, 8, 3, 3, 2, 1, 1, 1, 1, 1);
  auto x = randomFloats(g.cin * g.inSize(), 4);
  auto w = randomFloats(g.cout * (g.cin / g.groups) * g.kernelSize(), 5);
  auto yv = randomFloats(g.cout * g.outSize(), 6);
  std::vector<float> cx(g.cout * g.outSize());
  std::vector<float> scratch(convScratchSize(g) + 1);
  conv(g, x.data(), w.data(), nullptr, cx.data(), scratch.data());
  // conv_transpose geometry: input = conv output, output = conv input;
  // weight [Cin_t = cout, Cout_t/groups = cin/groups, K]: the conv weight
  // [cout, cin/groups, K] read as is.
  ConvGeometry t = g;
  t.cin = g.cout, t.cout = g.cin;
  for (int i = 0; i < 3; ++i)
    t.in[i] = g.out[i], t.out[i] = g.in[i];
  std::vector<float> ty(t.cout * t.outSize());
  std::vector<float> tscratch(convTransposeScratchSize(t));
  convTranspose(t, yv.data(), w.data(), nullptr, ty.data(), tscratch.data());
  double lhs = 0, rhs = 0;
  for (size_t i = 0; i < cx.size(); ++i)
    lhs += double(cx[i]) * yv[i];
  for (size_t i = 0; i < x.size(); ++i)
    rhs += double(x[i]) * ty[i];
  EXPECT_NEAR(lhs, rhs, 1e-3 * std::fabs(lhs) + 1e-3);
}

TEST(ConvKernel, TransposeNaive1d) {
  // 1-D conv_transpose: y[co, i*s - p + k] += x[ci, i] * w[ci, co, k].
  ConvGeometry t;
  t.cin = 3, t.cout = 2, t.in[2] = 5, t.kernel[2] = 3, t.stride[2] = 2;
  t.padBefore[2] = 1;
  t.out[2] = (5 - 1) * 2 - 2 + 3; // pad 1 both sides
  auto x = randomFloats(t.cin * 5, 7);
  auto w = randomFloats(t.cin * t.cout * 3, 8);
  auto b = randomFloats(t.cout, 9);
  std::vector<float> ref(t.cout * t.out[2]);
  for (int co = 0; co < 2; ++co)
    for (int o = 0; o < t.out[2]; ++o)
      ref[co * t.out[2] + o] = b[co];
  for (int ci = 0; ci < 3; ++ci)
    for (int co = 0; co < 2; ++co)
      for (int i = 0; i < 5; ++i)
        for (int k = 0; k < 3; ++k) {
          int o = i * 2 - 1 + k;
          if (o >= 0 && o < t.out[2])
            ref[co * t.out[2] + o] += x[ci * 5 + i] * w[(ci * 2 + co) * 3 + k];
        }
  std::vector<float> y(ref.size()), scratch(convTransposeScratchSize(t));
  convTranspose(t, x.data(), w.data(), b.data(), y.data(), scratch.data());
  expectClose(y, ref);
}

TEST(PoolKernel, MaxAvgL2WithPadding) {
  ConvGeometry g = geom2d(1, 2, 2, 1, 5, 5, 3, 3, 2, 1, 1, 1, 1, 1);
  auto x = randomFloats(2 * 25, 10);
  x[7] = std::numeric_limits<float>::quiet_NaN(); // channel 0
  for (PoolKind kind : {PoolKind::Max, PoolKind::Avg, PoolKind::L2})
    for (bool exclude : {false, true}) {
      std::vector<float> ref(2 * g.outSize());
      for (int c = 0; c < 2; ++c)
        for (int oh = 0; oh < g.out[1]; ++oh)
          for (int ow = 0; ow < g.out[2]; ++ow) {
            double acc = kind == PoolKind::Max ? -INFINITY : 0;
            int n = 0;
            bool nan = false;
            for (int kh = 0; kh < 3; ++kh)
              for (int kw = 0; kw < 3; ++kw) {
                int ih = oh * 2 - 1 + kh, iw = ow * 2 - 1 + kw;
                if (ih < 0 || ih >= 5 || iw < 0 || iw >= 5)
                  continue;
                float v = x[c * 25 + ih * 5 + iw];
                nan |= std::isnan(v);
                ++n;
                if (kind == PoolKind::Max)
                  acc = std::max<double>(acc, v);
                else
                  acc += kind == PoolKind::Avg ? v : double(v) * v;
              }
            double r = kind == PoolKind::Max   ? acc
                       : kind == PoolKind::Avg ? acc / (exclude ? n : 9)
                                               : std::sqrt(acc);
            ref[c * g.outSize() + oh * g.out[2] + ow] = nan ? NAN : float(r);
          }
      std::vector<float> y(ref.size());
      pool(kind, g, exclude, x.data(), y.data());
      expectClose(y, ref);
    }
}

} // namespace
