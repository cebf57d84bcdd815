//===- ANEConstraintsTest.cpp - The ANE constraint table is well formed ---===//
//
// Checks every row of ANEConstraints.def: unique stable ids, known chip
// families and OS ranges, registered mil ops, parameters the row's kind can
// read, a provenance link, and that conflicting sources are warnings. Also
// checks the chip/OS vocabulary the mil-check-ane options use.
//
//===----------------------------------------------------------------------===//

#include "ane/Transforms/ANEConstraints.h"
#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

#include <gtest/gtest.h>

#include <set>

using namespace ane::mil;
using llvm::StringRef;

namespace {

TEST(ANEConstraints, IdsAreUniqueAndStable) {
  llvm::StringSet<> seen;
  llvm::Regex idPattern("^ane\\.[a-z0-9]+(-[a-z0-9]+)*$");
  for (const ANEConstraint &row : getANEConstraints()) {
    EXPECT_TRUE(idPattern.match(row.id)) << row.id.str();
    EXPECT_TRUE(seen.insert(row.id).second) << "duplicate id " << row.id.str();
  }
  EXPECT_GE(seen.size(), 30u);
}

TEST(ANEConstraints, FamiliesOSAndSourcesAreKnown) {
  for (const ANEConstraint &row : getANEConstraints()) {
    SCOPED_TRACE(row.id.str());
    EXPECT_TRUE(parseFamilies(row.families).has_value()) << row.families.str();
    EXPECT_TRUE(isValidOSRange(row.os)) << row.os.str();
    EXPECT_TRUE(row.source.starts_with("https://")) << row.source.str();
    EXPECT_FALSE(row.message.empty());
    // Every link in the source is a full URL.
    llvm::SmallVector<StringRef> words;
    llvm::SplitString(row.source, words, " ");
    for (StringRef word : words)
      EXPECT_TRUE(word == "vs" || word == "and" || word.starts_with("https://"))
          << word.str();
  }
}

TEST(ANEConstraints, ConflictingSourcesAreUnverifiedWarnings) {
  for (const ANEConstraint &row : getANEConstraints()) {
    SCOPED_TRACE(row.id.str());
    bool conflict = row.source.contains(" vs ");
    EXPECT_EQ(conflict, row.confidence == ConstraintConfidence::Unverified);
    if (row.confidence == ConstraintConfidence::Unverified)
      EXPECT_EQ(row.severity, ConstraintSeverity::Warning);
  }
}

TEST(ANEConstraints, OpsAreRegisteredMILOps) {
  mlir::MLIRContext context;
  context.loadDialect<MILDialect>();
  for (const ANEConstraint &row : getANEConstraints()) {
    SCOPED_TRACE(row.id.str());
    llvm::SmallVector<StringRef> ops;
    llvm::SplitString(row.ops, ops, " ");
    for (StringRef op : ops)
      EXPECT_TRUE(
          mlir::RegisteredOperationName::lookup(("mil." + op).str(), &context))
          << op.str();
  }
}

/// Whether rows of `kind` need a non-empty op list (true), an empty one
/// (false) or may have either (std::nullopt: shapes of every op or of some).
std::optional<bool> needsOps(ConstraintKind kind) {
  switch (kind) {
  case ConstraintKind::MaxRank:
  case ConstraintKind::MaxDim:
    return std::nullopt;
  case ConstraintKind::BlockwiseQuant:
  case ConstraintKind::ChannelMultiple:
  case ConstraintKind::ChannelEquals:
  case ConstraintKind::Pow2Axis:
  case ConstraintKind::MaxReduceExtent:
  case ConstraintKind::Op:
  case ConstraintKind::OpOnFunctionInput:
  case ConstraintKind::OperandPresent:
    return true;
  default:
    return false;
  }
}

/// Whether rows of `kind` need a positive limit.
bool needsLimit(ConstraintKind kind) {
  switch (kind) {
  case ConstraintKind::MaxInputs:
  case ConstraintKind::MinSurfaceBytes:
  case ConstraintKind::SurfaceWidthMultiple:
  case ConstraintKind::MaxBlobTensors:
  case ConstraintKind::MaxBlobsPerFile:
  case ConstraintKind::MaxWeightBytes:
  case ConstraintKind::MaxRank:
  case ConstraintKind::MaxDim:
  case ConstraintKind::ChannelMultiple:
  case ConstraintKind::ChannelEquals:
  case ConstraintKind::MaxReduceExtent:
  case ConstraintKind::CompileBudget:
    return true;
  default:
    return false;
  }
}

TEST(ANEConstraints, ParametersFitTheKind) {
  llvm::Regex axes("^((in[0-9]*|out):)?[NCDHW]+$");
  llvm::Regex operand("^[0-9]+:[a-z_]+$");
  for (const ANEConstraint &row : getANEConstraints()) {
    SCOPED_TRACE(row.id.str());
    if (auto ops = needsOps(row.kind))
      EXPECT_EQ(*ops, !row.ops.empty());
    // Operand/result selectors only make sense with an op list.
    if (row.param.contains(':') && row.kind == ConstraintKind::MaxDim)
      EXPECT_FALSE(row.ops.empty());
    if (needsLimit(row.kind))
      EXPECT_GT(row.limit, 0);
    switch (row.kind) {
    case ConstraintKind::MaxDim:
      EXPECT_TRUE(axes.match(row.param)) << row.param.str();
      break;
    case ConstraintKind::OperandPresent:
      EXPECT_TRUE(operand.match(row.param)) << row.param.str();
      break;
    case ConstraintKind::MaxOpset:
      EXPECT_TRUE(parseOpset(row.param).has_value()) << row.param.str();
      break;
    case ConstraintKind::UniformSurfaceBytes:
      EXPECT_TRUE(row.param == "inputs" || row.param == "outputs");
      break;
    default:
      EXPECT_TRUE(row.param.empty()) << row.param.str();
    }
  }
}

TEST(ANEConstraints, EveryKindHasARow) {
  std::set<ConstraintKind> used;
  for (const ANEConstraint &row : getANEConstraints())
    used.insert(row.kind);
  for (int k = 0; k <= static_cast<int>(ConstraintKind::CompileBudget); ++k)
    EXPECT_TRUE(used.count(static_cast<ConstraintKind>(k)))
        << stringifyConstraintKind(static_cast<ConstraintKind>(k)).str();
}

TEST(ANEFamilies, ChipsMapToFamilies) {
  EXPECT_EQ(parseChip("all"), kAllFamilies);
  EXPECT_EQ(parseChip("m1"), 1u << 0);
  EXPECT_EQ(parseChip("M4"), 1u << 3);
  EXPECT_EQ(parseChip("m5"), (1u << 3) | (1u << 4));
  EXPECT_EQ(parseChip("m5max"), 1u << 4);
  EXPECT_EQ(parseChip("h13,h15"), (1u << 0) | (1u << 2));
  EXPECT_FALSE(parseChip("m9").has_value());
  EXPECT_FALSE(parseChip("").has_value());
  EXPECT_FALSE(parseFamilies("m1").has_value()); // rows use family names
  EXPECT_EQ(describeFamilies(kAllFamilies), "h13-h17 (M1-M5)");
  EXPECT_EQ(describeFamilies(parseFamilies("h13 h16").value()),
            "h13 (M1), h16 (M4, base M5)");
}

TEST(ANEFamilies, OSRanges) {
  auto macos15 = parseOS("macos15");
  ASSERT_TRUE(macos15.has_value());
  EXPECT_EQ(iosEquivalent(*macos15), 18u);
  EXPECT_EQ(iosEquivalent(*parseOS("macos26.1")), 26u);
  EXPECT_FALSE(parseOS("windows11").has_value());
  EXPECT_FALSE(parseOS("ios").has_value());
  EXPECT_TRUE(osRangeContains("any", std::nullopt));
  EXPECT_FALSE(osRangeContains("ios", std::nullopt));
  EXPECT_TRUE(osRangeContains("ios", parseOS("ios17")));
  EXPECT_FALSE(osRangeContains("ios", macos15));
  EXPECT_TRUE(osRangeContains("macos15-", macos15));
  EXPECT_FALSE(osRangeContains("macos-14", macos15));
  EXPECT_TRUE(osRangeContains("macos14-15", macos15));
  EXPECT_FALSE(isValidOSRange("macos15"));
  EXPECT_FALSE(isValidOSRange("linux"));
}

} // namespace
