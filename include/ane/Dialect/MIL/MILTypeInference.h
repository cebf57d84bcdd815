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

#endif // ANE_DIALECT_MIL_MILTYPEINFERENCE_H
