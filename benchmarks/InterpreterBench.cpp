//===- InterpreterBench.cpp - Interpreter throughput vs OpenBLAS sgemm --===//
//
// Two programs built in C++ as mil modules and run through the cpu backend:
//  * the seed report's conv stack: 128 layers of 1x1 conv, 512 channels,
//    spatial 64, fp16 (GEMM 512x512x64 per layer);
//  * a training FFN kernel: x[256, 768] -> matmul W1[768, 2048] -> relu ->
//    matmul W2[2048, 768], fp16.
// Next to each, cblas_sgemm runs exactly the same GEMM shapes on fp32
// buffers in the same process. The summary prints interpreter GFLOP/s over
// sgemm GFLOP/s (goal: >= 0.7).
//
//===----------------------------------------------------------------------===//

#include "ane/InitAll.h"
#include "ane/Runtime/Backend.h"
#include "ane/Runtime/Half.h"
#include "ane/Runtime/Kernels.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <random>

using namespace mlir;
using namespace ane::runtime;

namespace {

struct Gemm {
  int64_t M, N, K;
};

MLIRContext &context() {
  static MLIRContext *ctx = [] {
    DialectRegistry registry;
    ane::registerAllDialects(registry);
    auto *c = new MLIRContext(registry);
    c->loadAllAvailableDialects();
    return c;
  }();
  return *ctx;
}

/// A random fp16 constant of `shape` scaled to keep activations O(1).
Value constant(OpBuilder &b, ArrayRef<int64_t> shape, float scale,
               std::mt19937 &gen) {
  auto type = RankedTensorType::get(shape, b.getF16Type());
  std::normal_distribution<float> dist(0.f, scale);
  std::vector<uint16_t> data(type.getNumElements());
  for (uint16_t &h : data)
    h = floatToHalf(dist(gen));
  auto attr = DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(reinterpret_cast<const char *>(data.data()),
                           data.size() * 2));
  OperationState st(b.getUnknownLoc(), "mil.const");
  st.addAttribute("val", attr);
  st.addTypes(type);
  return b.create(st)->getResult(0);
}

Value op(OpBuilder &b, StringRef name, ValueRange operands, Type result,
         ArrayRef<NamedAttribute> attrs = {}) {
  OperationState st(b.getUnknownLoc(), name);
  st.addOperands(operands);
  st.addTypes(result);
  st.addAttributes(attrs);
  return b.create(st)->getResult(0);
}

/// The conv stack: `layers` x conv(1x1, channels) on [1, C, 1, S].
OwningOpRef<ModuleOp> buildConvStack(int layers, int64_t channels,
                                     int64_t spatial) {
  OpBuilder b(&context());
  OwningOpRef<ModuleOp> module = ModuleOp::create(b.getUnknownLoc());
  b.setInsertionPointToEnd(module->getBody());
  auto act = RankedTensorType::get({1, channels, 1, spatial}, b.getF16Type());
  auto fn = func::FuncOp::create(b, b.getUnknownLoc(), "main",
                                 b.getFunctionType({act}, {act}));
  b.setInsertionPointToStart(fn.addEntryBlock());
  std::mt19937 gen(1);
  Value v = fn.getArgument(0);
  float scale = 1.f / std::sqrt(float(channels));
  for (int i = 0; i < layers; ++i) {
    Value w = constant(b, {channels, channels, 1, 1}, scale, gen);
    v = op(b, "mil.conv", {v, w}, act,
           {b.getNamedAttr("pad_type", b.getStringAttr("valid"))});
  }
  func::ReturnOp::create(b, b.getUnknownLoc(), v);
  return module;
}

/// FFN: relu(x @ W1) @ W2 with x [S, D], W1 [D, H], W2 [H, D].
OwningOpRef<ModuleOp> buildFFN(int64_t S, int64_t D, int64_t H) {
  OpBuilder b(&context());
  OwningOpRef<ModuleOp> module = ModuleOp::create(b.getUnknownLoc());
  b.setInsertionPointToEnd(module->getBody());
  auto xt = RankedTensorType::get({S, D}, b.getF16Type());
  auto ht = RankedTensorType::get({S, H}, b.getF16Type());
  auto fn = func::FuncOp::create(b, b.getUnknownLoc(), "main",
                                 b.getFunctionType({xt}, {xt}));
  b.setInsertionPointToStart(fn.addEntryBlock());
  std::mt19937 gen(2);
  Value w1 = constant(b, {D, H}, 1.f / std::sqrt(float(D)), gen);
  Value w2 = constant(b, {H, D}, 1.f / std::sqrt(float(H)), gen);
  Value h = op(b, "mil.matmul", {fn.getArgument(0), w1}, ht);
  h = op(b, "mil.relu", {h}, ht);
  Value y = op(b, "mil.matmul", {h, w2}, xt);
  func::ReturnOp::create(b, b.getUnknownLoc(), y);
  return module;
}

struct Program {
  std::unique_ptr<Kernel> kernel;
  std::vector<Gemm> gemms;
  std::string error;
};

Program compile(OwningOpRef<ModuleOp> module, std::vector<Gemm> gemms) {
  Program p;
  p.gemms = std::move(gemms);
  if (failed(verify(*module))) {
    p.error = "module does not verify (are the mil ops built?)";
    return p;
  }
  auto kernel = createCpuBackend()->compile(*module, "main");
  if (!kernel) {
    p.error = llvm::toString(kernel.takeError());
    return p;
  }
  p.kernel = std::move(*kernel);
  const TensorSpec &in = p.kernel->inputs()[0];
  Tensor x(in.dtype, in.shape);
  std::mt19937 gen(3);
  std::uniform_real_distribution<float> dist(-1.f, 1.f);
  for (int64_t i = 0; i < x.numElements(); ++i)
    x.data<uint16_t>()[i] = floatToHalf(dist(gen));
  llvm::consumeError(p.kernel->setInput(0, x));
  return p;
}

Program &convStack() {
  static Program p = compile(buildConvStack(128, 512, 64),
                             std::vector<Gemm>(128, Gemm{512, 64, 512}));
  return p;
}

Program &ffn() {
  static Program p = compile(buildFFN(256, 768, 2048),
                             {Gemm{256, 2048, 768}, Gemm{256, 768, 2048}});
  return p;
}

int64_t flopsOf(const std::vector<Gemm> &gemms) {
  int64_t f = 0;
  for (const Gemm &g : gemms)
    f += 2 * g.M * g.N * g.K;
  return f;
}

void runInterpreter(benchmark::State &state, Program &p) {
  if (!p.kernel) {
    state.SkipWithError(p.error.c_str());
    return;
  }
  for (auto _ : state)
    if (llvm::Error err = p.kernel->eval()) {
      state.SkipWithError(llvm::toString(std::move(err)).c_str());
      return;
    }
  state.counters["GFLOPS"] =
      benchmark::Counter(double(flopsOf(p.gemms)) / 1e9,
                         benchmark::Counter::kIsIterationInvariantRate);
}

/// The same GEMMs on fp32 buffers: distinct weights per GEMM, like the
/// program, chained through two activation buffers.
void runSgemm(benchmark::State &state, const std::vector<Gemm> &gemms) {
  std::vector<std::vector<float>> weights;
  int64_t maxAct = 0;
  for (const Gemm &g : gemms) {
    weights.emplace_back(g.M * g.K, 0.01f);
    maxAct = std::max({maxAct, g.K * g.N, g.M * g.N});
  }
  std::vector<float> a(maxAct, 0.5f), c(maxAct);
  for (auto _ : state) {
    float *in = a.data(), *out = c.data();
    for (size_t i = 0; i < gemms.size(); ++i) {
      const Gemm &g = gemms[i];
      kernels::gemm(false, false, g.M, g.N, g.K, 1.f, weights[i].data(), g.K,
                    in, g.N, 0.f, out, g.N);
      std::swap(in, out);
    }
    benchmark::DoNotOptimize(in);
  }
  state.counters["GFLOPS"] =
      benchmark::Counter(double(flopsOf(gemms)) / 1e9,
                         benchmark::Counter::kIsIterationInvariantRate);
}

/// Collects GFLOPS per benchmark to print the ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter {
public:
  std::map<std::string, double> gflops;
  void ReportRuns(const std::vector<Run> &runs) override {
    for (const Run &r : runs) {
      auto it = r.counters.find("GFLOPS");
      if (it != r.counters.end() && !r.error_occurred)
        gflops[r.benchmark_name()] = it->second;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

} // namespace

BENCHMARK_CAPTURE(runInterpreter, ConvStack128x512ch_sp64, convStack())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runSgemm, ConvStack128x512ch_sp64, convStack().gemms)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runInterpreter, FFN_256x768x2048, ffn())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runSgemm, FFN_256x768x2048, ffn().gemms)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\n%-28s %14s %14s %8s\n", "program", "interp GFLOP/s",
              "sgemm GFLOP/s", "ratio");
  for (const char *name : {"ConvStack128x512ch_sp64", "FFN_256x768x2048"}) {
    auto i = reporter.gflops.find(std::string("runInterpreter/") + name +
                                  "/real_time");
    auto s =
        reporter.gflops.find(std::string("runSgemm/") + name + "/real_time");
    if (i == reporter.gflops.end() || s == reporter.gflops.end()) {
      std::printf("%-28s %14s %14s %8s\n", name, "-", "-", "n/a");
      continue;
    }
    std::printf("%-28s %14.1f %14.1f %8.2f\n", name, i->second, s->second,
                i->second / s->second);
  }
  benchmark::Shutdown();
  return 0;
}
