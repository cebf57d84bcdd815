//===- WeightBlob.h - MILBlob files for in-memory compile ----- -*- C++ -*-===//
//
// Builders for the `weights/*.bin` files that MIL text references with
// `BLOBFILE(path = string("@model_path/weights/w.bin"), offset = uint64(64))`.
// Layout (Core ML "MIL Blob Storage", little-endian): a 64-byte storage
// header {u32 count, u32 version = 2, zeros}, then per blob a 64-byte
// metadata record {u32 0xDEADBEEF, u32 dtype, u64 size in bytes, u64 absolute
// data offset, reserved zeros} followed by the data, each record starting
// 64-byte aligned. The MIL `offset` of a blob is the position of its
// metadata record (64 for the first). Unlike the public bridge's int8
// builder (chunk header only, dtype byte 1), int8 blobs here carry the
// storage header and dtype Int8 = 4.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_WEIGHTBLOB_H
#define ANE_RUNTIME_ANE_WEIGHTBLOB_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace ane::device {

enum class BlobDType : uint32_t {
  Float16 = 1,
  Float32 = 2,
  UInt8 = 3,
  Int8 = 4
};

constexpr uint32_t kBlobSentinel = 0xDEADBEEF;
constexpr uint64_t kBlobHeaderBytes = 64;
constexpr uint64_t kBlobChunkHeaderBytes = 64;

struct BlobChunk {
  BlobDType dtype;
  llvm::ArrayRef<uint8_t> data;
};

/// Builds a blob file holding `chunks`; `metadataOffsets` (optional)
/// receives the MIL `offset` of each chunk.
std::vector<uint8_t>
buildMILBlob(llvm::ArrayRef<BlobChunk> chunks,
             llvm::SmallVectorImpl<uint64_t> *metadataOffsets = nullptr);

/// One fp16 matrix `[rows][cols]` from row-major fp32 (or its transpose,
/// `[cols][rows]`, when `transpose` is set). MIL offset 64.
std::vector<uint8_t> buildFP16WeightBlob(llvm::ArrayRef<float> rowMajor,
                                         int64_t rows, int64_t cols,
                                         bool transpose = false);
/// One int8 matrix `[rows][cols]`. MIL offset 64.
std::vector<uint8_t> buildInt8WeightBlob(llvm::ArrayRef<int8_t> rowMajor,
                                         int64_t rows, int64_t cols);
/// Symmetric per-tensor int8 quantization: scale = max|w| / 127, round half
/// away from zero, clamp to [-128, 127]. Returns the scale (1 if all zero).
float quantizeSymmetricInt8(llvm::ArrayRef<float> values,
                            std::vector<int8_t> &out);

/// Checks that `file` holds a well-formed blob record at MIL `offset`
/// (sentinel, data inside the file) and returns its data.
llvm::Expected<llvm::ArrayRef<uint8_t>>
readMILBlobChunk(llvm::ArrayRef<uint8_t> file, uint64_t offset);

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_WEIGHTBLOB_H
