//===- MILTypeInference.cpp - Shape rules shared by mil ops ---------------===//
//
// Broadcasting and other result-type rules used by several op families.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILTypeInference.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;

std::optional<SmallVector<int64_t>>
ane::mil::broadcastShapes(std::optional<Location> loc, ArrayRef<int64_t> a,
                          ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == 1) {
      result[i] = db;
    } else if (db == 1 || da == db) {
      result[i] = da;
    } else if (ShapedType::isDynamic(da) || ShapedType::isDynamic(db)) {
      result[i] = ShapedType::isDynamic(da) ? db : da;
    } else {
      if (loc)
        emitError(*loc) << "shapes do not broadcast: dimension " << i
                        << " (right-aligned) is " << da << " in x and " << db
                        << " in y";
      return std::nullopt;
    }
  }
  return result;
}

LogicalResult
ane::mil::inferBroadcastResult(std::optional<Location> loc, Type x, Type y,
                               Type resultElement,
                               SmallVectorImpl<Type> &results) {
  auto xType = cast<RankedTensorType>(x);
  auto yType = cast<RankedTensorType>(y);
  if (xType.getElementType() != yType.getElementType()) {
    if (loc)
      emitError(*loc) << "x and y must have the same dtype, got "
                      << xType.getElementType() << " and "
                      << yType.getElementType();
    return failure();
  }
  auto shape = broadcastShapes(loc, xType.getShape(), yType.getShape());
  if (!shape)
    return failure();
  results.push_back(RankedTensorType::get(
      *shape, resultElement ? resultElement : xType.getElementType()));
  return success();
}
