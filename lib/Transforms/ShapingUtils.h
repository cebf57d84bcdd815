//===- ShapingUtils.h - Helpers shared by the ANE shaping passes -*- C++
//-*-===//
//
// Constant reshaping/transposition without copying through floats, and the
// reshape/transpose builders the [1, C, 1, S] rewrites use.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_SHAPINGUTILS_H
#define ANE_LIB_TRANSFORMS_SHAPINGUTILS_H

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"

namespace ane::mil {

/// The elements of a `mil.const` value as a new attribute of type `type`
/// (same element type and count): the row-major bytes are kept. Handles
/// inline `dense` and loaded `dense_resource` values; failure otherwise.
mlir::FailureOr<mlir::ElementsAttr>
reshapeElements(mlir::Attribute value, mlir::RankedTensorType type);

/// The transpose of a rank-2 constant value ([R, C] → [C, R]), as
/// `reshapeElements` handles it (byte-sized element types only).
mlir::FailureOr<mlir::ElementsAttr> transposeElements2D(mlir::Attribute value);

/// `mil.reshape %x shape = shape`.
mlir::Value createReshape(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                          llvm::ArrayRef<int64_t> shape);

/// `mil.transpose %x perm = perm` (result type inferred).
mlir::Value createTranspose(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value x, llvm::ArrayRef<int32_t> perm);

/// Whether `shape` is already the ANE activation layout [1, C, 1, S].
bool isANELayout(llvm::ArrayRef<int64_t> shape);

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_SHAPINGUTILS_H
