//===- Activation.cpp - Elementwise unary ops and activations -----------===//
//
// Formulas follow coremltools' MIL op definitions (elementwise_unary.py,
// activation.py). The kind switch selects a loop once per call.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>

using namespace ane::runtime::kernels;

template <typename F>
static void apply(const float *x, float *y, int64_t n, F f) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = f(x[i]);
}

static float sigmoid(float v) { return 1.f / (1.f + std::exp(-v)); }

void ane::runtime::kernels::unary(UnaryKind kind, const float *x, float *y,
                                  int64_t n, float alpha, float beta) {
  using K = UnaryKind;
  switch (kind) {
  case K::Abs:
    return apply(x, y, n, [](float v) { return std::fabs(v); });
  case K::Acos:
    return apply(x, y, n, [](float v) { return std::acos(v); });
  case K::Asin:
    return apply(x, y, n, [](float v) { return std::asin(v); });
  case K::Atan:
    return apply(x, y, n, [](float v) { return std::atan(v); });
  case K::Atanh:
    return apply(x, y, n, [](float v) { return std::atanh(v); });
  case K::Ceil:
    return apply(x, y, n, [](float v) { return std::ceil(v); });
  case K::Cos:
    return apply(x, y, n, [](float v) { return std::cos(v); });
  case K::Cosh:
    return apply(x, y, n, [](float v) { return std::cosh(v); });
  case K::Erf:
    return apply(x, y, n, [](float v) { return std::erf(v); });
  case K::Exp:
    return apply(x, y, n, [](float v) { return std::exp(v); });
  case K::Exp2:
    return apply(x, y, n, [](float v) { return std::exp2(v); });
  case K::Floor:
    return apply(x, y, n, [](float v) { return std::floor(v); });
  case K::Inverse: // 1 / (x + epsilon)
    return apply(x, y, n, [alpha](float v) { return 1.f / (v + alpha); });
  case K::Log: // log(x + epsilon)
    return apply(x, y, n, [alpha](float v) { return std::log(v + alpha); });
  case K::LogicalNot:
    return apply(x, y, n, [](float v) { return v == 0.f ? 1.f : 0.f; });
  case K::Round: // half to even, like numpy.round
    return apply(x, y, n, [](float v) { return roundHalfEven(v); });
  case K::Rsqrt: // 1 / sqrt(x + epsilon)
    return apply(x, y, n,
                 [alpha](float v) { return 1.f / std::sqrt(v + alpha); });
  case K::Sign:
    return apply(x, y, n, [](float v) {
      return v > 0.f ? 1.f : (v < 0.f ? -1.f : v); // keeps 0 and NaN
    });
  case K::Sin:
    return apply(x, y, n, [](float v) { return std::sin(v); });
  case K::Sinh:
    return apply(x, y, n, [](float v) { return std::sinh(v); });
  case K::Sqrt:
    return apply(x, y, n, [](float v) { return std::sqrt(v); });
  case K::Square:
    return apply(x, y, n, [](float v) { return v * v; });
  case K::Tan:
    return apply(x, y, n, [](float v) { return std::tan(v); });
  case K::Tanh:
    return apply(x, y, n, [](float v) { return std::tanh(v); });
  case K::Clip: // min(max(x, alpha), beta)
    return apply(x, y, n, [alpha, beta](float v) {
      return v != v ? v : std::fmin(std::fmax(v, alpha), beta);
    });
  case K::Threshold: // max(x, alpha)
    return apply(x, y, n,
                 [alpha](float v) { return v != v ? v : std::fmax(v, alpha); });
  case K::Relu:
    return apply(x, y, n,
                 [](float v) { return v > 0.f ? v : (v != v ? v : 0.f); });
  case K::Relu6:
    return apply(x, y, n, [](float v) {
      return v != v ? v : std::fmin(std::fmax(v, 0.f), 6.f);
    });
  case K::Sigmoid:
    return apply(x, y, n, sigmoid);
  case K::SigmoidHard: // min(max(alpha * x + beta, 0), 1)
    return apply(x, y, n, [alpha, beta](float v) {
      return std::fmin(std::fmax(alpha * v + beta, 0.f), 1.f);
    });
  case K::Silu:
    return apply(x, y, n, [](float v) { return v * sigmoid(v); });
  case K::Softplus:
    return apply(x, y, n, [](float v) {
      return v > 20.f ? v : std::log1p(std::exp(v));
    });
  case K::Softsign:
    return apply(x, y, n, [](float v) { return v / (1.f + std::fabs(v)); });
  case K::Elu: // x > 0 ? x : alpha * (exp(x) - 1)
    return apply(x, y, n, [alpha](float v) {
      return v > 0.f ? v : alpha * std::expm1(v);
    });
  case K::LeakyRelu:
    return apply(x, y, n,
                 [alpha](float v) { return v >= 0.f ? v : alpha * v; });
  case K::LinearActivation:
    return apply(x, y, n, [alpha, beta](float v) { return alpha * v + beta; });
  case K::ScaledTanh: // alpha * tanh(beta * x)
    return apply(x, y, n, [alpha, beta](float v) {
      return alpha * std::tanh(beta * v);
    });
  case K::ThresholdedRelu: // x >= alpha ? x : 0
    return apply(x, y, n, [alpha](float v) { return v >= alpha ? v : 0.f; });
  case K::GeluExact:
    return apply(x, y, n, [](float v) {
      return 0.5f * v * (1.f + std::erf(v * 0.70710678118654752f));
    });
  case K::GeluTanh:
    return apply(x, y, n, [](float v) {
      const float c = 0.79788456080286536f; // sqrt(2 / pi)
      return 0.5f * v * (1.f + std::tanh(c * (v + 0.044715f * v * v * v)));
    });
  case K::GeluSigmoid:
    return apply(x, y, n, [](float v) { return v * sigmoid(1.702f * v); });
  }
}

void ane::runtime::kernels::prelu(const float *x, const float *alpha, float *y,
                                  int64_t outer, int64_t channels,
                                  int64_t inner) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t c = 0; c < channels; ++c) {
      const float a = alpha[c];
      const int64_t base = (o * channels + c) * inner;
      for (int64_t i = 0; i < inner; ++i) {
        float v = x[base + i];
        y[base + i] = v >= 0.f ? v : a * v;
      }
    }
}
