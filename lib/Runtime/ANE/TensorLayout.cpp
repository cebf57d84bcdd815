//===- TensorLayout.cpp - ANE I/O tensor layout and fp16 conversion -------===//

#include "ane/Runtime/ANE/TensorLayout.h"

#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace ane::device;

uint64_t ANETensorDesc::numElements() const {
  uint64_t n = 1;
  for (int64_t d : shape)
    n *= static_cast<uint64_t>(d < 0 ? 0 : d);
  return n;
}

uint64_t ANETensorDesc::seqOffset(int64_t c, int64_t s) const {
  int64_t seqLen = shape.size() == 4 ? shape[3] : 1;
  return static_cast<uint64_t>(c * seqLen + s) * elemBytes;
}

std::string ANETensorDesc::str() const {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "[";
  llvm::interleave(shape, os, ",");
  os << "]x" << elemBytes << "B";
  return out;
}

uint64_t ane::device::surfaceAllocSize(uint64_t tensorBytes, uint64_t minBytes,
                                       uint64_t alignment) {
  uint64_t size = std::max(tensorBytes, minBytes);
  if (alignment > 1)
    size = (size + alignment - 1) / alignment * alignment;
  return size;
}

uint16_t ane::device::floatToHalf(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  uint16_t sign = (x >> 16) & 0x8000;
  uint32_t exp = (x >> 23) & 0xff;
  uint32_t mant = x & 0x7fffff;
  if (exp == 0xff) // Inf or NaN (keep a quiet NaN payload bit).
    return sign | 0x7c00 | (mant ? 0x200 | (mant >> 13) : 0);
  int32_t e = static_cast<int32_t>(exp) - 127 + 15;
  if (e >= 0x1f)
    return sign | 0x7c00;
  if (e <= 0) { // Subnormal half or zero.
    if (e < -10)
      return sign;
    mant |= 0x800000;
    uint32_t shift = 14 - e;
    uint32_t half = mant >> shift;
    uint32_t rem = mant & ((1u << shift) - 1);
    uint32_t mid = 1u << (shift - 1);
    if (rem > mid || (rem == mid && (half & 1)))
      ++half;
    return sign | half;
  }
  uint32_t half = (static_cast<uint32_t>(e) << 10) | (mant >> 13);
  uint32_t rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem == 0x1000 && (half & 1)))
    ++half; // May carry into the exponent, up to Inf: still correct.
  return sign | static_cast<uint16_t>(half);
}

float ane::device::halfToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t x;
  if (exp == 0x1f) {
    x = sign | 0x7f800000 | (mant << 13);
  } else if (exp == 0) {
    if (mant == 0) {
      x = sign;
    } else { // Normalise the subnormal.
      int32_t e = -1;
      do {
        ++e;
        mant <<= 1;
      } while (!(mant & 0x400));
      x = sign | static_cast<uint32_t>(127 - 15 - e) << 23 |
          ((mant & 0x3ff) << 13);
    }
  } else {
    x = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &x, 4);
  return f;
}

void ane::device::floatsToHalves(llvm::ArrayRef<float> in, uint16_t *out) {
  for (size_t i = 0; i < in.size(); ++i)
    out[i] = floatToHalf(in[i]);
}

void ane::device::halvesToFloats(const uint16_t *in,
                                 llvm::MutableArrayRef<float> out) {
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = halfToFloat(in[i]);
}
