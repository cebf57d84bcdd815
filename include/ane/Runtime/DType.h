//===- DType.h - Element types of runtime tensors ---------------*- C++ -*-===//
//
// The element types a MIL tensor may hold at run time, their sizes and names
// (MIL spelling and NumPy descr).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_DTYPE_H
#define ANE_RUNTIME_DTYPE_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <cstdint>
#include <optional>

namespace ane::runtime {

/// A tensor element type. F16 is stored as IEEE binary16 bits (uint16_t).
enum class DType : uint8_t { F16, F32, I8, U8, I16, U16, I32, Bool };

/// Bytes per element.
inline size_t dtypeSize(DType t) {
  switch (t) {
  case DType::F16:
  case DType::I16:
  case DType::U16:
    return 2;
  case DType::F32:
  case DType::I32:
    return 4;
  case DType::I8:
  case DType::U8:
  case DType::Bool:
    return 1;
  }
  return 1;
}

inline bool isFloatDType(DType t) { return t == DType::F16 || t == DType::F32; }

/// MIL spelling: "fp16", "fp32", "int8", "uint8", "int16", "uint16",
/// "int32", "bool".
llvm::StringRef dtypeName(DType t);
/// Parses a MIL dtype name.
std::optional<DType> parseDTypeName(llvm::StringRef name);

} // namespace ane::runtime

#endif // ANE_RUNTIME_DTYPE_H
