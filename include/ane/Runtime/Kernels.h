//===- Kernels.h - CPU compute kernels of the interpreter -------*- C++ -*-===//
//
// Plain functions on row-major fp32 buffers (integer buffers where noted),
// independent of MLIR: the interpreter's evaluators convert operands to fp32,
// call one of these, and round the result to the declared dtype. Each family
// lives in its own file in lib/Runtime/Kernels/. Shapes are given explicitly;
// output buffers are preallocated by the caller.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_KERNELS_H
#define ANE_RUNTIME_KERNELS_H

#include "ane/Runtime/Tensor.h"

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <vector>

namespace ane::runtime::kernels {

//===----------------------------------------------------------------------===//
// GEMM (Gemm.cpp): C[M,N] = alpha * op(A)[M,K] * op(B)[K,N] + beta * C,
// row-major, through OpenBLAS cblas_sgemm.
//===----------------------------------------------------------------------===//

void gemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K,
          float alpha, const float *A, int64_t lda, const float *B, int64_t ldb,
          float beta, float *C, int64_t ldc);

//===----------------------------------------------------------------------===//
// Convolution (Conv.cpp). Spatial rank 1..3; 1-D and 2-D are handled as 3-D
// with leading unit dims. Layout NC[D]HW; weights [Cout, Cin/groups, *K] for
// conv and [Cin, Cout/groups, *K] for conv_transpose.
//===----------------------------------------------------------------------===//

struct ConvGeometry {
  int64_t batch = 1, cin = 1, cout = 1, groups = 1;
  int64_t in[3] = {1, 1, 1};     ///< input spatial dims (D, H, W)
  int64_t out[3] = {1, 1, 1};    ///< output spatial dims
  int64_t kernel[3] = {1, 1, 1}; ///< kernel spatial dims
  int64_t stride[3] = {1, 1, 1};
  int64_t dilation[3] = {1, 1, 1};
  int64_t padBefore[3] = {0, 0, 0}; ///< implicit zero padding before each dim

  int64_t inSize() const { return in[0] * in[1] * in[2]; }
  int64_t outSize() const { return out[0] * out[1] * out[2]; }
  int64_t kernelSize() const { return kernel[0] * kernel[1] * kernel[2]; }
  /// Multiply-accumulates of the convolution.
  int64_t macs() const {
    return batch * cout * outSize() * (cin / groups) * kernelSize();
  }
};

/// Scratch floats `conv2d` needs for im2col (0 for the 1x1 fast path).
int64_t convScratchSize(const ConvGeometry &g);
/// y = conv(x, w) + bias (bias may be null). `scratch` holds at least
/// convScratchSize(g) floats.
void conv(const ConvGeometry &g, const float *x, const float *w,
          const float *bias, float *y, float *scratch);

/// Scratch floats `convTranspose` needs.
int64_t convTransposeScratchSize(const ConvGeometry &g);
/// y = conv_transpose(x, w) + bias. Here `in` is the transposed conv's input
/// (the smaller side) and `out` its output; padBefore is the cropped amount.
void convTranspose(const ConvGeometry &g, const float *x, const float *w,
                   const float *bias, float *y, float *scratch);

//===----------------------------------------------------------------------===//
// Matmul (Matmul.cpp).
//===----------------------------------------------------------------------===//

/// Batched matmul with NumPy batch broadcasting. `aShape`/`bShape` have rank
/// >= 2 (the caller promotes rank-1 operands) and hold the stored layout; if
/// transA the last two dims of A are [K, M] and are transposed. `outShape`
/// is the broadcast batch shape followed by [M, N].
void matmul(const float *A, llvm::ArrayRef<int64_t> aShape, bool transA,
            const float *B, llvm::ArrayRef<int64_t> bShape, bool transB,
            float *C, llvm::ArrayRef<int64_t> outShape);

/// y[rows, Dout] = x[rows, Din] * W[Dout, Din]^T + bias[Dout] (bias may be
/// null).
void linear(const float *x, const float *w, const float *bias, float *y,
            int64_t rows, int64_t din, int64_t dout);

//===----------------------------------------------------------------------===//
// Elementwise (Elementwise.cpp): NumPy broadcasting.
//===----------------------------------------------------------------------===//

enum class BinaryKind {
  Add,
  Sub,
  Mul,
  RealDiv,
  FloorDiv,
  Mod,
  Pow,
  Maximum,
  Minimum,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  LogicalAnd,
  LogicalOr,
  LogicalXor
};

/// The broadcast shape of two shapes, or false if they do not broadcast.
bool broadcastShape(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b,
                    Shape &out);
/// Strides of `shape` (row-major) aligned to `outShape`, 0 where broadcast.
Shape broadcastStrides(llvm::ArrayRef<int64_t> shape,
                       llvm::ArrayRef<int64_t> outShape);

/// out = op(x, y) over the broadcast shape, in fp32. Comparisons and logical
/// ops produce 1.0f / 0.0f.
void binary(BinaryKind kind, const float *x, llvm::ArrayRef<int64_t> xShape,
            const float *y, llvm::ArrayRef<int64_t> yShape, float *out,
            llvm::ArrayRef<int64_t> outShape);
/// The same on int32 values (exact integer arithmetic; division truncates
/// like MIL's int real_div, floor_div floors).
void binaryInt(BinaryKind kind, const int32_t *x,
               llvm::ArrayRef<int64_t> xShape, const int32_t *y,
               llvm::ArrayRef<int64_t> yShape, int32_t *out,
               llvm::ArrayRef<int64_t> outShape);

/// out = cond ? a : b with three-way broadcasting (cond != 0 is true).
void select(const float *cond, llvm::ArrayRef<int64_t> cShape, const float *a,
            llvm::ArrayRef<int64_t> aShape, const float *b,
            llvm::ArrayRef<int64_t> bShape, float *out,
            llvm::ArrayRef<int64_t> outShape);

//===----------------------------------------------------------------------===//
// Unary ops and activations (Activation.cpp).
//===----------------------------------------------------------------------===//

enum class UnaryKind {
  // elementwise_unary
  Abs,
  Acos,
  Asin,
  Atan,
  Atanh,
  Ceil,
  Cos,
  Cosh,
  Erf,
  Exp,
  Exp2,
  Floor,
  Inverse,
  Log,
  LogicalNot,
  Round,
  Rsqrt,
  Sign,
  Sin,
  Sinh,
  Sqrt,
  Square,
  Tan,
  Tanh,
  Clip,
  Threshold,
  // activations
  Relu,
  Relu6,
  Sigmoid,
  SigmoidHard,
  Silu,
  Softplus,
  Softsign,
  Elu,
  LeakyRelu,
  LinearActivation,
  ScaledTanh,
  ThresholdedRelu,
  GeluExact,
  GeluTanh,
  GeluSigmoid
};

/// y[i] = f(x[i]); `alpha`/`beta` are the op's scalar parameters where it has
/// them (Clip: [alpha, beta] bounds; Inverse/Log/Rsqrt: alpha = epsilon;
/// Threshold: alpha; ...). One switch per call, not per element.
void unary(UnaryKind kind, const float *x, float *y, int64_t n,
           float alpha = 0.f, float beta = 0.f);

/// PReLU: y = x >= 0 ? x : alpha[c] * x, channel dim 1 of [N, C, *].
void prelu(const float *x, const float *alpha, float *y, int64_t outer,
           int64_t channels, int64_t inner);

//===----------------------------------------------------------------------===//
// Softmax and reductions (Softmax.cpp, Reduction.cpp). A tensor is viewed as
// [outer, axis, inner] for single-axis ops.
//===----------------------------------------------------------------------===//

void softmax(const float *x, float *y, int64_t outer, int64_t axis,
             int64_t inner);
void logSoftmax(const float *x, float *y, int64_t outer, int64_t axis,
                int64_t inner);

enum class ReduceKind {
  Sum,
  Mean,
  Prod,
  Max,
  Min,
  L1Norm,
  L2Norm,
  LogSum,
  LogSumExp,
  SumSquare
};

/// Reduces `x` over the axes with `reduced[i]` true; `y` has the shape with
/// those dims set to 1 (keep_dims is a reshape for the caller).
void reduce(ReduceKind kind, const float *x, llvm::ArrayRef<int64_t> shape,
            llvm::ArrayRef<bool> reduced, float *y);
/// Index of the max (min) along `axis` of [outer, axis, inner]; ties take
/// the first index, NaN wins.
void argReduce(bool isMax, const float *x, int32_t *y, int64_t outer,
               int64_t axis, int64_t inner);

//===----------------------------------------------------------------------===//
// Normalization (Norm.cpp).
//===----------------------------------------------------------------------===//

/// layer_norm over the axes marked in `normalized`; gamma/beta (may be null)
/// have the normalized dims' shape.
void layerNorm(const float *x, llvm::ArrayRef<int64_t> shape,
               llvm::ArrayRef<bool> normalized, const float *gamma,
               const float *beta, float epsilon, float *y);
/// batch_norm over channel dim 1 of [N, C, *].
void batchNorm(const float *x, const float *mean, const float *variance,
               const float *gamma, const float *beta, float epsilon, float *y,
               int64_t n, int64_t c, int64_t inner);
/// instance_norm: per (n, c) over the inner (spatial) dims.
void instanceNorm(const float *x, const float *gamma, const float *beta,
                  float epsilon, float *y, int64_t n, int64_t c, int64_t inner);
/// l2_norm: y = x / sqrt(sum(x^2) + epsilon) per outer block.
void l2Norm(const float *x, float epsilon, float *y, int64_t outer,
            int64_t inner);

//===----------------------------------------------------------------------===//
// Pooling (Pool.cpp): ConvGeometry with cin == cout == channels, groups
// unused, dilation 1.
//===----------------------------------------------------------------------===//

enum class PoolKind { Max, Avg, L2 };
/// Padded positions are ignored by max; avg divides by the kernel size
/// unless `excludePadding`.
void pool(PoolKind kind, const ConvGeometry &g, bool excludePadding,
          const float *x, float *y);

//===----------------------------------------------------------------------===//
// Quantization (Quant.cpp). Per-axis parameters index the dim `axis` of the
// tensor viewed as [outer, axis, inner]; per-tensor ones have axisSize 1.
//===----------------------------------------------------------------------===//

/// Rounds half to even (banker's rounding), like numpy.round.
float roundHalfEven(float v);
/// q = saturate(round_half_even(x / scale + zero_point)) to [qmin, qmax].
/// `scale`/`zeroPoint` have `paramCount` entries (1 or the axis size).
void quantize(const float *x, float *q, int64_t outer, int64_t axis,
              int64_t inner, const float *scale, const float *zeroPoint,
              int64_t paramCount, float qmin, float qmax);
/// x = (q - zero_point) * scale (zeroPoint may be null).
void dequantize(const float *q, float *x, int64_t outer, int64_t axis,
                int64_t inner, const float *scale, const float *zeroPoint,
                int64_t paramCount);
/// Unpacks `count` indices of `bits` bits each (1..8) from a byte stream
/// packed LSB first (index i is bits [i*bits, (i+1)*bits), bit b being bit
/// b % 8 of byte b / 8), as constexpr_lut_to_dense's iOS16 form stores
/// them. `packed` holds at least ceil(count * bits / 8) bytes.
void unpackBits(const uint8_t *packed, unsigned bits, int64_t count,
                uint8_t *indices);

//===----------------------------------------------------------------------===//
// Data movement (Gather.cpp, Shape.cpp). Element-size generic (bytes).
//===----------------------------------------------------------------------===//

/// gather along `axis`: x viewed as [outer, axisSize, inner], `indices` has
/// `numIndices` entries (negative counts from the end). Returns false on an
/// out-of-range index (reported in `badIndex`).
bool gather(const char *x, char *y, size_t elemSize, int64_t outer,
            int64_t axisSize, int64_t inner, const int32_t *indices,
            int64_t numIndices, int64_t &badIndex);
/// gather_along_axis: indices has the output's shape; y[.., i, ..] =
/// x[.., indices[.., i, ..], ..].
bool gatherAlongAxis(const char *x, char *y, size_t elemSize, int64_t outer,
                     int64_t axisSize, int64_t inner, const int32_t *indices,
                     int64_t idxAxis, int64_t &badIndex);

/// y = transpose(x, perm).
void transpose(const char *x, char *y, size_t elemSize,
               llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> perm);
/// Strided slice: y[i] = x[begin + i * stride] per dim, with outShape dims.
void slice(const char *x, char *y, size_t elemSize,
           llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> begin,
           llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> outShape);
/// Concatenation along `axis` of inputs with the given shapes. With
/// `interleave`, inputs have equal shapes and their slices alternate.
void concat(llvm::ArrayRef<const char *> xs,
            llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes, int64_t axis,
            bool interleave, char *y, size_t elemSize);
/// y = tile(x, reps).
void tile(const char *x, char *y, size_t elemSize,
          llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> reps);

enum class PadMode { Constant, Reflect, Replicate };
/// pad: `before`/`after` per dim (same rank as x); constant pads with
/// `value`.
void pad(const float *x, float *y, llvm::ArrayRef<int64_t> shape,
         llvm::ArrayRef<int64_t> before, llvm::ArrayRef<int64_t> after,
         PadMode mode, float value);

//===----------------------------------------------------------------------===//
// Attention (Attention.cpp).
//===----------------------------------------------------------------------===//

/// scaled_dot_product_attention on [batch, L, E] x [batch, S, E] x
/// [batch, S, Ev] -> [batch, L, Ev]: softmax(Q K^T / sqrt(E) + mask) V.
/// `mask` (may be null) is [maskBatch, L, S] additive (fp) with maskBatch 1
/// or batch; `scratch` holds L * S floats.
void sdpa(const float *q, const float *k, const float *v, const float *mask,
          int64_t maskBatch, float *out, int64_t batch, int64_t L, int64_t S,
          int64_t E, int64_t Ev, float *scratch);

} // namespace ane::runtime::kernels

#endif // ANE_RUNTIME_KERNELS_H
