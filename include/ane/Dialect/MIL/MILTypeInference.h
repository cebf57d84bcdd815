//===- MILTypeInference.h - Shape rules shared by mil ops ----- -*- C++ -*-===//
//
// Result-type rules used by the inference methods of several op families
// (broadcasting, ...). Each emits a located error when given a location.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILTYPEINFERENCE_H
#define ANE_DIALECT_MIL_MILTYPEINFERENCE_H

#include "ane/Dialect/MIL/MILParams.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/TypeRange.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace ane::mil {

/// NumPy broadcasting of two shapes (dynamic dims allowed). Returns
/// std::nullopt, and emits an error at `loc` if given, when a pair of dims
/// differs and neither is 1.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(std::optional<mlir::Location> loc, llvm::ArrayRef<int64_t> a,
                llvm::ArrayRef<int64_t> b);

/// Infers the result of an elementwise binary op: broadcast shape, and
/// `resultElement` (or the operands' element type when null). Fails when x
/// and y have different element types or do not broadcast.
llvm::LogicalResult
inferBroadcastResult(std::optional<mlir::Location> loc, mlir::Type x,
                     mlir::Type y, mlir::Type resultElement,
                     llvm::SmallVectorImpl<mlir::Type> &results);

//===----------------------------------------------------------------------===//
// conv, conv_transpose, avg_pool, max_pool, matmul, linear,
// scaled_dot_product_attention
//===----------------------------------------------------------------------===//

/// Result-type compatibility for ops whose inference falls back to dynamic
/// dims (`?`) when a parameter is inconsistent (the verifier then reports
/// it): same count, same element types, same ranks, and each dim pair equal
/// or one of them dynamic.
bool areCompatibleResultTypes(mlir::TypeRange inferred, mlir::TypeRange actual);

/// One spatial output dim of conv / pooling. `padType` is "valid", "same",
/// "same_lower" or "custom" (only then are padBegin/padEnd used). Returns
/// ShapedType::kDynamic for a dynamic input or non-positive
/// stride/dilation/kernel, and a value <= 0 when the window does not fit.
int64_t windowOutputDim(int64_t in, int64_t kernel, int64_t stride,
                        int64_t dilation, llvm::StringRef padType,
                        int64_t padBegin, int64_t padEnd,
                        bool ceilMode = false);

/// Verifies the window attributes shared by conv and pooling ops: lengths
/// (spatialRank, or 2 * spatialRank for `pad`), positive strides/dilations,
/// non-negative pad. Rule ids `<op>.strides-length`, `<op>.strides-positive`,
/// `<op>.dilations-length`, `<op>.dilations-positive`, `<op>.pad-length`,
/// `<op>.pad-nonnegative`.
llvm::LogicalResult
verifyWindowAttrs(mlir::Operation *op, int64_t spatialRank,
                  std::optional<llvm::ArrayRef<int32_t>> strides,
                  std::optional<llvm::ArrayRef<int32_t>> dilations,
                  std::optional<llvm::ArrayRef<int32_t>> pad);

/// Formats a shape as MIL prints it: [1, 64, ?, 32].
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// True when `value` is a compile-time constant in MIL's sense: produced by
/// a ConstantLike op (mil.const) or by a `mil.constexpr_*` op.
bool isMILConstant(mlir::Value value);

} // namespace ane::mil

//===----------------------------------------------------------------------===//
// Helpers of the activation, reduction and normalization families: dtype
// names, the opset in force, axis normalization.
//===----------------------------------------------------------------------===//

namespace mlir {
class FloatAttr;
class InFlightDiagnostic;
class Operation;
} // namespace mlir

namespace ane::mil {

enum class Opset;

/// The element type a MIL dtype name ("bool", "int8", "uint8", "int16",
/// "uint16", "int32", "fp16", "fp32") stands for; null for other names.
mlir::Type getDTypeElementType(mlir::MLIRContext *context,
                               llvm::StringRef name);

/// The opset in force at `op`: the `mil.opset` of `op` itself or of the
/// nearest enclosing func.func or module that has one; std::nullopt when
/// none does.
std::optional<Opset> getEnclosingOpset(mlir::Operation *op);

/// Maps a MIL axis (-rank <= axis < rank) to [0, rank); std::nullopt when
/// it is out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// The perm of `transpose(transpose(x, inner), outer)` as one transpose of
/// x: result dim i is x's dim inner[outer[i]]. Both are valid perms of the
/// same rank; negative entries are normalized, the result has none.
llvm::SmallVector<int32_t> composePermutations(llvm::ArrayRef<int32_t> inner,
                                               llvm::ArrayRef<int32_t> outer);

/// Normalizes the axes of parameter `name`: each must be in range and
/// appear once. Otherwise reports, through `emitError` if not null, an
/// error naming `name`, and returns std::nullopt.
std::optional<llvm::SmallVector<int64_t>>
normalizeAxes(llvm::function_ref<mlir::InFlightDiagnostic()> emitError,
              llvm::StringRef name, llvm::ArrayRef<int32_t> axes, int64_t rank);

/// Infers the result of a reduction of `x` over `axes` (all axes when
/// std::nullopt), named `name` in diagnostics: reduced dims become 1 with
/// `keepDims`, else are dropped; the element type is `element`. Fails, with
/// an error at `loc` if given, when an axis is out of range or repeated.
llvm::LogicalResult
inferReductionResult(std::optional<mlir::Location> loc,
                     mlir::RankedTensorType x, llvm::StringRef name,
                     std::optional<llvm::ArrayRef<int32_t>> axes, bool keepDims,
                     mlir::Type element,
                     llvm::SmallVectorImpl<mlir::Type> &results);

/// Checks that the float parameter `name` of `op` (epsilon, alpha, ...) is
/// an fp16 or fp32 scalar, the only float dtypes of MIL parameters.
llvm::LogicalResult verifyFloatParam(mlir::Operation *op, llvm::StringRef name,
                                     mlir::FloatAttr value);

} // namespace ane::mil

#endif // ANE_DIALECT_MIL_MILTYPEINFERENCE_H
