//===- MatmulKernelTest.cpp - matmul / linear / sdpa vs naive loops -----===//

#include "TestUtil.h"
#include "ane/Runtime/Kernels.h"

using namespace ane::runtime;
using namespace ane::runtime::kernels;
using ane::test::expectClose;
using ane::test::randomFloats;

namespace {

/// Element of a stored matrix at logical (r, c) after optional transpose.
float at(const std::vector<float> &m, int64_t off, int64_t rows, int64_t cols,
         bool trans, int64_t r, int64_t c) {
  return trans ? m[off + c * cols + r] : m[off + r * cols + c];
}

void checkMatmul(Shape aShape, bool ta, Shape bShape, bool tb) {
  int64_t M = ta ? aShape.back() : aShape[aShape.size() - 2];
  int64_t K = ta ? aShape[aShape.size() - 2] : aShape.back();
  int64_t N = tb ? bShape[bShape.size() - 2] : bShape.back();
  Shape batch;
  ASSERT_TRUE(broadcastShape(llvm::ArrayRef(aShape).drop_back(2),
                             llvm::ArrayRef(bShape).drop_back(2), batch));
  Shape out = batch;
  out.push_back(M);
  out.push_back(N);
  auto A = randomFloats(numElementsOf(aShape), 1);
  auto B = randomFloats(numElementsOf(bShape), 2);
  std::vector<float> ref(numElementsOf(out));
  int64_t nb = numElementsOf(batch);
  int64_t ab = numElementsOf(llvm::ArrayRef(aShape).drop_back(2));
  int64_t bb = numElementsOf(llvm::ArrayRef(bShape).drop_back(2));
  // Tests use batch shapes where broadcasting is all-or-nothing per operand.
  for (int64_t b = 0; b < nb; ++b)
    for (int64_t i = 0; i < M; ++i)
      for (int64_t j = 0; j < N; ++j) {
        double acc = 0;
        for (int64_t k = 0; k < K; ++k)
          acc +=
              double(at(A, (ab == 1 ? 0 : b) * M * K, aShape[aShape.size() - 2],
                        aShape.back(), ta, i, k)) *
              at(B, (bb == 1 ? 0 : b) * K * N, bShape[bShape.size() - 2],
                 bShape.back(), tb, k, j);
        ref[(b * M + i) * N + j] = float(acc);
      }
  std::vector<float> C(ref.size());
  matmul(A.data(), aShape, ta, B.data(), bShape, tb, C.data(), out);
  expectClose(C, ref);
}

TEST(MatmulKernel, Plain) { checkMatmul({5, 7}, false, {7, 3}, false); }
TEST(MatmulKernel, Transposes) {
  checkMatmul({7, 5}, true, {3, 7}, true);
  checkMatmul({2, 5, 7}, false, {2, 3, 7}, true);
  checkMatmul({2, 7, 5}, true, {2, 7, 3}, false);
}
TEST(MatmulKernel, BroadcastsBatch) {
  checkMatmul({4, 5, 7}, false, {7, 3}, false);
  checkMatmul({1, 5, 7}, false, {3, 7, 6}, false);
  checkMatmul({2, 3, 5, 7}, true == false, {1, 7, 4}, false);
}

TEST(LinearKernel, WithAndWithoutBias) {
  auto x = randomFloats(6 * 10, 3), w = randomFloats(4 * 10, 4),
       b = randomFloats(4, 5);
  for (bool bias : {true, false}) {
    std::vector<float> ref(6 * 4), y(6 * 4);
    for (int r = 0; r < 6; ++r)
      for (int o = 0; o < 4; ++o) {
        double acc = bias ? b[o] : 0;
        for (int i = 0; i < 10; ++i)
          acc += double(x[r * 10 + i]) * w[o * 10 + i];
        ref[r * 4 + o] = float(acc);
      }
    linear(x.data(), w.data(), bias ? b.data() : nullptr, y.data(), 6, 10, 4);
    expectClose(y, ref);
  }
}

TEST(SdpaKernel, MatchesNaiveWithMask) {
  const int B = 2, L = 3, S = 5, E = 4, Ev = 6;
  auto q = randomFloats(B * L * E, 6), k = randomFloats(B * S * E, 7),
       v = randomFloats(B * S * Ev, 8), mask = randomFloats(L * S, 9);
  mask[2] = -INFINITY;
  std::vector<float> ref(B * L * Ev);
  for (int b = 0; b < B; ++b)
    for (int i = 0; i < L; ++i) {
      std::vector<double> s(S);
      double mx = -INFINITY, sum = 0;
      for (int j = 0; j < S; ++j) {
        double acc = 0;
        for (int e = 0; e < E; ++e)
          acc += double(q[(b * L + i) * E + e]) * k[(b * S + j) * E + e];
        s[j] = acc / std::sqrt(double(E)) + mask[i * S + j];
        mx = std::max(mx, s[j]);
      }
      for (int j = 0; j < S; ++j)
        sum += (s[j] = std::exp(s[j] - mx));
      for (int c = 0; c < Ev; ++c) {
        double acc = 0;
        for (int j = 0; j < S; ++j)
          acc += s[j] / sum * v[(b * S + j) * Ev + c];
        ref[(b * L + i) * Ev + c] = float(acc);
      }
    }
  std::vector<float> out(ref.size()), scratch(L * S);
  sdpa(q.data(), k.data(), v.data(), mask.data(), 1, out.data(), B, L, S, E, Ev,
       scratch.data());
  expectClose(out, ref);
}

} // namespace
