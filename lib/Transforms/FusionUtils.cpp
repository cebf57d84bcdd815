//===- FusionUtils.cpp - Constant access shared by the fusion passes ------===//
//
// Implementation of the helpers declared in FusionUtils.h.
//
//===----------------------------------------------------------------------===//

#include "FusionUtils.h"

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;

std::optional<SmallVector<float>> ane::mil::readFloatConstant(Value value) {
  auto constOp = value.getDefiningOp<ConstOp>();
  if (!constOp)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() ||
      !(type.getElementType().isF16() || type.getElementType().isF32()))
    return std::nullopt;
  return readFloatElements(constOp.getVal());
}

Value ane::mil::createFloatConstant(PatternRewriter &rewriter, Location loc,
                                    StringRef name, RankedTensorType type,
                                    ArrayRef<float> values) {
  ElementsAttr value = makeFloatElementsAttr(type, values, name);
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

int64_t ane::mil::outputChannelAxis(Operation *op) {
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  return isa<LinearOp>(op) ? type.getRank() - 1 : 1;
}

std::optional<SmallVector<float>>
ane::mil::readChannelsOr(Value value, int64_t channels, float fill) {
  if (!value)
    return SmallVector<float>(channels, fill);
  std::optional<SmallVector<float>> values = readFloatConstant(value);
  if (!values || static_cast<int64_t>(values->size()) != channels)
    return std::nullopt;
  return values;
}

std::optional<FoldableBias> ane::mil::readBiasOrZeros(Value bias, Value weight,
                                                      int64_t channels) {
  std::optional<SmallVector<float>> values =
      readChannelsOr(bias, channels, 0.0f);
  if (!values)
    return std::nullopt;
  if (bias)
    return FoldableBias{std::move(*values),
                        cast<RankedTensorType>(bias.getType())};
  Type element = cast<RankedTensorType>(weight.getType()).getElementType();
  return FoldableBias{std::move(*values),
                      RankedTensorType::get({channels}, element)};
}
