//===- MILLinearOps.cpp - Verifiers and type inference: matmul, linear ---===//
//
// matmul follows NumPy matmul semantics (rank-1 promotion, batch
// broadcasting) after the optional transposes; linear is x · weightᵀ + bias.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace ane::mil;

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

namespace {
/// The operands of a matmul as matrices: rank-1 operands promoted, transposes
/// applied.
struct MatmulShapes {
  SmallVector<int64_t> x, y; // rank >= 2 each
  int64_t xRank, yRank;      // original ranks
};
} // namespace

static MatmulShapes getMatmulShapes(RankedTensorType x, RankedTensorType y,
                                    bool transposeX, bool transposeY) {
  MatmulShapes s{SmallVector<int64_t>(x.getShape()),
                 SmallVector<int64_t>(y.getShape()), x.getRank(), y.getRank()};
  if (s.xRank == 1)
    s.x.insert(s.x.begin(), 1);
  else if (s.xRank >= 2 && transposeX)
    std::swap(s.x[s.xRank - 1], s.x[s.xRank - 2]);
  if (s.yRank == 1)
    s.y.push_back(1);
  else if (s.yRank >= 2 && transposeY)
    std::swap(s.y[s.yRank - 1], s.y[s.yRank - 2]);
  return s;
}

/// The output dtype: x's, unless x is a constant and y is not (iOS17 lets
/// the dtypes differ when exactly one operand is constant).
static Type matmulElementType(Value x, Value y) {
  Type xe = cast<RankedTensorType>(x.getType()).getElementType();
  Type ye = cast<RankedTensorType>(y.getType()).getElementType();
  if (xe != ye && matchPattern(x, m_Constant()) &&
      !matchPattern(y, m_Constant()))
    return ye;
  return xe;
}

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto y = cast<RankedTensorType>(adaptor.getY().getType());
  // Same check as matmul.operand-rank in verify(): no result for scalars.
  if (x.getRank() == 0 || y.getRank() == 0) {
    if (loc)
      mlir::emitError(*loc) << "'" << (x.getRank() == 0 ? "x" : "y")
                            << "' must have rank >= 1, got a scalar";
    return failure();
  }
  MatmulShapes s =
      getMatmulShapes(x, y, adaptor.getTransposeX(), adaptor.getTransposeY());
  ArrayRef<int64_t> xb = ArrayRef(s.x).drop_back(2);
  ArrayRef<int64_t> yb = ArrayRef(s.y).drop_back(2);
  SmallVector<int64_t> shape;
  if (auto batch = broadcastShapes(std::nullopt, xb, yb))
    shape = *batch;
  else
    shape.assign(std::max(xb.size(), yb.size()), ShapedType::kDynamic);
  if (s.xRank >= 2)
    shape.push_back(s.x[s.x.size() - 2]);
  if (s.yRank >= 2)
    shape.push_back(s.y.back());
  results.push_back(RankedTensorType::get(
      shape, matmulElementType(adaptor.getX(), adaptor.getY())));
  return success();
}

LogicalResult MatmulOp::verify() {
  auto x = cast<RankedTensorType>(getX().getType());
  auto y = cast<RankedTensorType>(getY().getType());
  // matmul.operand-rank
  if (x.getRank() == 0 || y.getRank() == 0)
    return emitOpError("'") << (x.getRank() == 0 ? "x" : "y")
                            << "' must have rank >= 1, got a scalar";
  // matmul.transpose-rank1
  if (x.getRank() == 1 && getTransposeX())
    return emitOpError("'transpose_x' cannot be set for a rank-1 'x'");
  if (y.getRank() == 1 && getTransposeY())
    return emitOpError("'transpose_y' cannot be set for a rank-1 'y'");
  // matmul.dtype
  bool xConst = matchPattern(getX(), m_Constant());
  bool yConst = matchPattern(getY(), m_Constant());
  if (x.getElementType() != y.getElementType() && xConst == yConst)
    return emitOpError("'x' and 'y' must have the same dtype unless exactly "
                       "one of them is a constant, got ")
           << x.getElementType() << " and " << y.getElementType();
  MatmulShapes s = getMatmulShapes(x, y, getTransposeX(), getTransposeY());
  // matmul.inner-dims
  int64_t kx = s.x.back(), ky = s.y[s.y.size() - 2];
  if (!ShapedType::isDynamic(kx) && !ShapedType::isDynamic(ky) && kx != ky)
    return emitOpError("inner dims must match: 'x' contributes K = ")
           << kx << (getTransposeX() ? " (transposed)" : "")
           << " but 'y' contributes K = " << ky
           << (getTransposeY() ? " (transposed)" : "");
  // matmul.batch-broadcast
  if (!broadcastShapes(std::nullopt, ArrayRef(s.x).drop_back(2),
                       ArrayRef(s.y).drop_back(2)))
    return emitOpError("batch dims of 'x' ")
           << formatShape(ArrayRef(s.x).drop_back(2)) << " and 'y' "
           << formatShape(ArrayRef(s.y).drop_back(2)) << " do not broadcast";
  return success();
}

//===----------------------------------------------------------------------===//
// linear
//===----------------------------------------------------------------------===//

LogicalResult LinearOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto weight = cast<RankedTensorType>(adaptor.getWeight().getType());
  SmallVector<int64_t> shape(x.getShape());
  if (!shape.empty())
    shape.pop_back();
  shape.push_back(weight.getRank() >= 1 ? weight.getDimSize(0)
                                        : ShapedType::kDynamic);
  results.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult LinearOp::verify() {
  auto x = cast<RankedTensorType>(getX().getType());
  auto weight = cast<RankedTensorType>(getWeight().getType());
  // linear.x-rank: coremltools documents rank 1 to 3, but Apple's compiler
  // prints (and Core ML runs) rank-4 `x` in real programs, so only rank 0 is
  // rejected.
  if (x.getRank() < 1)
    return emitOpError("'x' must have rank >= 1 ([*D, D_in]), got rank 0");
  // linear.weight-rank
  if (weight.getRank() != 2)
    return emitOpError("'weight' must have rank 2 ([D_out, D_in]), got rank ")
           << weight.getRank();
  // linear.weight-din
  int64_t din = x.getShape().back();
  if (!ShapedType::isDynamic(din) && !weight.isDynamicDim(1) &&
      weight.getDimSize(1) != din)
    return emitOpError("'weight' dim 1 must be D_in = ")
           << din << " (last dim of 'x'), got " << weight.getDimSize(1);
  if (Value bias = getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    int64_t dout = weight.getDimSize(0);
    // linear.bias-shape
    if (biasType.getRank() != 1 ||
        (!ShapedType::isDynamic(dout) && !biasType.isDynamicDim(0) &&
         biasType.getDimSize(0) != dout))
      return emitOpError("'bias' must have shape [D_out] = ")
             << formatShape({dout}) << ", got "
             << formatShape(biasType.getShape());
    // linear.bias-dtype
    if (biasType.getElementType() != weight.getElementType())
      return emitOpError("'bias' dtype must match 'weight' dtype ")
             << weight.getElementType() << ", got "
             << biasType.getElementType();
  }
  return success();
}
