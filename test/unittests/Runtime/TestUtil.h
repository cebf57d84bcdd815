//===- TestUtil.h - Helpers for the runtime kernel tests --------*- C++ -*-===//
//
// Deterministic random data and tolerant comparison of float buffers.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TEST_RUNTIME_TESTUTIL_H
#define ANE_TEST_RUNTIME_TESTUTIL_H

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace ane::test {

inline std::vector<float> randomFloats(size_t n, unsigned seed, float lo = -1.f,
                                       float hi = 1.f) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  std::vector<float> v(n);
  for (float &f : v)
    f = dist(gen);
  return v;
}

/// Every element within atol + rtol * |expected|; NaN must match NaN.
inline void expectClose(const std::vector<float> &actual,
                        const std::vector<float> &expected, float atol = 1e-4f,
                        float rtol = 1e-4f) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    float a = actual[i], e = expected[i];
    if (std::isnan(e)) {
      EXPECT_TRUE(std::isnan(a)) << "at " << i;
      continue;
    }
    if (std::isinf(e)) {
      EXPECT_EQ(a, e) << "at " << i;
      continue;
    }
    EXPECT_LE(std::fabs(a - e), atol + rtol * std::fabs(e))
        << "at " << i << ": got " << a << ", expected " << e;
  }
}

} // namespace ane::test

#endif // ANE_TEST_RUNTIME_TESTUTIL_H
