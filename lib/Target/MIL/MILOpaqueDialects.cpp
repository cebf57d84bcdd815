//===- MILOpaqueDialects.cpp - Namespaces of MIL text without mil ops -----===//
//
// Registered `mil_text` and `mil_generic` dialects: they define nothing of
// their own, they only let the builtin opaque types/attributes and the
// unregistered ops the importer creates in their namespaces verify and parse
// back.
//
//===----------------------------------------------------------------------===//

#include "ane/Target/MIL/MILOpaqueDialects.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"

using namespace mlir;

MLIR_DEFINE_EXPLICIT_TYPE_ID(ane::mil::MILTextDialect)
MLIR_DEFINE_EXPLICIT_TYPE_ID(ane::mil::MILGenericDialect)

ane::mil::MILTextDialect::MILTextDialect(MLIRContext *context)
    : Dialect(getDialectNamespace(), context, TypeID::get<MILTextDialect>()) {
  allowUnknownTypes();
}

Attribute ane::mil::MILTextDialect::parseAttribute(DialectAsmParser &parser,
                                                   Type type) const {
  // The printer writes an OpaqueAttr as `#mil_text<text>`; give the same
  // attribute back (the importer creates them with type none).
  return OpaqueAttr::get(StringAttr::get(getContext(), getNamespace()),
                         parser.getFullSymbolSpec(),
                         type ? type : NoneType::get(getContext()));
}

ane::mil::MILGenericDialect::MILGenericDialect(MLIRContext *context)
    : Dialect(getDialectNamespace(), context,
              TypeID::get<MILGenericDialect>()) {
  allowUnknownOperations();
}
