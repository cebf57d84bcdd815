//===- FusionUtils.h - Constant access for the fusion passes -- -*- C++ -*-===//
//
// Reading float constants (mil.const with dense or dense_resource values),
// creating folded constants (computed in fp32, rounded once to the target
// dtype), matching constants that vary only along an op's channel axis, and
// the bias a fold into a conv-like or linear op starts from. Private to
// lib/Transforms.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_FUSIONUTILS_H
#define ANE_LIB_TRANSFORMS_FUSIONUTILS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace ane::mil {

/// The elements of `value`, widened to fp32 in row-major order (a splat is
/// expanded), when it is a `mil.const` of fp16 or fp32 with a static shape
/// whose data is available (readFloatElements); std::nullopt otherwise.
std::optional<llvm::SmallVector<float>> readFloatConstant(mlir::Value value);

/// A new `mil.const` of `type` (fp16 or fp32 elements) holding `values`
/// rounded once, to nearest even, to the element type, stored inline or as a
/// dense_resource blob as ProgramBuilder stores it (makeFloatElementsAttr).
/// The constant carries the MIL name `name`.
mlir::Value createFloatConstant(mlir::PatternRewriter &rewriter,
                                mlir::Location loc, llvm::StringRef name,
                                mlir::RankedTensorType type,
                                llvm::ArrayRef<float> values);

/// When `constant` (a readable float constant) broadcast against a result of
/// shape `resultShape` varies only along `channelAxis` and does not change
/// the broadcast shape, its value per channel (resultShape[channelAxis]
/// entries; a scalar or all-ones-shaped constant is repeated). std::nullopt
/// when the constant cannot be read or has any other shape.
std::optional<llvm::SmallVector<float>>
readPerChannelConstant(mlir::Value constant,
                       llvm::ArrayRef<int64_t> resultShape,
                       int64_t channelAxis);

/// The axis of the output channels of a conv, conv_transpose or linear
/// `op`'s result: 1, or the last axis for linear.
int64_t outputChannelAxis(mlir::Operation *op);

/// A binary op of an OpT result and a per-channel constant (see
/// matchOpAndChannelConstant).
template <typename OpT> struct OpAndChannelConstant {
  OpT op;
  /// The constant's value per output channel of `op`.
  llvm::SmallVector<float> values;
};

/// When an operand of the binary op `bin` (only its first one unless
/// `commutative`) is the result of an OpT (conv-like or linear) with no other
/// use and of `bin`'s type, and the other operand a constant that varies only
/// along that op's output channel (readPerChannelConstant): the op and the
/// constant's values. std::nullopt otherwise.
template <typename OpT>
std::optional<OpAndChannelConstant<OpT>>
matchOpAndChannelConstant(mlir::Operation *bin, bool commutative) {
  for (unsigned side = 0; side < (commutative ? 2u : 1u); ++side) {
    mlir::Value producer = bin->getOperand(side);
    auto op = producer.getDefiningOp<OpT>();
    if (!op || !producer.hasOneUse() ||
        bin->getResult(0).getType() != producer.getType())
      continue;
    std::optional<llvm::SmallVector<float>> values = readPerChannelConstant(
        bin->getOperand(1 - side),
        mlir::cast<mlir::RankedTensorType>(producer.getType()).getShape(),
        outputChannelAxis(op));
    if (values)
      return OpAndChannelConstant<OpT>{op, std::move(*values)};
  }
  return std::nullopt;
}

/// The values of `value` when it is a readable float constant of `channels`
/// elements, `channels` copies of `fill` when `value` is null (an absent
/// optional operand); std::nullopt otherwise.
std::optional<llvm::SmallVector<float>>
readChannelsOr(mlir::Value value, int64_t channels, float fill);

/// The bias a fold into a conv-like or linear op starts from, in fp32.
struct FoldableBias {
  llvm::SmallVector<float> values;
  /// The type of the folded bias.
  mlir::RankedTensorType type;
};

/// The values and type of `bias` when it is set (std::nullopt unless it is a
/// readable float constant of `channels` elements), else zeros of type
/// [channels] in `weight`'s element type.
std::optional<FoldableBias>
readBiasOrZeros(mlir::Value bias, mlir::Value weight, int64_t channels);

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_FUSIONUTILS_H
