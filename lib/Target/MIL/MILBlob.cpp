//===- MILBlob.cpp - MILBlob v2 weight file reader and writer -------------===//
//
// Writes and validates Core ML weight files (see MILBlob.h for the layout).
//
//===----------------------------------------------------------------------===//

#include "ane/Target/MIL/MILBlob.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileOutputBuffer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <cstring>

using namespace ane::mil::blob;
using llvm::support::endian::read32le;
using llvm::support::endian::read64le;
using llvm::support::endian::write32le;
using llvm::support::endian::write64le;

std::optional<DType>
ane::mil::blob::dtypeForElementType(mlir::Type elementType) {
  if (elementType.isF16())
    return DType::Float16;
  if (elementType.isF32())
    return DType::Float32;
  if (elementType.isBF16())
    return DType::BFloat16;
  auto intType = llvm::dyn_cast<mlir::IntegerType>(elementType);
  if (!intType)
    return std::nullopt;
  bool isUnsigned = intType.isUnsigned();
  switch (intType.getWidth()) {
  case 1:
    return isUnsigned ? std::optional(DType::UInt1) : std::nullopt;
  case 2:
    return isUnsigned ? std::optional(DType::UInt2) : std::nullopt;
  case 3:
    return isUnsigned ? std::optional(DType::UInt3) : std::nullopt;
  case 4:
    return isUnsigned ? DType::UInt4 : DType::Int4;
  case 6:
    return isUnsigned ? std::optional(DType::UInt6) : std::nullopt;
  case 8:
    return isUnsigned ? DType::UInt8 : DType::Int8;
  case 16:
    return isUnsigned ? DType::UInt16 : DType::Int16;
  case 32:
    return isUnsigned ? DType::UInt32 : DType::Int32;
  default:
    return std::nullopt;
  }
}

llvm::StringRef ane::mil::blob::stringifyDType(DType dtype) {
  switch (dtype) {
  case DType::Float16:
    return "fp16";
  case DType::Float32:
    return "fp32";
  case DType::UInt8:
    return "uint8";
  case DType::Int8:
    return "int8";
  case DType::BFloat16:
    return "bf16";
  case DType::Int16:
    return "int16";
  case DType::UInt16:
    return "uint16";
  case DType::Int4:
    return "int4";
  case DType::UInt1:
    return "uint1";
  case DType::UInt2:
    return "uint2";
  case DType::UInt4:
    return "uint4";
  case DType::UInt3:
    return "uint3";
  case DType::UInt6:
    return "uint6";
  case DType::Int32:
    return "int32";
  case DType::UInt32:
    return "uint32";
  }
  return "unknown";
}

unsigned ane::mil::blob::bitWidth(DType dtype) {
  switch (dtype) {
  case DType::Float16:
  case DType::BFloat16:
  case DType::Int16:
  case DType::UInt16:
    return 16;
  case DType::Float32:
  case DType::Int32:
  case DType::UInt32:
    return 32;
  case DType::UInt8:
  case DType::Int8:
    return 8;
  case DType::Int4:
  case DType::UInt4:
    return 4;
  case DType::UInt1:
    return 1;
  case DType::UInt2:
    return 2;
  case DType::UInt3:
    return 3;
  case DType::UInt6:
    return 6;
  }
  return 8;
}

uint64_t ane::mil::blob::payloadSize(DType dtype, uint64_t numElements) {
  return (numElements * bitWidth(dtype) + 7) / 8;
}

static bool isKnownDType(uint32_t code) { return code >= 1 && code <= 15; }

//===----------------------------------------------------------------------===//
// Writer
//===----------------------------------------------------------------------===//

Writer::Writer() : buffer(kHeaderSize, 0) {
  write32le(buffer.data(), 0);
  write32le(buffer.data() + 4, kVersion);
}

uint64_t Writer::append(DType dtype, llvm::ArrayRef<char> payload,
                        uint64_t paddingBits) {
  uint64_t metaOffset = llvm::alignTo(buffer.size(), kAlignment);
  buffer.resize(metaOffset + kMetadataSize + payload.size(), 0);
  char *meta = buffer.data() + metaOffset;
  write32le(meta, kSentinel);
  write32le(meta + 4, static_cast<uint32_t>(dtype));
  write64le(meta + 8, payload.size());
  write64le(meta + 16, metaOffset + kMetadataSize);
  write64le(meta + 24, paddingBits);
  if (!payload.empty())
    std::memcpy(meta + kMetadataSize, payload.data(), payload.size());
  write32le(buffer.data(), ++numBlobs);
  return metaOffset;
}

llvm::Error Writer::writeTo(llvm::StringRef path) const {
  llvm::StringRef dir = llvm::sys::path::parent_path(path);
  if (!dir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(dir))
      return llvm::createStringError(ec, "cannot create directory '%s': %s",
                                     dir.str().c_str(), ec.message().c_str());
  auto out = llvm::FileOutputBuffer::create(path, buffer.size());
  if (!out)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "cannot write weight file '%s': %s",
        path.str().c_str(), llvm::toString(out.takeError()).c_str());
  std::memcpy((*out)->getBufferStart(), buffer.data(), buffer.size());
  return (*out)->commit();
}

//===----------------------------------------------------------------------===//
// Reader
//===----------------------------------------------------------------------===//

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Expected<std::unique_ptr<Reader>> Reader::open(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return fail("cannot open weight file '" + path +
                "': " + buffer.getError().message());
  return std::make_unique<Reader>(
      std::shared_ptr<llvm::MemoryBuffer>(std::move(*buffer)));
}

Reader::Reader(std::shared_ptr<llvm::MemoryBuffer> buffer)
    : file(std::move(buffer)) {}

llvm::ArrayRef<char> Reader::bytes() const {
  return {file->getBufferStart(), file->getBufferSize()};
}

llvm::Error Reader::checkHeader() const {
  llvm::ArrayRef<char> data = bytes();
  if (data.size() < kHeaderSize)
    return fail("weight file '" + file->getBufferIdentifier() + "' has " +
                llvm::Twine(data.size()) +
                " bytes, less than its 64-byte storage header");
  uint32_t version = read32le(data.data() + 4);
  if (version != kVersion)
    return fail("weight file '" + file->getBufferIdentifier() +
                "' has storage version " + llvm::Twine(version) +
                ", expected 2");
  return llvm::Error::success();
}

llvm::Expected<Metadata> Reader::readMetadata(uint64_t offset) const {
  llvm::ArrayRef<char> data = bytes();
  if (offset < kHeaderSize || offset > data.size() ||
      data.size() - offset < kMetadataSize)
    return fail("blob offset " + llvm::Twine(offset) +
                " is outside weight file '" + file->getBufferIdentifier() +
                "' (" + llvm::Twine(data.size()) + " bytes)");
  const char *p = data.data() + offset;
  Metadata meta;
  meta.sentinel = read32le(p);
  meta.dtype = read32le(p + 4);
  meta.sizeInBytes = read64le(p + 8);
  meta.dataOffset = read64le(p + 16);
  meta.paddingBits = read64le(p + 24);
  return meta;
}

llvm::Expected<BlobRef> Reader::read(uint64_t offset, DType expected,
                                     uint64_t numElements) const {
  if (llvm::Error err = checkHeader())
    return std::move(err);
  auto meta = readMetadata(offset);
  if (!meta)
    return meta.takeError();
  if (meta->sentinel != kSentinel)
    return fail(llvm::formatv("bad blob sentinel 0x{0:X-8} at offset {1} of "
                              "weight file '{2}', expected 0xDEADBEEF",
                              meta->sentinel, offset,
                              file->getBufferIdentifier())
                    .str());
  uint64_t expectedSize = payloadSize(expected, numElements);
  uint64_t fileSize = bytes().size();
  BlobRef ref{expected, {}, {}};

  // The variant written by the public ANE benchmarks: data offset left 0
  // (and the size field absent or garbled, sometimes even the dtype). The
  // payload follows the record directly.
  if (meta->dataOffset == 0) {
    uint64_t start = offset + kMetadataSize;
    if (start > fileSize || fileSize - start < expectedSize)
      return fail("blob at offset " + llvm::Twine(offset) + " needs " +
                  llvm::Twine(expectedSize) +
                  " bytes after its record but "
                  "weight file '" +
                  file->getBufferIdentifier() + "' has " +
                  llvm::Twine(fileSize) + " bytes");
    ref.warning =
        ("blob at offset " + llvm::Twine(offset) +
         " has no data offset (size field " + llvm::Twine(meta->sizeInBytes) +
         "); assuming the payload follows its record")
            .str();
    if (meta->dtype != static_cast<uint32_t>(expected))
      ref.warning +=
          (", ignoring its dtype code " + llvm::Twine(meta->dtype)).str();
    ref.data = bytes().slice(start, expectedSize);
    return ref;
  }

  if (meta->dtype != static_cast<uint32_t>(expected))
    return fail("blob at offset " + llvm::Twine(offset) + " holds " +
                (isKnownDType(meta->dtype)
                     ? stringifyDType(static_cast<DType>(meta->dtype)).str()
                     : "unknown dtype code " + std::to_string(meta->dtype)) +
                " data but the program declares " + stringifyDType(expected));
  if (meta->sizeInBytes != expectedSize)
    return fail("blob at offset " + llvm::Twine(offset) + " holds " +
                llvm::Twine(meta->sizeInBytes) + " bytes but the declared " +
                "type needs " + llvm::Twine(expectedSize));
  if (meta->dataOffset > fileSize || fileSize - meta->dataOffset < expectedSize)
    return fail("blob at offset " + llvm::Twine(offset) + " has data at [" +
                llvm::Twine(meta->dataOffset) + ", " +
                llvm::Twine(meta->dataOffset + meta->sizeInBytes) +
                ") beyond the end of weight file '" +
                file->getBufferIdentifier() + "' (" + llvm::Twine(fileSize) +
                " bytes)");
  ref.data = bytes().slice(meta->dataOffset, expectedSize);
  return ref;
}
