//===- ShapingUtils.cpp - Helpers shared by the ANE shaping passes --------===//
//
// Constant reshaping/transposition on raw bytes and reshape/transpose
// builders for the [1, C, 1, S] rewrites.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;

namespace {

/// The row-major bytes of a constant value and whether it is a splat; the
/// ArrayRef is empty when the value is neither dense nor a loaded resource.
struct RawValue {
  ArrayRef<char> bytes;
  bool splat = false;
};

FailureOr<RawValue> rawValue(Attribute value) {
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return RawValue{dense.getRawData(), dense.isSplat()};
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      return RawValue{blob->getData(), false};
  return failure();
}

/// A new value of `type` with the given row-major bytes, in the same form
/// (dense or resource) as `like`.
ElementsAttr makeLike(Attribute like, RankedTensorType type,
                      ArrayRef<char> bytes) {
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(like))
    return DenseResourceElementsAttr::get(
        type, resource.getRawHandle().getKey(),
        HeapAsmResourceBlob::allocateAndCopyInferAlign(bytes));
  return DenseElementsAttr::getFromRawBuffer(type, bytes);
}

} // namespace

FailureOr<ElementsAttr> ane::mil::reshapeElements(Attribute value,
                                                  RankedTensorType type) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getElementType() != type.getElementType() ||
      elements.getNumElements() != type.getNumElements())
    return failure();
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return ElementsAttr(dense.reshape(type));
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    if (resource.getRawHandle().getBlob())
      return ElementsAttr(
          DenseResourceElementsAttr::get(type, resource.getRawHandle()));
  return failure();
}

FailureOr<ElementsAttr> ane::mil::transposeElements2D(Attribute value) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return failure();
  auto type = cast<RankedTensorType>(elements.getType());
  Type elementType = type.getElementType();
  if (type.getRank() != 2 || !elementType.isIntOrFloat() ||
      elementType.getIntOrFloatBitWidth() % 8 != 0)
    return failure();
  auto transposed = RankedTensorType::get(
      {type.getDimSize(1), type.getDimSize(0)}, elementType);
  FailureOr<RawValue> raw = rawValue(value);
  if (failed(raw))
    return failure();
  if (raw->splat)
    return reshapeElements(value, transposed);
  const int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  const int64_t width = elementType.getIntOrFloatBitWidth() / 8;
  if ((int64_t)raw->bytes.size() != rows * cols * width)
    return failure();
  std::vector<char> out(raw->bytes.size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      std::memcpy(&out[(c * rows + r) * width],
                  &raw->bytes[(r * cols + c) * width], width);
  return makeLike(value, transposed, out);
}

Value ane::mil::createReshape(OpBuilder &b, Location loc, Value x,
                              ArrayRef<int64_t> shape) {
  auto xType = cast<RankedTensorType>(x.getType());
  SmallVector<int32_t> shape32(shape.begin(), shape.end());
  return ReshapeOp::create(b, loc,
                           RankedTensorType::get(shape, xType.getElementType()),
                           x, b.getDenseI32ArrayAttr(shape32));
}

Value ane::mil::createTranspose(OpBuilder &b, Location loc, Value x,
                                ArrayRef<int32_t> perm) {
  return TransposeOp::create(b, loc, x, b.getDenseI32ArrayAttr(perm));
}

bool ane::mil::isANELayout(ArrayRef<int64_t> shape) {
  return shape.size() == 4 && shape[0] == 1 && shape[2] == 1;
}
