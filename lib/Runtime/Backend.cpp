//===- Backend.cpp - Backend registry and the cpu backend ---------------===//

#include "ane/Runtime/Backend.h"

#include "llvm/ADT/StringMap.h"

#include <mutex>

using namespace ane::runtime;

namespace {

/// The reference interpreter as a Kernel.
class CpuKernel : public Kernel {
public:
  explicit CpuKernel(std::unique_ptr<Interpreter> interp)
      : interp(std::move(interp)) {}
  llvm::ArrayRef<TensorSpec> inputs() const override {
    return interp->inputs();
  }
  llvm::ArrayRef<TensorSpec> outputs() const override {
    return interp->outputs();
  }
  llvm::Error setInput(unsigned i, const Tensor &value) override {
    return interp->setInput(i, value);
  }
  llvm::Error eval() override { return interp->eval(); }
  const Tensor &output(unsigned i) const override { return interp->output(i); }
  KernelStats stats() const override {
    const InterpreterStats &s = interp->stats();
    KernelStats k;
    k.evals = s.evals;
    k.lastMs = s.lastMs;
    k.totalMs = s.totalMs;
    k.peakBytes = s.peakBytes;
    k.flops = s.flops;
    k.weightBytes = s.weightBytes;
    return k;
  }

private:
  std::unique_ptr<Interpreter> interp;
};

class CpuBackend : public Backend {
public:
  llvm::StringRef name() const override { return "cpu"; }
  llvm::Expected<std::unique_ptr<Kernel>>
  compile(mlir::ModuleOp module, llvm::StringRef entry) override {
    auto fn = module.lookupSymbol<mlir::func::FuncOp>(entry);
    if (!fn)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "no function @" + entry +
                                         " in the program");
    auto interp = Interpreter::create(fn);
    if (!interp)
      return interp.takeError();
    return std::make_unique<CpuKernel>(std::move(*interp));
  }
};

struct Registry {
  std::mutex mutex;
  llvm::StringMap<BackendFactory> factories;
  Registry() {
    factories["cpu"] = []() -> llvm::Expected<std::unique_ptr<Backend>> {
      return createCpuBackend();
    };
    factories["ane"] = []() -> llvm::Expected<std::unique_ptr<Backend>> {
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "ANE backend unavailable: this build has no ANE device backend "
          "(it needs macOS on Apple silicon with the AppleNeuralEngine "
          "framework)");
    };
  }
};

Registry &registry() {
  static Registry r;
  return r;
}

} // namespace

std::unique_ptr<Backend> ane::runtime::createCpuBackend() {
  return std::make_unique<CpuBackend>();
}

void ane::runtime::registerBackend(llvm::StringRef name,
                                   BackendFactory factory) {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.factories[name] = std::move(factory);
}

llvm::Expected<std::unique_ptr<Backend>>
ane::runtime::createBackend(llvm::StringRef name) {
  Registry &r = registry();
  BackendFactory factory;
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.factories.find(name);
    if (it == r.factories.end())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "unknown backend '" + name +
                                         "' (expected cpu or ane)");
    factory = it->second;
  }
  return factory();
}
