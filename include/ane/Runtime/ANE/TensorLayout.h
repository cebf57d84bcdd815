//===- TensorLayout.h - ANE I/O layout and surface sizes ------ -*- C++ -*-===//
//
// The ANE reads and writes function tensors from IOSurfaces as dense,
// channel-first buffers: `[1,C,1,S]` has element (c, s) at (c*S + s) *
// elemBytes, `[1,C,H,W]` at c*H*W + h*W + w, with no padding or row stride.
// This file describes one I/O tensor, sizes its surface (minimum size and
// alignment are options, see ANEDevice.h) and converts fp32 <-> fp16.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_TENSORLAYOUT_H
#define ANE_RUNTIME_ANE_TENSORLAYOUT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <string>

namespace ane::device {

/// One function input or output as the device sees it.
struct ANETensorDesc {
  /// Logical shape, normally rank 4 `[1,C,H,W]` (`[1,C,1,S]` for sequences).
  llvm::SmallVector<int64_t, 4> shape;
  /// 2 for fp16 (the ANE's native I/O), 4 for fp32 I/O + in-program cast,
  /// 1 for raw bytes.
  unsigned elemBytes = 2;

  /// `[1,C,1,S]` in fp16.
  static ANETensorDesc seq(int64_t channels, int64_t seqLen,
                           unsigned elemBytes = 2) {
    return {{1, channels, 1, seqLen}, elemBytes};
  }
  /// An untyped buffer of `n` bytes (the C API's view).
  static ANETensorDesc raw(uint64_t n) {
    return {{static_cast<int64_t>(n)}, 1};
  }
  uint64_t numElements() const;
  /// Dense byte size of the tensor.
  uint64_t byteSize() const { return numElements() * elemBytes; }
  /// Byte offset of element (c, s) of a `[1,C,1,S]` tensor.
  uint64_t seqOffset(int64_t c, int64_t s) const;
  std::string str() const;
};

/// IOSurface allocation size for a tensor: the dense size raised to
/// `minBytes` and rounded up to a multiple of `alignment` (>= 1).
uint64_t surfaceAllocSize(uint64_t tensorBytes, uint64_t minBytes,
                          uint64_t alignment);

/// IEEE binary16 conversion, round to nearest even.
uint16_t floatToHalf(float f);
float halfToFloat(uint16_t h);
void floatsToHalves(llvm::ArrayRef<float> in, uint16_t *out);
void halvesToFloats(const uint16_t *in, llvm::MutableArrayRef<float> out);

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_TENSORLAYOUT_H
