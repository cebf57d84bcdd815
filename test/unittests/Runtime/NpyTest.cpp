//===- NpyTest.cpp - .npy reader/writer ---------------------------------===//

#include "ane/Runtime/Npy.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace ane::runtime;

namespace {

std::string makeNpy(const std::string &dict, const std::string &data) {
  std::string header = dict;
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out = "\x93NUMPY";
  out += char(1);
  out += char(0);
  out += char(header.size() & 0xff);
  out += char(header.size() >> 8);
  return out + header + data;
}

std::string errorOf(llvm::Expected<Tensor> t) {
  if (t)
    return "";
  return llvm::toString(t.takeError());
}

TEST(Npy, RoundTripsEveryDType) {
  for (DType dt : {DType::F16, DType::F32, DType::I8, DType::U8, DType::I16,
                   DType::U16, DType::I32, DType::Bool}) {
    for (auto shape : {Shape{}, Shape{5}, Shape{2, 3, 4}}) {
      Tensor t(dt, shape);
      auto *bytes = static_cast<uint8_t *>(t.raw());
      for (size_t i = 0; i < t.byteSize(); ++i)
        bytes[i] = dt == DType::Bool ? (i % 2) : uint8_t(i * 7 + 1);
      std::string s = serializeNpy(t);
      EXPECT_EQ(s.size() % 64, t.byteSize() % 64);
      auto back = parseNpy(s, "t.npy");
      ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
      EXPECT_EQ(back->dtype(), dt);
      EXPECT_EQ(back->shape(), t.shape());
      EXPECT_EQ(std::memcmp(back->raw(), t.raw(), t.byteSize()), 0);
    }
  }
}

TEST(Npy, ParsesNumpyHeaders) {
  float vals[2] = {1.5f, -2.f};
  std::string data(reinterpret_cast<char *>(vals), 8);
  auto t = parseNpy(
      makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
              data),
      "x");
  ASSERT_TRUE(bool(t));
  EXPECT_EQ(t->shape(), (llvm::ArrayRef<int64_t>{2}));
  EXPECT_EQ(t->data<float>()[1], -2.f);
}

TEST(Npy, RejectsBadInput) {
  EXPECT_NE(errorOf(parseNpy("hello", "a.npy")).find("bad magic"),
            std::string::npos);
  EXPECT_NE(errorOf(parseNpy(makeNpy("{'descr': '<f8', 'fortran_order': "
                                     "False, 'shape': (2,), }",
                                     std::string(16, '\0')),
                             "a.npy"))
                .find("unsupported .npy dtype '<f8'"),
            std::string::npos);
  EXPECT_NE(errorOf(parseNpy(makeNpy("{'descr': '>f4', 'fortran_order': "
                                     "False, 'shape': (2,), }",
                                     std::string(8, '\0')),
                             "a.npy"))
                .find("unsupported"),
            std::string::npos);
  EXPECT_NE(errorOf(parseNpy(makeNpy("{'descr': '<f4', 'fortran_order': "
                                     "True, 'shape': (2,), }",
                                     std::string(8, '\0')),
                             "a.npy"))
                .find("Fortran"),
            std::string::npos);
  EXPECT_NE(errorOf(parseNpy(makeNpy("{'descr': '<f4', 'fortran_order': "
                                     "False, 'shape': (4,), }",
                                     std::string(8, '\0')),
                             "a.npy"))
                .find("truncated .npy data"),
            std::string::npos);
  EXPECT_NE(errorOf(parseNpy(makeNpy("{'descr': '<f4', 'fortran_order': "
                                     "False, 'shape': (x,), }",
                                     std::string(8, '\0')),
                             "a.npy"))
                .find("shape entry"),
            std::string::npos);
  EXPECT_NE(errorOf(readNpy("/nonexistent/file.npy")).find("cannot read"),
            std::string::npos);
}

} // namespace
