//===- Interpreter.h - CPU reference interpreter for mil --------*- C++ -*-===//
//
// Executes one func.func of a mil module on the host. Preparing a function
// resolves every op to its evaluator once (a closure holding the op's
// parameters and static shapes), materialises constants, and computes value
// lifetimes; evaluating runs the closures in order. Values whose type is fp16
// are stored as fp16; each op computes in fp32 and rounds its result to the
// declared dtype (see docs/Interpreter.md). Buffers come from a pool, go back
// to it after their last use, and are reused across evaluations. A func.call
// of another function of the module runs that function, prepared once per
// callee (recursion is rejected when preparing).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_INTERPRETER_H
#define ANE_RUNTIME_INTERPRETER_H

#include "ane/Runtime/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <string>

namespace ane::runtime {

/// A function argument or result: its MIL name (the `mil.name` argument or
/// result attribute, else `arg<i>` / `output<i>`), dtype and static shape.
struct TensorSpec {
  std::string name;
  DType dtype;
  Shape shape;
};

/// An error unless `i` indexes `specs` and `value` has that input's dtype and
/// shape ("input index 3 out of range", "input 'x' expects ..."): how every
/// kernel's setInput checks what it is given.
llvm::Error expectInput(llvm::ArrayRef<TensorSpec> specs, unsigned i,
                        const Tensor &value);

struct InterpreterStats {
  int64_t evals = 0;
  double lastMs = 0;       ///< wall time of the last eval
  double totalMs = 0;      ///< sum over evals
  size_t peakBytes = 0;    ///< peak bytes of live values (not constants)
  size_t constBytes = 0;   ///< bytes of constants (incl. fp32 caches)
  int64_t flops = 0;       ///< FLOPs of one eval (2 per MAC of conv/matmul/...)
  int64_t weightBytes = 0; ///< bytes of mil.const values as declared
  int64_t numSteps = 0;    ///< ops executed per eval
};

class InterpreterImpl;

class Interpreter {
public:
  /// Prepares `fn`. Problems (unsupported op, dynamic shape, unloaded
  /// weights) are reported as diagnostics at the op's location and make
  /// this return an error.
  static llvm::Expected<std::unique_ptr<Interpreter>>
  create(mlir::func::FuncOp fn);
  ~Interpreter();

  llvm::ArrayRef<TensorSpec> inputs() const;
  llvm::ArrayRef<TensorSpec> outputs() const;
  /// Index of the input / output named `name`, or -1.
  int findInput(llvm::StringRef name) const;

  /// Copies `value` into input `i`, after checking its dtype and shape.
  llvm::Error setInput(unsigned i, const Tensor &value);
  /// The buffer of input `i`, shaped and typed, to be filled in place.
  Tensor &inputBuffer(unsigned i);

  /// Runs the function once.
  llvm::Error eval();
  /// Result `i` of the last eval (valid until the next eval).
  const Tensor &output(unsigned i) const;

  const InterpreterStats &stats() const;

  /// Called during eval() after each op with every result it computed, as
  /// stored (rounded to its dtype); not for constants or ops folded into
  /// constants when preparing. For calibration and debugging.
  using Observer = std::function<void(mlir::Value, const Tensor &)>;
  /// Installs `observer` (an empty one removes it).
  void setObserver(Observer observer);

private:
  explicit Interpreter(std::unique_ptr<InterpreterImpl> impl);
  std::unique_ptr<InterpreterImpl> impl;
};

/// True if the interpreter can execute ops named `opName` ("mil.conv").
bool isSupportedOp(llvm::StringRef opName);

/// The MIL name of a function input or output: its `mil.name` argument or
/// result attribute, else the name of its location (the MIL text importer
/// gives values NameLocs), else `dflt`. Every backend names tensors so.
std::string milIOName(mlir::DictionaryAttr attrs, mlir::Location loc,
                      const std::string &dflt);

/// The runtime dtype of an MLIR element type, if MIL has it.
std::optional<DType> dtypeFromType(mlir::Type type);

} // namespace ane::runtime

#endif // ANE_RUNTIME_INTERPRETER_H
