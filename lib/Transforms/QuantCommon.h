//===- QuantCommon.h - Helpers of the quantization passes ----- -*- C++ -*-===//
//
// What the quantization passes agree on: which ops are the ANE compute layers
// quantization targets, how a scale is stored in a float dtype, and how
// scales are written as attributes (they are read with readFloatElements,
// ane/Dialect/MIL/MILConstants.h).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_QUANTCOMMON_H
#define ANE_LIB_TRANSFORMS_QUANTCOMMON_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"

#include <optional>
#include <vector>

namespace ane::mil::quant {

/// The op kind ("conv", "linear", "matmul") of a quantization target, or
/// std::nullopt for other ops.
std::optional<llvm::StringRef> computeKind(mlir::Operation *op);

/// True for the elementwise activations the ANE fuses into the preceding
/// layer (relu, leaky_relu, sigmoid, tanh, silu, gelu, clip): W8A8 puts the
/// quantize after them, as coremltools' suffix pattern does.
bool isFusedActivation(mlir::Operation *op);

/// `scale` as stored in `element` (f16 or f32): for f16 rounded up to the
/// next representable value so that `scale * qmax` still covers the range,
/// and at least the smallest positive value.
float storableScale(float scale, mlir::Type element);

/// A dense attribute of `element` (f16 or f32) holding `values`, shaped
/// `shape` (rank 0 for a scalar).
mlir::DenseElementsAttr floatsAttr(mlir::Type element,
                                   llvm::ArrayRef<int64_t> shape,
                                   llvm::ArrayRef<float> values);

} // namespace ane::mil::quant

#endif // ANE_LIB_TRANSFORMS_QUANTCOMMON_H
