//===- Tensor.h - A shaped, typed, aligned host buffer ----------*- C++ -*-===//
//
// The runtime's tensor: a dtype, a row-major shape and 64-byte aligned
// storage that is kept when the tensor is re-shaped to a size that fits, so
// buffers are reused across evaluations.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_TENSOR_H
#define ANE_RUNTIME_TENSOR_H

#include "ane/Runtime/DType.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <cstdlib>
#include <memory>
#include <string>

namespace ane::runtime {

using Shape = llvm::SmallVector<int64_t, 6>;

/// Number of elements of a shape (1 for rank 0).
int64_t numElementsOf(llvm::ArrayRef<int64_t> shape);
/// "1x64x1x32" ("scalar" for rank 0).
std::string shapeToString(llvm::ArrayRef<int64_t> shape);

class Tensor;

/// An error "WHAT expects fp16 1x4, got fp32 1x4" unless `value` is a
/// `dtype` tensor of `shape` (how every backend checks an input it is given).
llvm::Error expectTensorType(const llvm::Twine &what, DType dtype,
                             llvm::ArrayRef<int64_t> shape,
                             const Tensor &value);

class Tensor {
public:
  Tensor() = default;
  /// Allocates an uninitialised tensor.
  Tensor(DType dtype, llvm::ArrayRef<int64_t> shape) { reset(dtype, shape); }
  Tensor(Tensor &&) = default;
  Tensor &operator=(Tensor &&) = default;
  Tensor(const Tensor &) = delete;
  Tensor &operator=(const Tensor &) = delete;

  /// Gives the tensor a new dtype and shape; keeps the storage if it is big
  /// enough (contents are then unspecified), else reallocates.
  void reset(DType dtype, llvm::ArrayRef<int64_t> shape);
  /// Changes the shape only; the element count must stay the same.
  void reshape(llvm::ArrayRef<int64_t> shape);
  /// A deep copy.
  Tensor clone() const;
  /// Releases the storage.
  void clear();

  DType dtype() const { return type; }
  llvm::ArrayRef<int64_t> shape() const { return dims; }
  int64_t rank() const { return dims.size(); }
  int64_t numElements() const { return count; }
  size_t byteSize() const { return count * dtypeSize(type); }
  size_t capacity() const { return capBytes; }
  bool empty() const { return !storage; }

  void *raw() { return storage.get(); }
  const void *raw() const { return storage.get(); }
  template <typename T> T *data() { return reinterpret_cast<T *>(raw()); }
  template <typename T> const T *data() const {
    return reinterpret_cast<const T *>(raw());
  }

  /// Reads element `i` as fp32 (for summaries and tests; not a hot path).
  float getAsFloat(int64_t i) const;

private:
  struct Free {
    void operator()(char *p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> storage;
  size_t capBytes = 0;
  DType type = DType::F32;
  Shape dims;
  int64_t count = 0;
};

} // namespace ane::runtime

#endif // ANE_RUNTIME_TENSOR_H
