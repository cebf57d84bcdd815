//===- TempDirs.h - Shared ownership of model temp directories --*- C++ -*-===//
//
// Internal to the ANE backend. Identical MIL + weights give the same
// hexStringIdentifier and so the same NSTemporaryDirectory()/<id>/ directory;
// the directory is removed only when the last model using it dies.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_RUNTIME_ANE_TEMPDIRS_H
#define ANE_LIB_RUNTIME_ANE_TEMPDIRS_H

#include "llvm/ADT/StringRef.h"

namespace ane::device::detail {

/// Records one more user of `dir`.
void retainTempDir(llvm::StringRef dir);
/// Drops a user; returns true when it was the last (remove the directory).
bool releaseTempDir(llvm::StringRef dir);

} // namespace ane::device::detail

#endif // ANE_LIB_RUNTIME_ANE_TEMPDIRS_H
