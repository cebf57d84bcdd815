//===- MILEmitter.h - The mil dialect to MIL text ---------------*- C++ -*-===//
//
// Prints a module of mil ops as Core ML MIL text the way Apple's compiler
// prints `model.mil` (program(1.3) or program(1.0) spellings, arguments
// sorted by name, named `const()` values for compile-time parameters, exact
// hexadecimal floats), and writes large constants to a MILBlob weight file.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TARGET_MIL_MILEMITTER_H
#define ANE_TARGET_MIL_MILEMITTER_H

#include "ane/Dialect/MIL/MILParams.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ane::mil {

struct MILExportOptions {
  /// Target opset: selects the program version (ios16/ios17 -> program(1.0)
  /// spellings, ios18 -> program(1.3)) and every function's opset; ops the
  /// target lacks are errors. Unset: the module's own `mil.opset` /
  /// `mil.program_version` (default ios18 / 1.3).
  std::optional<Opset> target;
  /// Constants with at least this many elements go to the weight file
  /// (fp16, fp32, int8, uint8, int16, uint16, int32 data); smaller ones stay
  /// inline. coremltools uses 10.
  int64_t inlineThreshold = 10;
  /// Preferred weight file name under `weights/`.
  std::string weightFileName = "weight.bin";
};

/// The result of exporting: the text and the weight files it references,
/// keyed by their path relative to the program directory
/// (`weights/weight.bin`).
struct MILProgram {
  std::string text;
  std::map<std::string, std::vector<char>> weightFiles;
};

/// Exports `module` into `program`. Reports errors at the offending op.
mlir::LogicalResult exportMILProgram(mlir::ModuleOp module, MILProgram &program,
                                     const MILExportOptions &options = {});

/// Exports and writes the text to `os`; fails when the program needs a
/// weight file (use writeMILProgram for that).
mlir::LogicalResult exportMILText(mlir::ModuleOp module, llvm::raw_ostream &os,
                                  const MILExportOptions &options = {});

/// Writes `program` as a program directory: the text to `milPath` and each
/// weight file beside it (`<dir of milPath>/weights/...`).
mlir::LogicalResult writeMILProgram(const MILProgram &program,
                                    llvm::StringRef milPath,
                                    mlir::Location loc);

} // namespace ane::mil

#endif // ANE_TARGET_MIL_MILEMITTER_H
