//===- CheckANEConstraints.cpp - The constraint table and its vocabulary --===//
//
// Turns ANEConstraints.def into an array of ANEConstraint rows and parses
// the family (`chip=`) and OS (`os=`) vocabulary shared by the rows and the
// mil-check-ane options.
//
//===----------------------------------------------------------------------===//

#include "ane/Transforms/ANEConstraints.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace ane::mil {

ArrayRef<ANEConstraint> getANEConstraints() {
  static const ANEConstraint table[] = {
#define ANE_CONSTRAINT(Id, Kind, Severity, Confidence, Ops, Families, OS,      \
                       Limit, Param, Source, Message)                          \
  {Id,                                                                         \
   ConstraintKind::Kind,                                                       \
   ConstraintSeverity::Severity,                                               \
   ConstraintConfidence::Confidence,                                           \
   Ops,                                                                        \
   Families,                                                                   \
   OS,                                                                         \
   Limit,                                                                      \
   Param,                                                                      \
   Source,                                                                     \
   Message},
#include "ane/Transforms/ANEConstraints.def"
  };
  return table;
}

StringRef stringifyConstraintKind(ConstraintKind kind) {
  switch (kind) {
  case ConstraintKind::MaxInputs:
    return "max-inputs";
  case ConstraintKind::UniformSurfaceBytes:
    return "uniform-surface-bytes";
  case ConstraintKind::MinSurfaceBytes:
    return "min-surface-bytes";
  case ConstraintKind::SurfaceWidthMultiple:
    return "surface-width-multiple";
  case ConstraintKind::MaxBlobTensors:
    return "max-blobfile-tensors";
  case ConstraintKind::MaxBlobsPerFile:
    return "max-blobs-per-file";
  case ConstraintKind::MaxWeightBytes:
    return "max-weight-bytes";
  case ConstraintKind::BlockwiseQuant:
    return "blockwise-quantization";
  case ConstraintKind::MaxRank:
    return "max-rank";
  case ConstraintKind::MaxDim:
    return "max-dim";
  case ConstraintKind::ChannelMultiple:
    return "channel-multiple";
  case ConstraintKind::ChannelEquals:
    return "channel-equals";
  case ConstraintKind::Pow2Axis:
    return "power-of-two-axis";
  case ConstraintKind::MaxReduceExtent:
    return "max-reduce-extent";
  case ConstraintKind::Op:
    return "op";
  case ConstraintKind::OpOnFunctionInput:
    return "op-on-function-input";
  case ConstraintKind::OperandPresent:
    return "operand-present";
  case ConstraintKind::MaxOpset:
    return "max-opset";
  case ConstraintKind::OpsetNeedsOS:
    return "opset-needs-os";
  case ConstraintKind::CompileBudget:
    return "compile-budget";
  }
  llvm_unreachable("unknown constraint kind");
}

StringRef stringifyConfidence(ConstraintConfidence confidence) {
  switch (confidence) {
  case ConstraintConfidence::Verified:
    return "verified";
  case ConstraintConfidence::Reported:
    return "reported";
  case ConstraintConfidence::Unverified:
    return "unverified";
  }
  llvm_unreachable("unknown confidence");
}

//===----------------------------------------------------------------------===//
// Families
//===----------------------------------------------------------------------===//

namespace {
struct Family {
  StringLiteral name, chips, chipAlias;
};
// Family per chip: ecosystem-peers-hardware.md §3.1; base M5 is h16 and
// M5 Max h17 per maderix training/m5result.md and the M5 Max probe report.
constexpr Family kFamilies[kNumFamilies] = {
    {"h13", "M1", "m1"},        {"h14", "M2", "m2"},
    {"h15", "M3", "m3"},        {"h16", "M4, base M5", "m4"},
    {"h17", "M5 Max", "m5max"},
};
} // namespace

StringRef familyName(unsigned index) { return kFamilies[index].name; }
StringRef familyChips(unsigned index) { return kFamilies[index].chips; }

static std::optional<FamilyMask> parseOneFamily(StringRef name, bool chips) {
  for (unsigned i = 0; i < kNumFamilies; ++i) {
    if (name == kFamilies[i].name || (chips && name == kFamilies[i].chipAlias))
      return 1u << i;
  }
  if (chips && name == "m5")
    return (1u << 3) | (1u << 4);
  if (chips && name == "all")
    return kAllFamilies;
  return std::nullopt;
}

static std::optional<FamilyMask> parseList(StringRef list, StringRef seps,
                                           bool chips) {
  SmallVector<StringRef> names;
  SplitString(list, names, seps);
  if (names.empty())
    return std::nullopt;
  FamilyMask mask = 0;
  for (StringRef name : names) {
    auto one = parseOneFamily(name.trim(), chips);
    if (!one)
      return std::nullopt;
    mask |= *one;
  }
  return mask;
}

std::optional<FamilyMask> parseFamilies(StringRef list) {
  return parseList(list, " ", /*chips=*/false);
}

std::optional<FamilyMask> parseChip(StringRef chip) {
  return parseList(chip.lower(), ",", /*chips=*/true);
}

std::string describeFamilies(FamilyMask mask) {
  if (mask == kAllFamilies)
    return "h13-h17 (M1-M5)";
  SmallVector<std::string> parts;
  for (unsigned i = 0; i < kNumFamilies; ++i)
    if (mask & (1u << i))
      parts.push_back((familyName(i) + " (" + familyChips(i) + ")").str());
  return join(parts, ", ");
}

//===----------------------------------------------------------------------===//
// OS versions and ranges
//===----------------------------------------------------------------------===//

/// Splits "macos15" into ("macos", "15").
static std::pair<StringRef, StringRef> splitPlatform(StringRef text) {
  size_t digits = text.find_first_of("0123456789-");
  return {text.take_front(digits),
          text.drop_front(std::min(digits, text.size()))};
}

static bool isPlatform(StringRef name) {
  return name == "ios" || name == "macos";
}

std::optional<OSVersion> parseOS(StringRef text) {
  auto [platform, version] = splitPlatform(text);
  unsigned major;
  if (!isPlatform(platform) || version.split('.').first.getAsInteger(10, major))
    return std::nullopt;
  return OSVersion{platform == "ios" ? StringRef("ios") : StringRef("macos"),
                   major};
}

unsigned iosEquivalent(OSVersion os) {
  if (os.platform == "macos" && os.major >= 12 && os.major <= 15)
    return os.major + 3;
  return os.major;
}

namespace {
struct OSRange {
  StringRef platform;
  std::optional<unsigned> lo, hi;
};
} // namespace

static std::optional<OSRange> parseOSRange(StringRef range) {
  auto [platform, versions] = splitPlatform(range);
  if (!isPlatform(platform))
    return std::nullopt;
  OSRange result{platform, std::nullopt, std::nullopt};
  if (versions.empty())
    return result;
  auto [lo, hi] = versions.split('-');
  if (!versions.contains('-'))
    return std::nullopt; // a single version is written "macos15-15"
  unsigned value;
  if (!lo.empty()) {
    if (lo.getAsInteger(10, value))
      return std::nullopt;
    result.lo = value;
  }
  if (!hi.empty()) {
    if (hi.getAsInteger(10, value))
      return std::nullopt;
    result.hi = value;
  }
  return result;
}

bool isValidOSRange(StringRef range) {
  return range == "any" || parseOSRange(range).has_value();
}

bool osRangeContains(StringRef range, std::optional<OSVersion> os) {
  if (range == "any")
    return true;
  auto parsed = parseOSRange(range);
  if (!parsed || !os || parsed->platform != os->platform)
    return false;
  return (!parsed->lo || os->major >= *parsed->lo) &&
         (!parsed->hi || os->major <= *parsed->hi);
}

} // namespace ane::mil
