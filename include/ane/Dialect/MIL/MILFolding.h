//===- MILFolding.h - Helpers shared by the mil folders ---------*- C++ -*-===//
//
// Small predicates the folders and canonicalization patterns of several op
// families share: whether a value is a program output (whose name a fold
// must not change) and reshaping a constant.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILFOLDING_H
#define ANE_DIALECT_MIL_MILFOLDING_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Value.h"

namespace ane::mil {

/// True when a func.return uses `v`. A program output is named after the op
/// that defines it, so a fold that replaces it by another value (or by a
/// constant the folder creates without a name) would rename the output.
bool isFunctionResult(mlir::Value v);

/// `replacement` as the fold of `result`, or null when that would change a
/// program output's name or make an output something MIL cannot name: when
/// `result` is returned and its op carries a MIL name (a NameLoc or
/// `mil.name`), or the replacement is a constant, a function argument or a
/// value that is already returned. A returned result of an unnamed op is
/// named by the emitter either way, so it may fold into another op's result.
mlir::OpFoldResult foldUnlessOutput(mlir::Value result,
                                    mlir::OpFoldResult replacement);

/// `attr` (a dense constant) with the static shape of `type`, or null when
/// `attr` is not a dense elements attribute (resources are not copied).
mlir::Attribute reshapeConstant(mlir::Attribute attr, mlir::Type type);

} // namespace ane::mil

#endif // ANE_DIALECT_MIL_MILFOLDING_H
