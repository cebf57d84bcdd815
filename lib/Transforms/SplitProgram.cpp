//===- SplitProgram.cpp - Split a function into a chain of programs -------===//
//
// The mil-split-program ANE shaping pass: a function over the device
// limits (weight tensors, weight bytes, ops) becomes a chain of part
// functions, each a program of its own, called in order by the original.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILTextFormat.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILSPLITPROGRAM
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

struct MILSplitProgramPass
    : public ane::mil::impl::MILSplitProgramBase<MILSplitProgramPass> {
  using MILSplitProgramBase::MILSplitProgramBase;

  /// The first limit `cost` exceeds, described, or an empty string.
  std::string exceeded(const ProgramCost &cost) const {
    if (cost.weightTensors > maxWeightTensors)
      return std::to_string(cost.weightTensors) +
             " weight tensors (max-weight-tensors = " +
             std::to_string(maxWeightTensors) + ")";
    if (cost.weightBytes > maxWeightBytes)
      return std::to_string(cost.weightBytes) +
             " weight bytes (max-weight-bytes = " +
             std::to_string(maxWeightBytes) + ")";
    if (maxOps > 0 && cost.ops > maxOps)
      return std::to_string(cost.ops) +
             " ops (max-ops = " + std::to_string(maxOps) + ")";
    return "";
  }

  /// Groups the non-constant ops of `body` into parts within the limits.
  FailureOr<SmallVector<SmallVector<Operation *>>> partition(Block &body) {
    SmallVector<SmallVector<Operation *>> parts(1);
    llvm::DenseSet<Operation *> partConsts;
    ProgramCost cost;
    for (Operation &op : body.without_terminator()) {
      if (isConstantLike(&op))
        continue;
      for (int attempt = 0; attempt < 2; ++attempt) {
        ProgramCost next = cost;
        ++next.ops;
        llvm::SmallPtrSet<Operation *, 4> added;
        for (Value v : op.getOperands()) {
          Operation *def = v.getDefiningOp();
          if (!def || !isConstantLike(def) || partConsts.count(def) ||
              !added.insert(def).second)
            continue;
          ProgramCost w = weightCost(def, inlineThreshold);
          next.weightTensors += w.weightTensors;
          next.weightBytes += w.weightBytes;
        }
        std::string over = exceeded(next);
        if (over.empty()) {
          cost = next;
          partConsts.insert(added.begin(), added.end());
          parts.back().push_back(&op);
          break;
        }
        if (parts.back().empty())
          return op.emitOpError()
                 << "mil-split-program: this op alone needs " << over
                 << "; no split can respect the limits";
        parts.emplace_back();
        partConsts.clear();
        cost = ProgramCost();
      }
    }
    return parts;
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto fn = module.lookupSymbol<func::FuncOp>(function);
    if (!fn || fn.isExternal() || !fn.getBody().hasOneBlock()) {
      module.emitError() << "mil-split-program: no function @" << function
                         << " with a body of one block";
      return signalPassFailure();
    }
    // A chain (a function calling others, e.g. a split one) is not split
    // again.
    bool calls = fn.walk([](func::CallOp) {
                     return WalkResult::interrupt();
                   }).wasInterrupted();
    if (calls || exceeded(measureFunction(fn, inlineThreshold)).empty())
      return;
    Block &body = fn.getBody().front();
    auto parts = partition(body);
    if (failed(parts))
      return signalPassFailure();
    auto ret = cast<func::ReturnOp>(body.getTerminator());

    llvm::DenseMap<Operation *, unsigned> partOf;
    for (auto [k, ops] : llvm::enumerate(*parts))
      for (Operation *op : ops)
        partOf[op] = k;
    auto partOfValue = [&](Value v) -> int64_t {
      Operation *def = v.getDefiningOp();
      if (!def)
        return -1; // function input
      auto it = partOf.find(def);
      return it == partOf.end() ? -2 : (int64_t)it->second; // -2: constant
    };

    // Names of values crossing a cut (unique within the module's chain).
    llvm::DenseMap<Value, std::string> names;
    llvm::StringSet<> used;
    auto unique = [&](std::string name) {
      std::string candidate = name;
      for (unsigned i = 1; !used.insert(candidate).second; ++i)
        candidate = name + "_" + std::to_string(i);
      return candidate;
    };
    for (BlockArgument arg : body.getArguments()) {
      auto name =
          fn.getArgAttrOfType<StringAttr>(arg.getArgNumber(), kOpNameAttr);
      names[arg] = unique(name ? name.str()
                               : "arg" + std::to_string(arg.getArgNumber()));
    }
    for (auto [i, v] : llvm::enumerate(ret.getOperands()))
      if (auto name = fn.getResultAttrOfType<StringAttr>(i, kOpNameAttr))
        if (!names.count(v))
          names[v] = unique(name.str());
    auto nameOf = [&](Value v, unsigned k, unsigned i) -> std::string {
      auto it = names.find(v);
      if (it != names.end())
        return it->second;
      std::string name =
          function + "_" + std::to_string(k) + "_" + std::to_string(i);
      if (auto loc = dyn_cast<NameLoc>(v.getLoc()))
        name = loc.getName().str();
      return names[v] = unique(name);
    };

    // Inputs and outputs of every part.
    SmallVector<llvm::SetVector<Value>> inputs(parts->size()),
        outputs(parts->size());
    for (auto [k, ops] : llvm::enumerate(*parts))
      for (Operation *op : ops)
        for (Value v : op->getOperands()) {
          int64_t from = partOfValue(v);
          if (from == (int64_t)k || from == -2)
            continue;
          inputs[k].insert(v);
          if (from >= 0)
            outputs[from].insert(v);
        }
    for (Value v : ret.getOperands())
      if (int64_t from = partOfValue(v); from >= 0)
        outputs[from].insert(v);

    // The part functions.
    OpBuilder b(module.getContext());
    b.setInsertionPoint(fn);
    SmallVector<func::FuncOp> partFns;
    for (auto [k, ops] : llvm::enumerate(*parts)) {
      SmallVector<Type> inTypes, outTypes;
      SmallVector<Attribute> inAttrs, outAttrs;
      for (auto [i, v] : llvm::enumerate(inputs[k])) {
        inTypes.push_back(v.getType());
        NamedAttrList attrs;
        if (auto arg = dyn_cast<BlockArgument>(v))
          attrs = NamedAttrList(fn.getArgAttrDict(arg.getArgNumber()));
        attrs.set(kOpNameAttr, b.getStringAttr(nameOf(v, k, i)));
        inAttrs.push_back(attrs.getDictionary(b.getContext()));
      }
      for (auto [i, v] : llvm::enumerate(outputs[k])) {
        outTypes.push_back(v.getType());
        outAttrs.push_back(b.getDictionaryAttr(
            b.getNamedAttr(kOpNameAttr, b.getStringAttr(nameOf(v, k, i)))));
      }
      auto part = func::FuncOp::create(b, fn.getLoc(),
                                       function + "_" + std::to_string(k),
                                       b.getFunctionType(inTypes, outTypes));
      part.setAllArgAttrs(inAttrs);
      part.setAllResultAttrs(outAttrs);
      Block *entry = part.addEntryBlock();
      OpBuilder pb = OpBuilder::atBlockEnd(entry);
      IRMapping map;
      for (auto [v, arg] : llvm::zip(inputs[k], entry->getArguments()))
        map.map(v, arg);
      for (Operation *op : ops) {
        for (Value v : op->getOperands())
          if (Operation *def = v.getDefiningOp();
              def && isConstantLike(def) && !map.contains(v))
            pb.clone(*def, map);
        pb.clone(*op, map);
      }
      SmallVector<Value> results;
      for (Value v : outputs[k])
        results.push_back(map.lookup(v));
      func::ReturnOp::create(pb, fn.getLoc(), results);
      partFns.push_back(part);
    }

    if (!chain) {
      fn.erase();
      return;
    }
    // The chain: calls in order, then the original results.
    b.setInsertionPoint(ret);
    IRMapping chain;
    for (auto [k, part] : llvm::enumerate(partFns)) {
      SmallVector<Value> args;
      for (Value v : inputs[k])
        args.push_back(chain.lookupOrDefault(v));
      auto call = func::CallOp::create(b, fn.getLoc(), part, args);
      for (auto [v, r] : llvm::zip(outputs[k], call.getResults()))
        chain.map(v, r);
    }
    SmallVector<Value> results;
    for (Value v : ret.getOperands())
      results.push_back(chain.lookupOrDefault(v));
    func::ReturnOp::create(b, ret.getLoc(), results);
    ret.erase();
    // Erase the moved ops (constants returned directly stay).
    SmallVector<Operation *> old;
    for (Operation &op : body)
      if (!isa<func::CallOp, func::ReturnOp>(op))
        old.push_back(&op);
    for (Operation *op : llvm::reverse(old))
      if (op->use_empty())
        op->erase();
  }
};

} // namespace
