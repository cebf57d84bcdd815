//===- MILTextFormatTest.cpp - Hex-float literal unit tests ---------------===//

#include "ane/Target/MIL/MILTextFormat.h"

#include "gtest/gtest.h"

using namespace ane::mil;
using llvm::APFloat;

namespace {

std::string half(uint16_t bits) {
  return formatHexFloat(APFloat(APFloat::IEEEhalf(), llvm::APInt(16, bits)));
}
std::string single(float f) { return formatHexFloat(APFloat(f)); }

TEST(HexFloat, Fp32) {
  EXPECT_EQ(single(1.0f), "0x1p+0");
  EXPECT_EQ(single(0.5f), "0x1p-1");
  EXPECT_EQ(single(0.75f), "0x1.8p-1");
  EXPECT_EQ(single(0.125f), "0x1p-3");
  EXPECT_EQ(single(-1.0f), "-0x1p+0");
  EXPECT_EQ(single(0.97f), "0x1.f0a3d8p-1");
  EXPECT_EQ(single(0.0f), "0x0p+0");
  EXPECT_EQ(single(-0.0f), "-0x0p+0");
  EXPECT_EQ(single(65504.0f), "0x1.ffcp+15");
  EXPECT_EQ(single(1e-45f), "0x1p-149"); // fp32 subnormal, normalized
  EXPECT_EQ(formatHexFloat(APFloat::getInf(APFloat::IEEEsingle())), "inf");
  EXPECT_EQ(formatHexFloat(APFloat::getInf(APFloat::IEEEsingle(), true)),
            "-inf");
  EXPECT_EQ(formatHexFloat(APFloat::getNaN(APFloat::IEEEsingle())), "nan");
}

TEST(HexFloat, Fp16SubnormalsNormalized) {
  // The values coremlc prints in the fp16-subnormal-cast fixture.
  EXPECT_EQ(half(0x0001), "0x1p-24");
  EXPECT_EQ(half(0x0015), "0x1.5p-20");
  EXPECT_EQ(half(0x00a8), "0x1.5p-17");
  EXPECT_EQ(half(0x03ff), "0x1.ff8p-15");
  EXPECT_EQ(half(0x0400), "0x1p-14");
  EXPECT_EQ(half(0x8001), "-0x1p-24");
  EXPECT_EQ(half(0x3c00), "0x1p+0");
  EXPECT_EQ(half(0xfbff), "-0x1.ffcp+15");
}

TEST(HexFloat, RoundTripsEveryFp16) {
  for (uint32_t bits = 0; bits < 0x10000; ++bits) {
    APFloat v(APFloat::IEEEhalf(), llvm::APInt(16, bits));
    if (v.isNaN())
      continue;
    std::string text = formatHexFloat(v);
    auto back = parseFloatLiteral(text, APFloat::IEEEhalf());
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(back->bitcastToAPInt().getZExtValue(), bits) << text;
  }
}

TEST(HexFloat, RoundTripsFp32Samples) {
  uint32_t bits = 1;
  for (int i = 0; i < 200000; ++i) {
    bits = bits * 1664525u + 1013904223u;
    APFloat v(APFloat::IEEEsingle(), llvm::APInt(32, bits));
    if (v.isNaN())
      continue;
    std::string text = formatHexFloat(v);
    auto back = parseFloatLiteral(text, APFloat::IEEEsingle());
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(back->bitcastToAPInt().getZExtValue(), bits) << text;
  }
}

TEST(FloatLiteral, DecimalAndSpecials) {
  auto h = [](llvm::StringRef s) {
    auto v = parseFloatLiteral(s, APFloat::IEEEhalf());
    return v ? formatHexFloat(*v) : std::string("error");
  };
  EXPECT_EQ(h("0.125"), "0x1p-3");
  EXPECT_EQ(h("-0.5"), "-0x1p-1");
  EXPECT_EQ(h("1"), "0x1p+0");
  EXPECT_EQ(h("-65504"), "-0x1.ffcp+15");
  EXPECT_EQ(h("1e-7"), "0x1p-23"); // rounded once, to the nearest fp16
  EXPECT_EQ(h("inf"), "inf");
  EXPECT_EQ(h("-inf"), "-inf");
  EXPECT_EQ(h("0x1.8p-1"), "0x1.8p-1");
  EXPECT_EQ(h("abc"), "error");
  EXPECT_EQ(h(""), "error");
}

} // namespace
