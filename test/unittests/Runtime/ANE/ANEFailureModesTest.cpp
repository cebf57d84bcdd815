//===- ANEFailureModesTest.cpp - Device failure modes and diagnostics -----===//
//
// Each failure mode the device is documented to have, reproduced by the
// fake platform, with the diagnostic the backend gives for it; and cleanup
// after each failure (no leaked objects, temp directory removed).
//
//===----------------------------------------------------------------------===//

#include "FakeTestUtil.h"

#include "llvm/Support/FileSystem.h"

using namespace ane::device;
using namespace ane::device::testing;

namespace {

class ANEFailureModesTest : public FakeDeviceTest {};

llvm::Expected<std::unique_ptr<ANEModel>> compileTiny(ANEDevice &dev,
                                                      unsigned inputs = 1) {
  std::vector<ANETensorDesc> ins(inputs, ANETensorDesc::seq(1, 4));
  return dev.compile("program(1.3) {}", {}, ins, {ANETensorDesc::seq(1, 4)});
}

TEST_F(ANEFailureModesTest, CompileFailureCarriesNSErrorDescription) {
  FakeOptions fo;
  fo.compile = [](llvm::StringRef,
                  const WeightFiles &) -> llvm::Expected<FakeProgram> {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "op 'gelu' is not supported");
  };
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto model = compileTiny(*dev);
  EXPECT_EQ(errorText(model),
            "ANE compile failed: Error Domain=com.apple.appleneuralengine "
            "Code=3 \"InvalidMILProgram: op 'gelu' is not supported\"");
  EXPECT_EQ(fake.liveObjects(), 0u);
  EXPECT_TRUE(fake.violations().empty());
  std::error_code ec;
  llvm::sys::fs::directory_iterator it(fake.options().tempRoot, ec);
  EXPECT_TRUE(ec || it == llvm::sys::fs::directory_iterator())
      << "temp directory left behind: " << it->path();
}

TEST_F(ANEFailureModesTest, MissingBlobFileIsACompileError) {
  FakePlatform fake; // identityCompile checks BLOBFILE references.
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto model = dev->compile(
      "BLOBFILE(path = string(\"@model_path/weights/w.bin\"), offset = "
      "uint64(64))",
      {}, {ANETensorDesc::seq(1, 4)}, {ANETensorDesc::seq(1, 4)});
  EXPECT_NE(errorText(model).find(
                "BLOBFILE @model_path/weights/w.bin is not in the weights "
                "dictionary"),
            std::string::npos);
}

TEST_F(ANEFailureModesTest, CorruptBlobIsACompileError) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  WeightFiles weights = {
      {"@model_path/weights/w.bin", std::vector<uint8_t>(256, 0)}};
  auto model = dev->compile(
      "BLOBFILE(path = string(\"@model_path/weights/w.bin\"), offset = "
      "uint64(64))",
      weights, {ANETensorDesc::seq(1, 4)}, {ANETensorDesc::seq(1, 4)});
  EXPECT_NE(errorText(model).find("missing 0xDEADBEEF sentinel"),
            std::string::npos);
}

TEST_F(ANEFailureModesTest, CompileBudgetStopsBeforeTheLeak) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  CompileBudget::setLimit(3);
  for (int i = 0; i < 3; ++i) {
    auto model = compileTiny(*dev);
    ASSERT_TRUE(bool(model)) << errorText(model);
  }
  auto fourth = compileTiny(*dev);
  std::string msg = errorText(fourth);
  EXPECT_EQ(msg.rfind("ANE compile budget exhausted: 3 compiles in this "
                      "process (limit 3;",
                      0),
            0u)
      << msg;
  EXPECT_NE(msg.find("restart the process"), std::string::npos);
  EXPECT_EQ(fake.compileCount(), 3u); // The device never saw the 4th.
  EXPECT_EQ(fake.liveObjects(), 0u);
  CompileBudget::reset();
  auto again = compileTiny(*dev);
  EXPECT_TRUE(bool(again)) << errorText(again);
}

TEST_F(ANEFailureModesTest, DeviceCompileLeakSurfacesAsNSError) {
  FakeOptions fo;
  fo.leakLimit = 2;
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  CompileBudget::setLimit(50); // Above the (simulated) leak.
  ASSERT_TRUE(bool(compileTiny(*dev)));
  ASSERT_TRUE(bool(compileTiny(*dev)));
  auto third = compileTiny(*dev);
  EXPECT_NE(errorText(third).find("Code=7 \"ANECCompile() FAILED: compiler "
                                  "resources exhausted (compile #3"),
            std::string::npos);
}

TEST_F(ANEFailureModesTest, LeakAtTheReportedCountGetsRestartAdvice) {
  FakePlatform fake; // Fails compile #120, like the device.
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  CompileBudget::setLimit(200); // A caller that raised the limit too far.
  for (unsigned i = 0; i < CompileBudget::kReportedLeak; ++i)
    ASSERT_TRUE(bool(compileTiny(*dev))) << i;
  auto failed = compileTiny(*dev);
  std::string msg = errorText(failed);
  EXPECT_NE(msg.find("compile #120 in this process"), std::string::npos) << msg;
  EXPECT_NE(msg.find("[120 compiles in this process; the ANE compiler is "
                     "reported to fail after about 119: restart the "
                     "process]"),
            std::string::npos)
      << msg;
}

TEST_F(ANEFailureModesTest, MultiInputRequestRejectedWith0x1d) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  {
    auto model = compileTiny(*dev, /*inputs=*/2);
    ASSERT_TRUE(bool(model)) << errorText(model);
    auto stats = (*model)->evaluate();
    std::string msg = errorText(stats);
    EXPECT_NE(msg.find("ANE evaluate failed: Error Domain="
                       "com.apple.appleneuralengine Code=29"),
              std::string::npos)
        << msg;
    EXPECT_NE(msg.find("[0x1d: some ANE/OS versions reject requests with "
                       "more than one input"),
              std::string::npos)
        << msg;
  }
  fake.options().rejectMultiInput = false;
  auto model = compileTiny(*dev, 2);
  ASSERT_TRUE(bool(model));
  EXPECT_TRUE(bool((*model)->evaluate()));
}

TEST_F(ANEFailureModesTest, UnknownClassMeansUnavailable) {
  FakeOptions fo;
  fo.missingClasses = {"_ANERequest"};
  FakePlatform fake(fo);
  auto dev = ANEDevice::open(fake.platform());
  EXPECT_EQ(errorText(dev),
            "ANE backend unavailable: class _ANERequest not found in the "
            "AppleNeuralEngine framework");
}

TEST_F(ANEFailureModesTest, IncompletePlatformTableMeansUnavailable) {
  FakePlatform fake;
  auto table = std::make_shared<Platform>(*fake.platform());
  table->msgSend.id_7id = nullptr;
  auto dev = ANEDevice::open(table);
  EXPECT_EQ(errorText(dev), "ANE backend unavailable: platform 'fake' lacks "
                            "entry point msgSend.id_7id");
  EXPECT_EQ(errorText(ANEDevice::open(nullptr)),
            "ANE backend unavailable: no platform");
}

TEST_F(ANEFailureModesTest, UnknownClassSelector) {
  FakeOptions fo;
  fo.missingSelectors = {
      "+[_ANEInMemoryModelDescriptor modelWithMILText:weights:optionsPlist:]"};
  FakePlatform fake(fo);
  auto dev = ANEDevice::open(fake.platform());
  EXPECT_EQ(errorText(dev),
            "ANE framework lacks +[_ANEInMemoryModelDescriptor "
            "modelWithMILText:weights:optionsPlist:] (unknown selector; this "
            "OS does not expose the private API the backend was written "
            "against)");
  EXPECT_EQ(fake.unrecognizedSelectors(), 0u); // Checked, never sent.
}

TEST_F(ANEFailureModesTest, UnknownInstanceSelector) {
  FakeOptions fo;
  fo.missingSelectors = {"-[_ANEInMemoryModel loadWithQoS:options:error:]"};
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto model = compileTiny(*dev);
  EXPECT_NE(errorText(model).find("ANE framework lacks -[_ANEInMemoryModel "
                                  "loadWithQoS:options:error:]"),
            std::string::npos);
  EXPECT_EQ(fake.unrecognizedSelectors(), 0u);
  EXPECT_EQ(fake.liveObjects(), 0u);
}

TEST_F(ANEFailureModesTest, LoadFailureAfterRetry) {
  FakeOptions fo;
  fo.failLoads = 5;
  FakePlatform fake(fo);
  ANEOptions options;
  options.loadRetryDelayMs = 1;
  auto dev = openDevice(fake, options);
  ASSERT_TRUE(dev);
  auto model = compileTiny(*dev);
  EXPECT_EQ(errorText(model),
            "ANE load failed: Error Domain=com.apple.appleneuralengine Code=4 "
            "\"no free ANE program slot\"");
  EXPECT_EQ(fake.liveObjects(), 0u);
}

TEST_F(ANEFailureModesTest, EvaluateErrorFromProgram) {
  FakeOptions fo;
  fo.compile = [](llvm::StringRef,
                  const WeightFiles &) -> llvm::Expected<FakeProgram> {
    FakeProgram p;
    p.evaluate = [](auto, auto) -> llvm::Error {
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "numeric fault");
    };
    return p;
  };
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto model = compileTiny(*dev);
  ASSERT_TRUE(bool(model));
  auto stats = (*model)->evaluate();
  EXPECT_EQ(errorText(stats), "ANE evaluate failed: Error "
                              "Domain=com.apple.appleneuralengine Code=5 "
                              "\"numeric fault\"");
}

TEST_F(ANEFailureModesTest, SurfaceBelowDeviceMinimum) {
  FakeOptions fo;
  fo.minSurfaceBytes = 49152;
  FakePlatform fake(fo);
  {
    auto dev = openDevice(fake);
    ASSERT_TRUE(dev);
    auto model = compileTiny(*dev);
    ASSERT_TRUE(bool(model));
    EXPECT_NE(errorText((*model)->evaluate())
                  .find("IOSurface of 8 bytes is below the device minimum of "
                        "49152"),
              std::string::npos);
  }
  // Padding the surfaces satisfies the device; the data stays at offset 0.
  ANEOptions options;
  options.minSurfaceBytes = 49152;
  auto dev = openDevice(fake, options);
  ASSERT_TRUE(dev);
  auto model = compileTiny(*dev);
  ASSERT_TRUE(bool(model));
  EXPECT_EQ((*model)->inputSurfaceBytes(0), 49152u);
  EXPECT_EQ((*model)->outputSurfaceBytes(0), 49152u);
  std::vector<float> x = {1, 2, 3, 4}, y(4);
  ANE_ASSERT_OK((*model)->writeInputFloats(0, x));
  ASSERT_TRUE(bool((*model)->evaluate()));
  ANE_ASSERT_OK((*model)->readOutputFloats(0, y));
  EXPECT_EQ(x, y);
}

TEST_F(ANEFailureModesTest, WrongIOSizesAreRejected) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto model = compileTiny(*dev);
  ASSERT_TRUE(bool(model));
  std::vector<uint8_t> bytes(7);
  EXPECT_EQ(errorText((*model)->writeInput(0, bytes)),
            "input 0 [1,1,1,4]x2B takes 8 bytes, got 7");
  EXPECT_EQ(errorText((*model)->writeInput(3, bytes)),
            "input index 3 out of range (1 inputs)");
  std::vector<float> wrong(5);
  EXPECT_EQ(errorText((*model)->readOutputFloats(0, wrong)),
            "output 0 [1,1,1,4]x2B holds 4 fp16/fp32 elements, asked for 5");
}

TEST_F(ANEFailureModesTest, WeightKeysMustUseModelPath) {
  FakePlatform fake;
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  WeightFiles weights = {{"weights/w.bin", {1, 2, 3}}};
  auto model =
      dev->compile("program(1.3) {}", weights, {ANETensorDesc::seq(1, 4)},
                   {ANETensorDesc::seq(1, 4)});
  EXPECT_EQ(errorText(model), "weight file key 'weights/w.bin' must start "
                              "with @model_path/ and name a file");
  WeightFiles escape = {{"@model_path/weights/../../x.bin", {1, 2, 3}}};
  auto escaped =
      dev->compile("program(1.3) {}", escape, {ANETensorDesc::seq(1, 4)},
                   {ANETensorDesc::seq(1, 4)});
  EXPECT_EQ(errorText(escaped), "weight file key "
                                "'@model_path/weights/../../x.bin' must stay "
                                "inside the model directory");
}

TEST_F(ANEFailureModesTest, SystemPlatformUnavailableOffMacOS) {
#ifdef __APPLE__
  GTEST_SKIP() << "runs on hosts without the framework";
#else
  auto dev = ANEDevice::openSystem();
  std::string msg = errorText(dev);
  EXPECT_EQ(msg.rfind("ANE backend unavailable: cannot load "
                      "/usr/lib/libobjc.A.dylib: ",
                      0),
            0u)
      << msg;
#endif
}

} // namespace
