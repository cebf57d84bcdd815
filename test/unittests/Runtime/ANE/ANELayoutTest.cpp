//===- ANELayoutTest.cpp - I/O layout, fp16, surfaces, weight blobs -------===//

#include "FakeTestUtil.h"

#include <cmath>
#include <limits>

using namespace ane::device;
using namespace ane::device::testing;
namespace endian = llvm::support::endian;

namespace {

TEST(ANELayoutTest, SeqLayoutIsChannelFirstDense) {
  ANETensorDesc d = ANETensorDesc::seq(3, 5);
  EXPECT_EQ(d.byteSize(), 30u);
  EXPECT_EQ(d.seqOffset(0, 0), 0u);
  EXPECT_EQ(d.seqOffset(0, 4), 8u);
  EXPECT_EQ(d.seqOffset(2, 1), (2u * 5 + 1) * 2);
  EXPECT_EQ(ANETensorDesc::seq(768, 16).byteSize(), 24576u);
  EXPECT_EQ(ANETensorDesc::seq(768, 16, 4).byteSize(), 49152u);
  EXPECT_EQ(ANETensorDesc::raw(17).byteSize(), 17u);
  EXPECT_EQ(d.str(), "[1,3,1,5]x2B");
}

TEST(ANELayoutTest, SurfaceSizing) {
  EXPECT_EQ(surfaceAllocSize(64, 0, 1), 64u);
  EXPECT_EQ(surfaceAllocSize(64, 49152, 1), 49152u);
  EXPECT_EQ(surfaceAllocSize(60000, 49152, 1), 60000u);
  EXPECT_EQ(surfaceAllocSize(100, 0, 128), 128u);
  EXPECT_EQ(surfaceAllocSize(49153, 49152, 128), 49280u);
}

TEST(ANELayoutTest, HalfConversion) {
  EXPECT_EQ(floatToHalf(1.0f), 0x3c00);
  EXPECT_EQ(floatToHalf(-2.0f), 0xc000);
  EXPECT_EQ(floatToHalf(65504.0f), 0x7bff);
  EXPECT_EQ(floatToHalf(65520.0f), 0x7c00); // Rounds to +inf.
  EXPECT_EQ(floatToHalf(-65504.0f), 0xfbff);
  EXPECT_EQ(floatToHalf(0.0f), 0x0000);
  EXPECT_EQ(floatToHalf(-0.0f), 0x8000);
  EXPECT_EQ(floatToHalf(1e-8f), 0x0000);
  EXPECT_EQ(floatToHalf(5.960464477539063e-08f), 0x0001); // Smallest subnormal.
  EXPECT_EQ(floatToHalf(std::numeric_limits<float>::infinity()), 0x7c00);
  EXPECT_TRUE(std::isnan(
      halfToFloat(floatToHalf(std::numeric_limits<float>::quiet_NaN()))));
  // Ties to even: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10.
  EXPECT_EQ(floatToHalf(1.0f + 0.00048828125f), 0x3c00);
  EXPECT_EQ(floatToHalf(1.0f + 3 * 0.00048828125f), 0x3c02);
  // Every finite half survives a round trip.
  for (uint32_t h = 0; h < 0x10000; ++h) {
    if ((h & 0x7c00) == 0x7c00)
      continue;
    EXPECT_EQ(floatToHalf(halfToFloat(h)), h) << h;
  }
}

TEST(ANELayoutTest, FP16WeightBlobLayout) {
  std::vector<float> w = {1, 2, 3, 4, 5, 6}; // [2][3]
  std::vector<uint8_t> blob = buildFP16WeightBlob(w, 2, 3);
  ASSERT_EQ(blob.size(), 128u + 12);
  EXPECT_EQ(endian::read32le(&blob[0]), 1u); // count
  EXPECT_EQ(endian::read32le(&blob[4]), 2u); // version
  for (size_t i = 8; i < 64; ++i)
    EXPECT_EQ(blob[i], 0) << i;
  EXPECT_EQ(blob[64], 0xEF);
  EXPECT_EQ(blob[65], 0xBE);
  EXPECT_EQ(blob[66], 0xAD);
  EXPECT_EQ(blob[67], 0xDE);
  EXPECT_EQ(endian::read32le(&blob[68]), 1u);   // Float16
  EXPECT_EQ(endian::read64le(&blob[72]), 12u);  // size
  EXPECT_EQ(endian::read64le(&blob[80]), 128u); // data offset
  EXPECT_EQ(endian::read16le(&blob[128]), floatToHalf(1));
  EXPECT_EQ(endian::read16le(&blob[130]), floatToHalf(2));
  auto chunk = readMILBlobChunk(blob, 64);
  ASSERT_TRUE(bool(chunk));
  EXPECT_EQ(chunk->size(), 12u);

  std::vector<uint8_t> t = buildFP16WeightBlob(w, 2, 3, /*transpose=*/true);
  EXPECT_EQ(endian::read16le(&t[128 + 2]), floatToHalf(4)); // W^T[0][1]
}

TEST(ANELayoutTest, Int8BlobAndQuantization) {
  std::vector<float> w = {0.5f, -1.0f, 0.25f, 0.0f};
  std::vector<int8_t> q;
  float scale = quantizeSymmetricInt8(w, q);
  EXPECT_FLOAT_EQ(scale, 1.0f / 127);
  EXPECT_EQ(q, (std::vector<int8_t>{64, -127, 32, 0}));
  std::vector<uint8_t> blob = buildInt8WeightBlob(q, 2, 2);
  ASSERT_EQ(blob.size(), 132u);
  EXPECT_EQ(endian::read32le(&blob[64]), kBlobSentinel);
  EXPECT_EQ(endian::read32le(&blob[68]), 4u); // Int8
  EXPECT_EQ(static_cast<int8_t>(blob[129]), -127);
}

TEST(ANELayoutTest, MultiChunkBlobOffsets) {
  std::vector<uint8_t> a(100, 1), b(64, 2);
  llvm::SmallVector<uint64_t> offsets;
  std::vector<uint8_t> blob = buildMILBlob(
      {{BlobDType::Float16, a}, {BlobDType::Float16, b}}, &offsets);
  ASSERT_EQ(offsets.size(), 2u);
  EXPECT_EQ(offsets[0], 64u);
  EXPECT_EQ(offsets[1], 256u); // 128 + 100 rounded up to 64.
  EXPECT_EQ(endian::read32le(&blob[0]), 2u);
  auto second = readMILBlobChunk(blob, offsets[1]);
  ASSERT_TRUE(bool(second));
  EXPECT_EQ(second->front(), 2);
  EXPECT_FALSE(bool(readMILBlobChunk(blob, 1000)));
  llvm::consumeError(readMILBlobChunk(blob, 1000).takeError());
}

} // namespace
