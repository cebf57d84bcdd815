//===- MILParams.h - MIL parameter descriptions and opsets ----------------===//
//
// The vocabulary shared by every mil op's generated parameter table
// (`getMILParams()`): parameter kinds, and the MIL opsets.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILPARAMS_H
#define ANE_DIALECT_MIL_MILPARAMS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <type_traits>

namespace ane::mil {

/// How a MIL parameter is represented on the MLIR op.
enum class ParamKind {
  Operand,         ///< a required tensor operand
  OptionalOperand, ///< an optional tensor operand
  VariadicOperand, ///< a tuple of tensors (`values = (a, b)`)
  IntAttr,         ///< an int32 scalar attribute
  BoolAttr,        ///< a bool scalar attribute
  StrAttr,         ///< a string attribute
  FloatAttr,       ///< an fp16/fp32 scalar attribute
  IntArrayAttr,    ///< an int32 vector attribute (DenseI32ArrayAttr)
  BoolArrayAttr,   ///< a bool vector attribute (DenseBoolArrayAttr)
  ElementsAttr,    ///< a tensor-valued attribute (ElementsAttr)
  OtherAttr,       ///< any other attribute (e.g. a const's value)
};

/// True for the attribute kinds.
inline bool isAttrKind(ParamKind kind) {
  return kind != ParamKind::Operand && kind != ParamKind::OptionalOperand &&
         kind != ParamKind::VariadicOperand;
}

/// The ParamKind of an attribute parameter, from its C++ storage type (used
/// by the ODS-generated parameter tables).
template <typename StorageT> constexpr ParamKind attrParamKind() {
  if constexpr (std::is_same_v<StorageT, mlir::IntegerAttr>)
    return ParamKind::IntAttr;
  else if constexpr (std::is_same_v<StorageT, mlir::BoolAttr>)
    return ParamKind::BoolAttr;
  else if constexpr (std::is_same_v<StorageT, mlir::StringAttr>)
    return ParamKind::StrAttr;
  else if constexpr (std::is_same_v<StorageT, mlir::FloatAttr>)
    return ParamKind::FloatAttr;
  else if constexpr (std::is_same_v<StorageT, mlir::DenseI32ArrayAttr>)
    return ParamKind::IntArrayAttr;
  else if constexpr (std::is_same_v<StorageT, mlir::DenseBoolArrayAttr>)
    return ParamKind::BoolArrayAttr;
  else if constexpr (std::is_same_v<StorageT, mlir::ElementsAttr>)
    return ParamKind::ElementsAttr;
  else
    return ParamKind::OtherAttr;
}

/// One MIL parameter: its MIL name and how the MLIR op represents it.
struct ParamInfo {
  llvm::StringLiteral name;
  ParamKind kind;
};

/// MIL opsets, in order. Ops are available from the opset that introduced
/// them onwards.
enum class Opset { ios15 = 15, ios16 = 16, ios17 = 17, ios18 = 18 };

/// Parses "ios15".."ios18".
std::optional<Opset> parseOpset(llvm::StringRef name);
/// Spells an opset as MIL text does ("ios18").
llvm::StringRef stringifyOpset(Opset opset);

} // namespace ane::mil

#endif // ANE_DIALECT_MIL_MILPARAMS_H
