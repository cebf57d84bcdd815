//===- TypeInferenceTest.cpp - Shape rules shared by mil ops -------------===//

#include "ane/Dialect/MIL/MILTypeInference.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace ane::mil;

namespace {

TEST(BroadcastShapes, RightAlignsAndStretchesOnes) {
  auto shape = broadcastShapes(std::nullopt, {1, 1, 1, 32}, {64, 8, 1});
  ASSERT_TRUE(shape.has_value());
  EXPECT_EQ(*shape, (SmallVector<int64_t>{1, 64, 8, 32}));
}

TEST(BroadcastShapes, RejectsMismatchedDims) {
  EXPECT_FALSE(broadcastShapes(std::nullopt, {3, 4}, {5, 4}).has_value());
}

TEST(BroadcastShapes, DynamicDimTakesTheStaticOne) {
  auto shape = broadcastShapes(std::nullopt, {ShapedType::kDynamic, 4}, {7, 1});
  ASSERT_TRUE(shape.has_value());
  EXPECT_EQ(*shape, (SmallVector<int64_t>{7, 4}));
}

TEST(InferBroadcastResult, RejectsMixedDtypes) {
  MLIRContext ctx;
  SmallVector<Type> results;
  auto f16 = RankedTensorType::get({2}, Float16Type::get(&ctx));
  auto f32 = RankedTensorType::get({2}, Float32Type::get(&ctx));
  EXPECT_TRUE(
      failed(inferBroadcastResult(std::nullopt, f16, f32, nullptr, results)));
  EXPECT_TRUE(succeeded(
      inferBroadcastResult(std::nullopt, f16, f16, nullptr, results)));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0], f16);
}

} // namespace
