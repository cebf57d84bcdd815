//===- CheckANE.cpp - Check a program against ANE device constraints ------===//
//
// The mil-check-ane pass: for every row of ANEConstraints.def that applies
// to the selected chip families and OS, runs the generic check of the row's
// kind and reports each violation on the offending op, function or module,
// naming the rule, the families and the source. Analysis only.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILEmitter.h"
#include "ane/Target/MIL/MILTextFormat.h"
#include "ane/Transforms/ANEConstraints.h"
#include "ane/Transforms/Passes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MathExtras.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILCHECKANE
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The opset a program without `mil.opset` is exported with (MILEmitter's
/// default).
constexpr Opset kDefaultOpset = Opset::ios18;

/// The MIL op name of a mil (or mil_generic) op, or "".
StringRef milOpName(Operation *op) {
  StringRef dialect = op->getName().getDialectNamespace();
  if (dialect != MILDialect::getDialectNamespace() &&
      dialect != kGenericOpDialect)
    return "";
  return op->getName().stripDialect();
}

/// The constant data of a function as the MIL exporter lays it out.
struct WeightStats {
  int64_t bytes = 0;                // all constant data, inline or not
  int64_t tensors = 0;              // constants written to weight files
  llvm::StringMap<int64_t> perFile; // weight file -> constants in it
};

/// Adds the constants `op` carries in attributes to `stats`: elements
/// attributes with at least the exporter's inline threshold of elements go
/// to the op's `mil_weight_file` (default `weights/weight.bin`); symbolic
/// BLOBFILE references name their file and count the op result's size.
void addWeights(Operation *op, WeightStats &stats) {
  static const MILExportOptions exportDefaults;
  std::string file = "weights/" + exportDefaults.weightFileName;
  if (auto attr = op->getAttrOfType<StringAttr>(kWeightFileAttr))
    file = attr.getValue().str();
  for (NamedAttribute attr : op->getAttrs()) {
    if (auto elements = dyn_cast<ElementsAttr>(attr.getValue())) {
      Type element = elements.getElementType();
      if (!element.isIntOrFloat() || element.isInteger(1))
        continue;
      stats.bytes += llvm::divideCeil(
          elements.getNumElements() * element.getIntOrFloatBitWidth(), 8);
      if (elements.getNumElements() >= exportDefaults.inlineThreshold) {
        ++stats.tensors;
        ++stats.perFile[file];
      }
    } else if (auto blob = dyn_cast<BlobFileAttr>(attr.getValue())) {
      ++stats.tensors;
      ++stats.perFile[blob.getPath().str().substr(
          blob.getPath().starts_with("@model_path/") ? 12 : 0)];
      if (op->getNumResults() == 1)
        stats.bytes += tensorBytes(op->getResult(0).getType()).value_or(0);
    }
  }
}

/// Index of the MIL axis letter `axis` (N, C, D, H, W) in a tensor of
/// `rank`: rank 5 is NCDHW, 4 NCHW, 3 CHW, 2 HW, 1 W (right-aligned).
std::optional<int64_t> axisIndex(char axis, int64_t rank) {
  StringRef layout = rank >= 5 ? "NCDHW" : StringRef("NCHW").take_back(rank);
  size_t pos = layout.find(axis);
  if (pos == StringRef::npos)
    return std::nullopt;
  return rank - static_cast<int64_t>(layout.size()) + pos;
}

class Checker {
public:
  Checker(ModuleOp module, FamilyMask chips, std::optional<OSVersion> os,
          bool warningsAsErrors)
      : module(module), chips(chips), os(os),
        warningsAsErrors(warningsAsErrors) {}

  /// Runs every applicable row; returns false when an error was reported.
  bool run() {
    for (const ANEConstraint &rule : getANEConstraints()) {
      FamilyMask families = parseFamilies(rule.families).value_or(0) & chips;
      if (!families || !osRangeContains(rule.os, os))
        continue;
      Rule current{rule, families, {}};
      llvm::SplitString(rule.ops, current.ops, " ");
      if (rule.kind == ConstraintKind::CompileBudget) {
        checkCompileBudget(current);
        continue;
      }
      for (auto func : module.getOps<func::FuncOp>())
        if (!func.isExternal())
          checkFunction(current, func);
    }
    return !hadError;
  }

private:
  struct Rule {
    const ANEConstraint &row;
    FamilyMask families;
    /// The row's Ops, split once.
    SmallVector<StringRef> ops;
  };

  void report(const Rule &rule, Location loc, const Twine &detail) {
    const ANEConstraint &row = rule.row;
    bool error = warningsAsErrors || row.severity == ConstraintSeverity::Error;
    std::string confidence = stringifyConfidence(row.confidence).str();
    if (row.confidence == ConstraintConfidence::Unverified)
      confidence += ": sources conflict";
    std::string text = ("[" + row.id + "] " + describeFamilies(rule.families) +
                        ": " + detail + "; " + row.message + " (" + confidence +
                        "; source: " + row.source + ")")
                           .str();
    if (error) {
      emitError(loc) << text;
      hadError = true;
    } else {
      emitWarning(loc) << text;
    }
  }

  /// Whether `op` is one the row looks at.
  static bool matches(const Rule &rule, Operation *op) {
    StringRef name = milOpName(op);
    return !name.empty() && llvm::is_contained(rule.ops, name);
  }

  void checkFunction(const Rule &rule, func::FuncOp func) {
    const ANEConstraint &row = rule.row;
    switch (row.kind) {
    case ConstraintKind::MaxInputs:
      if (func.getNumArguments() > static_cast<unsigned>(row.limit))
        report(rule, func.getLoc(),
               "@" + func.getSymName() + " has " +
                   Twine(func.getNumArguments()) + " inputs (limit " +
                   Twine(row.limit) + ")");
      return;
    case ConstraintKind::UniformSurfaceBytes:
      return checkUniformSurfaces(rule, func);
    case ConstraintKind::MinSurfaceBytes:
    case ConstraintKind::SurfaceWidthMultiple:
      return checkSurfaces(rule, func);
    case ConstraintKind::MaxBlobTensors:
    case ConstraintKind::MaxBlobsPerFile:
    case ConstraintKind::MaxWeightBytes:
      return checkWeights(rule, func);
    case ConstraintKind::MaxOpset:
    case ConstraintKind::OpsetNeedsOS:
      return checkOpset(rule, func);
    case ConstraintKind::MaxRank:
    case ConstraintKind::MaxDim:
      return checkShapes(rule, func);
    default:
      break;
    }
    func.walk([&](Operation *op) {
      if (matches(rule, op))
        checkOp(rule, op);
    });
  }

  void checkOp(const Rule &rule, Operation *op) {
    const ANEConstraint &row = rule.row;
    StringRef name = milOpName(op);
    switch (row.kind) {
    case ConstraintKind::Op:
      return report(rule, op->getLoc(), "uses " + name);
    case ConstraintKind::OpOnFunctionInput: {
      auto arg = op->getNumOperands()
                     ? dyn_cast<BlockArgument>(op->getOperand(0))
                     : BlockArgument();
      if (arg && isa<func::FuncOp>(arg.getOwner()->getParentOp()))
        report(rule, op->getLoc(),
               name + " reads function input " + Twine(arg.getArgNumber()));
      return;
    }
    case ConstraintKind::OperandPresent: {
      auto [index, operand] = row.param.split(':');
      unsigned position = 0;
      if (!index.getAsInteger(10, position) && op->getNumOperands() > position)
        report(rule, op->getLoc(), name + " has " + operand);
      return;
    }
    case ConstraintKind::BlockwiseQuant:
      return checkBlockwise(rule, op);
    case ConstraintKind::ChannelMultiple:
    case ConstraintKind::ChannelEquals:
      return checkChannels(rule, op);
    case ConstraintKind::Pow2Axis:
      return checkPow2Axis(rule, op);
    case ConstraintKind::MaxReduceExtent:
      return checkReduceExtent(rule, op);
    default:
      return;
    }
  }

  void checkUniformSurfaces(const Rule &rule, func::FuncOp func) {
    bool inputs = rule.row.param == "inputs";
    ArrayRef<Type> types =
        inputs ? func.getArgumentTypes() : func.getResultTypes();
    SmallVector<int64_t> sizes;
    for (Type type : types)
      if (auto bytes = tensorBytes(type))
        sizes.push_back(*bytes);
    if (sizes.size() < 2 || llvm::all_equal(sizes))
      return;
    SmallVector<std::string> texts;
    for (int64_t size : sizes)
      texts.push_back(std::to_string(size));
    report(rule, func.getLoc(),
           "@" + func.getSymName() + " " + (inputs ? "inputs" : "outputs") +
               " have " + llvm::join(texts, ", ") + " bytes");
  }

  void checkSurfaces(const Rule &rule, func::FuncOp func) {
    const ANEConstraint &row = rule.row;
    bool minBytes = row.kind == ConstraintKind::MinSurfaceBytes;
    SmallVector<std::string> bad;
    auto visit = [&](StringRef what, unsigned index, Type type) {
      auto tensor = dyn_cast<RankedTensorType>(type);
      if (!tensor || !tensor.hasStaticShape() || tensor.getRank() == 0)
        return;
      if (minBytes) {
        auto bytes = tensorBytes(type);
        if (bytes && *bytes < row.limit)
          bad.push_back(
              (what + " " + Twine(index) + " has " + Twine(*bytes) + " bytes")
                  .str());
      } else if (tensor.getShape().back() % row.limit) {
        bad.push_back((what + " " + Twine(index) + " has innermost dim " +
                       Twine(tensor.getShape().back()))
                          .str());
      }
    };
    for (auto [i, type] : llvm::enumerate(func.getArgumentTypes()))
      visit("input", i, type);
    for (auto [i, type] : llvm::enumerate(func.getResultTypes()))
      visit("output", i, type);
    if (bad.empty())
      return;
    report(rule, func.getLoc(),
           "@" + func.getSymName() + " " + llvm::join(bad, ", ") + " (" +
               (minBytes ? "minimum " : "multiple of ") + Twine(row.limit) +
               ")");
  }

  /// The weight statistics of `func`, gathered once for all weight rows.
  const WeightStats &weightStats(func::FuncOp func) {
    auto [it, inserted] = weights.try_emplace(func);
    if (inserted)
      func.walk([&](Operation *op) {
        if (!milOpName(op).empty())
          addWeights(op, it->second);
      });
    return it->second;
  }

  void checkWeights(const Rule &rule, func::FuncOp func) {
    const WeightStats &stats = weightStats(func);
    const ANEConstraint &row = rule.row;
    StringRef name = func.getSymName();
    switch (row.kind) {
    case ConstraintKind::MaxBlobTensors:
      if (stats.tensors > row.limit)
        report(rule, func.getLoc(),
               "@" + name + " has " + Twine(stats.tensors) +
                   " weight-file tensors (limit " + Twine(row.limit) + ")");
      return;
    case ConstraintKind::MaxBlobsPerFile: {
      SmallVector<std::string> crowded;
      for (auto &entry : stats.perFile)
        if (entry.second > row.limit)
          crowded.push_back(
              (entry.first() + " holds " + Twine(entry.second)).str());
      llvm::sort(crowded);
      if (!crowded.empty())
        report(rule, func.getLoc(),
               "@" + name + ": " + llvm::join(crowded, ", ") +
                   " tensors (limit " + Twine(row.limit) + " per file)");
      return;
    }
    default:
      if (stats.bytes > row.limit)
        report(rule, func.getLoc(),
               "@" + name + " has " + Twine(stats.bytes) +
                   " bytes of constants (limit " + Twine(row.limit) + ")");
    }
  }

  void checkOpset(const Rule &rule, func::FuncOp func) {
    Opset opset = getEnclosingOpset(func).value_or(kDefaultOpset);
    if (rule.row.kind == ConstraintKind::MaxOpset) {
      auto max = parseOpset(rule.row.param);
      if (max && opset > *max)
        report(rule, func.getLoc(),
               "@" + func.getSymName() + " uses opset " +
                   stringifyOpset(opset) + " (newer than " + rule.row.param +
                   ")");
      return;
    }
    if (os && static_cast<unsigned>(opset) > iosEquivalent(*os))
      report(rule, func.getLoc(),
             "@" + func.getSymName() + " uses opset " + stringifyOpset(opset) +
                 ", the target is " + os->platform + Twine(os->major));
  }

  /// MaxRank and MaxDim: with no Ops, every function input and op result;
  /// otherwise the operands/results of the listed ops selected by Param's
  /// prefix ("in:", "inN:", "out:").
  void checkShapes(const Rule &rule, func::FuncOp func) {
    const ANEConstraint &row = rule.row;
    StringRef axes = row.param;
    std::optional<unsigned> operand;
    bool operands = true, results = true;
    if (axes.contains(':')) {
      auto [select, rest] = axes.split(':');
      axes = rest;
      operands = select.starts_with("in");
      results = select == "out";
      unsigned index;
      if (operands && !select.drop_front(2).getAsInteger(10, index))
        operand = index;
    }
    auto violation = [&](Type type) -> std::optional<std::string> {
      auto tensor = dyn_cast<RankedTensorType>(type);
      if (!tensor)
        return std::nullopt;
      if (row.kind == ConstraintKind::MaxRank) {
        if (tensor.getRank() <= row.limit)
          return std::nullopt;
        return ("rank " + Twine(tensor.getRank()) + " (limit " +
                Twine(row.limit) + ")")
            .str();
      }
      for (char axis : axes) {
        auto index = axisIndex(axis, tensor.getRank());
        if (!index || ShapedType::isDynamic(tensor.getDimSize(*index)) ||
            tensor.getDimSize(*index) <= row.limit)
          continue;
        return (Twine(axis) + " = " + Twine(tensor.getDimSize(*index)) +
                " (limit " + Twine(row.limit) + ")")
            .str();
      }
      return std::nullopt;
    };
    auto describe = [](Type type) {
      std::string text;
      llvm::raw_string_ostream stream(text);
      stream << type;
      return text;
    };
    if (row.ops.empty()) {
      for (auto [i, type] : llvm::enumerate(func.getArgumentTypes()))
        if (auto bad = violation(type))
          report(rule, func.getLoc(),
                 "input " + Twine(i) + " " + describe(type) + " has " + *bad);
      func.walk([&](Operation *op) {
        if (milOpName(op).empty())
          return;
        for (Type type : op->getResultTypes())
          if (auto bad = violation(type))
            return report(rule, op->getLoc(),
                          milOpName(op) + " result " + describe(type) +
                              " has " + *bad);
      });
      return;
    }
    func.walk([&](Operation *op) {
      if (!matches(rule, op))
        return;
      if (operands) {
        for (auto [i, value] : llvm::enumerate(op->getOperands())) {
          if (operand && i != *operand)
            continue;
          if (auto bad = violation(value.getType()))
            return report(rule, op->getLoc(),
                          milOpName(op) + " operand " + Twine(i) + " " +
                              describe(value.getType()) + " has " + *bad);
        }
      }
      if (results)
        for (Type type : op->getResultTypes())
          if (auto bad = violation(type))
            return report(rule, op->getLoc(),
                          milOpName(op) + " result " + describe(type) +
                              " has " + *bad);
    });
  }

  void checkBlockwise(const Rule &rule, Operation *op) {
    auto quant = dyn_cast<ConstexprBlockwiseShiftScaleOp>(op);
    if (!quant)
      return;
    ArrayRef<int64_t> scale =
        cast<ShapedType>(quant.getScale().getType()).getShape();
    ArrayRef<int64_t> data = quant.getOutput().getType().getShape();
    if (scale.size() != data.size())
      return;
    unsigned scaled = 0;
    bool partial = false;
    for (auto [s, d] : llvm::zip(scale, data)) {
      if (s == 1)
        continue;
      ++scaled;
      partial |= s != d;
    }
    if (!partial && scaled <= 1)
      return;
    std::string shape = llvm::join(
        llvm::map_range(scale, [](int64_t d) { return std::to_string(d); }),
        "x");
    report(rule, op->getLoc(), "scale of shape " + shape + " is per-block");
  }

  void checkChannels(const Rule &rule, Operation *op) {
    auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    auto output = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!input || !output || input.getRank() < 2 || output.getRank() < 2)
      return;
    int64_t limit = rule.row.limit;
    bool equals = rule.row.kind == ConstraintKind::ChannelEquals;
    SmallVector<std::string> bad;
    auto visit = [&](StringRef what, int64_t channels) {
      if (ShapedType::isDynamic(channels))
        return;
      if (equals ? channels != limit : channels % limit != 0)
        bad.push_back((Twine(channels) + " " + what + " channels").str());
    };
    visit("input", input.getDimSize(1));
    visit("output", output.getDimSize(1));
    if (bad.empty())
      return;
    report(rule, op->getLoc(),
           milOpName(op) + " has " + llvm::join(bad, " and ") + " (" +
               (equals ? "only " : "multiple of ") + Twine(limit) + ")");
  }

  void checkPow2Axis(const Rule &rule, Operation *op) {
    auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    auto axisAttr = op->getAttrOfType<IntegerAttr>("axis");
    if (!input || !axisAttr)
      return;
    auto axis = normalizeAxis(axisAttr.getInt(), input.getRank());
    if (!axis || input.isDynamicDim(*axis))
      return;
    int64_t extent = input.getDimSize(*axis);
    if (!llvm::isPowerOf2_64(extent))
      report(rule, op->getLoc(),
             milOpName(op) + " over axis " + Twine(*axis) + " of extent " +
                 Twine(extent));
  }

  void checkReduceExtent(const Rule &rule, Operation *op) {
    auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    if (!input || !input.hasStaticShape())
      return;
    SmallVector<int64_t> axes;
    if (auto attr = op->getAttrOfType<DenseI32ArrayAttr>("axes")) {
      for (int32_t a : attr.asArrayRef())
        if (auto axis = normalizeAxis(a, input.getRank()))
          axes.push_back(*axis);
    } else {
      for (int64_t i = 0; i < input.getRank(); ++i)
        axes.push_back(i);
    }
    int64_t extent = 1;
    for (int64_t axis : axes)
      extent *= input.getDimSize(axis);
    if (extent > rule.row.limit)
      report(rule, op->getLoc(),
             milOpName(op) + " sums " + Twine(extent) +
                 " elements into each output (limit " + Twine(rule.row.limit) +
                 ")");
  }

  void checkCompileBudget(const Rule &rule) {
    int64_t functions =
        llvm::count_if(module.getOps<func::FuncOp>(),
                       [](func::FuncOp func) { return !func.isExternal(); });
    if (functions > rule.row.limit)
      report(rule, module.getLoc(),
             "the module has " + Twine(functions) + " functions (limit " +
                 Twine(rule.row.limit) + " compiles per process)");
  }

  ModuleOp module;
  FamilyMask chips;
  std::optional<OSVersion> os;
  bool warningsAsErrors;
  bool hadError = false;
  llvm::DenseMap<Operation *, WeightStats> weights;
};

struct MILCheckANEPass
    : public ane::mil::impl::MILCheckANEBase<MILCheckANEPass> {
  using MILCheckANEBase::MILCheckANEBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto chips = parseChip(chip);
    if (!chips) {
      module.emitError() << "mil-check-ane: unknown chip '" << chip
                         << "' (expected all, m1..m5, m5max, h13..h17)";
      return signalPassFailure();
    }
    std::optional<OSVersion> target;
    if (!os.empty()) {
      target = parseOS(os);
      if (!target) {
        module.emitError() << "mil-check-ane: unknown os '" << os
                           << "' (expected e.g. macos15 or ios18)";
        return signalPassFailure();
      }
    }
    markAllAnalysesPreserved();
    if (!Checker(module, *chips, target, warningsAsErrors).run())
      signalPassFailure();
  }
};

} // namespace
