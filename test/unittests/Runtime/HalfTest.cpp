//===- HalfTest.cpp - fp16 conversion against an exhaustive reference ---===//
//
// The reference decodes fp16 with ldexp and rounds by comparing distances to
// the two neighbouring fp16 values (ties to the even mantissa).
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Half.h"
#include "TestUtil.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace ane::runtime;

namespace {

double refDecode(uint16_t h) {
  int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double v;
  if (exp == 31)
    v = mant ? std::numeric_limits<double>::quiet_NaN()
             : std::numeric_limits<double>::infinity();
  else if (exp == 0)
    v = std::ldexp(double(mant), -24);
  else
    v = std::ldexp(double(mant + 1024), exp - 25);
  return sign ? -v : v;
}

TEST(Half, DecodesEveryValue) {
  for (uint32_t h = 0; h < 65536; ++h) {
    double ref = refDecode(uint16_t(h));
    float got = halfToFloat(uint16_t(h));
    if (std::isnan(ref))
      EXPECT_TRUE(std::isnan(got)) << h;
    else
      EXPECT_EQ(double(got), ref) << h;
  }
}

/// Reference rounding: search the closest non-negative finite fp16.
uint16_t refEncode(float f) {
  if (std::isnan(f))
    return 0x7e00;
  uint16_t sign = std::signbit(f) ? 0x8000 : 0;
  double a = std::fabs(double(f));
  if (a >= 65520.0)
    return sign | 0x7c00;
  uint16_t best = 0;
  // Binary search over positive fp16 (monotonic in bits).
  uint16_t lo = 0, hi = 0x7bff;
  while (lo < hi) {
    uint16_t mid = (lo + hi + 1) / 2;
    if (refDecode(mid) <= a)
      lo = mid;
    else
      hi = mid - 1;
  }
  best = lo;
  if (best < 0x7bff) {
    double dLo = a - refDecode(best), dHi = refDecode(best + 1) - a;
    if (dHi < dLo || (dHi == dLo && (best & 1)))
      ++best;
  } else if (a > 65504.0) {
    // between max and the overflow threshold: rounds down to max
  }
  return sign | best;
}

TEST(Half, EncodesRoundToNearestEven) {
  std::vector<float> samples = {0.f,
                                -0.f,
                                1.f,
                                -1.f,
                                65504.f,
                                65519.f,
                                65520.f,
                                1e-8f,
                                2.9802322e-08f /*2^-25*/,
                                2.9802326e-08f,
                                5.9604645e-08f,
                                6.1035156e-05f,
                                6.0975552e-05f,
                                1.0009766f,
                                1.00048828125f,
                                1.00146484375f,
                                -3.14159f,
                                1e10f,
                                std::numeric_limits<float>::infinity(),
                                -std::numeric_limits<float>::infinity()};
  auto rnd = ane::test::randomFloats(20000, 1, -70000.f, 70000.f);
  samples.insert(samples.end(), rnd.begin(), rnd.end());
  auto small = ane::test::randomFloats(20000, 2, -1e-3f, 1e-3f);
  samples.insert(samples.end(), small.begin(), small.end());
  // Every fp16 midpoint: exact ties.
  for (uint16_t h = 0; h < 0x7bff; h += 7) {
    samples.push_back(float((refDecode(h) + refDecode(h + 1)) / 2));
  }
  std::vector<uint16_t> bulk(samples.size());
  convertFloatToHalf(samples.data(), bulk.data(), samples.size());
  for (size_t i = 0; i < samples.size(); ++i) {
    EXPECT_EQ(floatToHalf(samples[i]), refEncode(samples[i])) << samples[i];
    EXPECT_EQ(bulk[i], refEncode(samples[i])) << "bulk " << samples[i];
  }
}

TEST(Half, NaNStaysNaN) {
  float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(nan))));
  float in[9] = {nan, nan, nan, nan, nan, nan, nan, nan, nan};
  uint16_t out[9];
  convertFloatToHalf(in, out, 9);
  for (uint16_t h : out)
    EXPECT_TRUE(std::isnan(halfToFloat(h)));
}

TEST(Half, BulkDecodeMatchesScalar) {
  std::vector<uint16_t> all(65536);
  for (uint32_t i = 0; i < 65536; ++i)
    all[i] = uint16_t(i);
  std::vector<float> out(65536);
  convertHalfToFloat(all.data(), out.data(), all.size());
  for (uint32_t i = 0; i < 65536; ++i) {
    float s = halfToFloat(uint16_t(i));
    if (std::isnan(s))
      EXPECT_TRUE(std::isnan(out[i]));
    else
      EXPECT_EQ(std::memcmp(&s, &out[i], 4), 0) << i;
  }
}

} // namespace
