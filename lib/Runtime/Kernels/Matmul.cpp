//===- Matmul.cpp - Batched matmul and linear ---------------------------===//
//
// Batch dims broadcast like NumPy. When B is shared by every batch entry and
// A is not transposed, the batch folds into M and the whole matmul is one
// GEMM; otherwise one GEMM per batch entry.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

using namespace ane::runtime;
using namespace ane::runtime::kernels;

void ane::runtime::kernels::matmul(const float *A,
                                   llvm::ArrayRef<int64_t> aShape, bool transA,
                                   const float *B,
                                   llvm::ArrayRef<int64_t> bShape, bool transB,
                                   float *C, llvm::ArrayRef<int64_t> outShape) {
  const int64_t rank = outShape.size();
  const int64_t M = outShape[rank - 2], N = outShape[rank - 1];
  const int64_t K = transA ? aShape[aShape.size() - 2] : aShape.back();
  const int64_t lda = aShape.back(), ldb = bShape.back();
  llvm::ArrayRef<int64_t> batch = outShape.drop_back(2);
  const int64_t numBatch = numElementsOf(batch);
  const int64_t aBatch = numElementsOf(aShape.drop_back(2));
  const int64_t bBatch = numElementsOf(bShape.drop_back(2));

  if (bBatch == 1 && !transA && aBatch == numBatch) {
    gemm(false, transB, numBatch * M, N, K, 1.f, A, lda, B, ldb, 0.f, C, N);
    return;
  }
  Shape aStrides = broadcastStrides(aShape.drop_back(2), batch);
  Shape bStrides = broadcastStrides(bShape.drop_back(2), batch);
  const int64_t aMat = aShape[aShape.size() - 2] * aShape.back();
  const int64_t bMat = bShape[bShape.size() - 2] * bShape.back();
  Shape idx(batch.size(), 0);
  for (int64_t b = 0; b < numBatch; ++b) {
    int64_t aOff = 0, bOff = 0;
    for (size_t d = 0; d < batch.size(); ++d) {
      aOff += idx[d] * aStrides[d];
      bOff += idx[d] * bStrides[d];
    }
    gemm(transA, transB, M, N, K, 1.f, A + aOff * aMat, lda, B + bOff * bMat,
         ldb, 0.f, C + b * M * N, N);
    for (int64_t d = batch.size() - 1; d >= 0; --d) {
      if (++idx[d] < batch[d])
        break;
      idx[d] = 0;
    }
  }
}

void ane::runtime::kernels::linear(const float *x, const float *w,
                                   const float *bias, float *y, int64_t rows,
                                   int64_t din, int64_t dout) {
  if (bias) {
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < dout; ++j)
        y[r * dout + j] = bias[j];
  }
  gemm(false, true, rows, dout, din, 1.f, x, din, w, din, bias ? 1.f : 0.f, y,
       dout);
}
