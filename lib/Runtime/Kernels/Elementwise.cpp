//===- Elementwise.cpp - Binary ops with NumPy broadcasting -------------===//
//
// The op is a template parameter, so the inner loop is a plain strided loop
// over the last dim (stride 0 where an operand broadcasts); the kind switch
// runs once per call.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cmath>

using namespace ane::runtime;
using namespace ane::runtime::kernels;

bool ane::runtime::kernels::broadcastShape(llvm::ArrayRef<int64_t> a,
                                           llvm::ArrayRef<int64_t> b,
                                           Shape &out) {
  size_t rank = std::max(a.size(), b.size());
  out.assign(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return false;
    out[i] = da == 1 ? db : da;
  }
  return true;
}

Shape ane::runtime::kernels::broadcastStrides(
    llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> outShape) {
  Shape strides(outShape.size(), 0);
  int64_t stride = 1;
  size_t offset = outShape.size() - shape.size();
  for (int64_t i = shape.size() - 1; i >= 0; --i) {
    strides[i + offset] = shape[i] == 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

namespace {
/// Calls f(outIndex, xOffset, yOffset, count, xStep, yStep) for each run of
/// the innermost dim.
template <typename F>
void forEachRow(llvm::ArrayRef<int64_t> xShape, llvm::ArrayRef<int64_t> yShape,
                llvm::ArrayRef<int64_t> outShape, F f) {
  const int64_t total = numElementsOf(outShape);
  if (total == 0)
    return;
  if (outShape.empty()) {
    f(0, 0, 0, 1, 0, 0);
    return;
  }
  Shape xs = broadcastStrides(xShape, outShape);
  Shape ys = broadcastStrides(yShape, outShape);
  const int64_t rank = outShape.size();
  const int64_t inner = outShape[rank - 1];
  Shape idx(rank, 0);
  for (int64_t o = 0; o < total; o += inner) {
    int64_t xo = 0, yo = 0;
    for (int64_t d = 0; d < rank - 1; ++d) {
      xo += idx[d] * xs[d];
      yo += idx[d] * ys[d];
    }
    f(o, xo, yo, inner, xs[rank - 1], ys[rank - 1]);
    for (int64_t d = rank - 2; d >= 0; --d) {
      if (++idx[d] < outShape[d])
        break;
      idx[d] = 0;
    }
  }
}

template <typename T, typename Op>
void run(const T *x, llvm::ArrayRef<int64_t> xShape, const T *y,
         llvm::ArrayRef<int64_t> yShape, T *out,
         llvm::ArrayRef<int64_t> outShape, Op op) {
  forEachRow(xShape, yShape, outShape,
             [&](int64_t o, int64_t xo, int64_t yo, int64_t n, int64_t xst,
                 int64_t yst) {
               const T *xp = x + xo;
               const T *yp = y + yo;
               T *op_ = out + o;
               if (xst == 1 && yst == 1) {
                 for (int64_t i = 0; i < n; ++i)
                   op_[i] = op(xp[i], yp[i]);
               } else if (xst == 1 && yst == 0) {
                 T b = *yp;
                 for (int64_t i = 0; i < n; ++i)
                   op_[i] = op(xp[i], b);
               } else if (xst == 0 && yst == 1) {
                 T a = *xp;
                 for (int64_t i = 0; i < n; ++i)
                   op_[i] = op(a, yp[i]);
               } else {
                 for (int64_t i = 0; i < n; ++i)
                   op_[i] = op(xp[i * xst], yp[i * yst]);
               }
             });
}

float floorMod(float a, float b) {
  float r = std::fmod(a, b);
  if (r != 0.f && ((r < 0.f) != (b < 0.f)))
    r += b;
  return r;
}

int32_t floorDivInt(int32_t a, int32_t b) {
  if (b == 0)
    return 0;
  int32_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    --q;
  return q;
}
} // namespace

template <typename T, typename Dispatch>
static void dispatchBinary(BinaryKind kind, Dispatch &&d) {
  using K = BinaryKind;
  switch (kind) {
  case K::Add:
    return d([](T a, T b) { return T(a + b); });
  case K::Sub:
    return d([](T a, T b) { return T(a - b); });
  case K::Mul:
    return d([](T a, T b) { return T(a * b); });
  case K::Maximum:
    return d([](T a, T b) { return (a != a || a > b) ? a : b; });
  case K::Minimum:
    return d([](T a, T b) { return (a != a || a < b) ? a : b; });
  case K::Equal:
    return d([](T a, T b) { return T(a == b); });
  case K::NotEqual:
    return d([](T a, T b) { return T(a != b); });
  case K::Less:
    return d([](T a, T b) { return T(a < b); });
  case K::LessEqual:
    return d([](T a, T b) { return T(a <= b); });
  case K::Greater:
    return d([](T a, T b) { return T(a > b); });
  case K::GreaterEqual:
    return d([](T a, T b) { return T(a >= b); });
  case K::LogicalAnd:
    return d([](T a, T b) { return T(a != 0 && b != 0); });
  case K::LogicalOr:
    return d([](T a, T b) { return T(a != 0 || b != 0); });
  case K::LogicalXor:
    return d([](T a, T b) { return T((a != 0) != (b != 0)); });
  default:
    break;
  }
  if constexpr (std::is_same_v<T, float>) {
    switch (kind) {
    case K::RealDiv:
      return d([](float a, float b) { return a / b; });
    case K::FloorDiv:
      return d([](float a, float b) { return std::floor(a / b); });
    case K::Mod:
      return d([](float a, float b) { return floorMod(a, b); });
    case K::Pow:
      return d([](float a, float b) { return std::pow(a, b); });
    default:
      return;
    }
  } else {
    switch (kind) {
    case K::RealDiv: // MIL: int real_div truncates toward zero
      return d([](int32_t a, int32_t b) { return b ? a / b : 0; });
    case K::FloorDiv:
      return d([](int32_t a, int32_t b) { return floorDivInt(a, b); });
    case K::Mod:
      return d([](int32_t a, int32_t b) {
        return b ? a - floorDivInt(a, b) * b : 0;
      });
    case K::Pow:
      return d([](int32_t a, int32_t b) {
        int64_t r = 1;
        for (int32_t i = 0; i < b; ++i)
          r *= a;
        return b < 0 ? 0 : int32_t(r);
      });
    default:
      return;
    }
  }
}

void ane::runtime::kernels::binary(BinaryKind kind, const float *x,
                                   llvm::ArrayRef<int64_t> xShape,
                                   const float *y,
                                   llvm::ArrayRef<int64_t> yShape, float *out,
                                   llvm::ArrayRef<int64_t> outShape) {
  dispatchBinary<float>(kind, [&](auto op) {
    run<float>(x, xShape, y, yShape, out, outShape, op);
  });
}

void ane::runtime::kernels::binaryInt(BinaryKind kind, const int32_t *x,
                                      llvm::ArrayRef<int64_t> xShape,
                                      const int32_t *y,
                                      llvm::ArrayRef<int64_t> yShape,
                                      int32_t *out,
                                      llvm::ArrayRef<int64_t> outShape) {
  dispatchBinary<int32_t>(kind, [&](auto op) {
    run<int32_t>(x, xShape, y, yShape, out, outShape, op);
  });
}

void ane::runtime::kernels::select(const float *cond,
                                   llvm::ArrayRef<int64_t> cShape,
                                   const float *a,
                                   llvm::ArrayRef<int64_t> aShape,
                                   const float *b,
                                   llvm::ArrayRef<int64_t> bShape, float *out,
                                   llvm::ArrayRef<int64_t> outShape) {
  Shape cs = broadcastStrides(cShape, outShape);
  Shape as = broadcastStrides(aShape, outShape);
  Shape bs = broadcastStrides(bShape, outShape);
  const int64_t total = numElementsOf(outShape), rank = outShape.size();
  Shape idx(rank, 0);
  for (int64_t o = 0; o < total; ++o) {
    int64_t co = 0, ao = 0, bo = 0;
    for (int64_t d = 0; d < rank; ++d) {
      co += idx[d] * cs[d];
      ao += idx[d] * as[d];
      bo += idx[d] * bs[d];
    }
    out[o] = cond[co] != 0.f ? a[ao] : b[bo];
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++idx[d] < outShape[d])
        break;
      idx[d] = 0;
    }
  }
}
