//===- ConstantsTest.cpp - mil.const value helpers (MILConstants.h) -------===//
//
// Checks the helpers passes and ProgramBuilder share to build and read
// constant values: fp16 rounding (once, to nearest even, with hand-computed
// bit patterns), the inline `dense` vs `dense_resource` choice at the limit,
// and reading values back from dense, splat and resource attributes.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILConstants.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"

#include <cstring>
#include <gtest/gtest.h>

using namespace mlir;
using namespace ane::mil;

namespace {

class ConstantsTest : public ::testing::Test {
protected:
  MLIRContext ctx;
  RankedTensorType f16(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, Float16Type::get(&ctx));
  }
  RankedTensorType f32(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, Float32Type::get(&ctx));
  }
  /// The fp16 bit patterns of a dense fp16 attribute.
  static SmallVector<uint16_t> halfBits(ElementsAttr attr) {
    SmallVector<uint16_t> bits;
    for (APFloat v : cast<DenseElementsAttr>(attr).getValues<APFloat>())
      bits.push_back(v.bitcastToAPInt().getZExtValue());
    return bits;
  }
};

TEST_F(ConstantsTest, Fp16RoundsOnceToNearestEven) {
  // 1 + 2^-11 lies halfway between 1.0 (0x3C00) and 1 + 2^-10 (0x3C01): ties
  // go to the even mantissa, 0x3C00. 1 + 3*2^-11 lies halfway between 0x3C01
  // and 0x3C02: even is 0x3C02. 65520 rounds to +inf (0x7C00); 1e-8 is below
  // the smallest subnormal's half and becomes +0.
  ElementsAttr attr = makeFloatElementsAttr(
      f16({4}), {1.0f + 0x1p-11f, 1.0f + 3 * 0x1p-11f, 65520.0f, 1e-8f}, "w");
  ASSERT_TRUE(isa<DenseElementsAttr>(attr));
  EXPECT_EQ(halfBits(attr),
            (SmallVector<uint16_t>{0x3C00, 0x3C02, 0x7C00, 0x0000}));
}

TEST_F(ConstantsTest, InlineUpToTheLimitThenResource) {
  SmallVector<float> values(8, 0.5f);
  ElementsAttr small = makeFloatElementsAttr(f32({8}), values, "w", 8);
  EXPECT_TRUE(isa<DenseElementsAttr>(small));
  ElementsAttr large = makeFloatElementsAttr(f32({8}), values, "w", 7);
  auto resource = dyn_cast<DenseResourceElementsAttr>(large);
  ASSERT_TRUE(resource);
  EXPECT_TRUE(resource.getRawHandle().getKey().starts_with("w"));
  // Both read back as the same values.
  EXPECT_EQ(readFloatElements(small), std::optional(values));
  EXPECT_EQ(readFloatElements(large), std::optional(values));
}

TEST_F(ConstantsTest, ReadsSplatsAndRejectsOtherTypes) {
  auto splat =
      DenseElementsAttr::get(f16({2, 3}), APFloat(APFloat::IEEEhalf(), "-2.5"));
  EXPECT_EQ(readFloatElements(splat),
            std::optional(SmallVector<float>(6, -2.5f)));
  std::optional<RawElements> raw = getRawElements(splat);
  ASSERT_TRUE(raw);
  EXPECT_TRUE(raw->splat);
  EXPECT_EQ(raw->bytes.size(), 2u);

  auto ints = DenseElementsAttr::get(
      RankedTensorType::get({2}, IntegerType::get(&ctx, 32)),
      ArrayRef<int32_t>{1, 2});
  EXPECT_FALSE(readFloatElements(ints));
  EXPECT_FALSE(readFloatElements(StringAttr::get(&ctx, "x")));
}

TEST_F(ConstantsTest, RawBytesOfResourceConstants) {
  SmallVector<float> values = {1.0f, -2.0f, 0.25f};
  SmallVector<char> bytes(sizeof(float) * values.size());
  std::memcpy(bytes.data(), values.data(), bytes.size());
  ElementsAttr attr = makeElementsAttr(f32({3}), bytes, alignof(float), "r", 0);
  ASSERT_TRUE(isa<DenseResourceElementsAttr>(attr));
  std::optional<RawElements> raw = getRawElements(attr);
  ASSERT_TRUE(raw);
  EXPECT_FALSE(raw->splat);
  EXPECT_EQ(ArrayRef<char>(raw->bytes), ArrayRef<char>(bytes));
  EXPECT_EQ(readFloatElements(attr), std::optional(values));
}

TEST_F(ConstantsTest, DenseScalesAreAlwaysInline) {
  DenseElementsAttr attr =
      makeDenseFloatElementsAttr(f16({3}), {0.1f, 0.2f, 0.3f});
  // fp16 nearest of 0.1, 0.2, 0.3: 0x2E66, 0x3266, 0x34CD.
  EXPECT_EQ(halfBits(attr), (SmallVector<uint16_t>{0x2E66, 0x3266, 0x34CD}));
}

} // namespace
