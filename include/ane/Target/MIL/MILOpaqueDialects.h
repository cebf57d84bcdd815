//===- MILOpaqueDialects.h - MIL text without mil ops ----------*- C++ -*-===//
//
// The two dialect namespaces the MIL text importer uses for what the mil
// dialect does not model, registered so that imported programs print and
// parse back without --allow-unregistered-dialect:
//   - `mil_text`: opaque MIL types and literals kept as text
//     (`!mil_text.tensor_buffer<...>`, `#mil_text<dict<...>(...)>`), held as
//     builtin OpaqueType / OpaqueAttr;
//   - `mil_generic`: ops the mil dialect does not define, imported with
//     `--mil-allow-unknown-ops` as unregistered `mil_generic.<op>` ops.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TARGET_MIL_MILOPAQUEDIALECTS_H
#define ANE_TARGET_MIL_MILOPAQUEDIALECTS_H

#include "ane/Target/MIL/MILTextFormat.h"

#include "mlir/IR/Dialect.h"

namespace ane::mil {

/// `mil_text`: allows unknown types (parsed back as OpaqueType) and parses
/// its attributes back as OpaqueAttr, both with the MIL text verbatim.
class MILTextDialect : public mlir::Dialect {
public:
  explicit MILTextDialect(mlir::MLIRContext *context);
  static llvm::StringRef getDialectNamespace() { return kOpaqueTextDialect; }
  mlir::Attribute parseAttribute(mlir::DialectAsmParser &parser,
                                 mlir::Type type) const override;
};

/// `mil_generic`: allows unknown operations (MIL ops without a mil op).
class MILGenericDialect : public mlir::Dialect {
public:
  explicit MILGenericDialect(mlir::MLIRContext *context);
  static llvm::StringRef getDialectNamespace() { return kGenericOpDialect; }
};

} // namespace ane::mil

MLIR_DECLARE_EXPLICIT_TYPE_ID(ane::mil::MILTextDialect)
MLIR_DECLARE_EXPLICIT_TYPE_ID(ane::mil::MILGenericDialect)

#endif // ANE_TARGET_MIL_MILOPAQUEDIALECTS_H
