//===- DType.cpp - Element type names -----------------------------------===//

#include "ane/Runtime/DType.h"

#include "llvm/ADT/StringSwitch.h"

using namespace ane::runtime;

llvm::StringRef ane::runtime::dtypeName(DType t) {
  switch (t) {
  case DType::F16:
    return "fp16";
  case DType::F32:
    return "fp32";
  case DType::I8:
    return "int8";
  case DType::U8:
    return "uint8";
  case DType::I16:
    return "int16";
  case DType::U16:
    return "uint16";
  case DType::I32:
    return "int32";
  case DType::Bool:
    return "bool";
  }
  return "?";
}

std::optional<DType> ane::runtime::parseDTypeName(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<DType>>(name)
      .Case("fp16", DType::F16)
      .Case("fp32", DType::F32)
      .Case("int8", DType::I8)
      .Case("uint8", DType::U8)
      .Case("int16", DType::I16)
      .Case("uint16", DType::U16)
      .Case("int32", DType::I32)
      .Case("bool", DType::Bool)
      .Default(std::nullopt);
}
