//===- QuantKernelTest.cpp - quantize / dequantize ----------------------===//

#include "TestUtil.h"
#include "ane/Runtime/Kernels.h"

using namespace ane::runtime::kernels;

namespace {

TEST(QuantKernel, RoundsHalfToEvenThenSaturates) {
  // scale 0.5, zero point 3, int8: x / 0.5 = {0.5, 1.5, 2.5, -0.5, 300, -300}
  std::vector<float> x = {0.25f, 0.75f, 1.25f, -0.25f, 150.f, -150.f, NAN};
  std::vector<float> q(x.size());
  float scale = 0.5f, zp = 3.f;
  quantize(x.data(), q.data(), 1, 1, x.size(), &scale, &zp, 1, -128, 127);
  EXPECT_EQ(q, (std::vector<float>{3, 5, 5, 3, 127, -128, 0}));
  // uint8 saturates at 0 and 255
  quantize(x.data(), q.data(), 1, 1, x.size(), &scale, &zp, 1, 0, 255);
  EXPECT_EQ(q[4], 255.f);
  EXPECT_EQ(q[5], 0.f);
}

TEST(QuantKernel, PerAxisRoundTrip) {
  // [2, 3, 2] with per-axis (axis 1) parameters.
  auto x = ane::test::randomFloats(12, 1, -2.f, 2.f);
  float scale[3] = {0.01f, 0.02f, 0.05f}, zp[3] = {0, 10, -5};
  std::vector<float> q(12), back(12), ref(12);
  quantize(x.data(), q.data(), 2, 3, 2, scale, zp, 3, -128, 127);
  for (int o = 0; o < 2; ++o)
    for (int a = 0; a < 3; ++a)
      for (int i = 0; i < 2; ++i) {
        int k = (o * 3 + a) * 2 + i;
        float r = std::nearbyint(x[k] / scale[a]) + zp[a];
        r = std::min(127.f, std::max(-128.f, r));
        EXPECT_EQ(q[k], r) << k;
        ref[k] = (r - zp[a]) * scale[a];
      }
  dequantize(q.data(), back.data(), 2, 3, 2, scale, zp, 3);
  EXPECT_EQ(back, ref);
}

TEST(QuantKernel, UnpackBitsLsbFirst) {
  // 1-bit: bit j of byte 0 is index j.
  uint8_t ones[1] = {0b10110010};
  uint8_t bits1[8];
  unpackBits(ones, 1, 8, bits1);
  EXPECT_EQ(std::vector<uint8_t>(bits1, bits1 + 8),
            (std::vector<uint8_t>{0, 1, 0, 0, 1, 1, 0, 1}));
  // 6-bit indices 5, 63, 17, 40, 1 straddle bytes: 5 = bits 0-5 of byte 0;
  // 63 = bits 6-7 of byte 0 (low) and bits 0-3 of byte 1 (high); ...
  // 0b11000101 = 197, 0b00011111 = 31, 0b10100001 = 161, 0b00000001 = 1.
  uint8_t packed[4] = {197, 31, 161, 1};
  uint8_t bits6[5];
  unpackBits(packed, 6, 5, bits6);
  EXPECT_EQ(std::vector<uint8_t>(bits6, bits6 + 5),
            (std::vector<uint8_t>{5, 63, 17, 40, 1}));
}

} // namespace
