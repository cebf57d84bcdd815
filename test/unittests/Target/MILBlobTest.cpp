//===- MILBlobTest.cpp - MILBlob v2 reader/writer unit tests --------------===//

#include "ane/Target/MIL/MILBlob.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/Endian.h"

#include "gtest/gtest.h"

using namespace ane::mil::blob;
using llvm::support::endian::read32le;
using llvm::support::endian::read64le;
using llvm::support::endian::write32le;
using llvm::support::endian::write64le;

namespace {

std::shared_ptr<llvm::MemoryBuffer> toBuffer(llvm::ArrayRef<char> bytes) {
  return std::shared_ptr<llvm::MemoryBuffer>(
      llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(bytes.data(), bytes.size()), "weight.bin"));
}

std::vector<char> payload(size_t n, char seed) {
  std::vector<char> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = static_cast<char>(seed + i);
  return v;
}

TEST(MILBlobWriter, HeaderAndFirstRecord) {
  Writer w;
  auto data = payload(2000, 1);
  EXPECT_EQ(w.append(DType::Float32, data), 64u);
  llvm::ArrayRef<char> b = w.bytes();
  ASSERT_EQ(b.size(), 128u + 2000u);
  EXPECT_EQ(read32le(b.data()), 1u);     // count
  EXPECT_EQ(read32le(b.data() + 4), 2u); // version
  for (int i = 8; i < 64; ++i)
    EXPECT_EQ(b[i], 0) << "reserved header byte " << i;
  EXPECT_EQ(read32le(b.data() + 64), 0xDEADBEEFu);
  EXPECT_EQ(read32le(b.data() + 68), 2u); // Float32
  EXPECT_EQ(read64le(b.data() + 72), 2000u);
  EXPECT_EQ(read64le(b.data() + 80), 128u);
  EXPECT_EQ(read64le(b.data() + 88), 0u);
  for (int i = 96; i < 128; ++i)
    EXPECT_EQ(b[i], 0) << "reserved metadata byte " << i;
}

TEST(MILBlobWriter, AlignmentMatchesCoremltools) {
  // coremltools' worked example: fp32[500] at 64, the next record at 2176.
  Writer w;
  EXPECT_EQ(w.append(DType::Float32, payload(2000, 0)), 64u);
  EXPECT_EQ(w.append(DType::Float16, payload(6, 0)), 2176u);
  uint64_t third = w.append(DType::Int8, payload(3, 0));
  EXPECT_EQ(third % 64, 0u);
  EXPECT_EQ(third, 2176u + 64u + 64u);
  EXPECT_EQ(w.count(), 3u);
  EXPECT_EQ(read32le(w.bytes().data()), 3u);
}

TEST(MILBlobDTypes, Codes) {
  mlir::MLIRContext ctx;
  auto check = [&](mlir::Type t, DType d) {
    auto got = dtypeForElementType(t);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, d);
  };
  check(mlir::Float16Type::get(&ctx), DType::Float16);
  check(mlir::Float32Type::get(&ctx), DType::Float32);
  check(mlir::IntegerType::get(&ctx, 8, mlir::IntegerType::Unsigned),
        DType::UInt8);
  check(mlir::IntegerType::get(&ctx, 8), DType::Int8);
  check(mlir::IntegerType::get(&ctx, 16), DType::Int16);
  check(mlir::IntegerType::get(&ctx, 16, mlir::IntegerType::Unsigned),
        DType::UInt16);
  check(mlir::IntegerType::get(&ctx, 32), DType::Int32);
  check(mlir::IntegerType::get(&ctx, 4, mlir::IntegerType::Unsigned),
        DType::UInt4);
  EXPECT_FALSE(dtypeForElementType(mlir::IntegerType::get(&ctx, 1)));
  EXPECT_EQ(static_cast<uint32_t>(DType::Int32), 14u);
  EXPECT_EQ(static_cast<uint32_t>(DType::UInt16), 7u);
  EXPECT_EQ(payloadSize(DType::UInt4, 5), 3u);
  EXPECT_EQ(payloadSize(DType::Float16, 5), 10u);
}

TEST(MILBlobReader, RoundTrip) {
  Writer w;
  auto a = payload(10, 3);
  auto b = payload(7, 9);
  uint64_t oa = w.append(DType::Float16, a);
  uint64_t ob = w.append(DType::Int8, b);
  Reader r(toBuffer(w.bytes()));
  auto ra = r.read(oa, DType::Float16, 5);
  ASSERT_TRUE(!!ra) << llvm::toString(ra.takeError());
  EXPECT_EQ(std::vector<char>(ra->data.begin(), ra->data.end()), a);
  EXPECT_TRUE(ra->warning.empty());
  auto rb = r.read(ob, DType::Int8, 7);
  ASSERT_TRUE(!!rb) << llvm::toString(rb.takeError());
  EXPECT_EQ(std::vector<char>(rb->data.begin(), rb->data.end()), b);
}

std::string errorOf(llvm::Expected<BlobRef> r) {
  if (r)
    return "";
  return llvm::toString(r.takeError());
}

TEST(MILBlobReader, BadSentinel) {
  Writer w;
  w.append(DType::Float16, payload(8, 0));
  std::vector<char> bytes(w.bytes().begin(), w.bytes().end());
  write32le(bytes.data() + 64, 0x12345678);
  Reader r(toBuffer(bytes));
  EXPECT_NE(errorOf(r.read(64, DType::Float16, 4)).find("bad blob sentinel"),
            std::string::npos);
}

TEST(MILBlobReader, DTypeMismatch) {
  Writer w;
  w.append(DType::Int8, payload(8, 0));
  Reader r(toBuffer(w.bytes()));
  std::string e = errorOf(r.read(64, DType::Float16, 4));
  EXPECT_NE(e.find("holds int8 data but the program declares fp16"),
            std::string::npos)
      << e;
}

TEST(MILBlobReader, OutOfRange) {
  Writer w;
  w.append(DType::Float16, payload(8, 0));
  Reader r(toBuffer(w.bytes()));
  EXPECT_NE(errorOf(r.read(4096, DType::Float16, 4)).find("outside"),
            std::string::npos);
  // The record claims more data than the file has.
  std::vector<char> bytes(w.bytes().begin(), w.bytes().end());
  write64le(bytes.data() + 72, 4000);
  Reader r2(toBuffer(bytes));
  EXPECT_NE(errorOf(r2.read(64, DType::Float16, 2000)).find("beyond the end"),
            std::string::npos);
  // Size that disagrees with the declared type.
  EXPECT_NE(errorOf(r.read(64, DType::Float16, 5)).find("holds 8 bytes"),
            std::string::npos);
}

TEST(MILBlobReader, BadHeader) {
  Writer w;
  w.append(DType::Float16, payload(8, 0));
  std::vector<char> bytes(w.bytes().begin(), w.bytes().end());
  write32le(bytes.data() + 4, 1);
  Reader r(toBuffer(bytes));
  EXPECT_NE(errorOf(r.read(64, DType::Float16, 4)).find("storage version 1"),
            std::string::npos);
  Reader tiny(toBuffer(llvm::ArrayRef<char>(bytes).take_front(10)));
  EXPECT_NE(errorOf(tiny.read(64, DType::Float16, 4)).find("less than"),
            std::string::npos);
}

TEST(MILBlobReader, BenchmarkVariantAcceptedWithWarning) {
  // Public ANE benchmarks: count 1, dtype 1 even for int8 data, size in a
  // stray byte, data offset 0.
  std::vector<char> bytes(64 + 64 + 16, 0);
  write32le(bytes.data(), 1);
  write32le(bytes.data() + 4, 2);
  write32le(bytes.data() + 64, 0xDEADBEEF);
  bytes[68] = 1;
  bytes[74] = 0x08;
  for (int i = 0; i < 16; ++i)
    bytes[128 + i] = static_cast<char>(i);
  Reader r(toBuffer(bytes));
  auto ref = r.read(64, DType::Int8, 16);
  ASSERT_TRUE(!!ref) << llvm::toString(ref.takeError());
  EXPECT_EQ(ref->data.size(), 16u);
  EXPECT_EQ(ref->data[5], 5);
  EXPECT_NE(ref->warning.find("no data offset"), std::string::npos);
  EXPECT_NE(ref->warning.find("ignoring its dtype code 1"), std::string::npos);
  // Too short for the declared type.
  EXPECT_FALSE(errorOf(r.read(64, DType::Int8, 17)).empty());
}

} // namespace
