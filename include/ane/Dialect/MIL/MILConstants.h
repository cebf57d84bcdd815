//===- MILConstants.h - Float data of mil.const values ----*- C++ -*-===//
//
// The value attributes of `mil.const`: built from raw bytes or from fp32
// data (rounded once, to nearest even, to fp16), stored inline as `dense`
// up to a size limit and as a `dense_resource` blob above it, and read back
// as fp32. Shared by ProgramBuilder and the passes that compute constants.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILCONSTANTS_H
#define ANE_DIALECT_MIL_MILCONSTANTS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace ane::mil {

/// Constants with more elements than this are stored as `dense_resource`
/// blobs (the default of ProgramOptions::inlineConstantLimit).
constexpr int64_t kDefaultInlineConstantLimit = 64;

/// A constant value of `type` holding `rawData` (row-major elements): an
/// inline `dense` attribute with at most `inlineLimit` elements, else a
/// `dense_resource` blob named `blobName`, copied with `alignment`.
mlir::ElementsAttr makeElementsAttr(mlir::RankedTensorType type,
                                    llvm::ArrayRef<char> rawData,
                                    size_t alignment, llvm::StringRef blobName,
                                    int64_t inlineLimit);

/// A constant value of `type` (fp16 or fp32 elements) holding `values` (one
/// per element), fp16 rounded once to nearest even; stored as
/// makeElementsAttr stores it.
mlir::ElementsAttr
makeFloatElementsAttr(mlir::RankedTensorType type, llvm::ArrayRef<float> values,
                      llvm::StringRef blobName,
                      int64_t inlineLimit = kDefaultInlineConstantLimit);

/// `values` (one per element) as an inline `dense` value of `type`, rounded
/// as makeFloatElementsAttr rounds them (for attributes that must be dense,
/// such as quantization scales).
mlir::DenseElementsAttr
makeDenseFloatElementsAttr(mlir::RankedTensorType type,
                           llvm::ArrayRef<float> values);

/// The row-major bytes of a constant value.
struct RawElements {
  llvm::ArrayRef<char> bytes;
  /// A `dense` splat: `bytes` holds one element.
  bool splat = false;
};

/// The bytes of a `dense` value or of a loaded `dense_resource` blob;
/// std::nullopt for other attributes and unloaded blobs.
std::optional<RawElements> getRawElements(mlir::Attribute value);

/// The elements of an fp16 or fp32 `dense` or loaded `dense_resource` value,
/// widened to fp32 in row-major order (a splat is expanded); std::nullopt
/// for other element types, other attributes, unloaded blobs or data of the
/// wrong size.
std::optional<llvm::SmallVector<float>>
readFloatElements(mlir::Attribute value);

} // namespace ane::mil

#endif // ANE_DIALECT_MIL_MILCONSTANTS_H
