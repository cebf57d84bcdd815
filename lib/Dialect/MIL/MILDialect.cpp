//===- MILDialect.cpp - The mil dialect ---------------------------------===//
//
// Dialect registration, constant materialisation, and verification of the
// program-level attributes (`mil.program_version`, `mil.opset`,
// `mil.build_info`).
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ane::mil;

#include "ane/Dialect/MIL/MILDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "ane/Dialect/MIL/MILAttrs.cpp.inc"

#include "ane/Dialect/MIL/MILInterfaces.cpp.inc"

void MILDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "ane/Dialect/MIL/MILOps.cpp.inc"
      >();
  registerAttributes();
}

void MILDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "ane/Dialect/MIL/MILAttrs.cpp.inc"
      >();
}

Operation *MILDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  // A #mil.blob_file value has no type of its own: it is the constant's.
  if (isa<BlobFileAttr>(value) && isa<RankedTensorType>(type))
    return ConstOp::create(builder, loc, cast<RankedTensorType>(type), value);
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstOp::create(builder, loc, elements);
}

std::optional<Opset> ane::mil::parseOpset(StringRef name) {
  return llvm::StringSwitch<std::optional<Opset>>(name)
      .Case("ios15", Opset::ios15)
      .Case("ios16", Opset::ios16)
      .Case("ios17", Opset::ios17)
      .Case("ios18", Opset::ios18)
      .Default(std::nullopt);
}

StringRef ane::mil::stringifyOpset(Opset opset) {
  switch (opset) {
  case Opset::ios15:
    return "ios15";
  case Opset::ios16:
    return "ios16";
  case Opset::ios17:
    return "ios17";
  case Opset::ios18:
    return "ios18";
  }
  llvm_unreachable("unknown opset");
}

LogicalResult MILDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name == kProgramVersionAttr) {
    auto version = dyn_cast<StringAttr>(attr.getValue());
    if (!isa<ModuleOp>(op))
      return op->emitError() << "'" << name << "' belongs on a module";
    if (!version ||
        !llvm::is_contained({"1.0", "1.1", "1.2", "1.3"}, version.getValue()))
      return op->emitError()
             << "'" << name << "' must be a string \"1.0\" .. \"1.3\"";
    return success();
  }
  if (name == kOpsetAttr) {
    auto opset = dyn_cast<StringAttr>(attr.getValue());
    if (!isa<ModuleOp, func::FuncOp>(op))
      return op->emitError()
             << "'" << name << "' belongs on a module or a func.func";
    if (!opset || !parseOpset(opset.getValue()))
      return op->emitError()
             << "'" << name << "' must be one of \"ios15\" .. \"ios18\"";
    return success();
  }
  if (name == kBuildInfoAttr) {
    auto dict = dyn_cast<DictionaryAttr>(attr.getValue());
    if (!isa<ModuleOp>(op))
      return op->emitError() << "'" << name << "' belongs on a module";
    if (!dict || !llvm::all_of(dict, [](NamedAttribute entry) {
          return isa<StringAttr>(entry.getValue());
        }))
      return op->emitError()
             << "'" << name << "' must be a dictionary of strings";
    return success();
  }
  // The MIL op name, when it differs from the result's var name (MIL text
  // import/export).
  if (name == "mil.name") {
    if (!isa<StringAttr>(attr.getValue()))
      return op->emitError() << "'mil.name' must be a string";
    return success();
  }
  return op->emitError() << "unknown mil dialect attribute '" << name << "'";
}
