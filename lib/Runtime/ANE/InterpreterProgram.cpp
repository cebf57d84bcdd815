//===- InterpreterProgram.cpp - Fake ANE programs on the CPU interpreter --===//

#include "ane/Runtime/ANE/InterpreterProgram.h"

#include "ane/InitAll.h"
#include "ane/Runtime/Interpreter.h"
#include "ane/Target/MIL/MILImporter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace ane::device;
using ane::runtime::Interpreter;
using llvm::Error;

namespace {

Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// What a compiled program keeps alive: its context, module and interpreter.
struct CompiledProgram {
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::unique_ptr<Interpreter> interpreter;
  explicit CompiledProgram(const mlir::DialectRegistry &registry)
      : context(registry, mlir::MLIRContext::Threading::DISABLED) {}
};

/// Writes the weight files under `dir` (keys lose their "@model_path/").
Error writeWeights(llvm::StringRef dir, const WeightFiles &weights) {
  for (const auto &[key, bytes] : weights) {
    llvm::StringRef rel(key);
    rel.consume_front("@model_path/");
    llvm::SmallString<256> file(dir);
    llvm::sys::path::append(file, rel);
    if (std::error_code ec = llvm::sys::fs::create_directories(
            llvm::sys::path::parent_path(file)))
      return makeError("cannot create directory for " + file + ": " +
                       ec.message());
    std::error_code ec;
    llvm::raw_fd_ostream os(file, ec);
    if (ec)
      return makeError("cannot write " + file + ": " + ec.message());
    os.write(reinterpret_cast<const char *>(bytes.data()), bytes.size());
  }
  return Error::success();
}

llvm::Expected<std::shared_ptr<CompiledProgram>>
compileProgram(llvm::StringRef mil, const WeightFiles &weights) {
  mlir::DialectRegistry registry;
  ane::registerAllDialects(registry);
  auto program = std::make_shared<CompiledProgram>(registry);
  program->context.loadAllAvailableDialects();
  program->context.printOpOnDiagnostic(false);

  // Diagnostics become the compile error.
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(
      &program->context, [&](mlir::Diagnostic &diag) {
        if (!diagnostics.empty())
          diagnostics += "; ";
        llvm::raw_string_ostream os(diagnostics);
        os << diag.getLocation() << ": " << diag.str();
        return mlir::success();
      });

  llvm::SmallString<128> dir;
  if (std::error_code ec =
          llvm::sys::fs::createUniqueDirectory("ane-fake-program", dir))
    return makeError("cannot create a model directory: " + ec.message());
  llvm::scope_exit removeDir(
      [&] { llvm::sys::fs::remove_directories(dir, /*IgnoreErrors=*/true); });
  if (Error err = writeWeights(dir, weights))
    return std::move(err);

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(mil, "model.mil"), llvm::SMLoc());
  ane::mil::MILImportOptions options;
  options.modelPath = std::string(dir);
  program->module =
      ane::mil::importMILText(sourceMgr, &program->context, options);
  if (!program->module)
    return makeError("MIL import failed: " + diagnostics);
  auto fn = program->module->lookupSymbol<mlir::func::FuncOp>("main");
  if (!fn)
    return makeError("the MIL program has no function main");
  auto interpreter = Interpreter::create(fn);
  if (!interpreter) {
    std::string why = llvm::toString(interpreter.takeError());
    return makeError(why + (diagnostics.empty() ? "" : ": " + diagnostics));
  }
  program->interpreter = std::move(*interpreter);
  return program;
}

Error evaluate(CompiledProgram &program,
               llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
               llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs) {
  Interpreter &interp = *program.interpreter;
  if (ins.size() != interp.inputs().size() ||
      outs.size() != interp.outputs().size())
    return makeError("request has " + llvm::Twine(ins.size()) + " inputs and " +
                     llvm::Twine(outs.size()) + " outputs; the program has " +
                     llvm::Twine(interp.inputs().size()) + " and " +
                     llvm::Twine(interp.outputs().size()));
  for (size_t i = 0; i < ins.size(); ++i) {
    ane::runtime::Tensor &buffer = interp.inputBuffer(i);
    if (ins[i].size() < buffer.byteSize())
      return makeError("input surface " + llvm::Twine(i) + " holds " +
                       llvm::Twine(ins[i].size()) + " bytes; input '" +
                       interp.inputs()[i].name + "' needs " +
                       llvm::Twine(buffer.byteSize()));
    std::memcpy(buffer.raw(), ins[i].data(), buffer.byteSize());
  }
  if (Error err = interp.eval())
    return err;
  for (size_t i = 0; i < outs.size(); ++i) {
    const ane::runtime::Tensor &result = interp.output(i);
    if (outs[i].size() < result.byteSize())
      return makeError("output surface " + llvm::Twine(i) + " holds " +
                       llvm::Twine(outs[i].size()) + " bytes; output '" +
                       interp.outputs()[i].name + "' needs " +
                       llvm::Twine(result.byteSize()));
    std::memcpy(outs[i].data(), result.raw(), result.byteSize());
    std::memset(outs[i].data() + result.byteSize(), 0,
                outs[i].size() - result.byteSize());
  }
  return Error::success();
}

} // namespace

FakeCompileFn ane::device::interpreterFakeCompile() {
  return [](llvm::StringRef mil,
            const WeightFiles &weights) -> llvm::Expected<FakeProgram> {
    auto program = compileProgram(mil, weights);
    if (!program)
      return program.takeError();
    FakeProgram fake;
    fake.evaluate = [program = std::move(*program)](
                        llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
                        llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs) {
      return evaluate(*program, ins, outs);
    };
    return fake;
  };
}
