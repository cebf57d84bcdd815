//===- ANEBackendTest.cpp - The `ane` Backend on the fake platform --------===//
//
// The ane Backend end to end on the fake platform (MIL export, compile
// through the device protocol, programs on the MIL importer + interpreter):
// outputs equal to the cpu backend's bit for bit, the recorded call
// sequence, statistics, call chains (one program per callee), several
// inputs, the compile budget, entry selection and the errors for unusable
// programs and platforms.
//
//===----------------------------------------------------------------------===//

#include "FakeTestUtil.h"

#include "ane/InitAll.h"
#include "ane/Runtime/ANE/ANEBackend.h"
#include "ane/Runtime/ANE/InterpreterProgram.h"
#include "ane/Runtime/Half.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstring>

using namespace ane::device;
using namespace ane::device::testing;
using namespace ane::runtime;

namespace {

const char *kConvModule = R"mlir(
module {
  func.func @main(%x: tensor<1x4x2x3xf16> {mil.name = "x"}) -> (tensor<1x6x2x3xf16> {mil.name = "y"}) {
    %w6 = mil.const {val = dense<[[[[-0.75, -0.125, 0.5], [-0.5, 0.125, 0.75], [-0.25, 0.375, -0.625]], [[0.0, 0.625, -0.375], [0.25, -0.75, -0.125], [0.5, -0.5, 0.125]], [[0.75, -0.25, 0.375], [-0.625, 0.0, 0.625], [-0.375, 0.25, -0.75]], [[-0.125, 0.5, -0.5], [0.125, 0.75, -0.25], [0.375, -0.625, 0.0]]], [[[0.625, -0.375, 0.25], [-0.75, -0.125, 0.5], [-0.5, 0.125, 0.75]], [[-0.25, 0.375, -0.625], [0.0, 0.625, -0.375], [0.25, -0.75, -0.125]], [[0.5, -0.5, 0.125], [0.75, -0.25, 0.375], [-0.625, 0.0, 0.625]], [[-0.375, 0.25, -0.75], [-0.125, 0.5, -0.5], [0.125, 0.75, -0.25]]], [[[0.375, -0.625, 0.0], [0.625, -0.375, 0.25], [-0.75, -0.125, 0.5]], [[-0.5, 0.125, 0.75], [-0.25, 0.375, -0.625], [0.0, 0.625, -0.375]], [[0.25, -0.75, -0.125], [0.5, -0.5, 0.125], [0.75, -0.25, 0.375]], [[-0.625, 0.0, 0.625], [-0.375, 0.25, -0.75], [-0.125, 0.5, -0.5]]], [[[0.125, 0.75, -0.25], [0.375, -0.625, 0.0], [0.625, -0.375, 0.25]], [[-0.75, -0.125, 0.5], [-0.5, 0.125, 0.75], [-0.25, 0.375, -0.625]], [[0.0, 0.625, -0.375], [0.25, -0.75, -0.125], [0.5, -0.5, 0.125]], [[0.75, -0.25, 0.375], [-0.625, 0.0, 0.625], [-0.375, 0.25, -0.75]]], [[[-0.125, 0.5, -0.5], [0.125, 0.75, -0.25], [0.375, -0.625, 0.0]], [[0.625, -0.375, 0.25], [-0.75, -0.125, 0.5], [-0.5, 0.125, 0.75]], [[-0.25, 0.375, -0.625], [0.0, 0.625, -0.375], [0.25, -0.75, -0.125]], [[0.5, -0.5, 0.125], [0.75, -0.25, 0.375], [-0.625, 0.0, 0.625]]], [[[-0.375, 0.25, -0.75], [-0.125, 0.5, -0.5], [0.125, 0.75, -0.25]], [[0.375, -0.625, 0.0], [0.625, -0.375, 0.25], [-0.75, -0.125, 0.5]], [[-0.5, 0.125, 0.75], [-0.25, 0.375, -0.625], [0.0, 0.625, -0.375]], [[0.25, -0.75, -0.125], [0.5, -0.5, 0.125], [0.75, -0.25, 0.375]]]]> : tensor<6x4x3x3xf16>} : tensor<6x4x3x3xf16>
    %c = mil.conv %x, %w6 {pad_type = "same"} : (tensor<1x4x2x3xf16>, tensor<6x4x3x3xf16>) -> tensor<1x6x2x3xf16>
    %r = mil.relu %c : tensor<1x6x2x3xf16>
    return %r : tensor<1x6x2x3xf16>
  }
  func.func @twice(%a: tensor<1x2x1x4xf32> {mil.name = "a"}, %b: tensor<1x2x1x4xf32> {mil.name = "b"}) -> (tensor<1x2x1x4xf32> {mil.name = "s"}) {
    %0 = mil.add %a, %b : (tensor<1x2x1x4xf32>, tensor<1x2x1x4xf32>) -> tensor<1x2x1x4xf32>
    %1 = mil.mul %0, %a : (tensor<1x2x1x4xf32>, tensor<1x2x1x4xf32>) -> tensor<1x2x1x4xf32>
    return %1 : tensor<1x2x1x4xf32>
  }
  func.func @ints(%i: tensor<4xi32>) -> tensor<4xi32> {
    return %i : tensor<4xi32>
  }
}
)mlir";

class ANEBackendTest : public FakeDeviceTest {
protected:
  void SetUp() override {
    FakeDeviceTest::SetUp();
    ane::registerAllDialects(registry);
    ctx = std::make_unique<mlir::MLIRContext>(registry);
    ctx->loadAllAvailableDialects();
    module = mlir::parseSourceString<mlir::ModuleOp>(kConvModule, ctx.get());
    ASSERT_TRUE(module);
  }

  std::unique_ptr<Backend> fakeBackend(ANEBackendOptions options = {}) {
    options.platform = "fake";
    options.traceStream = &traceOS;
    auto backend = createANEBackend(options);
    if (!backend) {
      ADD_FAILURE() << llvm::toString(backend.takeError());
      return nullptr;
    }
    return std::move(*backend);
  }

  /// Deterministic inputs: element j of input i is ((7*j + 3*i) mod 23 - 11)/8.
  void setInputs(Kernel &k) {
    for (auto [i, spec] : llvm::enumerate(k.inputs())) {
      Tensor t(spec.dtype, spec.shape);
      for (int64_t j = 0; j < t.numElements(); ++j) {
        float v = float((7 * j + 3 * int64_t(i)) % 23 - 11) / 8;
        if (spec.dtype == DType::F16)
          t.data<uint16_t>()[j] = ane::runtime::floatToHalf(v);
        else
          t.data<float>()[j] = v;
      }
      ASSERT_FALSE(k.setInput(i, t));
    }
  }

  /// `entry` compiled on `backend`, its inputs set by setInputs; null (and a
  /// test failure) if it does not compile.
  std::unique_ptr<Kernel> compileWithInputs(Backend &backend,
                                            llvm::StringRef entry) {
    auto k = backend.compile(*module, entry);
    if (!k) {
      ADD_FAILURE() << llvm::toString(k.takeError());
      return nullptr;
    }
    setInputs(**k);
    return std::move(*k);
  }

  /// Runs `entry` on the cpu backend and on `ane`; expects equal bytes.
  void expectSameAsCpu(Backend &ane, llvm::StringRef entry) {
    auto cpu = createCpuBackend()->compile(*module, entry);
    ASSERT_TRUE(bool(cpu)) << llvm::toString(cpu.takeError());
    auto dev = ane.compile(*module, entry);
    ASSERT_TRUE(bool(dev)) << llvm::toString(dev.takeError());
    setInputs(**cpu);
    setInputs(**dev);
    ASSERT_FALSE((*cpu)->eval());
    ASSERT_FALSE((*dev)->eval());
    ASSERT_EQ((*cpu)->outputs().size(), (*dev)->outputs().size());
    for (unsigned i = 0; i < (*cpu)->outputs().size(); ++i) {
      EXPECT_EQ((*cpu)->outputs()[i].name, (*dev)->outputs()[i].name);
      const Tensor &a = (*cpu)->output(i), &b = (*dev)->output(i);
      ASSERT_EQ(a.dtype(), b.dtype());
      ASSERT_EQ(a.shape(), b.shape());
      EXPECT_EQ(std::memcmp(a.raw(), b.raw(), a.byteSize()), 0)
          << "output " << i << " differs from the cpu backend's";
      const char *bytes = static_cast<const char *>(b.raw());
      EXPECT_TRUE(std::any_of(bytes, bytes + b.byteSize(),
                              [](char c) { return c != 0; }))
          << "output " << i << " is all zeros: a vacuous comparison";
    }
    KernelStats cs = (*cpu)->stats(), ds = (*dev)->stats();
    EXPECT_EQ(ds.evals, 1);
    EXPECT_EQ(ds.flops, cs.flops);
    EXPECT_EQ(ds.weightBytes, cs.weightBytes);
  }

  mlir::DialectRegistry registry;
  std::unique_ptr<mlir::MLIRContext> ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string trace;
  llvm::raw_string_ostream traceOS{trace};
};

TEST_F(ANEBackendTest, ConvMatchesCpuBitForBit) {
  auto ane = fakeBackend();
  ASSERT_TRUE(ane);
  EXPECT_EQ(ane->name(), "ane");
  expectSameAsCpu(*ane, "main");
}

TEST_F(ANEBackendTest, ACallChainIsOneProgramPerCallee) {
  module = mlir::parseSourceString<mlir::ModuleOp>(R"mlir(
module {
  func.func @scale(%x: tensor<1x4x1x8xf16> {mil.name = "x"}) -> (tensor<1x4x1x8xf16> {mil.name = "y"}) {
    %w = mil.const {val = dense<[[[[0.5]], [[-1.5]], [[2.0]], [[0.25]]]]> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
    %0 = mil.mul %x, %w : (tensor<1x4x1x8xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x8xf16>
    return %0 : tensor<1x4x1x8xf16>
  }
  func.func @relu(%x: tensor<1x4x1x8xf16> {mil.name = "x"}) -> (tensor<1x4x1x8xf16> {mil.name = "y"}) {
    %0 = mil.relu %x : tensor<1x4x1x8xf16>
    return %0 : tensor<1x4x1x8xf16>
  }
  func.func @main(%x: tensor<1x4x1x8xf16> {mil.name = "x"}) -> (tensor<1x4x1x8xf16> {mil.name = "a"}, tensor<1x4x1x8xf16> {mil.name = "b"}) {
    %0 = func.call @scale(%x) : (tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
    %1 = func.call @relu(%0) : (tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
    %2 = func.call @scale(%1) : (tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
    return %0, %2 : tensor<1x4x1x8xf16>, tensor<1x4x1x8xf16>
  }
}
)mlir",
                                                   ctx.get());
  ASSERT_TRUE(module);
  auto ane = fakeBackend();
  ASSERT_TRUE(ane);
  expectSameAsCpu(*ane, "main");
  auto dev = ane->compile(*module, "main");
  ASSERT_TRUE(bool(dev)) << llvm::toString(dev.takeError());
  KernelStats st = (*dev)->stats();
  EXPECT_EQ(st.programs, 2);    // @scale once, @relu
  EXPECT_EQ(st.dispatches, 3);  // three calls per eval
  EXPECT_EQ(st.weightBytes, 8); // @scale's 4 fp16 weights, counted once
  setInputs(**dev);
  ASSERT_FALSE((*dev)->eval());
  EXPECT_TRUE((*dev)->stats().deviceTime);
  EXPECT_GT((*dev)->stats().lastMs, 0);
}

TEST_F(ANEBackendTest, RecordsTheCallSequenceAndCleansUp) {
  {
    ANEBackendOptions options;
    options.device.qos = 9;
    auto ane = fakeBackend(options);
    ASSERT_TRUE(ane);
    auto k = compileWithInputs(*ane, "main");
    ASSERT_TRUE(k);
    ASSERT_FALSE(k->eval());
    ASSERT_FALSE(k->eval());
    KernelStats st = k->stats();
    EXPECT_EQ(st.evals, 2);
    EXPECT_TRUE(st.deviceTime);
    EXPECT_GT(st.lastMs, 0);
    EXPECT_GE(st.totalMs, st.lastMs);
    EXPECT_TRUE(trace.empty()) << "the trace prints when the fake is freed";
  }
  // x is 4*2*3 fp16 = 48 bytes, y 6*2*3 = 72 bytes.
  EXPECT_EQ(trace,
            "fake: +[_ANEInMemoryModelDescriptor "
            "modelWithMILText:weights:optionsPlist:]\n"
            "fake: +[_ANEInMemoryModel inMemoryModelWithDescriptor:]\n"
            "fake: -[_ANEInMemoryModel hexStringIdentifier]\n"
            "fake: NSTemporaryDirectory\n"
            "fake: -[_ANEInMemoryModel compileWithQoS:options:error:] qos=9\n"
            "fake: fake.compile\n"
            "fake: -[_ANEInMemoryModel loadWithQoS:options:error:] qos=9\n"
            "fake: IOSurfaceCreate 48\n"
            "fake: +[_ANEIOSurfaceObject objectWithIOSurface:]\n"
            "fake: IOSurfaceCreate 72\n"
            "fake: +[_ANEIOSurfaceObject objectWithIOSurface:]\n"
            "fake: +[_ANEPerformanceStats statsWithHardwareExecutionNS:]\n"
            "fake: +[_ANERequest requestWithInputs:inputIndices:outputs:"
            "outputIndices:weightsBuffer:perfStats:procedureIndex:]\n"
            "fake: -[_ANEInMemoryModel evaluateWithQoS:options:request:error:] "
            "qos=9\n"
            "fake: fake.evaluate inputs=1 outputs=1\n"
            "fake: -[_ANEInMemoryModel evaluateWithQoS:options:request:error:] "
            "qos=9\n"
            "fake: fake.evaluate inputs=1 outputs=1\n"
            "fake: -[_ANEInMemoryModel unloadWithQoS:error:] qos=9\n");
}

TEST_F(ANEBackendTest, WallTimeWithoutPerfStats) {
  ANEBackendOptions options;
  options.fake.providePerfStats = false;
  auto ane = fakeBackend(options);
  ASSERT_TRUE(ane);
  auto k = compileWithInputs(*ane, "main");
  ASSERT_TRUE(k);
  ASSERT_FALSE(k->eval());
  EXPECT_FALSE(k->stats().deviceTime);
  EXPECT_GT(k->stats().lastMs, 0);
}

TEST_F(ANEBackendTest, SeveralInputsRejectedWith0x1dOrBoundInOrder) {
  {
    auto ane = fakeBackend(); // The fake rejects multi-input requests.
    ASSERT_TRUE(ane);
    auto k = compileWithInputs(*ane, "twice");
    ASSERT_TRUE(k);
    std::string err = errorText(k->eval());
    EXPECT_NE(err.find("status 0x1d"), std::string::npos) << err;
    EXPECT_NE(err.find("pack them into one with ane-opt -mil-pack-inputs"),
              std::string::npos)
        << err;
  }
  ANEBackendOptions options;
  options.fake.rejectMultiInput = false;
  auto ane = fakeBackend(options);
  ASSERT_TRUE(ane);
  // A non-main entry is exported alone as `main`; fp32 I/O.
  expectSameAsCpu(*ane, "twice");
}

TEST_F(ANEBackendTest, CompileBudgetExhaustionSaysToRestart) {
  CompileBudget::setLimit(1);
  auto ane = fakeBackend();
  ASSERT_TRUE(ane);
  auto first = ane->compile(*module, "main");
  ASSERT_TRUE(bool(first)) << llvm::toString(first.takeError());
  std::string err = errorText(ane->compile(*module, "main"));
  EXPECT_NE(err.find("ANE compile budget exhausted: 1 compiles in this "
                     "process (limit 1;"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("Save your state and restart the process"),
            std::string::npos)
      << err;
}

TEST_F(ANEBackendTest, CompileFailureIsTheNSErrorDescription) {
  ANEBackendOptions options;
  options.fake.compile =
      [](llvm::StringRef, const WeightFiles &) -> llvm::Expected<FakeProgram> {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "tile is not supported");
  };
  auto ane = fakeBackend(options);
  ASSERT_TRUE(ane);
  EXPECT_EQ(errorText(ane->compile(*module, "main")),
            "ANE compile failed: Error Domain=com.apple.appleneuralengine "
            "Code=3 \"InvalidMILProgram: tile is not supported\"");
}

TEST_F(ANEBackendTest, UnusableProgramsAndInputs) {
  auto ane = fakeBackend();
  ASSERT_TRUE(ane);
  EXPECT_EQ(errorText(ane->compile(*module, "nope")),
            "no function @nope in the program");
  EXPECT_EQ(errorText(ane->compile(*module, "ints")),
            "the ANE backend needs fp16 or fp32 I/O tensors of rank <= 4 "
            "([1,C,1,S]); input 'arg0' is int32 4");
  auto k = ane->compile(*module, "main");
  ASSERT_TRUE(bool(k)) << llvm::toString(k.takeError());
  Tensor wrong(DType::F32, {1, 4, 2, 3});
  EXPECT_EQ(errorText((*k)->setInput(0, wrong)),
            "input 'x' expects fp16 1x4x2x3, got fp32 1x4x2x3");
  EXPECT_EQ(errorText((*k)->setInput(1, wrong)), "input index 1 out of range");
}

TEST_F(ANEBackendTest, PlatformsAndRegistration) {
  ANEBackendOptions bad;
  bad.platform = "metal";
  EXPECT_EQ(errorText(createANEBackend(bad)),
            "unknown ANE platform 'metal' (expected system or fake)");
#ifndef __APPLE__
  std::string err = errorText(createANEBackend(ANEBackendOptions()));
  EXPECT_EQ(err.rfind("ANE backend unavailable: ", 0), 0u) << err;
#endif
  ANEBackendOptions fake;
  fake.platform = "fake";
  registerANEBackend(fake);
  auto backend = createBackend("ane");
  ASSERT_TRUE(bool(backend)) << llvm::toString(backend.takeError());
  EXPECT_EQ((*backend)->name(), "ane");
  expectSameAsCpu(**backend, "main");
}

/// The fake platform's interpreter programs: what it cannot import, and
/// requests that do not fit the program.
TEST(InterpreterProgramTest, CompileAndRequestErrors) {
  FakeCompileFn compile = interpreterFakeCompile();
  std::string err = errorText(compile("not a MIL program", {}));
  EXPECT_EQ(err.rfind("MIL import failed: ", 0), 0u) << err;
  auto program = [](llvm::StringRef fn) {
    return "program(1.3)\n{\n    func " + fn.str() +
           "<ios18>(tensor<fp32, [1, 2, 1, 2]> x) {\n"
           "            tensor<fp32, [1, 2, 1, 2]> y = relu(x = x)"
           "[name = string(\"y\")];\n        } -> (y);\n}\n";
  };
  EXPECT_EQ(errorText(compile(program("other"), {})),
            "the MIL program has no function main");
  // Weight files that cannot be written into the model directory: below a
  // weight file.
  WeightFiles below = {{"@model_path/w", {1}}, {"@model_path/w/a.bin", {2}}};
  err = errorText(compile(program("main"), below));
  EXPECT_EQ(err.rfind("cannot write ", 0), 0u) << err;
  EXPECT_NE(err.find("/w/a.bin: "), std::string::npos) << err;
  below = {{"@model_path/w", {1}}, {"@model_path/w/d/a.bin", {2}}};
  err = errorText(compile(program("main"), below));
  EXPECT_EQ(err.rfind("cannot create directory for ", 0), 0u) << err;
  EXPECT_NE(err.find("/w/d/a.bin: "), std::string::npos) << err;
  auto relu = compile(program("main"), {});
  ASSERT_TRUE(bool(relu)) << llvm::toString(relu.takeError());
  std::vector<uint8_t> in(16), out(16), small(8);
  llvm::ArrayRef<uint8_t> ins[] = {in}, smallIns[] = {small};
  llvm::MutableArrayRef<uint8_t> outs[] = {out}, smallOuts[] = {small};
  EXPECT_EQ(errorText(relu->evaluate({}, outs)),
            "request has 0 inputs and 1 outputs; the program has 1 and 1");
  EXPECT_EQ(errorText(relu->evaluate(smallIns, outs)),
            "input surface 0 holds 8 bytes; input 'x' needs 16");
  EXPECT_EQ(errorText(relu->evaluate(ins, smallOuts)),
            "output surface 0 holds 8 bytes; output 'y' needs 16");
  EXPECT_FALSE(bool(relu->evaluate(ins, outs)));
}

} // namespace
