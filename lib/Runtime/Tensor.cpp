//===- Tensor.cpp - Runtime tensor storage ------------------------------===//

#include "ane/Runtime/Tensor.h"
#include "ane/Runtime/Half.h"

#include <cstring>

using namespace ane::runtime;

int64_t ane::runtime::numElementsOf(llvm::ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::string ane::runtime::shapeToString(llvm::ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += 'x';
    s += std::to_string(shape[i]);
  }
  return s;
}

llvm::Error ane::runtime::expectTensorType(const llvm::Twine &what, DType dtype,
                                           llvm::ArrayRef<int64_t> shape,
                                           const Tensor &value) {
  if (value.dtype() == dtype && value.shape() == shape)
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 what + " expects " + dtypeName(dtype) + " " +
                                     shapeToString(shape) + ", got " +
                                     dtypeName(value.dtype()) + " " +
                                     shapeToString(value.shape()));
}

void Tensor::reset(DType dtype, llvm::ArrayRef<int64_t> shape) {
  type = dtype;
  dims.assign(shape.begin(), shape.end());
  count = numElementsOf(shape);
  size_t need = byteSize();
  if (need > capBytes || !storage) {
    // 64-byte alignment; round the size up as aligned_alloc requires.
    size_t bytes = (std::max<size_t>(need, 1) + 63) / 64 * 64;
    storage.reset(static_cast<char *>(std::aligned_alloc(64, bytes)));
    capBytes = bytes;
  }
}

void Tensor::reshape(llvm::ArrayRef<int64_t> shape) {
  dims.assign(shape.begin(), shape.end());
  count = numElementsOf(shape);
}

Tensor Tensor::clone() const {
  Tensor t(type, dims);
  if (byteSize())
    std::memcpy(t.raw(), raw(), byteSize());
  return t;
}

void Tensor::clear() {
  storage.reset();
  capBytes = 0;
  dims.clear();
  count = 0;
}

float Tensor::getAsFloat(int64_t i) const {
  switch (type) {
  case DType::F16:
    return halfToFloat(data<uint16_t>()[i]);
  case DType::F32:
    return data<float>()[i];
  case DType::I8:
    return data<int8_t>()[i];
  case DType::U8:
    return data<uint8_t>()[i];
  case DType::I16:
    return data<int16_t>()[i];
  case DType::U16:
    return data<uint16_t>()[i];
  case DType::I32:
    return float(data<int32_t>()[i]);
  case DType::Bool:
    return data<uint8_t>()[i] ? 1.f : 0.f;
  }
  return 0.f;
}
