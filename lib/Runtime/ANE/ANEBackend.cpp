//===- ANEBackend.cpp - The `ane` execution backend -----------------------===//
//
// ANEBackend::compile exports the entry function (alone, as `main`) to MIL
// text + weight files, describes each input/output as a dense fp16/fp32
// device tensor, and compiles it through ANEDevice. ANEKernel copies Tensors
// in and out of the model's IOSurfaces and keeps the platform alive.
// An entry that is a chain of func.calls (mil-split-program) compiles each
// callee once as a program of its own; ChainKernel evaluates them in call
// order, feeding each call's operands from the entry's inputs or earlier
// calls' outputs.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/ANE/ANEBackend.h"
#include "ane/Runtime/ANE/InterpreterProgram.h"

#include "ane/Target/MIL/MILEmitter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringMap.h"

#include <cstring>
#include <mutex>

using namespace ane::device;
using namespace ane::runtime;
using llvm::Error;
using llvm::Expected;

namespace {

Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// The fake platform shared by every fake-platform backend and kernel alive
/// (only one FakePlatform may exist at a time).
std::mutex fakeMutex;
std::weak_ptr<FakePlatform> sharedFake;

std::shared_ptr<FakePlatform> acquireFake(const ANEBackendOptions &options) {
  std::lock_guard<std::mutex> lock(fakeMutex);
  if (auto fake = sharedFake.lock())
    return fake;
  FakeOptions fo = options.fake;
  if (!fo.compile)
    fo.compile = interpreterFakeCompile();
  llvm::raw_ostream *trace = options.traceStream;
  std::shared_ptr<FakePlatform> fake(
      new FakePlatform(std::move(fo)), [trace](FakePlatform *f) {
        if (trace)
          for (const std::string &line : f->trace())
            *trace << "fake: " << line << "\n";
        delete f;
      });
  sharedFake = fake;
  return fake;
}

/// The spec and device tensor of one function input or output. The device
/// reads fp16 or fp32 tensors of rank <= 4 as dense bytes.
Error describe(mlir::Type type, std::string name, const char *what,
               std::vector<TensorSpec> &specs,
               std::vector<ANETensorDesc> &descs) {
  auto tensor = llvm::dyn_cast<mlir::RankedTensorType>(type);
  std::optional<DType> dtype =
      tensor ? dtypeFromType(tensor.getElementType()) : std::nullopt;
  if (!tensor || !tensor.hasStaticShape() || !dtype)
    return makeError(llvm::Twine(what) + " '" + name +
                     "' must be a statically shaped tensor");
  if ((*dtype != DType::F16 && *dtype != DType::F32) || tensor.getRank() > 4)
    return makeError(llvm::Twine("the ANE backend needs fp16 or fp32 I/O "
                                 "tensors of rank <= 4 ([1,C,1,S]); ") +
                     what + " '" + name + "' is " + dtypeName(*dtype) + " " +
                     shapeToString(tensor.getShape()));
  ANETensorDesc desc;
  desc.shape.assign(4 - tensor.getRank(), 1);
  desc.shape.append(tensor.getShape().begin(), tensor.getShape().end());
  desc.elemBytes = dtypeSize(*dtype);
  specs.push_back({std::move(name), *dtype,
                   Shape(tensor.getShape().begin(), tensor.getShape().end())});
  descs.push_back(std::move(desc));
  return Error::success();
}

/// FLOPs and constant bytes of `fn` as the CPU interpreter counts them (it is
/// prepared once for this and dropped); zero if it cannot prepare `fn`.
KernelStats countWork(mlir::func::FuncOp fn) {
  mlir::ScopedDiagnosticHandler quiet(
      fn.getContext(), [](mlir::Diagnostic &) { return mlir::success(); });
  KernelStats counts;
  auto interp = Interpreter::create(fn);
  if (!interp) {
    llvm::consumeError(interp.takeError());
    return counts;
  }
  counts.flops = (*interp)->stats().flops;
  counts.weightBytes = (*interp)->stats().weightBytes;
  return counts;
}

/// Exports function `entry` of `module` alone, renamed `main`, as MIL text.
Expected<ane::mil::MILProgram> exportEntry(mlir::ModuleOp module,
                                           mlir::func::FuncOp entry) {
  mlir::OwningOpRef<mlir::ModuleOp> clone(module.clone());
  for (auto fn : llvm::make_early_inc_range(
           clone->getBody()->getOps<mlir::func::FuncOp>()))
    if (fn.getSymName() != entry.getSymName())
      fn.erase();
  auto fn = *clone->getBody()->getOps<mlir::func::FuncOp>().begin();
  fn.setSymName("main");
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(
      module.getContext(), [&](mlir::Diagnostic &diag) {
        if (diag.getSeverity() != mlir::DiagnosticSeverity::Error)
          return mlir::success();
        llvm::raw_string_ostream os(diagnostics);
        os << (diagnostics.empty() ? "" : "; ") << diag.getLocation() << ": "
           << diag.str();
        return mlir::success();
      });
  ane::mil::MILProgram program;
  if (mlir::failed(ane::mil::exportMILProgram(*clone, program)))
    return makeError("cannot export @" + entry.getSymName() +
                     " as MIL text: " + diagnostics);
  return program;
}

class ANEKernel : public Kernel {
public:
  ANEKernel(std::shared_ptr<FakePlatform> fake,
            std::shared_ptr<ANEDevice> device, std::unique_ptr<ANEModel> model,
            std::vector<TensorSpec> ins, std::vector<TensorSpec> outs,
            KernelStats counts)
      : fake(std::move(fake)), device(std::move(device)),
        model(std::move(model)), ins(std::move(ins)), outs(std::move(outs)),
        st(counts) {
    for (const TensorSpec &s : this->outs)
      results.emplace_back(s.dtype, s.shape);
  }
  llvm::ArrayRef<TensorSpec> inputs() const override { return ins; }
  llvm::ArrayRef<TensorSpec> outputs() const override { return outs; }

  Error setInput(unsigned i, const Tensor &value) override {
    if (Error err = expectInput(ins, i, value))
      return err;
    return model->writeInput(
        i, llvm::ArrayRef(static_cast<const uint8_t *>(value.raw()),
                          value.byteSize()));
  }

  Error eval() override {
    auto stats = model->evaluate();
    if (!stats)
      return stats.takeError();
    for (size_t i = 0; i < results.size(); ++i)
      if (Error err = model->readOutput(
              i, llvm::MutableArrayRef(static_cast<uint8_t *>(results[i].raw()),
                                       results[i].byteSize())))
        return err;
    ++st.evals;
    st.lastMs = stats->bestMs();
    st.totalMs += st.lastMs;
    st.deviceTime = stats->hwMs.has_value();
    return Error::success();
  }

  const Tensor &output(unsigned i) const override { return results[i]; }
  KernelStats stats() const override { return st; }

private:
  // Declared first, destroyed last: the model needs the platform.
  std::shared_ptr<FakePlatform> fake;
  std::shared_ptr<ANEDevice> device;
  std::unique_ptr<ANEModel> model;
  std::vector<TensorSpec> ins, outs;
  std::vector<Tensor> results;
  KernelStats st;
};

/// A func.call chain: one kernel per distinct callee, evaluated per call.
class ChainKernel : public Kernel {
public:
  struct Call {
    Kernel *kernel;
    llvm::SmallVector<unsigned, 4> args; ///< value indices of the operands
    unsigned firstResult;                ///< value index of result 0
  };

  ChainKernel(std::vector<std::unique_ptr<Kernel>> parts,
              std::vector<Call> calls, std::vector<TensorSpec> ins,
              std::vector<TensorSpec> outs, std::vector<unsigned> outValues,
              unsigned numValues)
      : parts(std::move(parts)), calls(std::move(calls)), ins(std::move(ins)),
        outs(std::move(outs)), outValues(std::move(outValues)),
        values(numValues) {
    for (auto [i, spec] : llvm::enumerate(this->ins))
      values[i] = Tensor(spec.dtype, spec.shape);
    for (const Call &call : this->calls)
      for (auto [i, spec] : llvm::enumerate(call.kernel->outputs()))
        values[call.firstResult + i] = Tensor(spec.dtype, spec.shape);
    st.programs = this->parts.size();
    st.dispatches = this->calls.size();
    for (const Call &call : this->calls)
      st.flops += call.kernel->stats().flops;
    for (const auto &part : this->parts)
      st.weightBytes += part->stats().weightBytes;
  }
  llvm::ArrayRef<TensorSpec> inputs() const override { return ins; }
  llvm::ArrayRef<TensorSpec> outputs() const override { return outs; }

  Error setInput(unsigned i, const Tensor &value) override {
    if (Error err = expectInput(ins, i, value))
      return err;
    std::memcpy(values[i].raw(), value.raw(), value.byteSize());
    return Error::success();
  }

  Error eval() override {
    double ms = 0;
    bool deviceTime = true;
    for (const Call &call : calls) {
      for (auto [i, v] : llvm::enumerate(call.args))
        if (Error err = call.kernel->setInput(i, values[v]))
          return err;
      if (Error err = call.kernel->eval())
        return err;
      KernelStats ks = call.kernel->stats();
      ms += ks.lastMs;
      deviceTime &= ks.deviceTime;
      for (size_t i = 0; i < call.kernel->outputs().size(); ++i) {
        const Tensor &out = call.kernel->output(i);
        std::memcpy(values[call.firstResult + i].raw(), out.raw(),
                    out.byteSize());
      }
    }
    ++st.evals;
    st.lastMs = ms;
    st.totalMs += ms;
    st.deviceTime = deviceTime;
    return Error::success();
  }

  const Tensor &output(unsigned i) const override {
    return values[outValues[i]];
  }
  KernelStats stats() const override { return st; }

private:
  std::vector<std::unique_ptr<Kernel>> parts;
  std::vector<Call> calls;
  std::vector<TensorSpec> ins, outs;
  std::vector<unsigned> outValues;
  /// The entry's inputs, then each call's results in order.
  std::vector<Tensor> values;
  KernelStats st;
};

class ANEBackend : public Backend {
public:
  ANEBackend(std::shared_ptr<FakePlatform> fake,
             std::shared_ptr<ANEDevice> device)
      : fake(std::move(fake)), device(std::move(device)) {}
  llvm::StringRef name() const override { return "ane"; }

  Expected<std::unique_ptr<Kernel>> compile(mlir::ModuleOp module,
                                            llvm::StringRef entry) override {
    auto fn = module.lookupSymbol<mlir::func::FuncOp>(entry);
    if (!fn)
      return makeError("no function @" + entry + " in the program");
    if (!fn.isExternal() &&
        !fn.getBody().front().getOps<mlir::func::CallOp>().empty())
      return compileChain(module, fn);
    return compileProgram(module, fn);
  }

private:
  /// Compiles `fn` as one device program.
  Expected<std::unique_ptr<Kernel>> compileProgram(mlir::ModuleOp module,
                                                   mlir::func::FuncOp fn) {
    std::vector<TensorSpec> ins, outs;
    std::vector<ANETensorDesc> inDescs, outDescs;
    for (auto [i, type] : llvm::enumerate(fn.getArgumentTypes()))
      if (Error err = describe(type,
                               milIOName(fn.getArgAttrDict(i),
                                         fn.getArgument(i).getLoc(),
                                         "arg" + std::to_string(i)),
                               "input", ins, inDescs))
        return std::move(err);
    auto ret = llvm::dyn_cast<mlir::func::ReturnOp>(
        fn.getBody().empty() ? nullptr : fn.getBody().back().getTerminator());
    for (auto [i, type] : llvm::enumerate(fn.getResultTypes())) {
      mlir::Location loc =
          ret ? ret.getOperand(i).getLoc() : mlir::Location(fn.getLoc());
      std::string name =
          milIOName(fn.getResultAttrDict(i), loc, "output" + std::to_string(i));
      // Results of one multi-result op share its location's name.
      for (const TensorSpec &prev : outs)
        if (prev.name == name)
          name += "_" + std::to_string(i);
      if (Error err = describe(type, std::move(name), "output", outs, outDescs))
        return std::move(err);
    }

    auto program = exportEntry(module, fn);
    if (!program)
      return program.takeError();
    WeightFiles weights;
    for (const auto &[rel, bytes] : program->weightFiles)
      weights["@model_path/" + rel].assign(bytes.begin(), bytes.end());
    auto model = device->compile(program->text, weights, inDescs, outDescs);
    if (!model)
      return model.takeError();
    return std::make_unique<ANEKernel>(fake, device, std::move(*model),
                                       std::move(ins), std::move(outs),
                                       countWork(fn));
  }

  /// Compiles a chain: `fn`'s body must be func.calls and a return; each
  /// distinct callee becomes one device program.
  Expected<std::unique_ptr<Kernel>> compileChain(mlir::ModuleOp module,
                                                 mlir::func::FuncOp fn) {
    mlir::Block &body = fn.getBody().front();
    std::string others;
    for (mlir::Operation &op : body.without_terminator())
      if (!llvm::isa<mlir::func::CallOp>(op)) {
        std::string what;
        llvm::raw_string_ostream os(what);
        os << (others.empty() ? "" : ", ") << "'" << op.getName() << "'";
        if (auto fl = op.getLoc()->findInstanceOf<mlir::FileLineColLoc>())
          os << " at " << fl.getFilename().getValue() << ":" << fl.getLine()
             << ":" << fl.getColumn();
        others += what;
      }
    if (!others.empty())
      return makeError("the ane backend runs a chain of calls only; @" +
                       fn.getSymName() +
                       " has ops between the calls: " + others +
                       " (run it with --backend cpu, or move them "
                       "into the called functions)");
    std::vector<TensorSpec> ins, outs;
    for (auto [i, arg] : llvm::enumerate(fn.getArguments())) {
      auto type = llvm::dyn_cast<mlir::RankedTensorType>(arg.getType());
      std::optional<DType> dt =
          type ? dtypeFromType(type.getElementType()) : std::nullopt;
      if (!dt || !type.hasStaticShape())
        return makeError("input " + llvm::Twine(i) + " of @" + fn.getSymName() +
                         " must be a statically shaped tensor");
      ins.push_back({milIOName(fn.getArgAttrDict(i), arg.getLoc(),
                               "arg" + std::to_string(i)),
                     *dt,
                     Shape(type.getShape().begin(), type.getShape().end())});
    }
    llvm::DenseMap<mlir::Value, unsigned> valueIndex;
    for (auto [i, arg] : llvm::enumerate(fn.getArguments()))
      valueIndex[arg] = i;
    unsigned numValues = fn.getNumArguments();
    std::vector<std::unique_ptr<Kernel>> parts;
    llvm::StringMap<Kernel *> partOf;
    std::vector<ChainKernel::Call> calls;
    for (auto call : body.getOps<mlir::func::CallOp>()) {
      auto callee = module.lookupSymbol<mlir::func::FuncOp>(call.getCallee());
      if (!callee)
        return makeError("@" + fn.getSymName() + " calls @" + call.getCallee() +
                         ", which is not in the program");
      Kernel *&kernel = partOf[callee.getSymName()];
      if (!kernel) {
        if (!callee.isExternal() &&
            !callee.getBody().front().getOps<mlir::func::CallOp>().empty())
          return makeError("@" + callee.getSymName() +
                           " calls other functions: the ane backend runs "
                           "one level of calls (merge or inline the inner "
                           "chain)");
        auto part = compileProgram(module, callee);
        if (!part)
          return makeError("@" + callee.getSymName() + ": " +
                           llvm::toString(part.takeError()));
        parts.push_back(std::move(*part));
        kernel = parts.back().get();
      }
      ChainKernel::Call c{kernel, {}, numValues};
      for (mlir::Value v : call.getOperands())
        c.args.push_back(valueIndex.lookup(v));
      for (mlir::Value r : call.getResults())
        valueIndex[r] = numValues++;
      calls.push_back(std::move(c));
    }
    auto ret = llvm::cast<mlir::func::ReturnOp>(body.getTerminator());
    std::vector<unsigned> outValues;
    for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
      outValues.push_back(valueIndex.lookup(v));
      auto type = llvm::cast<mlir::RankedTensorType>(v.getType());
      std::string name = milIOName(fn.getResultAttrDict(i), v.getLoc(),
                                   "output" + std::to_string(i));
      for (const TensorSpec &prev : outs)
        if (prev.name == name)
          name += "_" + std::to_string(i);
      outs.push_back({std::move(name), *dtypeFromType(type.getElementType()),
                      Shape(type.getShape().begin(), type.getShape().end())});
    }
    return std::make_unique<ChainKernel>(std::move(parts), std::move(calls),
                                         std::move(ins), std::move(outs),
                                         std::move(outValues), numValues);
  }

  std::shared_ptr<FakePlatform> fake;
  std::shared_ptr<ANEDevice> device;
};

} // namespace

Expected<std::unique_ptr<Backend>>
ane::device::createANEBackend(const ANEBackendOptions &options) {
  std::shared_ptr<FakePlatform> fake;
  Expected<std::unique_ptr<ANEDevice>> device = std::unique_ptr<ANEDevice>();
  if (options.platform == "fake") {
    fake = acquireFake(options);
    device = ANEDevice::open(fake->platform(), options.device);
  } else if (options.platform == "system") {
    device = ANEDevice::openSystem(options.device);
  } else {
    return makeError("unknown ANE platform '" + options.platform +
                     "' (expected system or fake)");
  }
  if (!device)
    return device.takeError();
  return std::make_unique<ANEBackend>(
      std::move(fake), std::shared_ptr<ANEDevice>(std::move(*device)));
}

void ane::device::registerANEBackend(const ANEBackendOptions &options) {
  registerBackend("ane", [options]() { return createANEBackend(options); });
}
