//===- MILImporter.h - MIL text to the mil dialect --------------*- C++ -*-===//
//
// Parses Core ML MIL text (`model.mil`, program(1.0) .. program(1.3), opsets
// ios15 .. ios18) into a builtin.module of func.funcs holding mil ops.
// Errors are reported through the context's diagnostic engine at the
// file:line:col of the offending text.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TARGET_MIL_MILIMPORTER_H
#define ANE_TARGET_MIL_MILIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

#include <string>

namespace ane::mil {

struct MILImportOptions {
  /// Keep `BLOBFILE(...)` references symbolic (`#mil.blob_file<path,
  /// offset>`) instead of reading the weight files.
  bool symbolicWeights = false;
  /// Import ops that the mil dialect does not define as generic
  /// `mil_generic.<op>` operations (MILOpaqueDialects.h) instead of failing.
  bool allowUnknownOps = false;
  /// The directory `@model_path` stands for. Empty: the directory of the
  /// main buffer's file.
  std::string modelPath;
  /// Verify every op as it is built (verifier rules, declared vs inferred
  /// result types) and the module at the end. Off: import what the
  /// verifiers would reject (e.g. to inspect a program that hits a gap in a
  /// verifier).
  bool verify = true;
  /// Tensors of at least this many elements (byte-sized dtypes) become
  /// dense_resource blobs, whether written inline or in a weight file;
  /// smaller ones dense elements. Matches the exporter's default inline
  /// threshold, so the module does not depend on where the text kept data.
  int64_t resourceThreshold = 10;
};

/// Imports the main buffer of `sourceMgr`. Returns null after reporting an
/// error.
mlir::OwningOpRef<mlir::ModuleOp>
importMILText(llvm::SourceMgr &sourceMgr, mlir::MLIRContext *context,
              const MILImportOptions &options = {});

} // namespace ane::mil

#endif // ANE_TARGET_MIL_MILIMPORTER_H
