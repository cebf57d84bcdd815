//===- WeightBlob.cpp - MILBlob weight files for in-memory compiles -------===//

#include "ane/Runtime/ANE/WeightBlob.h"
#include "ane/Runtime/ANE/TensorLayout.h"

#include "llvm/Support/Endian.h"

#include <cmath>

using namespace ane::device;
namespace endian = llvm::support::endian;

static uint64_t alignTo64(uint64_t v) { return (v + 63) / 64 * 64; }

std::vector<uint8_t>
ane::device::buildMILBlob(llvm::ArrayRef<BlobChunk> chunks,
                          llvm::SmallVectorImpl<uint64_t> *metadataOffsets) {
  uint64_t total = kBlobHeaderBytes;
  for (const BlobChunk &c : chunks)
    total = alignTo64(total) + kBlobChunkHeaderBytes + c.data.size();
  std::vector<uint8_t> out(alignTo64(total), 0);
  endian::write32le(&out[0], static_cast<uint32_t>(chunks.size()));
  endian::write32le(&out[4], 2);
  uint64_t pos = kBlobHeaderBytes;
  for (const BlobChunk &c : chunks) {
    pos = alignTo64(pos);
    if (metadataOffsets)
      metadataOffsets->push_back(pos);
    uint64_t dataOffset = pos + kBlobChunkHeaderBytes;
    endian::write32le(&out[pos], kBlobSentinel);
    endian::write32le(&out[pos + 4], static_cast<uint32_t>(c.dtype));
    endian::write64le(&out[pos + 8], c.data.size());
    endian::write64le(&out[pos + 16], dataOffset);
    std::copy(c.data.begin(), c.data.end(), out.begin() + dataOffset);
    pos = dataOffset + c.data.size();
  }
  out.resize(total); // Trailing padding is not part of the last record.
  return out;
}

std::vector<uint8_t>
ane::device::buildFP16WeightBlob(llvm::ArrayRef<float> rowMajor, int64_t rows,
                                 int64_t cols, bool transpose) {
  std::vector<uint8_t> data(static_cast<size_t>(rows * cols) * 2);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      int64_t dst = transpose ? c * rows + r : r * cols + c;
      endian::write16le(&data[dst * 2], floatToHalf(rowMajor[r * cols + c]));
    }
  return buildMILBlob({BlobChunk{BlobDType::Float16, data}});
}

std::vector<uint8_t>
ane::device::buildInt8WeightBlob(llvm::ArrayRef<int8_t> rowMajor, int64_t rows,
                                 int64_t cols) {
  llvm::ArrayRef<uint8_t> bytes(
      reinterpret_cast<const uint8_t *>(rowMajor.data()),
      static_cast<size_t>(rows * cols));
  return buildMILBlob({BlobChunk{BlobDType::Int8, bytes}});
}

float ane::device::quantizeSymmetricInt8(llvm::ArrayRef<float> values,
                                         std::vector<int8_t> &out) {
  float maxAbs = 0;
  for (float v : values)
    maxAbs = std::max(maxAbs, std::fabs(v));
  float scale = maxAbs > 0 ? maxAbs / 127.0f : 1.0f;
  out.resize(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    float q = std::round(values[i] / scale); // Half away from zero.
    out[i] = static_cast<int8_t>(std::min(127.0f, std::max(-128.0f, q)));
  }
  return scale;
}

llvm::Expected<llvm::ArrayRef<uint8_t>>
ane::device::readMILBlobChunk(llvm::ArrayRef<uint8_t> file, uint64_t offset) {
  auto fail = [&](const llvm::Twine &why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "blob record at offset " +
                                       llvm::Twine(offset) + ": " + why);
  };
  if (offset + kBlobChunkHeaderBytes > file.size())
    return fail("past the end of a " + llvm::Twine(file.size()) + "-byte file");
  if (endian::read32le(&file[offset]) != kBlobSentinel)
    return fail("missing 0xDEADBEEF sentinel");
  uint64_t size = endian::read64le(&file[offset + 8]);
  uint64_t dataOffset = endian::read64le(&file[offset + 16]);
  if (dataOffset == 0)
    dataOffset = offset + kBlobChunkHeaderBytes;
  if (dataOffset + size > file.size())
    return fail("data [" + llvm::Twine(dataOffset) + ", +" + llvm::Twine(size) +
                ") outside the file");
  return file.slice(dataOffset, size);
}
