//===- Backend.h - Where a compiled mil program runs ------------*- C++ -*-===//
//
// The interface every execution backend implements (cpu = the reference
// interpreter, ane = the device). A Backend compiles a mil module's entry
// function into a Kernel; a Kernel takes inputs, evaluates, and hands back
// outputs and timing statistics. Backends are looked up by name; a backend
// not built in (or unusable on this host) reports why.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_BACKEND_H
#define ANE_RUNTIME_BACKEND_H

#include "ane/Runtime/Interpreter.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>

namespace ane::runtime {

struct KernelStats {
  int64_t evals = 0;
  double lastMs = 0;
  double totalMs = 0;
  /// lastMs/totalMs are the device's own execution time (ANE
  /// hwExecutionTime) rather than host wall time.
  bool deviceTime = false;
  size_t peakBytes = 0;    ///< host bytes of live intermediate values
  int64_t flops = 0;       ///< FLOPs of one eval, from the program's ops
  int64_t weightBytes = 0; ///< bytes of the program's constants
  int64_t programs = 1;    ///< programs compiled (a call chain: one per part)
  int64_t dispatches = 1;  ///< program evaluations per eval
};

/// A compiled program, ready to evaluate.
class Kernel {
public:
  virtual ~Kernel() = default;
  virtual llvm::ArrayRef<TensorSpec> inputs() const = 0;
  virtual llvm::ArrayRef<TensorSpec> outputs() const = 0;
  /// Copies `value` into input `i` (checks dtype and shape).
  virtual llvm::Error setInput(unsigned i, const Tensor &value) = 0;
  virtual llvm::Error eval() = 0;
  /// Output `i` of the last eval.
  virtual const Tensor &output(unsigned i) const = 0;
  virtual KernelStats stats() const = 0;
};

class Backend {
public:
  virtual ~Backend() = default;
  virtual llvm::StringRef name() const = 0;
  /// Compiles function `entry` of `module`. The module must outlive the
  /// kernel only for the duration of this call.
  virtual llvm::Expected<std::unique_ptr<Kernel>>
  compile(mlir::ModuleOp module, llvm::StringRef entry = "main") = 0;
};

/// Creates a backend, or an error saying why it is unavailable here.
using BackendFactory =
    std::function<llvm::Expected<std::unique_ptr<Backend>>()>;

/// Registers (or replaces) the backend called `name`. "cpu" is built in;
/// "ane" is a stub reporting "ANE backend unavailable: ..." until the device
/// backend registers itself (ane::device::registerANEBackend,
/// ane/Runtime/ANE/ANEBackend.h).
void registerBackend(llvm::StringRef name, BackendFactory factory);
/// Creates the backend called `name` ("cpu", "ane").
llvm::Expected<std::unique_ptr<Backend>> createBackend(llvm::StringRef name);
/// The reference interpreter backend.
std::unique_ptr<Backend> createCpuBackend();

} // namespace ane::runtime

#endif // ANE_RUNTIME_BACKEND_H
