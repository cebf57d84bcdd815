//===- ElementwiseKernelTest.cpp - broadcasting binary/unary ops --------===//

#include "TestUtil.h"
#include "ane/Runtime/Kernels.h"

#include <limits>

using namespace ane::runtime;
using namespace ane::runtime::kernels;
using ane::test::expectClose;
using ane::test::randomFloats;

namespace {

TEST(BroadcastShape, NumpyRules) {
  Shape out;
  ASSERT_TRUE(broadcastShape({2, 1, 4}, {3, 1}, out));
  EXPECT_EQ(out, (Shape{2, 3, 4}));
  EXPECT_FALSE(broadcastShape({2, 3}, {4, 3}, out));
}

TEST(BinaryKernel, BroadcastsLikeNumpy) {
  // x: [2, 1, 4], y: [3, 1] -> [2, 3, 4]; out[i,j,k] = x[i,0,k] op y[j,0].
  auto x = randomFloats(8, 1), y = randomFloats(3, 2, 0.5f, 2.f);
  for (BinaryKind kind :
       {BinaryKind::Add, BinaryKind::Sub, BinaryKind::Mul, BinaryKind::RealDiv,
        BinaryKind::Maximum, BinaryKind::Less, BinaryKind::FloorDiv,
        BinaryKind::Mod, BinaryKind::Pow}) {
    std::vector<float> ref(24), out(24);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 3; ++j)
        for (int k = 0; k < 4; ++k) {
          float a = x[i * 4 + k], b = y[j];
          float r = 0;
          switch (kind) {
          case BinaryKind::Add:
            r = a + b;
            break;
          case BinaryKind::Sub:
            r = a - b;
            break;
          case BinaryKind::Mul:
            r = a * b;
            break;
          case BinaryKind::RealDiv:
            r = a / b;
            break;
          case BinaryKind::Maximum:
            r = a > b ? a : b;
            break;
          case BinaryKind::Less:
            r = a < b;
            break;
          case BinaryKind::FloorDiv:
            r = std::floor(a / b);
            break;
          case BinaryKind::Mod:
            r = a - std::floor(a / b) * b;
            break;
          case BinaryKind::Pow:
            r = std::pow(a, b);
            break;
          default:
            break;
          }
          ref[(i * 3 + j) * 4 + k] = r;
        }
    binary(kind, x.data(), {2, 1, 4}, y.data(), {3, 1}, out.data(), {2, 3, 4});
    expectClose(out, ref, 1e-5f, 1e-5f);
  }
}

TEST(BinaryKernel, NaNAndInfPropagate) {
  float inf = std::numeric_limits<float>::infinity();
  float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> x = {nan, 1.f, inf, -inf}, y = {1.f, nan, -inf, 0.f};
  std::vector<float> out(4);
  binary(BinaryKind::Maximum, x.data(), {4}, y.data(), {4}, out.data(), {4});
  EXPECT_TRUE(std::isnan(out[0]));
  EXPECT_TRUE(std::isnan(out[1]));
  EXPECT_EQ(out[2], inf);
  binary(BinaryKind::Add, x.data(), {4}, y.data(), {4}, out.data(), {4});
  EXPECT_TRUE(std::isnan(out[2])); // inf + -inf
  EXPECT_EQ(out[3], -inf);
  binary(BinaryKind::RealDiv, y.data(), {4}, y.data() + 3, {1}, out.data(),
         {4});
  EXPECT_EQ(out[0], inf);
}

TEST(BinaryKernel, IntegerArithmeticIsExact) {
  std::vector<int32_t> x = {16777217, -7, 7, -7}, y = {1, 2, -2, -2};
  std::vector<int32_t> out(4);
  binaryInt(BinaryKind::Add, x.data(), {4}, y.data(), {4}, out.data(), {4});
  EXPECT_EQ(out[0], 16777218);
  binaryInt(BinaryKind::FloorDiv, x.data(), {4}, y.data(), {4}, out.data(),
            {4});
  EXPECT_EQ(out, (std::vector<int32_t>{16777217, -4, -4, 3}));
  binaryInt(BinaryKind::Mod, x.data(), {4}, y.data(), {4}, out.data(), {4});
  EXPECT_EQ(out, (std::vector<int32_t>{0, 1, -1, -1}));
}

TEST(SelectKernel, ThreeWayBroadcast) {
  std::vector<float> c = {1, 0, 1}, a = {10, 20}, b = {-1};
  std::vector<float> out(6);
  select(c.data(), {1, 3}, a.data(), {2, 1}, b.data(), {1}, out.data(), {2, 3});
  EXPECT_EQ(out, (std::vector<float>{10, -1, 10, 20, -1, 20}));
}

TEST(UnaryKernel, MatchesFormulas) {
  auto x = randomFloats(64, 3, -4.f, 4.f);
  struct Case {
    UnaryKind kind;
    float alpha, beta;
    float (*ref)(float, float, float);
  } cases[] = {
      {UnaryKind::Relu, 0, 0,
       [](float v, float, float) { return v > 0 ? v : 0.f; }},
      {UnaryKind::Sigmoid, 0, 0,
       [](float v, float, float) {
         return float(1 / (1 + std::exp(-double(v))));
       }},
      {UnaryKind::Tanh, 0, 0,
       [](float v, float, float) { return std::tanh(v); }},
      {UnaryKind::GeluExact, 0, 0,
       [](float v, float, float) {
         return float(0.5 * v * (1 + std::erf(v / std::sqrt(2.0))));
       }},
      {UnaryKind::GeluTanh, 0, 0,
       [](float v, float, float) {
         double d = v;
         return float(
             0.5 * d *
             (1 + std::tanh(std::sqrt(2 / M_PI) * (d + 0.044715 * d * d * d))));
       }},
      {UnaryKind::Silu, 0, 0,
       [](float v, float, float) {
         return float(v / (1 + std::exp(-double(v))));
       }},
      {UnaryKind::LeakyRelu, 0.1f, 0,
       [](float v, float a, float) { return v >= 0 ? v : a * v; }},
      {UnaryKind::Clip, -1.f, 2.f,
       [](float v, float a, float b) { return std::min(std::max(v, a), b); }},
      {UnaryKind::Elu, 0.5f, 0,
       [](float v, float a, float) {
         return v > 0 ? v : a * (std::exp(v) - 1);
       }},
      {UnaryKind::Softplus, 0, 0,
       [](float v, float, float) {
         return float(std::log(1 + std::exp(double(v))));
       }},
      {UnaryKind::Round, 0, 0,
       [](float v, float, float) { return std::nearbyint(v); }},
      {UnaryKind::Rsqrt, 1e-3f, 0,
       [](float v, float a, float) { return 1 / std::sqrt(v + a); }},
      {UnaryKind::Inverse, 1e-4f, 0,
       [](float v, float a, float) { return 1 / (v + a); }},
      {UnaryKind::Square, 0, 0, [](float v, float, float) { return v * v; }},
  };
  for (const Case &c : cases) {
    std::vector<float> ref(x.size()), y(x.size());
    for (size_t i = 0; i < x.size(); ++i)
      ref[i] = c.ref(x[i], c.alpha, c.beta);
    unary(c.kind, x.data(), y.data(), x.size(), c.alpha, c.beta);
    expectClose(y, ref, 1e-5f, 1e-4f);
  }
  // round: ties to even
  std::vector<float> ties = {0.5f, 1.5f, 2.5f, -0.5f, -2.5f}, r(5);
  unary(UnaryKind::Round, ties.data(), r.data(), 5);
  EXPECT_EQ(r, (std::vector<float>{0, 2, 2, -0.f, -2}));
}

TEST(PreluKernel, PerChannelAlpha) {
  std::vector<float> x = {-1, 2, -3, 4}, a = {0.5f, 0.25f}, y(4);
  prelu(x.data(), a.data(), y.data(), 1, 2, 2);
  EXPECT_EQ(y, (std::vector<float>{-0.5f, 2, -0.75f, 4}));
}

} // namespace
