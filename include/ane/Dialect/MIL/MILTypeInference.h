//===- MILTypeInference.h - Shape rules shared by mil ops --------*- C++ -*-===//
//
// Result-type rules used by the inference methods of several op families
// (broadcasting, ...). Each emits a located error when given a location.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILTYPEINFERENCE_H
#define ANE_DIALECT_MIL_MILTYPEINFERENCE_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

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

/// The opset in force at `op`: the `mil.opset` of the nearest enclosing
/// func.func or module that has one; std::nullopt when none does.
std::optional<Opset> getEnclosingOpset(mlir::Operation *op);

/// Maps a MIL axis (-rank <= axis < rank) to [0, rank); std::nullopt when
/// it is out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

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
