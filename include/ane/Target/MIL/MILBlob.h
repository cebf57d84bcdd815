//===- MILBlob.h - MILBlob v2 weight file reader and writer -----*- C++ -*-===//
//
// Core ML's weight file layout (`weights/weight.bin`, "MILBlob storage v2"):
// a 64-byte storage header {u32 count, u32 version = 2, zeros}, then per blob
// a 64-byte metadata record {u32 0xDEADBEEF, u32 dtype code, u64 size in
// bytes, u64 absolute data offset, u64 padding bits, 4 x u64 reserved}
// followed by the payload; every record starts on a 64-byte boundary. A MIL
// `BLOBFILE(..., offset = N)` reference names the metadata record at N.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TARGET_MIL_MILBLOB_H
#define ANE_TARGET_MIL_MILBLOB_H

#include "mlir/IR/Types.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ane::mil::blob {

/// Storage format constants.
constexpr uint32_t kSentinel = 0xDEADBEEF;
constexpr uint32_t kVersion = 2;
constexpr uint64_t kAlignment = 64;
constexpr uint64_t kHeaderSize = 64;
constexpr uint64_t kMetadataSize = 64;

/// MILBlob dtype codes (BlobDataType).
enum class DType : uint32_t {
  Float16 = 1,
  Float32 = 2,
  UInt8 = 3,
  Int8 = 4,
  BFloat16 = 5,
  Int16 = 6,
  UInt16 = 7,
  Int4 = 8,
  UInt1 = 9,
  UInt2 = 10,
  UInt4 = 11,
  UInt3 = 12,
  UInt6 = 13,
  Int32 = 14,
  UInt32 = 15,
};

/// The blob dtype code of an MLIR element type, if MILBlob can store it.
std::optional<DType> dtypeForElementType(mlir::Type elementType);
/// The MIL spelling of a blob dtype ("fp16", "int8", ...).
llvm::StringRef stringifyDType(DType dtype);
/// Bits per element of a blob dtype.
unsigned bitWidth(DType dtype);
/// Payload bytes of `numElements` elements (sub-byte types packed).
uint64_t payloadSize(DType dtype, uint64_t numElements);

/// One metadata record as stored.
struct Metadata {
  uint32_t sentinel = kSentinel;
  uint32_t dtype = 0;
  uint64_t sizeInBytes = 0;
  uint64_t dataOffset = 0;
  uint64_t paddingBits = 0;
};

/// Builds a weight file in memory: append blobs, then take the bytes.
class Writer {
public:
  Writer();
  /// Appends a blob at the next 64-byte boundary and returns the offset of
  /// its metadata record (what BLOBFILE's `offset` names).
  uint64_t append(DType dtype, llvm::ArrayRef<char> payload,
                  uint64_t paddingBits = 0);
  /// Number of blobs appended so far.
  uint32_t count() const { return numBlobs; }
  /// The file contents (header count up to date).
  llvm::ArrayRef<char> bytes() const { return buffer; }
  /// Writes the file to `path`, creating parent directories.
  llvm::Error writeTo(llvm::StringRef path) const;

private:
  std::vector<char> buffer;
  uint32_t numBlobs = 0;
};

/// A blob located and validated by the Reader.
struct BlobRef {
  DType dtype;
  llvm::ArrayRef<char> data;
  /// Non-empty when the record is the variant that public ANE benchmark code
  /// writes (size/offset fields left empty): the reader accepted it and says
  /// why in this warning.
  std::string warning;
};

/// Reads a weight file (memory-mapped, read once) and validates references.
class Reader {
public:
  /// Opens `path`; fails with a message naming the file.
  static llvm::Expected<std::unique_ptr<Reader>> open(llvm::StringRef path);
  /// Wraps an existing buffer (tests).
  explicit Reader(std::shared_ptr<llvm::MemoryBuffer> buffer);

  /// Validates the 64-byte storage header.
  llvm::Error checkHeader() const;
  /// Reads the metadata record at `offset`.
  llvm::Expected<Metadata> readMetadata(uint64_t offset) const;
  /// Locates the payload of the blob whose metadata is at `offset`,
  /// checking the sentinel, that the dtype is `expected` and that
  /// `numElements` elements lie inside the file.
  llvm::Expected<BlobRef> read(uint64_t offset, DType expected,
                               uint64_t numElements) const;

  llvm::ArrayRef<char> bytes() const;
  /// Keeps the mapping alive for as long as a caller holds this pointer.
  std::shared_ptr<llvm::MemoryBuffer> buffer() const { return file; }

private:
  std::shared_ptr<llvm::MemoryBuffer> file;
};

} // namespace ane::mil::blob

#endif // ANE_TARGET_MIL_MILBLOB_H
