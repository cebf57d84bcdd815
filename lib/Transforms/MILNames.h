//===- MILNames.h - MIL names of the ops passes create ----*- C++ -*-===//
//
// How passes read the MIL name of an op (its NameLoc) and derive the names
// of the ops and constants they create from it. Private to lib/Transforms.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_MILNAMES_H
#define ANE_LIB_TRANSFORMS_MILNAMES_H

#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"

#include <string>

namespace ane::mil {

/// The MIL name of `op` (its NameLoc), or "" when it has none.
llvm::StringRef milNameOf(mlir::Operation *op);

/// `base` + `suffix` when `base` is not empty, else `fallback`.
std::string derivedName(llvm::StringRef base, llvm::StringRef suffix,
                        llvm::StringRef fallback);

/// `loc` renamed `<name><suffix>` when it is a NameLoc (keeping its child
/// location), else `loc` itself: the location of an op a pass derives from
/// the op at `loc`.
mlir::Location suffixedLoc(mlir::Location loc, llvm::StringRef suffix);

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_MILNAMES_H
