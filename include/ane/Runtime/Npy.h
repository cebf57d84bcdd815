//===- Npy.h - NumPy .npy files ---------------------------------*- C++ -*-===//
//
// Reads and writes NumPy .npy files (format 1.0-3.0, C order, little
// endian) holding fp16, fp32, int8, uint8, int16, uint16, int32 or bool.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_NPY_H
#define ANE_RUNTIME_NPY_H

#include "ane/Runtime/Tensor.h"

#include "llvm/Support/Error.h"

namespace ane::runtime {

/// Parses .npy bytes; `name` is used in error messages.
llvm::Expected<Tensor> parseNpy(llvm::StringRef bytes, llvm::StringRef name);
/// Reads an .npy file.
llvm::Expected<Tensor> readNpy(llvm::StringRef path);
/// Serialises a tensor as .npy (format 1.0) bytes.
std::string serializeNpy(const Tensor &tensor);
/// Writes a tensor to an .npy file.
llvm::Error writeNpy(llvm::StringRef path, const Tensor &tensor);

/// The NumPy descr of a dtype ("<f2", "|b1", ...).
llvm::StringRef npyDescr(DType dtype);

} // namespace ane::runtime

#endif // ANE_RUNTIME_NPY_H
