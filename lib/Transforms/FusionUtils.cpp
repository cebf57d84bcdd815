//===- FusionUtils.cpp - Constant access shared by the fusion passes ------===//
//
// Implementation of the helpers declared in FusionUtils.h.
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"

#include <cstring>

using namespace mlir;
using namespace ane::mil;

/// Elements of a constant above this count are stored as dense_resource
/// blobs (the ProgramBuilder default).
static constexpr int64_t kInlineConstantLimit = 64;

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

std::optional<SmallVector<float>> ane::mil::readFloatConstant(Value value) {
  auto constOp = value.getDefiningOp<ConstOp>();
  if (!constOp)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() ||
      !(type.getElementType().isF16() || type.getElementType().isF32()))
    return std::nullopt;
  Type element = type.getElementType();
  size_t elemBytes = element.isF32() ? 4 : 2;
  int64_t n = type.getNumElements();

  ArrayRef<char> raw;
  bool splat = false;
  if (auto dense = dyn_cast<DenseElementsAttr>(constOp.getVal())) {
    raw = dense.getRawData();
    splat = dense.isSplat();
  } else if (auto resource =
                 dyn_cast<DenseResourceElementsAttr>(constOp.getVal())) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    raw = blob->getData();
  } else {
    return std::nullopt;
  }
  if (splat ? raw.size() != elemBytes : raw.size() != n * elemBytes)
    return std::nullopt;

  SmallVector<float> out;
  out.reserve(n);
  for (int64_t i = 0; i < n; ++i)
    out.push_back(
        loadElement(raw.data() + (splat ? 0 : i * elemBytes), element));
  return out;
}

Value ane::mil::createFloatConstant(PatternRewriter &rewriter, Location loc,
                                    StringRef name, RankedTensorType type,
                                    ArrayRef<float> values) {
  assert(static_cast<int64_t>(values.size()) == type.getNumElements() &&
         "one value per element");
  Type element = type.getElementType();
  SmallVector<char> raw;
  size_t alignment;
  if (element.isF32()) {
    raw.resize(values.size() * sizeof(float));
    std::memcpy(raw.data(), values.data(), raw.size());
    alignment = alignof(float);
  } else {
    assert(element.isF16() && "fp16 or fp32 constant");
    raw.resize(values.size() * sizeof(uint16_t));
    for (auto [i, v] : llvm::enumerate(values)) {
      APFloat h(v);
      bool losesInfo;
      h.convert(APFloat::IEEEhalf(), APFloat::rmNearestTiesToEven, &losesInfo);
      auto bits = static_cast<uint16_t>(h.bitcastToAPInt().getZExtValue());
      std::memcpy(raw.data() + i * sizeof(uint16_t), &bits, sizeof(bits));
    }
    alignment = alignof(uint16_t);
  }
  ElementsAttr value;
  if (type.getNumElements() > kInlineConstantLimit)
    value = DenseResourceElementsAttr::get(
        type, name,
        HeapAsmResourceBlob::allocateAndCopyWithAlign(raw, alignment));
  else
    value = DenseElementsAttr::getFromRawBuffer(type, raw);
  Location named = NameLoc::get(rewriter.getStringAttr(name),
                                UnknownLoc::get(loc.getContext()));
  return ConstOp::create(rewriter,
                         FusedLoc::get(loc.getContext(), {named, loc}), value);
}

std::optional<SmallVector<float>>
ane::mil::readPerChannelConstant(Value constant, ArrayRef<int64_t> resultShape,
                                 int64_t channelAxis) {
  auto type = dyn_cast<RankedTensorType>(constant.getType());
  if (!type || type.getRank() > static_cast<int64_t>(resultShape.size()))
    return std::nullopt;
  int64_t channels = resultShape[channelAxis];
  if (ShapedType::isDynamic(channels))
    return std::nullopt;
  // Right-aligned against the result, every dim must be 1 except the one on
  // the channel axis, which may be the channel count.
  int64_t offset = resultShape.size() - type.getRank();
  bool perChannel = false;
  for (auto [i, dim] : llvm::enumerate(type.getShape())) {
    if (dim == 1)
      continue;
    if (static_cast<int64_t>(i) + offset != channelAxis || dim != channels)
      return std::nullopt;
    perChannel = true;
  }
  std::optional<SmallVector<float>> values = readFloatConstant(constant);
  if (!values)
    return std::nullopt;
  if (!perChannel)
    return SmallVector<float>(channels, (*values)[0]);
  return values;
}

StringRef ane::mil::milNameOf(Operation *op) {
  Location loc = op->getLoc();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location l : fused.getLocations())
      if (auto name = dyn_cast<NameLoc>(l))
        return name.getName().getValue();
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().getValue();
  return "";
}

std::string ane::mil::derivedName(StringRef base, StringRef suffix,
                                  StringRef fallback) {
  return base.empty() ? fallback.str() : (base + suffix).str();
}
