//===- ANEBackend.cpp - The `ane` execution backend -----------------------===//
//
// ANEBackend::compile exports the entry function (alone, as `main`) to MIL
// text + weight files, describes each input/output as a dense fp16/fp32
// device tensor, and compiles it through ANEDevice. ANEKernel copies Tensors
// in and out of the model's IOSurfaces and keeps the platform alive.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/ANE/ANEBackend.h"
#include "ane/Runtime/ANE/InterpreterProgram.h"

#include "ane/Target/MIL/MILEmitter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/SymbolTable.h"

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
    if (i >= ins.size())
      return makeError("input index " + llvm::Twine(i) + " out of range");
    const TensorSpec &spec = ins[i];
    if (value.dtype() != spec.dtype ||
        value.shape() != llvm::ArrayRef(spec.shape))
      return makeError("input '" + spec.name + "' expects " +
                       dtypeName(spec.dtype) + " " + shapeToString(spec.shape) +
                       ", got " + dtypeName(value.dtype()) + " " +
                       shapeToString(value.shape()));
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

private:
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
