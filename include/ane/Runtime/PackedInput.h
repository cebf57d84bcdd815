//===- PackedInput.h - The single packed input of a function ----*- C++ -*-===//
//
// The `mil_packed_input` function attribute that mil-pack-inputs and
// mil-pack-dynamic-weights write (one reader/writer for both), and the host
// side of it: building the packed [1, C, 1, S] tensor from the original named
// tensors (and back), and a Kernel wrapper that takes the original inputs.
//
// Format (all integers i64):
//
//   mil_packed_input = {activation_width = A,
//                       inputs = [{name, offset, width, shape[, channels]}],
//                       weights = [{name, offset, width, shape[, channels]}]}
//
// Every entry ("piece") is the slice [0, 0, 0, offset] of size
// [1, channels, 1, width] of the packed input [1, C, 1, S] (channels absent =
// C), reshaped row-major to `shape` (so channels * width elements). `inputs`
// (mil-pack-inputs) lists the original function inputs inside [0, A); when it
// is absent, [0, A) at all C channels is the activation, named like the
// packed argument itself (mil-pack-dynamic-weights). `weights` follow from
// A on. Positions no piece covers are zero.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_PACKEDINPUT_H
#define ANE_RUNTIME_PACKEDINPUT_H

#include "ane/Runtime/Backend.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <optional>
#include <string>
#include <vector>

namespace ane::runtime {

/// The function attribute describing a packed input.
constexpr llvm::StringLiteral kPackedInputAttr = "mil_packed_input";

/// One original tensor inside the packed input (see the file comment).
struct PackedPiece {
  std::string name;
  int64_t offset = 0, width = 0, channels = 0;
  Shape shape;
};

struct PackedInputLayout {
  int64_t activationWidth = 0;
  std::vector<PackedPiece> inputs, weights;

  /// Every piece a caller supplies, in order: `inputs`, or the activation
  /// [1, C, 1, A] named `argName` when there are none, then `weights`.
  std::vector<PackedPiece> pieces(llvm::StringRef argName,
                                  int64_t channels) const;
};

/// The attribute for `layout` (`channels` is omitted where it equals C).
mlir::DictionaryAttr packedInputToAttr(mlir::MLIRContext *ctx,
                                       const PackedInputLayout &layout,
                                       int64_t c);

/// Reads the attribute of a function whose packed input is [1, c, 1, s]:
/// an error names the malformed part (missing field, a piece that does not
/// hold channels * width elements or lies outside the input).
llvm::Expected<PackedInputLayout> packedInputFromAttr(mlir::DictionaryAttr attr,
                                                      int64_t c, int64_t s);

/// A function's packed input: its argument's spec and the layout.
struct PackedInput {
  TensorSpec packed;
  PackedInputLayout layout;
  /// `layout.pieces` of this input, as specs (dtype of the packed input).
  std::vector<TensorSpec> pieceSpecs() const;
  std::vector<PackedPiece> pieces() const;
};

/// The packed input of `fn` (its first input), std::nullopt when it has no
/// `mil_packed_input`; an error when the attribute is malformed or the first
/// input is not a static [1, C, 1, S] tensor. (Other inputs, such as the
/// weights mil-unpack-dynamic-weights turns back into inputs, are passed as
/// they are.)
llvm::Expected<std::optional<PackedInput>>
readPackedInput(mlir::func::FuncOp fn);

/// Builds the packed tensor from one tensor per piece (in `pieces()` order,
/// each of the piece's dtype and shape).
llvm::Expected<Tensor> packTensors(const PackedInput &p,
                                   llvm::ArrayRef<const Tensor *> pieces);

/// The inverse: one tensor per piece, cut out of `packed`.
llvm::Expected<std::vector<Tensor>> unpackTensor(const PackedInput &p,
                                                 const Tensor &packed);

/// Wraps `kernel` (compiled from function `entry` of `module`) so that its
/// inputs are the original pieces of the packed input, then its other
/// inputs; the pieces are packed into the real input at eval. Returns `kernel`
/// itself when the function has no `mil_packed_input`.
llvm::Expected<std::unique_ptr<Kernel>>
withOriginalInputs(std::unique_ptr<Kernel> kernel, mlir::ModuleOp module,
                   llvm::StringRef entry);

/// For `ane-run run/bench --input NAME=FILE`: `withOriginalInputs` when some
/// NAME is a piece of the packed input other than the packed input's own
/// name (then a note on `notes` says so), else `kernel` unchanged.
llvm::Expected<std::unique_ptr<Kernel>> withOriginalInputsIfNamed(
    std::unique_ptr<Kernel> kernel, mlir::ModuleOp module,
    llvm::StringRef entry,
    llvm::ArrayRef<std::pair<std::string, std::string>> namedInputs,
    llvm::raw_ostream &notes);

} // namespace ane::runtime

#endif // ANE_RUNTIME_PACKEDINPUT_H
