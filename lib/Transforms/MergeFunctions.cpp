//===- MergeFunctions.cpp - Kernel-level merge of func.call chains --------===//
//
// The mil-merge-functions ANE shaping pass: a function that only calls
// other functions in order (a chain, as mil-split-program leaves it) has
// runs of its calls inlined into single functions while the merged
// function stays within the device limits, cutting dispatches.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/SetVector.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILMERGEFUNCTIONS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The callee of `call` when it is a single-block function of `module`.
func::FuncOp singleBlockCallee(func::CallOp call, SymbolTable &symbols) {
  auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
  if (!callee || callee.isExternal() || !callee.getBody().hasOneBlock())
    return {};
  return callee;
}

/// The calls of `fn` when its body is only calls of single-block functions
/// and a return; empty otherwise.
SmallVector<func::CallOp> chainCalls(func::FuncOp fn, SymbolTable &symbols) {
  SmallVector<func::CallOp> calls;
  if (fn.isExternal() || !fn.getBody().hasOneBlock())
    return {};
  for (Operation &op : fn.getBody().front().without_terminator()) {
    auto call = dyn_cast<func::CallOp>(op);
    if (!call || !singleBlockCallee(call, symbols) ||
        call.getCallee() == fn.getSymName())
      return {};
    calls.push_back(call);
  }
  return calls;
}

/// Clones the body of `call`'s callee at `b`'s insertion point, its inputs
/// being `map.lookupOrDefault(operand)`, and maps the call's results to the
/// cloned values.
void inlineCall(OpBuilder &b, func::CallOp call, func::FuncOp callee,
                IRMapping &map) {
  Block &body = callee.getBody().front();
  IRMapping inner;
  for (auto [arg, operand] : llvm::zip(body.getArguments(), call.getOperands()))
    inner.map(arg, map.lookupOrDefault(operand));
  for (Operation &op : body.without_terminator())
    b.clone(op, inner);
  for (auto [r, v] :
       llvm::zip(call.getResults(), body.getTerminator()->getOperands()))
    map.map(r, inner.lookupOrDefault(v));
}

/// A run of calls merged into one function (not yet in the module).
struct Merged {
  func::FuncOp fn;
  llvm::SetVector<Value> inputs, outputs;
};

Merged buildMerged(ArrayRef<func::CallOp> run, SymbolTable &symbols,
                   StringRef name) {
  Merged m;
  llvm::DenseSet<Operation *> inRun;
  for (func::CallOp call : run)
    inRun.insert(call);
  SmallVector<Attribute> inAttrs, outAttrs;
  for (func::CallOp call : run) {
    func::FuncOp callee = singleBlockCallee(call, symbols);
    for (auto [i, v] : llvm::enumerate(call.getOperands()))
      if (!inRun.count(v.getDefiningOp()) && m.inputs.insert(v))
        inAttrs.push_back(callee.getArgAttrDict(i));
    for (auto [i, r] : llvm::enumerate(call.getResults()))
      if (llvm::any_of(r.getUsers(),
                       [&](Operation *u) { return !inRun.count(u); })) {
        m.outputs.insert(r);
        outAttrs.push_back(callee.getResultAttrDict(i));
      }
  }
  func::CallOp first = run.front();
  OpBuilder b(first.getContext());
  SmallVector<Type> inTypes, outTypes;
  for (Value v : m.inputs)
    inTypes.push_back(v.getType());
  for (Value v : m.outputs)
    outTypes.push_back(v.getType());
  m.fn = func::FuncOp::create(first.getLoc(), name,
                              b.getFunctionType(inTypes, outTypes));
  for (Attribute &a : llvm::concat<Attribute>(inAttrs, outAttrs))
    if (!a)
      a = b.getDictionaryAttr({});
  m.fn.setAllArgAttrs(inAttrs);
  m.fn.setAllResultAttrs(outAttrs);
  Block *entry = m.fn.addEntryBlock();
  b.setInsertionPointToEnd(entry);
  IRMapping map;
  for (auto [v, arg] : llvm::zip(m.inputs, entry->getArguments()))
    map.map(v, arg);
  for (func::CallOp call : run)
    inlineCall(b, call, singleBlockCallee(call, symbols), map);
  SmallVector<Value> results;
  for (Value v : m.outputs)
    results.push_back(map.lookup(v));
  func::ReturnOp::create(b, first.getLoc(), results);
  return m;
}

struct MILMergeFunctionsPass
    : public ane::mil::impl::MILMergeFunctionsBase<MILMergeFunctionsPass> {
  using MILMergeFunctionsBase::MILMergeFunctionsBase;

  /// Whether the calls `run` may become one function.
  bool fits(ArrayRef<func::CallOp> run, SymbolTable &symbols) {
    Merged m = buildMerged(run, symbols, "candidate");
    ProgramCost cost = measureFunction(m.fn, inlineThreshold);
    int64_t inputs = m.inputs.size();
    m.fn.erase();
    int64_t memberInputs = 0;
    for (func::CallOp call : run)
      memberInputs = std::max<int64_t>(memberInputs, call.getNumOperands());
    return (inputs <= maxInputs || inputs <= memberInputs) &&
           cost.weightTensors <= maxWeightTensors &&
           cost.weightBytes <= maxWeightBytes &&
           (maxSramBytes <= 0 || cost.workingSetBytes <= maxSramBytes);
  }

  void mergeChain(func::FuncOp chain, SmallVector<func::CallOp> calls,
                  SymbolTable &symbols) {
    // Greedy runs [start, end).
    SmallVector<std::pair<size_t, size_t>> runs;
    for (size_t start = 0; start < calls.size();) {
      size_t end = start + 1;
      while (end < calls.size() &&
             fits(ArrayRef(calls).slice(start, end + 1 - start), symbols))
        ++end;
      runs.push_back({start, end});
      start = end;
    }
    if (runs.size() == 1) {
      // The whole chain: inline every call in place.
      for (func::CallOp call : calls) {
        OpBuilder b(call);
        IRMapping map;
        inlineCall(b, call, singleBlockCallee(call, symbols), map);
        for (Value r : call.getResults())
          r.replaceAllUsesWith(map.lookup(r));
        call.erase();
      }
      return;
    }
    unsigned k = 0;
    for (auto [start, end] : runs) {
      if (end - start < 2)
        continue;
      ArrayRef<func::CallOp> run = ArrayRef(calls).slice(start, end - start);
      Merged m = buildMerged(
          run, symbols, (chain.getSymName() + "_merged" + Twine(k++)).str());
      symbols.insert(m.fn, chain->getIterator());
      OpBuilder b(run.front());
      auto call =
          func::CallOp::create(b, m.fn.getLoc(), m.fn, m.inputs.getArrayRef());
      for (auto [v, r] : llvm::zip(m.outputs, call.getResults()))
        Value(v).replaceAllUsesWith(r);
      for (func::CallOp old : llvm::reverse(run))
        old.erase();
    }
  }

  /// The chain function `@sequenceName` calling the `sequence` functions
  /// in order, each one's results feeding the next; null after an error.
  func::FuncOp buildSequence(ModuleOp module, SymbolTable &symbols) {
    SmallVector<func::FuncOp> fns;
    for (const std::string &name : sequence) {
      auto fn = symbols.lookup<func::FuncOp>(name);
      if (!fn || fn.isExternal() || !fn.getBody().hasOneBlock()) {
        module.emitError() << "mil-merge-functions: no function @" << name
                           << " with a body of one block";
        return {};
      }
      if (!fns.empty() &&
          fns.back().getResultTypes() != fn.getArgumentTypes()) {
        module.emitError() << "mil-merge-functions: the results of @"
                           << fns.back().getSymName() << " ("
                           << fns.back().getResultTypes()
                           << ") do not match the inputs of @" << name << " ("
                           << fn.getArgumentTypes() << ")";
        return {};
      }
      fns.push_back(fn);
    }
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    auto chain =
        func::FuncOp::create(b, module.getLoc(), sequenceName,
                             b.getFunctionType(fns.front().getArgumentTypes(),
                                               fns.back().getResultTypes()));
    symbols.insert(chain);
    if (ArrayAttr attrs = fns.front().getAllArgAttrs())
      chain.setAllArgAttrs(attrs);
    if (ArrayAttr attrs = fns.back().getAllResultAttrs())
      chain.setAllResultAttrs(attrs);
    b.setInsertionPointToEnd(chain.addEntryBlock());
    ValueRange values = chain.getArguments();
    SmallVector<Value> results;
    for (func::FuncOp fn : fns) {
      results =
          func::CallOp::create(b, chain.getLoc(), fn, values).getResults();
      values = results;
    }
    func::ReturnOp::create(b, chain.getLoc(), values);
    return chain;
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    if (!sequence.empty()) {
      func::FuncOp chain = buildSequence(module, symbols);
      if (!chain)
        return signalPassFailure();
      if (sequence.size() >= 2)
        mergeChain(chain, chainCalls(chain, symbols), symbols);
      return;
    }
    llvm::SetVector<StringRef> callees;
    for (auto chain : llvm::to_vector(module.getOps<func::FuncOp>())) {
      if (!functions.empty() &&
          !llvm::is_contained(functions, chain.getSymName()))
        continue;
      SmallVector<func::CallOp> calls = chainCalls(chain, symbols);
      if (calls.size() < 2)
        continue;
      for (func::CallOp call : calls)
        callees.insert(call.getCallee());
      mergeChain(chain, calls, symbols);
    }
    for (StringRef name : callees) {
      Operation *callee = symbols.lookup(name);
      if (callee && SymbolTable::symbolKnownUseEmpty(callee, module))
        symbols.erase(callee);
    }
  }
};

} // namespace
