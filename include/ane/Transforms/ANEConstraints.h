//===- ANEConstraints.h - The ANE device constraint catalogue ---*- C++ -*-===//
//
// The rows of ANEConstraints.def as data (what each rule checks, where it
// applies, how sure we are, where it comes from) plus the ANE family and OS
// vocabulary the `mil-check-ane` options and the rows use.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TRANSFORMS_ANECONSTRAINTS_H
#define ANE_TRANSFORMS_ANECONSTRAINTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ane::mil {

/// Which generic check implements a row (see docs/ANEConstraints.md).
enum class ConstraintKind {
  MaxInputs,            // function inputs > Limit
  UniformSurfaceBytes,  // Param "inputs"/"outputs" differ in byte size
  MinSurfaceBytes,      // a function input/output has < Limit bytes
  SurfaceWidthMultiple, // innermost dim of an input/output % Limit != 0
  MaxBlobTensors,       // constants written to weight files > Limit
  MaxBlobsPerFile,      // constants written to one weight file > Limit
  MaxWeightBytes,       // bytes of constants in a function > Limit
  BlockwiseQuant,       // a per-block (not per-tensor/channel) scale
  MaxRank,              // a tensor of rank > Limit
  MaxDim,               // a dim on the axes in Param > Limit
  ChannelMultiple,      // conv input/output channels % Limit != 0
  ChannelEquals,        // conv input/output channels != Limit
  Pow2Axis,             // the op's `axis` extent is not a power of two
  MaxReduceExtent,      // elements reduced into one output > Limit
  Op,                   // any use of one of Ops
  OpOnFunctionInput,    // one of Ops applied directly to a function input
  OperandPresent,       // the optional operand "index:name" in Param is set
  MaxOpset,             // the program's opset is newer than Param
  OpsetNeedsOS,         // the opset is newer than the `os=` target
  CompileBudget,        // functions in the module (one compile each) > Limit
};

enum class ConstraintSeverity { Error, Warning };
enum class ConstraintConfidence { Verified, Reported, Unverified };

/// One row of ANEConstraints.def.
struct ANEConstraint {
  llvm::StringRef id;
  ConstraintKind kind;
  ConstraintSeverity severity;
  ConstraintConfidence confidence;
  llvm::StringRef ops;      // space-separated MIL op names; "" = program
  llvm::StringRef families; // space-separated family names (h13 ...)
  llvm::StringRef os;       // "any", "ios", "macos15-", ...
  int64_t limit;
  llvm::StringRef param;
  llvm::StringRef source;
  llvm::StringRef message;
};

/// Every row, in table order.
llvm::ArrayRef<ANEConstraint> getANEConstraints();

llvm::StringRef stringifyConstraintKind(ConstraintKind kind);
llvm::StringRef stringifyConfidence(ConstraintConfidence confidence);

/// ANE families are bits of a mask: h13 = bit 0 ... h17 = bit 4.
using FamilyMask = unsigned;
constexpr unsigned kNumFamilies = 5;
constexpr FamilyMask kAllFamilies = (1u << kNumFamilies) - 1;
/// "h13".."h17".
llvm::StringRef familyName(unsigned index);
/// The Macs with that family ("M1", ..., "M4, base M5", "M5 Max").
llvm::StringRef familyChips(unsigned index);
/// Parses a space-separated list of family names; std::nullopt when a name
/// is unknown or the list is empty.
std::optional<FamilyMask> parseFamilies(llvm::StringRef list);
/// Parses a `chip=` value: "all", "h13".."h17", "m1".."m5" (m5 covers h16
/// and h17: base M5 reports h16, M5 Max h17), or a comma-separated list.
std::optional<FamilyMask> parseChip(llvm::StringRef chip);
/// "h13 (M1), h16 (M4, base M5)", or "h13-h17 (M1-M5)" for every family.
std::string describeFamilies(FamilyMask mask);

/// An OS target: a platform and a major version.
struct OSVersion {
  llvm::StringRef platform; // "ios" or "macos"
  unsigned major;
};
/// Parses an `os=` value such as "macos15" or "ios18" (a minor version,
/// "macos15.4", is accepted and ignored).
std::optional<OSVersion> parseOS(llvm::StringRef text);
/// The iOS release of the same year (macOS 12..15 = iOS 15..18, 26 = 26).
unsigned iosEquivalent(OSVersion os);
/// Whether a row's OS field is well formed.
bool isValidOSRange(llvm::StringRef range);
/// Whether a row with OS field `range` applies to `os`; rows other than
/// "any" apply only when an OS is given.
bool osRangeContains(llvm::StringRef range, std::optional<OSVersion> os);

} // namespace ane::mil

#endif // ANE_TRANSFORMS_ANECONSTRAINTS_H
