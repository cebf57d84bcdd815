//===- QuantCommon.cpp - Helpers shared by the quantization passes --------===//
//
// Target op kinds and fp16 scale storage for
// mil-quantize-weights, mil-quantize-activations and
// mil-eliminate-quant-pairs.
//
//===----------------------------------------------------------------------===//

#include "QuantCommon.h"

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Runtime/Half.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using ane::runtime::floatToHalf;
using ane::runtime::halfToFloat;

std::optional<StringRef> ane::mil::quant::computeKind(Operation *op) {
  if (isa<ConvOp>(op))
    return StringRef("conv");
  if (isa<LinearOp>(op))
    return StringRef("linear");
  if (isa<MatmulOp>(op))
    return StringRef("matmul");
  return std::nullopt;
}

bool ane::mil::quant::isFusedActivation(Operation *op) {
  return isa<ReluOp, LeakyReluOp, SigmoidOp, TanhOp, SiluOp, GeluOp, ClipOp>(
      op);
}

float ane::mil::quant::storableScale(float scale, Type element) {
  if (!element.isF16())
    return std::max(scale, std::numeric_limits<float>::denorm_min());
  uint16_t h = floatToHalf(scale);
  if (halfToFloat(h) < scale)
    ++h; // positive halves are ordered like their bit patterns
  return std::max(halfToFloat(h), halfToFloat(1));
}

DenseElementsAttr ane::mil::quant::floatsAttr(Type element,
                                              ArrayRef<int64_t> shape,
                                              ArrayRef<float> values) {
  return makeDenseFloatElementsAttr(RankedTensorType::get(shape, element),
                                    values);
}
