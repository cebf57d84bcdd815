//===- ShapingUtils.h - Helpers of the ANE shaping passes ----- -*- C++ -*-===//
//
// Constant reshaping/transposition without copying through floats, and the
// reshape/transpose builders the [1, C, 1, S] rewrites use, the packed
// input (`mil_packed_input`) readers, and the program cost measure.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_SHAPINGUTILS_H
#define ANE_LIB_TRANSFORMS_SHAPINGUTILS_H

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Runtime/PackedInput.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"

#include <optional>

namespace ane::mil {

/// The elements of a `mil.const` value as a new attribute of type `type`
/// (same element type and count): the row-major bytes are kept. Handles
/// inline `dense` (as the reshape folds do, reshapeConstant) and loaded
/// `dense_resource` values; failure otherwise.
mlir::FailureOr<mlir::ElementsAttr>
reshapeElements(mlir::Attribute value, mlir::RankedTensorType type);

/// The transpose of a rank-2 constant value ([R, C] → [C, R]), as
/// `reshapeElements` handles it (byte-sized element types only).
mlir::FailureOr<mlir::ElementsAttr> transposeElements2D(mlir::Attribute value);

/// `mil.reshape %x shape = shape`.
mlir::Value createReshape(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                          llvm::ArrayRef<int64_t> shape);

/// `mil.slice_by_size %x begin = [0, 0, 0, offset] size = [1, c, 1, width]`
/// (a piece of a packed [1, C, 1, S] input).
mlir::Value sliceSpatial(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                         int64_t c, int64_t offset, int64_t width);

/// Replaces each `sliceSpatial(packed, c, offset, width)` of `packed` by
/// `value`: reshapes of the slice to `value`'s type go, other uses need the
/// slice to have that type already (else a reported failure, prefixed with
/// `pass`). Returns whether there was such a slice.
mlir::FailureOr<bool> replacePackedSlices(mlir::Value packed, int64_t c,
                                          int64_t offset, int64_t width,
                                          mlir::Value value,
                                          llvm::StringRef pass);

/// `mil.transpose %x perm = perm` (result type inferred).
mlir::Value createTranspose(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value x, llvm::ArrayRef<int32_t> perm);

/// Whether `shape` is already the ANE activation layout [1, C, 1, S].
bool isANELayout(llvm::ArrayRef<int64_t> shape);

/// The type of `fn`'s first input when it is a static [1, C, 1, S] tensor
/// (the packed input `mil_packed_input` describes), else null.
mlir::RankedTensorType packedInputType(mlir::func::FuncOp fn);

/// The `mil_packed_input` layout of `fn`, whose packed input has type
/// `input` (see packedInputType); `{activation_width = S}` when `fn` has no
/// such attribute. Failure (reported on `fn`, prefixed with `pass`) when the
/// attribute is malformed.
mlir::FailureOr<ane::runtime::PackedInputLayout>
readPackedLayout(mlir::func::FuncOp fn, mlir::RankedTensorType input,
                 llvm::StringRef pass);

/// Whether `op` produces a compile-time constant (mil.const, constexpr_*):
/// an op without operands. Such ops are duplicated, never cut, when a
/// function is split.
bool isConstantLike(mlir::Operation *op);

/// What a function costs against the device limits (see mil-split-program
/// and mil-merge-functions).
struct ProgramCost {
  /// Weight tensors: constant values of at least `inlineThreshold`
  /// elements (and BLOBFILE references), which the emitter writes to the
  /// weight file as BLOBFILE tensors.
  int64_t weightTensors = 0;
  int64_t weightBytes = 0;
  /// Ops other than constants.
  int64_t ops = 0;
  /// SRAM working-set estimate: weight bytes plus the peak, over the body
  /// in program order, of the bytes of live non-constant values (inputs
  /// are live from the start, every value until its last use; results
  /// until the end).
  int64_t workingSetBytes = 0;
};

/// The weight tensors and bytes held by `op`'s attributes.
ProgramCost weightCost(mlir::Operation *op, int64_t inlineThreshold);

/// The cost of a single-block function.
ProgramCost measureFunction(mlir::func::FuncOp fn, int64_t inlineThreshold);

/// Byte size of a statically shaped int or float tensor type, or
/// std::nullopt.
std::optional<int64_t> tensorBytes(mlir::Type type);

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_SHAPINGUTILS_H
