//===- ReductionKernelTest.cpp - softmax, reduce_*, norms vs naive ------===//

#include "TestUtil.h"
#include "ane/Runtime/Kernels.h"

#include <limits>

using namespace ane::runtime;
using namespace ane::runtime::kernels;
using ane::test::expectClose;
using ane::test::randomFloats;

namespace {

TEST(SoftmaxKernel, MiddleAxis) {
  // [2, 5, 3], axis 1
  auto x = randomFloats(30, 1, -5, 5);
  x[4] = 80.f; // large value must not overflow
  std::vector<float> ref(30), y(30), ly(30);
  for (int o = 0; o < 2; ++o)
    for (int i = 0; i < 3; ++i) {
      double mx = -INFINITY, sum = 0;
      for (int a = 0; a < 5; ++a)
        mx = std::max<double>(mx, x[(o * 5 + a) * 3 + i]);
      for (int a = 0; a < 5; ++a)
        sum += std::exp(x[(o * 5 + a) * 3 + i] - mx);
      for (int a = 0; a < 5; ++a)
        ref[(o * 5 + a) * 3 + i] =
            float(std::exp(x[(o * 5 + a) * 3 + i] - mx) / sum);
    }
  softmax(x.data(), y.data(), 2, 5, 3);
  expectClose(y, ref, 1e-6f, 1e-5f);
  logSoftmax(x.data(), ly.data(), 2, 5, 3);
  for (auto &v : ref)
    v = std::log(v);
  expectClose(ly, ref, 1e-4f, 1e-4f);
}

TEST(SoftmaxKernel, NaNAndMaskedRows) {
  float inf = std::numeric_limits<float>::infinity();
  std::vector<float> x = {NAN, 1, 2, -inf, 0, -inf}, y(6);
  softmax(x.data(), y.data(), 2, 3, 1);
  EXPECT_TRUE(std::isnan(y[0]) && std::isnan(y[1]));
  EXPECT_EQ(y[3], 0.f);
  EXPECT_EQ(y[4], 1.f);
}

TEST(ReduceKernel, AxesSubsets) {
  Shape shape = {2, 3, 4};
  auto x = randomFloats(24, 2, 0.1f, 2.f);
  for (auto kind :
       {ReduceKind::Sum, ReduceKind::Mean, ReduceKind::Prod, ReduceKind::Max,
        ReduceKind::Min, ReduceKind::L1Norm, ReduceKind::L2Norm,
        ReduceKind::LogSum, ReduceKind::LogSumExp, ReduceKind::SumSquare})
    for (std::vector<bool> red : {std::vector<bool>{false, true, false},
                                  {true, false, true},
                                  {true, true, true}}) {
      // naive: iterate outputs, then all inputs mapping to them
      std::vector<float> ref;
      for (int i = 0; i < (red[0] ? 1 : 2); ++i)
        for (int j = 0; j < (red[1] ? 1 : 3); ++j)
          for (int k = 0; k < (red[2] ? 1 : 4); ++k) {
            std::vector<double> vals;
            for (int a = 0; a < 2; ++a)
              for (int b = 0; b < 3; ++b)
                for (int c = 0; c < 4; ++c)
                  if ((red[0] || a == i) && (red[1] || b == j) &&
                      (red[2] || c == k))
                    vals.push_back(x[(a * 3 + b) * 4 + c]);
            double r = 0;
            switch (kind) {
            case ReduceKind::Sum:
              for (double v : vals)
                r += v;
              break;
            case ReduceKind::Mean:
              for (double v : vals)
                r += v / vals.size();
              break;
            case ReduceKind::Prod:
              r = 1;
              for (double v : vals)
                r *= v;
              break;
            case ReduceKind::Max:
              r = -INFINITY;
              for (double v : vals)
                r = std::max(r, v);
              break;
            case ReduceKind::Min:
              r = INFINITY;
              for (double v : vals)
                r = std::min(r, v);
              break;
            case ReduceKind::L1Norm:
              for (double v : vals)
                r += std::fabs(v);
              break;
            case ReduceKind::L2Norm:
              for (double v : vals)
                r += v * v;
              r = std::sqrt(r);
              break;
            case ReduceKind::LogSum:
              for (double v : vals)
                r += v;
              r = std::log(r);
              break;
            case ReduceKind::LogSumExp:
              for (double v : vals)
                r += std::exp(v);
              r = std::log(r);
              break;
            case ReduceKind::SumSquare:
              for (double v : vals)
                r += v * v;
              break;
            }
            ref.push_back(float(r));
          }
      std::vector<float> y(ref.size());
      llvm::SmallVector<bool> mask(red.begin(), red.end());
      reduce(kind, x.data(), shape, mask, y.data());
      expectClose(y, ref, 1e-5f, 1e-5f);
    }
}

TEST(ReduceKernel, MaxPropagatesNaN) {
  std::vector<float> x = {1, NAN, 3, 4}, y(1);
  llvm::SmallVector<bool> mask = {true};
  reduce(ReduceKind::Max, x.data(), {4}, mask, y.data());
  EXPECT_TRUE(std::isnan(y[0]));
}

TEST(ArgReduceKernel, FirstIndexOnTies) {
  std::vector<float> x = {1, 5, 5, 2, 0, 0}; // [2, 3]
  std::vector<int32_t> y(3);
  argReduce(true, x.data(), y.data(), 2, 3, 1); // per row
  EXPECT_EQ(y[0], 1);
  EXPECT_EQ(y[1], 0);
  argReduce(false, x.data(), y.data(), 1, 2, 3); // per column
  EXPECT_EQ(y, (std::vector<int32_t>{0, 1, 1}));
}

TEST(NormKernel, LayerNormOverLastAxes) {
  // [2, 3, 4] normalized over axes {1, 2}, and over {0, 2}.
  auto x = randomFloats(24, 3), g = randomFloats(12, 4),
       b = randomFloats(12, 5);
  for (std::vector<bool> axes :
       {std::vector<bool>{false, true, true}, {true, false, true}}) {
    std::vector<float> ref(24);
    int outerDim = axes[0] ? 1 : 0; // the un-normalized axis
    int outerSize = outerDim == 0 ? 2 : 3;
    for (int o = 0; o < outerSize; ++o) {
      std::vector<int> idx;
      for (int a = 0; a < 2; ++a)
        for (int bb = 0; bb < 3; ++bb)
          for (int c = 0; c < 4; ++c)
            if ((outerDim == 0 ? a : bb) == o)
              idx.push_back((a * 3 + bb) * 4 + c);
      double mean = 0, var = 0;
      for (int i : idx)
        mean += x[i] / double(idx.size());
      for (int i : idx)
        var += (x[i] - mean) * (x[i] - mean) / idx.size();
      for (size_t n = 0; n < idx.size(); ++n)
        ref[idx[n]] =
            float((x[idx[n]] - mean) / std::sqrt(var + 1e-5)) * g[n] + b[n];
    }
    std::vector<float> y(24);
    llvm::SmallVector<bool> mask(axes.begin(), axes.end());
    layerNorm(x.data(), {2, 3, 4}, mask, g.data(), b.data(), 1e-5f, y.data());
    expectClose(y, ref, 1e-5f, 1e-4f);
  }
}

TEST(NormKernel, BatchInstanceL2) {
  auto x = randomFloats(2 * 3 * 5, 6);
  auto mean = randomFloats(3, 7), var = randomFloats(3, 8, 0.5f, 2.f),
       g = randomFloats(3, 9), b = randomFloats(3, 10);
  std::vector<float> ref(30), y(30);
  for (int n = 0; n < 2; ++n)
    for (int c = 0; c < 3; ++c)
      for (int i = 0; i < 5; ++i) {
        int k = (n * 3 + c) * 5 + i;
        ref[k] = (x[k] - mean[c]) / std::sqrt(var[c] + 1e-3f) * g[c] + b[c];
      }
  batchNorm(x.data(), mean.data(), var.data(), g.data(), b.data(), 1e-3f,
            y.data(), 2, 3, 5);
  expectClose(y, ref, 1e-5f, 1e-4f);

  for (int n = 0; n < 2; ++n)
    for (int c = 0; c < 3; ++c) {
      double m = 0, v = 0;
      for (int i = 0; i < 5; ++i)
        m += x[(n * 3 + c) * 5 + i] / 5.0;
      for (int i = 0; i < 5; ++i)
        v += std::pow(x[(n * 3 + c) * 5 + i] - m, 2) / 5.0;
      for (int i = 0; i < 5; ++i) {
        int k = (n * 3 + c) * 5 + i;
        ref[k] = float((x[k] - m) / std::sqrt(v + 1e-5)) * g[c] + b[c];
      }
    }
  instanceNorm(x.data(), g.data(), b.data(), 1e-5f, y.data(), 2, 3, 5);
  expectClose(y, ref, 1e-5f, 1e-4f);

  for (int n = 0; n < 2; ++n) {
    double s = 0;
    for (int i = 0; i < 15; ++i)
      s += double(x[n * 15 + i]) * x[n * 15 + i];
    for (int i = 0; i < 15; ++i)
      ref[n * 15 + i] = float(x[n * 15 + i] / std::sqrt(s + 1e-6));
  }
  l2Norm(x.data(), 1e-6f, y.data(), 2, 15);
  expectClose(y, ref, 1e-6f, 1e-5f);
}

} // namespace
