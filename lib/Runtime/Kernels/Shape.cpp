//===- Shape.cpp - transpose, slice, concat, tile, pad ------------------===//
//
// Data movement on raw bytes (any dtype), except pad which fills with an
// fp32 constant.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cstring>

using namespace ane::runtime;

/// Copies with arbitrary source strides (in elements) into a dense output.
static void stridedCopy(const char *x, char *y, size_t elemSize,
                        llvm::ArrayRef<int64_t> outShape,
                        llvm::ArrayRef<int64_t> srcStrides, int64_t srcBase) {
  const int64_t rank = outShape.size();
  const int64_t total = numElementsOf(outShape);
  if (total == 0)
    return;
  if (rank == 0) {
    std::memcpy(y, x + srcBase * elemSize, elemSize);
    return;
  }
  const int64_t inner = outShape[rank - 1];
  const int64_t innerStride = srcStrides[rank - 1];
  Shape idx(rank, 0);
  char *dst = y;
  for (int64_t o = 0; o < total; o += inner) {
    int64_t off = srcBase;
    for (int64_t d = 0; d < rank - 1; ++d)
      off += idx[d] * srcStrides[d];
    if (innerStride == 1) {
      std::memcpy(dst, x + off * elemSize, inner * elemSize);
    } else if (elemSize == 4) {
      const uint32_t *s = reinterpret_cast<const uint32_t *>(x) + off;
      uint32_t *t = reinterpret_cast<uint32_t *>(dst);
      for (int64_t i = 0; i < inner; ++i)
        t[i] = s[i * innerStride];
    } else if (elemSize == 2) {
      const uint16_t *s = reinterpret_cast<const uint16_t *>(x) + off;
      uint16_t *t = reinterpret_cast<uint16_t *>(dst);
      for (int64_t i = 0; i < inner; ++i)
        t[i] = s[i * innerStride];
    } else {
      for (int64_t i = 0; i < inner; ++i)
        std::memcpy(dst + i * elemSize, x + (off + i * innerStride) * elemSize,
                    elemSize);
    }
    dst += inner * elemSize;
    for (int64_t d = rank - 2; d >= 0; --d) {
      if (++idx[d] < outShape[d])
        break;
      idx[d] = 0;
    }
  }
}

static Shape rowMajorStrides(llvm::ArrayRef<int64_t> shape) {
  Shape s(shape.size());
  int64_t st = 1;
  for (int64_t d = shape.size() - 1; d >= 0; --d) {
    s[d] = st;
    st *= shape[d];
  }
  return s;
}

void ane::runtime::kernels::transpose(const char *x, char *y, size_t elemSize,
                                      llvm::ArrayRef<int64_t> shape,
                                      llvm::ArrayRef<int64_t> perm) {
  Shape in = rowMajorStrides(shape);
  Shape outShape, strides;
  for (int64_t p : perm) {
    outShape.push_back(shape[p]);
    strides.push_back(in[p]);
  }
  stridedCopy(x, y, elemSize, outShape, strides, 0);
}

void ane::runtime::kernels::slice(const char *x, char *y, size_t elemSize,
                                  llvm::ArrayRef<int64_t> shape,
                                  llvm::ArrayRef<int64_t> begin,
                                  llvm::ArrayRef<int64_t> stride,
                                  llvm::ArrayRef<int64_t> outShape) {
  Shape in = rowMajorStrides(shape);
  Shape strides(shape.size());
  int64_t base = 0;
  for (size_t d = 0; d < shape.size(); ++d) {
    base += begin[d] * in[d];
    strides[d] = stride[d] * in[d];
  }
  stridedCopy(x, y, elemSize, outShape, strides, base);
}

void ane::runtime::kernels::concat(
    llvm::ArrayRef<const char *> xs,
    llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes, int64_t axis,
    bool interleave, char *y, size_t elemSize) {
  if (xs.empty())
    return;
  llvm::ArrayRef<int64_t> s0 = shapes[0];
  int64_t outer = numElementsOf(s0.take_front(axis));
  int64_t inner = numElementsOf(s0.drop_front(axis + 1));
  char *dst = y;
  if (interleave) {
    // Slices of size 1 along the axis alternate between the inputs.
    int64_t axisSize = s0[axis];
    size_t row = inner * elemSize;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t a = 0; a < axisSize; ++a)
        for (const char *x : xs) {
          std::memcpy(dst, x + (o * axisSize + a) * row, row);
          dst += row;
        }
    return;
  }
  for (int64_t o = 0; o < outer; ++o)
    for (size_t i = 0; i < xs.size(); ++i) {
      size_t chunk = shapes[i][axis] * inner * elemSize;
      std::memcpy(dst, xs[i] + o * chunk, chunk);
      dst += chunk;
    }
}

void ane::runtime::kernels::tile(const char *x, char *y, size_t elemSize,
                                 llvm::ArrayRef<int64_t> shape,
                                 llvm::ArrayRef<int64_t> reps) {
  Shape in = rowMajorStrides(shape);
  // View the output as [r0, s0, r1, s1, ...] with stride 0 on the reps.
  Shape outShape, strides;
  for (size_t d = 0; d < shape.size(); ++d) {
    outShape.push_back(reps[d]);
    strides.push_back(0);
    outShape.push_back(shape[d]);
    strides.push_back(in[d]);
  }
  stridedCopy(x, y, elemSize, outShape, strides, 0);
}

void ane::runtime::kernels::pad(const float *x, float *y,
                                llvm::ArrayRef<int64_t> shape,
                                llvm::ArrayRef<int64_t> before,
                                llvm::ArrayRef<int64_t> after, PadMode mode,
                                float value) {
  const int64_t rank = shape.size();
  Shape outShape(rank);
  for (int64_t d = 0; d < rank; ++d)
    outShape[d] = shape[d] + before[d] + after[d];
  Shape in = rowMajorStrides(shape);
  const int64_t total = numElementsOf(outShape);
  Shape idx(rank, 0);
  for (int64_t o = 0; o < total; ++o) {
    int64_t off = 0;
    bool inside = true;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t i = idx[d] - before[d];
      if (i < 0 || i >= shape[d]) {
        if (mode == PadMode::Constant) {
          inside = false;
          break;
        }
        if (mode == PadMode::Replicate) {
          i = i < 0 ? 0 : shape[d] - 1;
        } else { // reflect (edge not repeated)
          int64_t n = shape[d];
          if (n == 1) {
            i = 0;
          } else {
            int64_t period = 2 * (n - 1);
            i = ((i % period) + period) % period;
            if (i >= n)
              i = period - i;
          }
        }
      }
      off += i * in[d];
    }
    y[o] = inside ? x[off] : value;
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++idx[d] < outShape[d])
        break;
      idx[d] = 0;
    }
  }
}
