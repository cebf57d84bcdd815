//===- MILConvOps.cpp - Verifiers and type inference: conv, conv_transpose ===//
//
// Result-type inference follows MIL's output-size formulas and falls back to
// `?` where a parameter is inconsistent; the verifiers report those cases,
// each check tagged with its rule id.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;

namespace {
/// Window attributes of one conv-like op, with MIL's defaults filled in.
struct Window {
  SmallVector<int64_t> strides, dilations, padBegin, padEnd;
};
} // namespace

static Window getWindow(int64_t spatialRank,
                        std::optional<ArrayRef<int32_t>> strides,
                        std::optional<ArrayRef<int32_t>> dilations,
                        std::optional<ArrayRef<int32_t>> pad) {
  Window w;
  for (int64_t i = 0; i < spatialRank; ++i) {
    // A wrong-length attribute yields `?` dims (0 is never a valid value).
    auto at = [&](std::optional<ArrayRef<int32_t>> v, int64_t len, int64_t idx,
                  int64_t dflt) -> int64_t {
      if (!v)
        return dflt;
      return static_cast<int64_t>(v->size()) == len ? (*v)[idx] : 0;
    };
    w.strides.push_back(at(strides, spatialRank, i, 1));
    w.dilations.push_back(at(dilations, spatialRank, i, 1));
    int64_t pb = at(pad, 2 * spatialRank, 2 * i, 0);
    int64_t pe = at(pad, 2 * spatialRank, 2 * i + 1, 0);
    bool badPad = pad && static_cast<int64_t>(pad->size()) != 2 * spatialRank;
    w.padBegin.push_back(badPad ? -1 : pb);
    w.padEnd.push_back(badPad ? -1 : pe);
  }
  return w;
}

static bool isValidSpatialRank(int64_t rank) { return rank >= 3 && rank <= 5; }

//===----------------------------------------------------------------------===//
// conv
//===----------------------------------------------------------------------===//

LogicalResult ConvOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto weight = cast<RankedTensorType>(adaptor.getWeight().getType());
  int64_t rank = x.getRank();
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  if (rank >= 1)
    shape[0] = x.getDimSize(0);
  if (rank >= 2 && weight.getRank() >= 1)
    shape[1] = weight.getDimSize(0);
  if (isValidSpatialRank(rank) && weight.getRank() == rank) {
    int64_t spatialRank = rank - 2;
    StringRef padType = adaptor.getPadType();
    Window w = getWindow(spatialRank, adaptor.getStrides(),
                         adaptor.getDilations(), adaptor.getPad());
    for (int64_t i = 0; i < spatialRank; ++i) {
      bool custom = padType == "custom";
      if (custom && w.padBegin[i] < 0)
        continue;
      int64_t d = windowOutputDim(x.getDimSize(i + 2), weight.getDimSize(i + 2),
                                  w.strides[i], w.dilations[i], padType,
                                  w.padBegin[i], w.padEnd[i]);
      shape[i + 2] =
          d > 0 || ShapedType::isDynamic(d) ? d : ShapedType::kDynamic;
    }
  }
  results.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

/// The rules conv and conv_transpose share: x has 1-3 spatial dims, weight
/// has x's rank (`layout` names its dims), groups is positive.
/// Rule ids: <op>.x-rank, <op>.weight-rank, <op>.groups-positive.
static LogicalResult verifyConvRanksAndGroups(Operation *op, RankedTensorType x,
                                              RankedTensorType weight,
                                              int64_t groups,
                                              StringRef layout) {
  int64_t rank = x.getRank();
  if (!isValidSpatialRank(rank))
    return op->emitOpError("'x' must have rank 3 to 5 ([N, C_in, *D] with 1-3 "
                           "spatial dims), got rank ")
           << rank;
  if (weight.getRank() != rank)
    return op->emitOpError("'weight' must have the rank of 'x' (")
           << rank << ", " << layout << "), got rank " << weight.getRank();
  if (groups < 1)
    return op->emitOpError("'groups' must be positive, got ") << groups;
  return success();
}

LogicalResult ConvOp::verify() {
  auto x = cast<RankedTensorType>(getX().getType());
  auto weight = cast<RankedTensorType>(getWeight().getType());
  int64_t groups = static_cast<int32_t>(getGroups());
  if (failed(verifyConvRanksAndGroups(*this, x, weight, groups,
                                      "[C_out, C_in / groups, *K]")))
    return failure();
  int64_t rank = x.getRank();
  int64_t spatialRank = rank - 2;
  int64_t cin = x.getDimSize(1), cout = weight.getDimSize(0);
  if (!ShapedType::isDynamic(cin)) {
    // conv.groups-divide-cin
    if (cin % groups != 0)
      return emitOpError("'x' channels C_in = ")
             << cin << " must be divisible by 'groups' = " << groups;
    // conv.weight-cin-per-group
    int64_t perGroup = weight.getDimSize(1);
    if (!ShapedType::isDynamic(perGroup) && perGroup != cin / groups)
      return emitOpError("'weight' dim 1 must be C_in / groups = ")
             << cin / groups << ", got " << perGroup;
  }
  // conv.groups-divide-cout
  if (!ShapedType::isDynamic(cout) && cout % groups != 0)
    return emitOpError("'weight' dim 0 (C_out = ")
           << cout << ") must be divisible by 'groups' = " << groups;
  if (Value bias = getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    // conv.bias-shape
    if (biasType.getRank() != 1 ||
        (!ShapedType::isDynamic(cout) && !biasType.isDynamicDim(0) &&
         biasType.getDimSize(0) != cout))
      return emitOpError("'bias' must have shape [C_out] = ")
             << formatShape({cout}) << ", got "
             << formatShape(biasType.getShape());
    // conv.bias-dtype
    if (biasType.getElementType() != weight.getElementType())
      return emitOpError("'bias' dtype must match 'weight' dtype ")
             << weight.getElementType() << ", got "
             << biasType.getElementType();
  }
  if (failed(verifyWindowAttrs(*this, spatialRank, getStrides(), getDilations(),
                               getPad())))
    return failure();
  // conv.same-lower-opset
  if (getPadType() == "same_lower") {
    std::optional<Opset> opset = getEnclosingOpset(*this);
    if (opset && *opset < Opset::ios16)
      return emitOpError("'pad_type' = \"same_lower\" requires opset ios16 "
                         "or later, got ")
             << stringifyOpset(*opset);
  }
  // conv.dynamic-weight-dilations
  if (auto dilations = getDilations();
      dilations && !isMILConstant(getWeight()) &&
      llvm::any_of(*dilations, [](int32_t d) { return d != 1; }))
    return emitOpError("'dilations' must be all 1 when 'weight' is not a "
                       "constant, got ")
           << formatShape(llvm::to_vector_of<int64_t>(*dilations));
  // conv.output-size
  Window w = getWindow(spatialRank, getStrides(), getDilations(), getPad());
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t d = windowOutputDim(x.getDimSize(i + 2), weight.getDimSize(i + 2),
                                w.strides[i], w.dilations[i], getPadType(),
                                w.padBegin[i], w.padEnd[i]);
    if (!ShapedType::isDynamic(d) && d < 1)
      return emitOpError("spatial dim ")
             << i << " of 'x' (" << x.getDimSize(i + 2)
             << " plus padding) is smaller than the dilated kernel ("
             << (weight.getDimSize(i + 2) - 1) * w.dilations[i] + 1 << ")";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// conv_transpose
//===----------------------------------------------------------------------===//

LogicalResult
ConvTransposeOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                  Adaptor adaptor,
                                  SmallVectorImpl<Type> &results) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto weight = cast<RankedTensorType>(adaptor.getWeight().getType());
  int64_t rank = x.getRank();
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  if (auto outputShape = adaptor.getOutputShape();
      outputShape && static_cast<int64_t>(outputShape->size()) == rank) {
    for (auto [i, d] : llvm::enumerate(*outputShape))
      shape[i] = d < 0 ? ShapedType::kDynamic : d;
    results.push_back(RankedTensorType::get(shape, x.getElementType()));
    return success();
  }
  int64_t groups = static_cast<int32_t>(adaptor.getGroups());
  if (rank >= 1)
    shape[0] = x.getDimSize(0);
  if (rank >= 2 && weight.getRank() >= 2 && !weight.isDynamicDim(1) &&
      groups >= 1)
    shape[1] = weight.getDimSize(1) * groups;
  if (isValidSpatialRank(rank) && weight.getRank() == rank) {
    int64_t spatialRank = rank - 2;
    StringRef padType = adaptor.getPadType();
    Window w = getWindow(spatialRank, adaptor.getStrides(),
                         adaptor.getDilations(), adaptor.getPad());
    for (int64_t i = 0; i < spatialRank; ++i) {
      int64_t in = x.getDimSize(i + 2), k = weight.getDimSize(i + 2);
      int64_t s = w.strides[i], dil = w.dilations[i];
      if (ShapedType::isDynamic(in) || s < 1)
        continue;
      if (padType == "same") {
        shape[i + 2] = in * s;
        continue;
      }
      if (ShapedType::isDynamic(k) || dil < 1)
        continue;
      int64_t d = (in - 1) * s + (k - 1) * dil + 1;
      if (padType == "custom") {
        if (w.padBegin[i] < 0)
          continue;
        d -= w.padBegin[i] + w.padEnd[i];
      }
      if (d > 0)
        shape[i + 2] = d;
    }
  }
  results.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult ConvTransposeOp::verify() {
  auto x = cast<RankedTensorType>(getX().getType());
  auto weight = cast<RankedTensorType>(getWeight().getType());
  int64_t groups = static_cast<int32_t>(getGroups());
  if (failed(verifyConvRanksAndGroups(*this, x, weight, groups,
                                      "[C_in, C_out / groups, *K]")))
    return failure();
  int64_t rank = x.getRank();
  int64_t spatialRank = rank - 2;
  int64_t cin = x.getDimSize(1);
  if (!ShapedType::isDynamic(cin)) {
    // conv_transpose.groups-divide-cin
    if (cin % groups != 0)
      return emitOpError("'x' channels C_in = ")
             << cin << " must be divisible by 'groups' = " << groups;
    // conv_transpose.weight-cin
    if (!weight.isDynamicDim(0) && weight.getDimSize(0) != cin)
      return emitOpError("'weight' dim 0 must be C_in = ")
             << cin << ", got " << weight.getDimSize(0);
  }
  int64_t cout = weight.isDynamicDim(1) ? ShapedType::kDynamic
                                        : weight.getDimSize(1) * groups;
  if (Value bias = getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    // conv_transpose.bias-shape
    if (biasType.getRank() != 1 ||
        (!ShapedType::isDynamic(cout) && !biasType.isDynamicDim(0) &&
         biasType.getDimSize(0) != cout))
      return emitOpError("'bias' must have shape [C_out] = ")
             << formatShape({cout}) << ", got "
             << formatShape(biasType.getShape());
    // conv_transpose.bias-dtype
    if (biasType.getElementType() != weight.getElementType())
      return emitOpError("'bias' dtype must match 'weight' dtype ")
             << weight.getElementType() << ", got "
             << biasType.getElementType();
  }
  if (failed(verifyWindowAttrs(*this, spatialRank, getStrides(), getDilations(),
                               getPad())))
    return failure();
  if (auto outputShape = getOutputShape()) {
    // conv_transpose.output-shape-length
    if (static_cast<int64_t>(outputShape->size()) != rank)
      return emitOpError("'output_shape' must have ")
             << rank << " values (the rank of 'x'), got "
             << outputShape->size();
    // conv_transpose.output-shape-batch-channels
    int64_t n = x.getDimSize(0);
    if ((!ShapedType::isDynamic(n) && (*outputShape)[0] != n) ||
        (!ShapedType::isDynamic(cout) && (*outputShape)[1] != cout))
      return emitOpError("'output_shape' must start with [N, C_out] = ")
             << formatShape({n, cout}) << ", got "
             << formatShape({(*outputShape)[0], (*outputShape)[1]});
  }
  // conv_transpose.output-size
  if (!getOutputShape()) {
    SmallVector<Type> inferred;
    (void)inferReturnTypes(getContext(), getLoc(), Adaptor(*this), inferred);
    auto shape = cast<RankedTensorType>(inferred[0]).getShape();
    for (int64_t i = 0; i < spatialRank; ++i)
      if (ShapedType::isDynamic(shape[i + 2]) && !x.isDynamicDim(i + 2) &&
          !weight.isDynamicDim(i + 2))
        return emitOpError("spatial dim ")
               << i << " of the output would be empty: the custom 'pad' "
               << "removes the whole (D - 1) * stride + k_eff extent";
  }
  return success();
}
