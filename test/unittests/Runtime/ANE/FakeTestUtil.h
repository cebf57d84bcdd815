//===- FakeTestUtil.h - Shared helpers of the ANE device tests --*- C++ -*-===//
//
// A small fake program ("scale every fp16 input element by a factor read
// from the weight file") and helpers to open a device on a FakePlatform.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TEST_UNITTESTS_RUNTIME_ANE_FAKETESTUTIL_H
#define ANE_TEST_UNITTESTS_RUNTIME_ANE_FAKETESTUTIL_H

#include "ane/Runtime/ANE/ANEDevice.h"
#include "ane/Runtime/ANE/CompileBudget.h"
#include "ane/Runtime/ANE/FakePlatform.h"
#include "ane/Runtime/ANE/TensorLayout.h"
#include "ane/Runtime/ANE/WeightBlob.h"

#include "llvm/Support/Endian.h"
#include "gtest/gtest.h"

namespace ane::device::testing {

/// MIL text of the program the scale callback stands for.
inline const char *kScaleMIL =
    "program(1.3)\n"
    "{\n"
    "    func main<ios18>(tensor<fp16, [1, 4, 1, 8]> x) {\n"
    "        tensor<fp16, [1, 1, 1, 1]> s = const()[name = string(\"s\"), val "
    "= tensor<fp16, [1, 1, 1, 1]>(BLOBFILE(path = "
    "string(\"@model_path/weights/s.bin\"), offset = uint64(64)))];\n"
    "        tensor<fp16, [1, 4, 1, 8]> y = mul(x = x, y = s)[name = "
    "string(\"y\")];\n"
    "    } -> (y);\n"
    "}\n";

/// Compile callback: checks the blob, then y = x * s elementwise in fp16.
inline FakeCompileFn scaleCompile(std::vector<std::string> *log = nullptr) {
  return [log](llvm::StringRef mil,
               const WeightFiles &weights) -> llvm::Expected<FakeProgram> {
    if (log)
      log->push_back("compile " + std::to_string(mil.size()) + " bytes, " +
                     std::to_string(weights.size()) + " weight files");
    auto it = weights.find("@model_path/weights/s.bin");
    if (it == weights.end())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "missing s.bin");
    auto chunk = readMILBlobChunk(it->second, 64);
    if (!chunk)
      return chunk.takeError();
    float scale = halfToFloat(llvm::support::endian::read16le(chunk->data()));
    FakeProgram p;
    p.evaluate = [scale,
                  log](llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
                       llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs)
        -> llvm::Error {
      if (log)
        log->push_back("evaluate");
      size_t n = std::min(ins[0].size(), outs[0].size()) / 2;
      for (size_t i = 0; i < n; ++i) {
        float x = halfToFloat(llvm::support::endian::read16le(&ins[0][2 * i]));
        llvm::support::endian::write16le(&outs[0][2 * i],
                                         floatToHalf(x * scale));
      }
      return llvm::Error::success();
    };
    return p;
  };
}

inline WeightFiles scaleWeights(float scale) {
  return {{"@model_path/weights/s.bin", buildFP16WeightBlob({scale}, 1, 1)}};
}

/// Base fixture: fresh compile budget, a fake platform per test.
class FakeDeviceTest : public ::testing::Test {
protected:
  void SetUp() override {
    CompileBudget::reset();
    CompileBudget::setLimit(CompileBudget::kDefaultLimit);
  }
  void TearDown() override { CompileBudget::reset(); }

  std::unique_ptr<ANEDevice> openDevice(FakePlatform &fake,
                                        ANEOptions options = {}) {
    auto dev = ANEDevice::open(fake.platform(), options);
    if (!dev) {
      ADD_FAILURE() << llvm::toString(dev.takeError());
      return nullptr;
    }
    return std::move(*dev);
  }
};

/// Fails the test with the error's message if `err` is an error.
#define ANE_ASSERT_OK(expr)                                                    \
  do {                                                                         \
    if (llvm::Error ane_err_ = (expr))                                         \
      FAIL() << llvm::toString(std::move(ane_err_));                           \
  } while (0)
/// Unwraps an Expected or fails the test.
#define ANE_ASSERT_EXPECTED(var, expr)                                         \
  auto var##OrErr = (expr);                                                    \
  if (!var##OrErr)                                                             \
    FAIL() << llvm::toString(var##OrErr.takeError());                          \
  auto &var = *var##OrErr

inline std::string errorText(llvm::Error err) {
  return llvm::toString(std::move(err));
}
template <typename T> std::string errorText(llvm::Expected<T> &e) {
  return e ? std::string("<success>") : llvm::toString(e.takeError());
}
template <typename T> std::string errorText(llvm::Expected<T> &&e) {
  return errorText(e);
}

} // namespace ane::device::testing

#endif // ANE_TEST_UNITTESTS_RUNTIME_ANE_FAKETESTUTIL_H
