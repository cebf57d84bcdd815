//===- ProgramLoader.cpp - Load .mlir / model.mil / program dirs --------===//

#include "ane/Runtime/ProgramLoader.h"

#include "ane/Target/MIL/MILImporter.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;

static llvm::Error loadError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

llvm::Expected<OwningOpRef<ModuleOp>>
ane::runtime::loadProgram(llvm::StringRef path, MLIRContext &context,
                          llvm::SourceMgr &sourceMgr) {
  std::string file = path.str();
  if (llvm::sys::fs::is_directory(path)) {
    llvm::SmallString<256> mil(path);
    llvm::sys::path::append(mil, "model.mil");
    if (!llvm::sys::fs::exists(mil))
      return loadError("program directory '" + path + "' has no model.mil");
    file = std::string(mil);
  }
  bool isMIL = llvm::StringRef(file).ends_with(".mil");
  auto buffer = llvm::MemoryBuffer::getFile(file);
  if (!buffer)
    return loadError("cannot read '" + file +
                     "': " + buffer.getError().message());
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  if (isMIL) {
    // Weights (BLOBFILE) are read relative to the program directory.
    ane::mil::MILImportOptions options;
    options.modelPath = llvm::sys::path::parent_path(file).str();
    if (options.modelPath.empty())
      options.modelPath = ".";
    OwningOpRef<ModuleOp> module =
        ane::mil::importMILText(sourceMgr, &context, options);
    if (!module)
      return loadError("cannot import '" + file + "'");
    return std::move(module);
  }
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return loadError("cannot parse '" + file + "'");
  if (failed(verify(*module)))
    return loadError("'" + file + "' does not verify");
  return std::move(module);
}
