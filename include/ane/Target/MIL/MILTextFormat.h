//===- MILTextFormat.h - Spellings of MIL text import/export -- -*- C++ -*-===//
//
// The small vocabulary both directions of the MIL text translation agree on:
// dtype names, exact hexadecimal float literals, and the names of the
// attributes that carry MIL-only information on MLIR ops.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TARGET_MIL_MILTEXTFORMAT_H
#define ANE_TARGET_MIL_MILTEXTFORMAT_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Types.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace ane::mil {

/// Discardable attribute holding the MIL op `name` when it differs from the
/// name of the op's (first) result.
constexpr llvm::StringLiteral kOpNameAttr = "mil.name";
/// Discardable dictionary of MIL attributes (`[...]`) that the op does not
/// model (e.g. `milId`, `BackendSupport`); printed back verbatim.
constexpr llvm::StringLiteral kExtraAttrsAttr = "mil_attrs";
/// Discardable dictionary from parameter name to the tensor type of a
/// symbolic BLOBFILE reference held by that attribute parameter (the
/// reference itself does not carry its type).
constexpr llvm::StringLiteral kBlobTypesAttr = "mil_blob_types";
/// Discardable string: the weight file (relative to the program directory,
/// e.g. `weights/mask.bin`) that the op's large constants are written to on
/// export; absent means `weights/weight.bin`. Set on import for data read
/// from other files, so multi-file programs keep their layout.
constexpr llvm::StringLiteral kWeightFileAttr = "mil_weight_file";
/// Dialect namespace of ops imported without a mil dialect definition
/// (`--mil-allow-unknown-ops`): `"mil_generic.lstm"(...)`.
constexpr llvm::StringLiteral kGenericOpDialect = "mil_generic";
/// On a generic op: dictionary from MIL argument name to its binding (an
/// `index`-typed IntegerAttr naming an operand, a literal, or an array for a
/// tuple binding).
constexpr llvm::StringLiteral kGenericArgsAttr = "args";
/// On a generic op: the op-level opset suffix (`op<ios17>(...)`), if any.
constexpr llvm::StringLiteral kGenericOpsetAttr = "opset";
/// Dialect namespace of opaque MIL types and literals that have no MLIR
/// equivalent (`!mil_text<"list<string, 5>">`, `#mil_text<"...">`).
constexpr llvm::StringLiteral kOpaqueTextDialect = "mil_text";

/// The MLIR element type of a MIL dtype name ("fp16" -> f16, "uint8" ->
/// ui8, "bool" -> i1, ...); std::nullopt for names without one ("string").
std::optional<mlir::Type> parseDType(llvm::StringRef name,
                                     mlir::MLIRContext *context);
/// The MIL dtype name of an MLIR element type, or std::nullopt.
std::optional<llvm::StringRef> stringifyDType(mlir::Type elementType);

/// Prints a float exactly as a C99 hexadecimal literal the way Apple's
/// compiler does: `0x1p+0`, `0x1.8p-1`, `-0x1.f0a3d8p-1`, `0x0p+0`; subnormal
/// fp16/fp32 values normalized (`0x1p-24`); `inf`, `-inf`, `nan`.
std::string formatHexFloat(const llvm::APFloat &value);

/// Parses a float literal (hexadecimal, decimal, integer, `inf`, `-inf`,
/// `nan`) rounding once to `semantics`. std::nullopt when malformed.
std::optional<llvm::APFloat> parseFloatLiteral(llvm::StringRef text,
                                               const llvm::fltSemantics &sem);

} // namespace ane::mil

#endif // ANE_TARGET_MIL_MILTEXTFORMAT_H
