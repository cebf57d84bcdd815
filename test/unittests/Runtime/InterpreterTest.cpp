//===- InterpreterTest.cpp - Preparing and evaluating mil functions -----===//
//
// Buffer lifetimes (peak ≈ live values), reuse across evals, diagnostics for
// unsupported ops, input checking, the Backend registry, and the observer
// hook.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Interpreter.h"
#include "DialectTest.h"
#include "ane/InitAll.h"
#include "ane/Runtime/Backend.h"
#include "ane/Runtime/Half.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/StringSet.h"

#include <gtest/gtest.h>

using namespace ane::runtime;

namespace {

using InterpreterTest = ane::test::DialectTest;

/// A chain of `n` fp16 adds on [1, 256, 1, 1024] (512 KiB each).
std::string chain(int n) {
  std::string s = "func.func @main(%x: tensor<1x256x1x1024xf16>) -> "
                  "tensor<1x256x1x1024xf16> {\n  %v0 = mil.add %x, %x : "
                  "(tensor<1x256x1x1024xf16>, tensor<1x256x1x1024xf16>) -> "
                  "tensor<1x256x1x1024xf16>\n";
  for (int i = 1; i < n; ++i)
    s += "  %v" + std::to_string(i) + " = mil.add %v" + std::to_string(i - 1) +
         ", %x : (tensor<1x256x1x1024xf16>, tensor<1x256x1x1024xf16>) -> "
         "tensor<1x256x1x1024xf16>\n";
  s += "  return %v" + std::to_string(n - 1) +
       " : tensor<1x256x1x1024xf16>\n}\n";
  return s;
}

TEST_F(InterpreterTest, PeakMemoryIsLiveValuesNotAllValues) {
  auto module = parse(chain(40));
  ASSERT_TRUE(module);
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_TRUE(bool(kernel)) << llvm::toString(kernel.takeError());
  Tensor x(DType::F16, {1, 256, 1, 1024});
  for (int64_t i = 0; i < x.numElements(); ++i)
    x.data<uint16_t>()[i] = floatToHalf(0.001f * (i % 7));
  ASSERT_FALSE(bool((*kernel)->setInput(0, x)));
  ASSERT_FALSE(bool((*kernel)->eval()));
  size_t value = 256 * 1024 * 2;
  size_t peak = (*kernel)->stats().peakBytes;
  // 40 values of 512 KiB; at most two are ever live at once.
  EXPECT_LE(peak, 2 * value + 128);
  // x * 41 (x added to itself, then 39 more times), in fp16 steps.
  float expect = 0.f, xv = halfToFloat(floatToHalf(0.006f));
  expect = roundToHalf(xv + xv);
  for (int i = 1; i < 40; ++i)
    expect = roundToHalf(expect + xv);
  EXPECT_EQ((*kernel)->output(0).getAsFloat(6), expect);
  // A second eval reuses the same buffers.
  ASSERT_FALSE(bool((*kernel)->eval()));
  EXPECT_EQ((*kernel)->stats().peakBytes, peak);
  EXPECT_EQ((*kernel)->output(0).getAsFloat(6), expect);
  EXPECT_EQ((*kernel)->stats().evals, 2);
}

TEST_F(InterpreterTest, UnsupportedOpIsDiagnosedAtItsLocation) {
  auto module = parse(R"mlir(
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> { return %x : tensor<4xf32> }
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %f = func.constant @f : (tensor<4xf32>) -> tensor<4xf32>
  %0 = func.call_indirect %f(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
})mlir");
  ASSERT_TRUE(module);
  std::string diag;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    diag = d.str();
    return mlir::success();
  });
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_FALSE(bool(kernel));
  llvm::consumeError(kernel.takeError());
  EXPECT_EQ(diag, "unsupported op 'func.call_indirect'");
}

TEST_F(InterpreterTest, CalleesArePreparedOnceAndRunPerCall) {
  auto module = parse(R"mlir(
func.func @twice(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = mil.add %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = func.call @twice(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = func.call @twice(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
})mlir");
  ASSERT_TRUE(module);
  auto interp =
      Interpreter::create(module->lookupSymbol<mlir::func::FuncOp>("main"));
  ASSERT_TRUE(bool(interp)) << llvm::toString(interp.takeError());
  Tensor x(DType::F32, {4});
  for (int i = 0; i < 4; ++i)
    x.data<float>()[i] = 0.5f * i;
  int observed = 0;
  (*interp)->setObserver([&](mlir::Value, const Tensor &) { ++observed; });
  ASSERT_FALSE(bool((*interp)->setInput(0, x)));
  for (int eval = 0; eval < 2; ++eval) {
    ASSERT_FALSE(bool((*interp)->eval()));
    for (int i = 0; i < 4; ++i) {
      EXPECT_EQ((*interp)->output(0).data<float>()[i], 1.0f * i);
      EXPECT_EQ((*interp)->output(1).data<float>()[i], 2.0f * i);
    }
  }
  // Per eval: two calls and the add inside each.
  EXPECT_EQ(observed, 8);
  EXPECT_EQ((*interp)->stats().numSteps, 4);
}

TEST_F(InterpreterTest, RecursiveCallsAreRejected) {
  auto module = parse(R"mlir(
func.func @a(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = func.call @b(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @b(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = func.call @a(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = func.call @a(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
})mlir");
  ASSERT_TRUE(module);
  std::vector<std::string> diags;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    diags.push_back(d.str());
    return mlir::success();
  });
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_FALSE(bool(kernel));
  llvm::consumeError(kernel.takeError());
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags.front(), "interpreter: recursive call (@main -> @a -> @b -> "
                           "@a) is not supported");
}

TEST_F(InterpreterTest, DynamicShapesAreRejected) {
  auto module = parse(R"mlir(
func.func @main(%x: tensor<?xf32>) -> tensor<?xf32> { return %x : tensor<?xf32> })mlir");
  ASSERT_TRUE(module);
  std::string diag;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    diag = d.str();
    return mlir::success();
  });
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_FALSE(bool(kernel));
  llvm::consumeError(kernel.takeError());
  EXPECT_NE(diag.find("dynamic shape"), std::string::npos);
}

TEST_F(InterpreterTest, InputsAreCheckedAndNamed) {
  auto module = parse(R"mlir(
func.func @main(%a: tensor<2xf32> {mil.name = "a"}, %b: tensor<2xi32>) -> (tensor<2xf32> {mil.name = "y"}) {
  %0 = mil.add %a, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
})mlir");
  ASSERT_TRUE(module);
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_TRUE(bool(kernel));
  EXPECT_EQ((*kernel)->inputs()[0].name, "a");
  EXPECT_EQ((*kernel)->inputs()[1].name, "arg1");
  EXPECT_EQ((*kernel)->outputs()[0].name, "y");
  Tensor wrong(DType::F16, {2});
  llvm::Error err = (*kernel)->setInput(0, wrong);
  ASSERT_TRUE(bool(err));
  EXPECT_EQ(llvm::toString(std::move(err)),
            "input 'a' expects fp32 2, got fp16 2");
}

TEST_F(InterpreterTest, NamesComeFromNameLocsOfImportedPrograms) {
  auto module = parse(R"mlir(
func.func @main(%a: tensor<2xf32> loc("x_in")) -> tensor<2xf32> {
  %0 = mil.add %a, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32> loc("y_out")
  return %0 : tensor<2xf32>
})mlir");
  ASSERT_TRUE(module);
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_TRUE(bool(kernel));
  EXPECT_EQ((*kernel)->inputs()[0].name, "x_in");
  EXPECT_EQ((*kernel)->outputs()[0].name, "y_out");
}

TEST_F(InterpreterTest, DenseResourceWeightsAreRead) {
  auto module = parse(R"mlir(
func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
  %w = mil.const {val = dense_resource<w0> : tensor<2xf32>} : tensor<2xf32>
  %0 = mil.mul %x, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w0: "0x040000000000803F00000040"
    }
  }
#-})mlir");
  ASSERT_TRUE(module);
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_TRUE(bool(kernel)) << llvm::toString(kernel.takeError());
  Tensor x(DType::F32, {2});
  x.data<float>()[0] = 3.f;
  x.data<float>()[1] = 5.f;
  ASSERT_FALSE(bool((*kernel)->setInput(0, x)));
  ASSERT_FALSE(bool((*kernel)->eval()));
  EXPECT_EQ((*kernel)->output(0).data<float>()[0], 3.f);
  EXPECT_EQ((*kernel)->output(0).data<float>()[1], 10.f);
  EXPECT_EQ((*kernel)->stats().weightBytes, 8);
}

TEST_F(InterpreterTest, UnloadedBlobFilesAreReported) {
  auto module = parse(R"mlir(
func.func @main() -> tensor<4xf16> {
  %w = mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>} : tensor<4xf16>
  return %w : tensor<4xf16>
})mlir");
  ASSERT_TRUE(module);
  std::string diag;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    diag = d.str();
    return mlir::success();
  });
  auto kernel = createCpuBackend()->compile(*module, "main");
  ASSERT_FALSE(bool(kernel));
  llvm::consumeError(kernel.takeError());
  EXPECT_NE(diag.find("'@model_path/weights/weight.bin' at offset 64 was not "
                      "loaded"),
            std::string::npos)
      << diag;
}

TEST(BackendRegistry, AneIsUnavailableUntilRegistered) {
  auto ane = createBackend("ane");
  ASSERT_FALSE(bool(ane));
  EXPECT_NE(llvm::toString(ane.takeError()).find("ANE backend unavailable"),
            std::string::npos);
  auto unknown = createBackend("tpu");
  ASSERT_FALSE(bool(unknown));
  EXPECT_NE(llvm::toString(unknown.takeError()).find("unknown backend"),
            std::string::npos);
  registerBackend("test", [] { return createBackend("cpu"); });
  auto test = createBackend("test");
  ASSERT_TRUE(bool(test));
  EXPECT_EQ((*test)->name(), "cpu");
}

} // namespace

namespace {

/// Every op of the mil dialect has an evaluator, except those listed here
/// (each with the reason).
TEST(InterpreterCoverage, EveryMilOpHasAnEvaluator) {
  const llvm::StringSet<> unsupported = {};
  mlir::DialectRegistry registry;
  ane::registerAllDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  int count = 0;
  for (mlir::RegisteredOperationName op : ctx.getRegisteredOperations()) {
    if (op.getDialectNamespace() != "mil")
      continue;
    ++count;
    std::string name = op.getStringRef().str();
    if (unsupported.contains(name))
      EXPECT_FALSE(isSupportedOp(name)) << name << " is now supported";
    else
      EXPECT_TRUE(isSupportedOp(name)) << "no evaluator for " << name;
  }
  EXPECT_GE(count, 4);
}

TEST_F(InterpreterTest, ObserverSeesEveryOpResultAsStored) {
  auto module = parse(R"(
    func.func @main(%x: tensor<2xf32>) -> tensor<2xf16> {
      %c = mil.const {val = dense<3.0> : tensor<2xf32>} : tensor<2xf32>
      %a = mil.mul %x, %c : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
      %h = mil.cast %a {dtype = "fp16"} : (tensor<2xf32>) -> tensor<2xf16>
      return %h : tensor<2xf16>
    })");
  ASSERT_TRUE(module);
  auto fn = *module->getOps<mlir::func::FuncOp>().begin();
  auto interp = Interpreter::create(fn);
  ASSERT_TRUE(bool(interp)) << llvm::toString(interp.takeError());
  std::vector<std::pair<std::string, std::vector<float>>> seen;
  (*interp)->setObserver([&](mlir::Value v, const Tensor &t) {
    std::vector<float> values;
    for (int64_t i = 0; i < t.numElements(); ++i)
      values.push_back(t.getAsFloat(i));
    seen.push_back({v.getDefiningOp()->getName().getStringRef().str(), values});
  });
  Tensor x(DType::F32, {2});
  x.data<float>()[0] = 0.1f;
  x.data<float>()[1] = -2.f;
  ASSERT_FALSE(bool((*interp)->setInput(0, x)));
  ASSERT_FALSE(bool((*interp)->eval()));
  // Constants are not steps; mul and cast are, in order, the cast's result
  // already rounded to fp16.
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].first, "mil.mul");
  EXPECT_EQ(seen[0].second, (std::vector<float>{0.1f * 3.f, -6.f}));
  EXPECT_EQ(seen[1].first, "mil.cast");
  EXPECT_EQ(seen[1].second,
            (std::vector<float>{roundToHalf(0.1f * 3.f), -6.f}));
  // Removing the observer stops the calls.
  (*interp)->setObserver(nullptr);
  ASSERT_FALSE(bool((*interp)->eval()));
  EXPECT_EQ(seen.size(), 2u);
}

} // namespace
