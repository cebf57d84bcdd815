//===- ANEDeviceTest.cpp - ANE call protocol on the fake platform ---------===//
//
// The recorded call sequence of a compile + evaluate, outputs, timing,
// temp-directory handling, reload and cleanup (no leaked objects).
//
//===----------------------------------------------------------------------===//

#include "FakeTestUtil.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace ane::device;
using namespace ane::device::testing;

namespace {

class ANEDeviceTest : public FakeDeviceTest {};

std::vector<float> iota(size_t n) {
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = 0.25f * static_cast<float>(i) - 3.0f;
  return v;
}

TEST_F(ANEDeviceTest, RecordedCallSequenceOfCompileAndEvaluate) {
  std::vector<std::string> log;
  FakeOptions fo;
  fo.compile = scaleCompile(&log);
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  fake.clearTrace();
  {
    ANE_ASSERT_EXPECTED(model, dev->compile(kScaleMIL, scaleWeights(2.0f),
                                            {ANETensorDesc::seq(4, 8)},
                                            {ANETensorDesc::seq(4, 8)}));
    std::vector<float> x = iota(32), y(32);
    ANE_ASSERT_OK(model->writeInputFloats(0, x));
    ANE_ASSERT_EXPECTED(stats, model->evaluate());
    ANE_ASSERT_OK(model->readOutputFloats(0, y));
    for (size_t i = 0; i < 32; ++i)
      EXPECT_EQ(y[i], 2.0f * x[i]) << i;
    EXPECT_TRUE(stats.hwMs.has_value());
    EXPECT_GE(stats.wallMs, 0.0);
  }
  std::vector<std::string> expected = {
      "+[_ANEInMemoryModelDescriptor modelWithMILText:weights:optionsPlist:]",
      "+[_ANEInMemoryModel inMemoryModelWithDescriptor:]",
      "-[_ANEInMemoryModel hexStringIdentifier]",
      "NSTemporaryDirectory",
      "-[_ANEInMemoryModel compileWithQoS:options:error:] qos=21",
      "fake.compile",
      "-[_ANEInMemoryModel loadWithQoS:options:error:] qos=21",
      "IOSurfaceCreate 64",
      "+[_ANEIOSurfaceObject objectWithIOSurface:]",
      "IOSurfaceCreate 64",
      "+[_ANEIOSurfaceObject objectWithIOSurface:]",
      "+[_ANEPerformanceStats statsWithHardwareExecutionNS:]",
      "+[_ANERequest requestWithInputs:inputIndices:outputs:outputIndices:"
      "weightsBuffer:perfStats:procedureIndex:]",
      "-[_ANEInMemoryModel evaluateWithQoS:options:request:error:] qos=21",
      "fake.evaluate inputs=1 outputs=1",
      "-[_ANEInMemoryModel unloadWithQoS:error:] qos=21",
  };
  EXPECT_EQ(fake.trace(), expected);
  EXPECT_EQ(log, (std::vector<std::string>{
                     "compile " + std::to_string(strlen(kScaleMIL)) +
                         " bytes, 1 weight files",
                     "evaluate"}));
  EXPECT_TRUE(fake.violations().empty());
  EXPECT_EQ(fake.unrecognizedSelectors(), 0u);
  // Every CF object, surface and _ANE instance was released.
  EXPECT_EQ(fake.liveObjects(), 0u);
  EXPECT_EQ(CompileBudget::count(), 1u);
  EXPECT_EQ(fake.compileCount(), 1u);
}

TEST_F(ANEDeviceTest, TempDirectoryHoldsMILAndWeightsUntilModelDies) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  WeightFiles weights = scaleWeights(1.0f);
  std::string mil = "program(1.3) { BLOBFILE(path = "
                    "string(\"@model_path/weights/s.bin\"), offset = "
                    "uint64(64)) }";
  std::string dir;
  {
    ANE_ASSERT_EXPECTED(model,
                        dev->compile(mil, weights, {ANETensorDesc::seq(2, 4)},
                                     {ANETensorDesc::seq(2, 4)}));
    dir = model->tempDir().str();
    EXPECT_TRUE(llvm::StringRef(dir).starts_with(fake.options().tempRoot));
    EXPECT_TRUE(llvm::StringRef(dir).ends_with(model->identifier()));
    auto milFile = llvm::MemoryBuffer::getFile(dir + "/model.mil");
    ASSERT_TRUE(bool(milFile));
    EXPECT_EQ((*milFile)->getBuffer(), mil);
    auto blob = llvm::MemoryBuffer::getFile(dir + "/weights/s.bin");
    ASSERT_TRUE(bool(blob));
    EXPECT_EQ((*blob)->getBufferSize(), weights.begin()->second.size());
  }
  EXPECT_FALSE(llvm::sys::fs::exists(dir));
}

TEST_F(ANEDeviceTest, IdenticalModelsShareTheirTempDirectory) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto compile = [&] {
    return dev->compile("program(1.3) {}", {}, {ANETensorDesc::seq(1, 4)},
                        {ANETensorDesc::seq(1, 4)});
  };
  ANE_ASSERT_EXPECTED(first, compile());
  ANE_ASSERT_EXPECTED(second, compile());
  std::string dir = first->tempDir().str();
  EXPECT_EQ(dir, second->tempDir());
  first.reset();
  EXPECT_TRUE(llvm::sys::fs::exists(dir + "/model.mil"));
  ANE_ASSERT_OK(second->unload()); // Reload reads the directory again.
  ANE_ASSERT_OK(second->load());
  second.reset();
  EXPECT_FALSE(llvm::sys::fs::exists(dir));
}

TEST_F(ANEDeviceTest, IdentityProgramRoundTripsBytes) {
  FakePlatform fake; // Default compile callback: identity.
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(model, dev->compile("program(1.3) {}", {},
                                          {ANETensorDesc::seq(3, 5)},
                                          {ANETensorDesc::seq(3, 5)}));
  std::vector<uint8_t> in(30), out(30);
  for (size_t i = 0; i < in.size(); ++i)
    in[i] = static_cast<uint8_t>(i * 7);
  ANE_ASSERT_OK(model->writeInput(0, in));
  ANE_ASSERT_EXPECTED(stats, model->evaluate());
  (void)stats;
  ANE_ASSERT_OK(model->readOutput(0, out));
  EXPECT_EQ(in, out);
}

TEST_F(ANEDeviceTest, ProcessWideDefaultCompileIsPluggable) {
  std::vector<std::string> log;
  FakePlatform::setDefaultCompile(scaleCompile(&log));
  llvm::scope_exit restore([] { FakePlatform::setDefaultCompile(nullptr); });
  {
    FakePlatform fake; // No compile callback given: uses the default.
    auto dev = openDevice(fake);
    ASSERT_TRUE(dev);
    ANE_ASSERT_EXPECTED(model, dev->compile(kScaleMIL, scaleWeights(4.0f),
                                            {ANETensorDesc::seq(4, 8)},
                                            {ANETensorDesc::seq(4, 8)}));
    std::vector<float> x = iota(32), y(32);
    ANE_ASSERT_OK(model->writeInputFloats(0, x));
    ANE_ASSERT_EXPECTED(stats, model->evaluate());
    (void)stats;
    ANE_ASSERT_OK(model->readOutputFloats(0, y));
    EXPECT_EQ(y[7], 4 * x[7]);
  }
  EXPECT_EQ(log.size(), 2u);
}

TEST_F(ANEDeviceTest, SeveralOutputsGetIndicesInOrder) {
  FakeOptions fo;
  fo.compile = [](llvm::StringRef,
                  const WeightFiles &) -> llvm::Expected<FakeProgram> {
    FakeProgram p; // out0 = x, out1 = x + 1 (bytewise), out2 = 7.
    p.evaluate =
        [](llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
           llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs) -> llvm::Error {
      for (size_t i = 0; i < ins[0].size(); ++i) {
        outs[0][i] = ins[0][i];
        outs[1][i] = ins[0][i] + 1;
      }
      std::fill(outs[2].begin(), outs[2].end(), 7);
      return llvm::Error::success();
    };
    return p;
  };
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(
      model, dev->compile("program(1.3) {}", {}, {ANETensorDesc::raw(4)},
                          {ANETensorDesc::raw(4), ANETensorDesc::raw(4),
                           ANETensorDesc::raw(2)}));
  EXPECT_EQ(model->numOutputs(), 3u);
  std::vector<uint8_t> in = {1, 2, 3, 4}, a(4), b(4), c(2);
  ANE_ASSERT_OK(model->writeInput(0, in));
  ANE_ASSERT_EXPECTED(stats, model->evaluate());
  (void)stats;
  ANE_ASSERT_OK(model->readOutput(0, a));
  ANE_ASSERT_OK(model->readOutput(1, b));
  ANE_ASSERT_OK(model->readOutput(2, c));
  EXPECT_EQ(a, in);
  EXPECT_EQ(b, (std::vector<uint8_t>{2, 3, 4, 5}));
  EXPECT_EQ(c, (std::vector<uint8_t>{7, 7}));
}

TEST_F(ANEDeviceTest, QoSOptionReachesEveryCall) {
  FakePlatform fake;
  ANEOptions options;
  options.qos = 0;
  auto dev = openDevice(fake, options);
  ASSERT_TRUE(dev);
  {
    ANE_ASSERT_EXPECTED(model, dev->compile("program(1.3) {}", {},
                                            {ANETensorDesc::seq(1, 4)},
                                            {ANETensorDesc::seq(1, 4)}));
    ANE_ASSERT_EXPECTED(stats, model->evaluate());
    (void)stats;
  }
  unsigned withQoS = 0;
  for (const std::string &line : fake.trace())
    if (llvm::StringRef(line).contains(" qos=")) {
      EXPECT_TRUE(llvm::StringRef(line).ends_with(" qos=0")) << line;
      ++withQoS;
    }
  EXPECT_EQ(withQoS, 4u); // compile, load, evaluate, unload
}

TEST_F(ANEDeviceTest, WallTimeWhenNoPerformanceStats) {
  FakeOptions fo;
  fo.providePerfStats = false;
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(model, dev->compile("program(1.3) {}", {},
                                          {ANETensorDesc::seq(1, 4)},
                                          {ANETensorDesc::seq(1, 4)}));
  ANE_ASSERT_EXPECTED(stats, model->evaluate());
  EXPECT_FALSE(stats.hwMs.has_value());
  EXPECT_EQ(stats.bestMs(), stats.wallMs);
  for (const std::string &line : fake.trace())
    EXPECT_FALSE(llvm::StringRef(line).contains("_ANEPerformanceStats"));
}

TEST_F(ANEDeviceTest, UnloadThenLoadAgain) {
  FakeOptions fo;
  fo.compile = scaleCompile();
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(model, dev->compile(kScaleMIL, scaleWeights(3.0f),
                                          {ANETensorDesc::seq(4, 8)},
                                          {ANETensorDesc::seq(4, 8)}));
  ANE_ASSERT_OK(model->unload());
  EXPECT_FALSE(model->isLoaded());
  auto failed = model->evaluate();
  EXPECT_EQ(errorText(failed), "ANE evaluate failed: model is not loaded");
  ANE_ASSERT_OK(model->load());
  std::vector<float> x = iota(32), y(32);
  ANE_ASSERT_OK(model->writeInputFloats(0, x));
  ANE_ASSERT_EXPECTED(stats, model->evaluate());
  (void)stats;
  ANE_ASSERT_OK(model->readOutputFloats(0, y));
  EXPECT_EQ(y[5], 3.0f * x[5]);
  EXPECT_EQ(CompileBudget::count(), 1u); // Reload is not a compile.
}

TEST_F(ANEDeviceTest, LoadIsRetriedOnce) {
  FakeOptions fo;
  fo.failLoads = 1;
  FakePlatform fake(fo);
  ANEOptions options;
  options.loadRetryDelayMs = 1;
  auto dev = openDevice(fake, options);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(model, dev->compile("program(1.3) {}", {},
                                          {ANETensorDesc::seq(1, 4)},
                                          {ANETensorDesc::seq(1, 4)}));
  EXPECT_TRUE(model->isLoaded());
  unsigned loads = 0;
  for (const std::string &line : fake.trace())
    loads += llvm::StringRef(line).contains("loadWithQoS") &&
             !llvm::StringRef(line).contains("unload");
  EXPECT_EQ(loads, 2u);
}

TEST_F(ANEDeviceTest, DeviceSubType) {
  FakeOptions fo;
  fo.aneSubType = "h17";
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(sub, dev->aneSubType());
  EXPECT_EQ(sub, "h17");
}

TEST_F(ANEDeviceTest, FP32InputsAreWrittenAsIs) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ANE_ASSERT_EXPECTED(model, dev->compile("program(1.3) {}", {},
                                          {ANETensorDesc::seq(2, 2, 4)},
                                          {ANETensorDesc::seq(2, 2, 4)}));
  std::vector<float> x = {1.0f, 1e-8f, 3.14159f, -2.5f}, y(4);
  ANE_ASSERT_OK(model->writeInputFloats(0, x));
  ANE_ASSERT_EXPECTED(stats, model->evaluate());
  (void)stats;
  ANE_ASSERT_OK(model->readOutputFloats(0, y));
  EXPECT_EQ(x, y);
}

} // namespace
