//===- MILConstants.cpp - Float data of mil.const values ------------------===//
//
// Implementation of the helpers declared in MILConstants.h.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILConstants.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"

#include <cstring>

using namespace mlir;

ElementsAttr ane::mil::makeElementsAttr(RankedTensorType type,
                                        ArrayRef<char> rawData,
                                        size_t alignment, StringRef blobName,
                                        int64_t inlineLimit) {
  // Large data goes straight into a blob, never into an interned
  // DenseElementsAttr.
  if (type.getNumElements() > inlineLimit)
    return DenseResourceElementsAttr::get(
        type, blobName,
        HeapAsmResourceBlob::allocateAndCopyWithAlign(rawData, alignment));
  return DenseElementsAttr::getFromRawBuffer(type, rawData);
}

/// `values` as row-major elements of `element`: fp16 rounded once to
/// nearest even, or fp32.
static SmallVector<char> floatBytes(Type element, ArrayRef<float> values) {
  SmallVector<char> raw;
  if (element.isF32()) {
    raw.resize(values.size() * sizeof(float));
    std::memcpy(raw.data(), values.data(), raw.size());
    return raw;
  }
  assert(element.isF16() && "fp16 or fp32 constant");
  raw.resize(values.size() * sizeof(uint16_t));
  for (auto [i, v] : llvm::enumerate(values)) {
    APFloat h(v);
    bool losesInfo;
    h.convert(APFloat::IEEEhalf(), APFloat::rmNearestTiesToEven, &losesInfo);
    auto bits = static_cast<uint16_t>(h.bitcastToAPInt().getZExtValue());
    std::memcpy(raw.data() + i * sizeof(uint16_t), &bits, sizeof(bits));
  }
  return raw;
}

ElementsAttr ane::mil::makeFloatElementsAttr(RankedTensorType type,
                                             ArrayRef<float> values,
                                             StringRef blobName,
                                             int64_t inlineLimit) {
  assert(static_cast<int64_t>(values.size()) == type.getNumElements() &&
         "one value per element");
  Type element = type.getElementType();
  return makeElementsAttr(type, floatBytes(element, values),
                          element.isF32() ? alignof(float) : alignof(uint16_t),
                          blobName, inlineLimit);
}

DenseElementsAttr ane::mil::makeDenseFloatElementsAttr(RankedTensorType type,
                                                       ArrayRef<float> values) {
  assert(static_cast<int64_t>(values.size()) == type.getNumElements() &&
         "one value per element");
  return DenseElementsAttr::getFromRawBuffer(
      type, floatBytes(type.getElementType(), values));
}

std::optional<ane::mil::RawElements> ane::mil::getRawElements(Attribute value) {
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return RawElements{dense.getRawData(), dense.isSplat()};
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      return RawElements{blob->getData(), false};
  return std::nullopt;
}

/// One fp16 or fp32 element of raw little-endian storage, as fp32.
static float loadElement(const char *data, Type element) {
  if (element.isF32()) {
    float f;
    std::memcpy(&f, data, sizeof(f));
    return f;
  }
  uint16_t bits;
  std::memcpy(&bits, data, sizeof(bits));
  APFloat h(APFloat::IEEEhalf(), APInt(16, bits));
  bool losesInfo;
  h.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &losesInfo);
  return h.convertToFloat();
}

std::optional<SmallVector<float>> ane::mil::readFloatElements(Attribute value) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return std::nullopt;
  Type element = elements.getElementType();
  if (!element.isF16() && !element.isF32())
    return std::nullopt;
  size_t elemBytes = element.isF32() ? 4 : 2;
  int64_t n = elements.getNumElements();

  std::optional<RawElements> raw = getRawElements(value);
  if (!raw || raw->bytes.size() != (raw->splat ? 1 : n) * elemBytes)
    return std::nullopt;

  SmallVector<float> out;
  out.reserve(n);
  for (int64_t i = 0; i < n; ++i)
    out.push_back(loadElement(
        raw->bytes.data() + (raw->splat ? 0 : i * elemBytes), element));
  return out;
}
