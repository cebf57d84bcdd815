//===- ShapeKernelTest.cpp - data movement kernels ----------------------===//

#include "TestUtil.h"
#include "ane/Runtime/Kernels.h"

#include <numeric>

using namespace ane::runtime;
using namespace ane::runtime::kernels;

namespace {

std::vector<float> iota(size_t n) {
  std::vector<float> v(n);
  std::iota(v.begin(), v.end(), 0.f);
  return v;
}
char *bytes(std::vector<float> &v) {
  return reinterpret_cast<char *>(v.data());
}

TEST(ShapeKernel, Transpose) {
  auto x = iota(24); // [2, 3, 4] -> perm [2, 0, 1] -> [4, 2, 3]
  std::vector<float> y(24), ref(24);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 3; ++b)
      for (int c = 0; c < 4; ++c)
        ref[(c * 2 + a) * 3 + b] = x[(a * 3 + b) * 4 + c];
  transpose(bytes(x), bytes(y), 4, {2, 3, 4}, {2, 0, 1});
  EXPECT_EQ(y, ref);
  // fp16-sized elements
  std::vector<uint16_t> h(24), hy(24);
  std::iota(h.begin(), h.end(), 0);
  transpose(reinterpret_cast<char *>(h.data()),
            reinterpret_cast<char *>(hy.data()), 2, {2, 3, 4}, {2, 0, 1});
  for (int i = 0; i < 24; ++i)
    EXPECT_EQ(float(hy[i]), ref[i]);
}

TEST(ShapeKernel, StridedSlice) {
  auto x = iota(30); // [5, 6]; rows 1..4 step 2, cols 5..0 step -2
  std::vector<float> y(6);
  slice(bytes(x), bytes(y), 4, {5, 6}, {1, 5}, {2, -2}, {2, 3});
  EXPECT_EQ(y, (std::vector<float>{11, 9, 7, 23, 21, 19}));
}

TEST(ShapeKernel, ConcatAndInterleave) {
  auto a = iota(4);                                // [2, 2]
  std::vector<float> b = {10, 11, 12, 13, 14, 15}; // [2, 3]
  std::vector<float> y(10);
  Shape sa = {2, 2}, sb = {2, 3};
  concat({bytes(a), bytes(b)}, {llvm::ArrayRef<int64_t>(sa), sb}, 1, false,
         bytes(y), 4);
  EXPECT_EQ(y, (std::vector<float>{0, 1, 10, 11, 12, 2, 3, 13, 14, 15}));
  std::vector<float> c = {20, 21, 22, 23}, z(8);
  concat({bytes(a), bytes(c)}, {llvm::ArrayRef<int64_t>(sa), sa}, 0, true,
         bytes(z), 4);
  EXPECT_EQ(z, (std::vector<float>{0, 1, 20, 21, 2, 3, 22, 23}));
}

TEST(ShapeKernel, Tile) {
  auto x = iota(2); // [1, 2] tiled [2, 2] -> [2, 4]
  std::vector<float> y(8);
  tile(bytes(x), bytes(y), 4, {1, 2}, {2, 2});
  EXPECT_EQ(y, (std::vector<float>{0, 1, 0, 1, 0, 1, 0, 1}));
}

TEST(ShapeKernel, PadModes) {
  std::vector<float> x = {1, 2, 3}, y(7);
  pad(x.data(), y.data(), {3}, {2}, {2}, PadMode::Constant, 9.f);
  EXPECT_EQ(y, (std::vector<float>{9, 9, 1, 2, 3, 9, 9}));
  pad(x.data(), y.data(), {3}, {2}, {2}, PadMode::Reflect, 0.f);
  EXPECT_EQ(y, (std::vector<float>{3, 2, 1, 2, 3, 2, 1}));
  pad(x.data(), y.data(), {3}, {2}, {2}, PadMode::Replicate, 0.f);
  EXPECT_EQ(y, (std::vector<float>{1, 1, 1, 2, 3, 3, 3}));
}

TEST(GatherKernel, AxisAndNegativeIndices) {
  auto x = iota(12); // [3, 4], gather axis 0 with [2, -3]
  int32_t idx[2] = {2, -3};
  std::vector<float> y(8);
  int64_t bad = 0;
  ASSERT_TRUE(gather(bytes(x), bytes(y), 4, 1, 3, 4, idx, 2, bad));
  EXPECT_EQ(y, (std::vector<float>{8, 9, 10, 11, 0, 1, 2, 3}));
  int32_t oob[1] = {3};
  EXPECT_FALSE(gather(bytes(x), bytes(y), 4, 1, 3, 4, oob, 1, bad));
  EXPECT_EQ(bad, 3);
  // along axis 1: indices [3, 1]
  int32_t along[3] = {3, 0, 1};
  std::vector<float> z(3);
  ASSERT_TRUE(gatherAlongAxis(bytes(x), bytes(z), 4, 3, 4, 1, along, 1, bad));
  EXPECT_EQ(z, (std::vector<float>{3, 4, 9}));
}

} // namespace
