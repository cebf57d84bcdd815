//===- Interpreter.cpp - Preparing and evaluating a mil function --------===//
//
// Prepare: one slot per SSA value; constants materialised; one StepFn per op
// from the evaluator table; for each step the slots whose last use it is.
// A func.call prepares its callee once (shared by every call site; recursion
// is rejected) and becomes a step copying operands in and results out.
// Eval: run steps in order, round non-fp32 results, release dead values.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Runtime/Half.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstring>

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

std::optional<DType> ane::runtime::dtypeFromType(Type type) {
  if (type.isF16())
    return DType::F16;
  if (type.isF32())
    return DType::F32;
  if (auto it = dyn_cast<IntegerType>(type)) {
    bool isUnsigned = it.isUnsigned();
    switch (it.getWidth()) {
    case 1:
      return DType::Bool;
    case 8:
      return isUnsigned ? DType::U8 : DType::I8;
    case 16:
      return isUnsigned ? DType::U16 : DType::I16;
    case 32:
      return isUnsigned ? std::nullopt : std::optional<DType>(DType::I32);
    default:
      return std::nullopt;
    }
  }
  return std::nullopt;
}

namespace ane::runtime {

struct Step {
  StepFn fn;
  Operation *op; // for the observer
  llvm::SmallVector<int, 4> releaseAfter;
  std::string where; // "file:line:col: 'mil.conv'"
};

class InterpreterImpl;

/// The callees of one top-level function, each prepared once, and the
/// functions being prepared (to reject recursion).
struct Callees {
  llvm::DenseMap<Operation *, std::unique_ptr<InterpreterImpl>> prepared;
  llvm::SmallVector<func::FuncOp, 4> stack;
};

class InterpreterImpl : public detail::PrepareContext {
public:
  /// Owned by the top-level function's impl; its callees share it.
  std::unique_ptr<Callees> ownCallees;
  Callees *callees = nullptr;
  Frame frame;
  std::vector<Step> steps;
  std::vector<TensorSpec> inputSpecs, outputSpecs;
  std::vector<int> inputSlots, outputSlots;
  InterpreterStats stats;
  llvm::DenseMap<Value, int> slotOf;
  Interpreter::Observer observer;

  int slot(Value v) override {
    if (!v)
      return -1;
    auto it = slotOf.find(v);
    return it == slotOf.end() ? -1 : it->second;
  }
  const SlotInfo &info(int s) override { return frame.info[s]; }
  const Tensor *constant(Value v) override {
    int s = slot(v);
    if (s < 0 || !frame.info[s].isConst)
      return nullptr;
    return &frame.slots[s];
  }
  void addFlops(int64_t f) override { stats.flops += f; }
  void addWeightBytes(int64_t b) override { stats.weightBytes += b; }
  void defineConstant(int s, Tensor value) override {
    frame.info[s].isConst = true;
    frame.constBytes += value.byteSize();
    frame.slots[s] = std::move(value);
  }

  /// Adds a slot for `v` with its static type; fails on a dynamic shape or
  /// a dtype MIL does not have.
  LogicalResult addSlot(Value v, Operation *where) {
    auto type = dyn_cast<RankedTensorType>(v.getType());
    std::optional<DType> dt =
        type ? dtypeFromType(type.getElementType()) : std::nullopt;
    if (!type || !dt) {
      (where ? where->emitError() : emitError(v.getLoc()))
          << "interpreter: unsupported value type " << v.getType();
      return failure();
    }
    if (!type.hasStaticShape()) {
      (where ? where->emitError() : emitError(v.getLoc()))
          << "interpreter: dynamic shape " << type
          << " is not supported; give every dim a size";
      return failure();
    }
    SlotInfo si;
    si.dtype = *dt;
    si.shape.assign(type.getShape().begin(), type.getShape().end());
    slotOf[v] = frame.info.size();
    frame.info.push_back(si);
    frame.slots.emplace_back();
    return success();
  }

  LogicalResult materializeConstant(Operation *op);
  FailureOr<StepFn> prepareCall(func::CallOp call);
  LogicalResult prepare(func::FuncOp fn);
  /// Runs the steps once.
  llvm::Error run();
};

} // namespace ane::runtime

bool ane::runtime::detail::diagnoseUnloadedBlob(Operation *op, Attribute val) {
  auto blob = dyn_cast_or_null<ane::mil::BlobFileAttr>(val);
  if (!blob)
    return false;
  op->emitError() << "interpreter: weight blob '" << blob.getPath()
                  << "' at offset " << blob.getOffset()
                  << " was not loaded; import the program with its weights";
  return true;
}

/// Copies the elements of a dense or dense_resource attribute into `t`.
LogicalResult ane::runtime::detail::elementsToTensor(Operation *op,
                                                     Attribute val, Tensor &t) {
  size_t bytes = t.byteSize();
  if (auto dense = dyn_cast<DenseElementsAttr>(val)) {
    if (t.dtype() == DType::Bool) {
      auto *out = t.data<uint8_t>();
      int64_t i = 0;
      for (bool b : dense.getValues<bool>())
        out[i++] = b;
      if (dense.isSplat())
        std::fill(out, out + t.numElements(), out[0]);
      return success();
    }
    ArrayRef<char> raw = dense.getRawData();
    size_t elem = dtypeSize(t.dtype());
    if (dense.isSplat()) {
      char *out = static_cast<char *>(t.raw());
      for (int64_t i = 0; i < t.numElements(); ++i)
        std::memcpy(out + i * elem, raw.data(), elem);
      return success();
    }
    if (raw.size() != bytes)
      return op->emitError() << "interpreter: constant holds " << raw.size()
                             << " bytes, expected " << bytes;
    std::memcpy(t.raw(), raw.data(), bytes);
    return success();
  }
  if (auto res = dyn_cast<DenseResourceElementsAttr>(val)) {
    AsmResourceBlob *blob = res.getRawHandle().getBlob();
    if (!blob)
      return op->emitError() << "interpreter: resource '"
                             << res.getRawHandle().getKey() << "' has no data";
    ArrayRef<char> data = blob->getData();
    if (data.size() != bytes)
      return op->emitError()
             << "interpreter: resource '" << res.getRawHandle().getKey()
             << "' holds " << data.size() << " bytes, expected " << bytes;
    std::memcpy(t.raw(), data.data(), bytes);
    if (t.dtype() == DType::Bool)
      for (int64_t i = 0; i < t.numElements(); ++i)
        t.data<uint8_t>()[i] = t.data<uint8_t>()[i] != 0;
    return success();
  }
  if (diagnoseUnloadedBlob(op, val))
    return failure();
  return op->emitError() << "interpreter: unsupported constant value " << val;
}

LogicalResult InterpreterImpl::materializeConstant(Operation *op) {
  Value result = op->getResult(0);
  if (failed(addSlot(result, op)))
    return failure();
  int s = slotOf[result];
  SlotInfo &si = frame.info[s];
  si.isConst = true;
  Tensor &t = frame.slots[s];
  t.reset(si.dtype, si.shape);
  Attribute val = op->getAttr("val");
  if (!val)
    if (std::optional<Attribute> a = op->getInherentAttr("val"))
      val = *a;
  if (failed(elementsToTensor(op, val, t)))
    return failure();
  stats.weightBytes += t.byteSize();
  frame.constBytes += t.byteSize();
  return success();
}

std::string ane::runtime::milIOName(DictionaryAttr attrs, Location loc,
                                    const std::string &dflt) {
  if (attrs)
    if (auto name = attrs.getAs<StringAttr>("mil.name"))
      return name.getValue().str();
  if (auto named = dyn_cast<NameLoc>(loc))
    return named.getName().str();
  return dflt;
}

/// Prepares the callee (once per top-level function) and returns a step
/// that copies the operands into its inputs, runs it and copies its outputs
/// into the call's results.
FailureOr<StepFn> InterpreterImpl::prepareCall(func::CallOp call) {
  auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      call, call.getCalleeAttr());
  if (!callee)
    return call.emitError()
           << "interpreter: no function @" << call.getCallee() << " to call";
  if (llvm::is_contained(callees->stack, callee)) {
    std::string path;
    for (func::FuncOp f : callees->stack)
      path += "@" + f.getSymName().str() + " -> ";
    return call.emitError() << "interpreter: recursive call (" << path << "@"
                            << callee.getSymName() << ") is not supported";
  }
  auto it = callees->prepared.find(callee);
  if (it == callees->prepared.end()) {
    auto impl = std::make_unique<InterpreterImpl>();
    impl->callees = callees;
    if (failed(impl->prepare(callee))) {
      call.emitError() << "interpreter: cannot prepare callee @"
                       << callee.getSymName();
      return failure();
    }
    it = callees->prepared.try_emplace(callee, std::move(impl)).first;
  }
  InterpreterImpl *sub = it->second.get();
  stats.flops += sub->stats.flops;
  stats.numSteps += sub->stats.numSteps;
  llvm::SmallVector<int, 4> args, results;
  for (Value v : call.getOperands())
    args.push_back(slot(v));
  for (Value v : call.getResults())
    results.push_back(slot(v));
  return StepFn([sub, args, results](Frame &f) -> llvm::Error {
    for (auto [i, s] : llvm::enumerate(args)) {
      Tensor &dst = sub->frame.slots[sub->inputSlots[i]];
      std::memcpy(dst.raw(), f.get(s).raw(), dst.byteSize());
    }
    if (llvm::Error err = sub->run())
      return err;
    for (auto [i, s] : llvm::enumerate(results)) {
      const Tensor &src = sub->frame.get(sub->outputSlots[i]);
      std::memcpy(f.alloc(s).raw(), src.raw(), src.byteSize());
    }
    return llvm::Error::success();
  });
}

LogicalResult InterpreterImpl::prepare(func::FuncOp fn) {
  if (!callees) {
    ownCallees = std::make_unique<Callees>();
    callees = ownCallees.get();
  }
  callees->stack.push_back(fn);
  llvm::scope_exit popStack([&] { callees->stack.pop_back(); });
  if (fn.isExternal())
    return fn.emitError() << "interpreter: function @" << fn.getSymName()
                          << " has no body";
  if (!fn.getBody().hasOneBlock())
    return fn.emitError() << "interpreter: control flow is not supported";
  Block &body = fn.getBody().front();
  for (BlockArgument arg : body.getArguments()) {
    if (failed(addSlot(arg, fn)))
      return failure();
    int s = slotOf[arg];
    frame.info[s].isInput = true;
    frame.slots[s].reset(frame.info[s].dtype, frame.info[s].shape);
    std::memset(frame.slots[s].raw(), 0, frame.slots[s].byteSize());
    inputSlots.push_back(s);
    inputSpecs.push_back(
        {milIOName(fn.getArgAttrDict(arg.getArgNumber()), arg.getLoc(),
                   "arg" + std::to_string(arg.getArgNumber())),
         frame.info[s].dtype, frame.info[s].shape});
  }

  const EvaluatorTable &table = getEvaluatorTable();
  bool ok = true;
  std::vector<llvm::SmallVector<int, 4>> reads;
  for (Operation &op : body) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
        int s = slot(v);
        if (s < 0) { // produced by an op that failed to prepare
          ok = false;
          break;
        }
        outputSlots.push_back(s);
        std::string name = milIOName(fn.getResultAttrDict(i), v.getLoc(),
                                     "output" + std::to_string(i));
        // Results of one multi-result op share its location's name.
        for (const TensorSpec &prev : outputSpecs)
          if (prev.name == name)
            name += "_" + std::to_string(i);
        outputSpecs.push_back({name, frame.info[s].dtype, frame.info[s].shape});
      }
      break;
    }
    if (isa<ane::mil::ConstOp>(op)) {
      ok &= succeeded(materializeConstant(&op));
      continue;
    }
    auto call = dyn_cast<func::CallOp>(op);
    auto it = table.find(op.getName().getStringRef());
    if (!call && (it == table.end() || op.getNumRegions() != 0)) {
      op.emitError() << "unsupported op '" << op.getName() << "'";
      ok = false;
      continue;
    }
    bool typesOk = true;
    for (Value r : op.getResults())
      typesOk &= succeeded(addSlot(r, &op));
    if (!typesOk) {
      ok = false;
      continue;
    }
    bool operandsOk = true;
    for (Value v : op.getOperands())
      operandsOk &= slot(v) >= 0;
    if (!operandsOk) {
      op.emitError() << "interpreter: operand defined outside the function";
      ok = false;
      continue;
    }
    FailureOr<StepFn> fnOr = failure();
    if (call) {
      fnOr = prepareCall(call);
    } else {
      OpParams params(&op);
      fnOr = it->second(params, *this);
    }
    if (failed(fnOr)) {
      ok = false;
      continue;
    }
    if (!*fnOr)
      continue; // folded into a constant
    Step step;
    step.fn = std::move(*fnOr);
    step.op = &op;
    std::string loc;
    llvm::raw_string_ostream os(loc);
    if (auto fl = dyn_cast<FileLineColLoc>(op.getLoc()))
      os << fl.getFilename().getValue() << ":" << fl.getLine() << ":"
         << fl.getColumn() << ": ";
    os << "'" << op.getName() << "'";
    step.where = loc;
    steps.push_back(std::move(step));
    llvm::SmallVector<int, 4> r;
    for (Value v : op.getOperands())
      r.push_back(slot(v));
    for (Value v : op.getResults())
      r.push_back(slot(v)); // an unused result dies right after its step
    reads.push_back(r);
  }
  if (!ok)
    return failure();

  // Liveness: release each non-persistent slot after its last reading step.
  std::vector<int> lastUse(frame.info.size(), -1);
  for (size_t i = 0; i < reads.size(); ++i)
    for (int s : reads[i])
      lastUse[s] = i;
  llvm::DenseSet<int> persistent(outputSlots.begin(), outputSlots.end());
  for (size_t s = 0; s < frame.info.size(); ++s) {
    if (lastUse[s] < 0 || frame.info[s].isConst || frame.info[s].isInput ||
        persistent.count(s))
      continue;
    steps[lastUse[s]].releaseAfter.push_back(s);
  }
  stats.numSteps += steps.size();
  return success();
}

Interpreter::Interpreter(std::unique_ptr<InterpreterImpl> impl)
    : impl(std::move(impl)) {}
Interpreter::~Interpreter() = default;

llvm::Expected<std::unique_ptr<Interpreter>>
Interpreter::create(func::FuncOp fn) {
  auto impl = std::make_unique<InterpreterImpl>();
  if (failed(impl->prepare(fn)))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot interpret function @" +
                                       fn.getSymName());
  impl->stats.constBytes = impl->frame.constBytes;
  for (const auto &entry : impl->callees->prepared) {
    impl->stats.weightBytes += entry.second->stats.weightBytes;
    impl->stats.constBytes += entry.second->frame.constBytes;
  }
  return std::unique_ptr<Interpreter>(new Interpreter(std::move(impl)));
}

llvm::ArrayRef<TensorSpec> Interpreter::inputs() const {
  return impl->inputSpecs;
}
llvm::ArrayRef<TensorSpec> Interpreter::outputs() const {
  return impl->outputSpecs;
}
int Interpreter::findInput(StringRef name) const {
  for (size_t i = 0; i < impl->inputSpecs.size(); ++i)
    if (impl->inputSpecs[i].name == name)
      return i;
  return -1;
}

llvm::Error ane::runtime::expectInput(llvm::ArrayRef<TensorSpec> specs,
                                      unsigned i, const Tensor &value) {
  if (i >= specs.size())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "input index " + llvm::Twine(i) +
                                       " out of range");
  const TensorSpec &spec = specs[i];
  return expectTensorType("input '" + spec.name + "'", spec.dtype, spec.shape,
                          value);
}

llvm::Error Interpreter::setInput(unsigned i, const Tensor &value) {
  if (llvm::Error err = expectInput(impl->inputSpecs, i, value))
    return err;
  Tensor &dst = impl->frame.slots[impl->inputSlots[i]];
  std::memcpy(dst.raw(), value.raw(), value.byteSize());
  return llvm::Error::success();
}

Tensor &Interpreter::inputBuffer(unsigned i) {
  return impl->frame.slots[impl->inputSlots[i]];
}

llvm::Error InterpreterImpl::run() {
  // Last eval's outputs go back to the pool: they are recomputed below.
  for (int s : outputSlots)
    if (!frame.info[s].isConst && !frame.info[s].isInput)
      frame.release(s);
  for (Step &step : steps) {
    frame.beginStep();
    if (llvm::Error err = step.fn(frame))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     step.where + ": " +
                                         llvm::toString(std::move(err)));
    frame.finishStep();
    if (observer)
      for (Value r : step.op->getResults())
        observer(r, frame.slots[slotOf[r]]);
    for (int s : step.releaseAfter)
      frame.release(s);
  }
  return llvm::Error::success();
}

llvm::Error Interpreter::eval() {
  auto start = std::chrono::steady_clock::now();
  if (llvm::Error err = impl->run())
    return err;
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  InterpreterStats &st = impl->stats;
  ++st.evals;
  st.lastMs = ms;
  st.totalMs += ms;
  // Callees keep their own frames: their peaks add up (an upper bound).
  st.peakBytes = impl->frame.peakBytes;
  st.constBytes = impl->frame.constBytes;
  for (const auto &entry : impl->callees->prepared) {
    st.peakBytes += entry.second->frame.peakBytes;
    st.constBytes += entry.second->frame.constBytes;
  }
  return llvm::Error::success();
}

const Tensor &Interpreter::output(unsigned i) const {
  return impl->frame.slots[impl->outputSlots[i]];
}

const InterpreterStats &Interpreter::stats() const { return impl->stats; }

void Interpreter::setObserver(Observer observer) {
  for (const auto &entry : impl->callees->prepared)
    entry.second->observer = observer;
  impl->observer = std::move(observer);
}
