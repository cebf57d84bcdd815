//===- MILTextBench.cpp - MIL text import/export vs MLIR's own parser -----===//
//
// Times importing and exporting a large MIL program (a 128-layer,
// 512-channel 1x1 conv stack in the public ANE benchmark form, BLOBFILE
// weights kept symbolic) side by side with MLIR's own parser and printer on
// the same module as .mlir text, and prints the ratios.
//
//   ane-bench-mil-text [--layers=N] [--channels=C] [benchmark flags]
//
//===----------------------------------------------------------------------===//

#include "ane/InitAll.h"
#include "ane/Target/MIL/MILEmitter.h"
#include "ane/Target/MIL/MILImporter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <string>

using namespace mlir;

namespace {

int numLayers = 128;
int numChannels = 512;

/// The program the public ANE benchmarks generate (inmem_peak.m): shared
/// conv parameter consts, one BLOBFILE weight and one conv per layer.
std::string convStackMIL(int layers, int channels) {
  std::string s;
  llvm::raw_string_ostream os(s);
  std::string act =
      "tensor<fp16, [1, " + std::to_string(channels) + ", 1, 64]>";
  std::string w = "tensor<fp16, [" + std::to_string(channels) + ", " +
                  std::to_string(channels) + ", 1, 1]>";
  os << "program(1.3)\n[buildInfo = dict<string, string>({{\"coremlc-"
        "component-MIL\", \"3510.2.1\"}, {\"coremlc-version\", "
        "\"3505.4.1\"}})]\n{\n    func main<ios18>("
     << act << " x) {\n";
  const char *ind = "            ";
  os << ind << "string c_pad_type = const()[name = string(\"c_pad_type\"), "
     << "val = string(\"valid\")];\n"
     << ind << "tensor<int32, [2]> c_strides = const()[name = "
     << "string(\"c_strides\"), val = tensor<int32, [2]>([1, 1])];\n"
     << ind << "tensor<int32, [4]> c_pad = const()[name = string(\"c_pad\"), "
     << "val = tensor<int32, [4]>([0, 0, 0, 0])];\n"
     << ind << "tensor<int32, [2]> c_dilations = const()[name = "
     << "string(\"c_dilations\"), val = tensor<int32, [2]>([1, 1])];\n"
     << ind << "int32 c_groups = const()[name = string(\"c_groups\"), val = "
     << "int32(1)];\n";
  uint64_t blob = 64 + uint64_t(channels) * channels * 2;
  std::string prev = "x";
  for (int i = 0; i < layers; ++i) {
    std::string wi = "W" + std::to_string(i), ci = "c" + std::to_string(i);
    os << ind << w << " " << wi << " = const()[name = string(\"" << wi
       << "\"), val = " << w
       << "(BLOBFILE(path = string(\"@model_path/weights/weight.bin\"), "
       << "offset = uint64(" << 64 + i * blob << ")))];\n";
    os << ind << act << " " << ci
       << " = conv(dilations = c_dilations, groups = c_groups, pad = c_pad, "
       << "pad_type = c_pad_type, strides = c_strides, weight = " << wi
       << ", x = " << prev << ")[name = string(\"" << ci << "\")];\n";
    prev = ci;
  }
  os << "        } -> (" << prev << ");\n}\n";
  return s;
}

struct Fixture {
  DialectRegistry registry;
  std::unique_ptr<MLIRContext> context;
  std::string milText, mlirText;
  OwningOpRef<ModuleOp> module;
  ane::mil::MILImportOptions importOptions;

  Fixture() {
    ane::registerAllDialects(registry);
    context = std::make_unique<MLIRContext>(registry);
    context->loadAllAvailableDialects();
    importOptions.symbolicWeights = true;
    milText = convStackMIL(numLayers, numChannels);
    module = importMIL();
    if (!module) {
      llvm::errs() << "benchmark program failed to import\n";
      std::exit(1);
    }
    llvm::raw_string_ostream os(mlirText);
    module->print(os);
  }
  OwningOpRef<ModuleOp> importMIL() {
    llvm::SourceMgr sm;
    sm.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBuffer(milText, "model.mil", false),
        llvm::SMLoc());
    return ane::mil::importMILText(sm, context.get(), importOptions);
  }
};

Fixture &fixture() {
  static Fixture f;
  return f;
}

/// The training-kernel style fixtures of the lit tests (weights symbolic),
/// imported one after the other.
struct Kernels {
  std::vector<std::string> milTexts, mlirTexts;
  Kernels() {
    Fixture &f = fixture();
    // Fixtures whose ops the dialect lacks are skipped (and counted).
    ScopedDiagnosticHandler quiet(f.context.get(),
                                  [](Diagnostic &) { return success(); });
    for (const char *name :
         {"w8a8", "dyn_matmul", "sdpa", "ffn", "conv_stack"}) {
      auto buffer = llvm::MemoryBuffer::getFile(
          std::string(ANE_MIL_FIXTURES_DIR) + "/" + name + "/model.mil");
      if (!buffer)
        continue;
      llvm::SourceMgr sm;
      sm.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
      auto module =
          ane::mil::importMILText(sm, f.context.get(), f.importOptions);
      if (!module)
        continue;
      milTexts.push_back(
          sm.getMemoryBuffer(sm.getMainFileID())->getBuffer().str());
      std::string text;
      llvm::raw_string_ostream os(text);
      module->print(os);
      mlirTexts.push_back(text);
    }
  }
};

Kernels &kernels() {
  static Kernels k;
  return k;
}

void BM_ImportKernelsMIL(benchmark::State &state) {
  Fixture &f = fixture();
  Kernels &k = kernels();
  for (auto _ : state)
    for (const std::string &text : k.milTexts) {
      llvm::SourceMgr sm;
      sm.AddNewSourceBuffer(
          llvm::MemoryBuffer::getMemBuffer(text, "model.mil", false),
          llvm::SMLoc());
      auto m = ane::mil::importMILText(sm, f.context.get(), f.importOptions);
      benchmark::DoNotOptimize(m.get());
    }
}

void BM_ParseKernelsMLIR(benchmark::State &state) {
  Fixture &f = fixture();
  Kernels &k = kernels();
  for (auto _ : state)
    for (const std::string &text : k.mlirTexts) {
      auto m = parseSourceString<ModuleOp>(text, f.context.get());
      benchmark::DoNotOptimize(m.get());
    }
}

void BM_ImportMILText(benchmark::State &state) {
  Fixture &f = fixture();
  for (auto _ : state) {
    auto m = f.importMIL();
    benchmark::DoNotOptimize(m.get());
  }
  state.SetBytesProcessed(state.iterations() * f.milText.size());
}

void BM_ParseMLIR(benchmark::State &state) {
  Fixture &f = fixture();
  for (auto _ : state) {
    auto m = parseSourceString<ModuleOp>(f.mlirText, f.context.get());
    benchmark::DoNotOptimize(m.get());
  }
  state.SetBytesProcessed(state.iterations() * f.mlirText.size());
}

void BM_ExportMILText(benchmark::State &state) {
  Fixture &f = fixture();
  for (auto _ : state) {
    ane::mil::MILProgram program;
    if (failed(ane::mil::exportMILProgram(*f.module, program)))
      state.SkipWithError("export failed");
    benchmark::DoNotOptimize(program.text.data());
  }
}

void BM_PrintMLIR(benchmark::State &state) {
  Fixture &f = fixture();
  for (auto _ : state) {
    std::string s;
    llvm::raw_string_ostream os(s);
    f.module->print(os);
    benchmark::DoNotOptimize(s.data());
  }
}

BENCHMARK(BM_ImportMILText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMLIR)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportMILText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PrintMLIR)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportKernelsMIL)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseKernelsMLIR)->Unit(benchmark::kMicrosecond);

/// Console output plus the per-iteration times, for the ratio table.
class RatioReporter : public benchmark::ConsoleReporter {
public:
  std::map<std::string, double> seconds;
  void ReportRuns(const std::vector<Run> &runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run &r : runs)
      if (r.run_type == Run::RT_Iteration && r.iterations)
        seconds[r.benchmark_name()] =
            r.real_accumulated_time / double(r.iterations);
  }
};

} // namespace

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strncmp(argv[i], "--layers=", 9))
      numLayers = std::atoi(argv[i] + 9);
    else if (!std::strncmp(argv[i], "--channels=", 11))
      numChannels = std::atoi(argv[i] + 11);
  }
  benchmark::Initialize(&argc, argv);
  Fixture &f = fixture();
  llvm::outs() << "program: " << numLayers << "-layer " << numChannels
               << "-channel 1x1 conv stack, " << f.milText.size()
               << " bytes of MIL text, " << f.mlirText.size()
               << " bytes of .mlir\n";
  llvm::outs().flush();
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  auto ratio = [&](const char *a, const char *b) {
    if (!reporter.seconds.count(a) || !reporter.seconds.count(b))
      return;
    llvm::outs() << llvm::format(
        "%-18s / %-14s = %.2fx  (%.3f ms vs %.3f ms)\n", a, b,
        reporter.seconds[a] / reporter.seconds[b], reporter.seconds[a] * 1e3,
        reporter.seconds[b] * 1e3);
  };
  ratio("BM_ImportMILText", "BM_ParseMLIR");
  ratio("BM_ExportMILText", "BM_PrintMLIR");
  llvm::outs() << "training-kernel fixtures: " << kernels().milTexts.size()
               << " programs\n";
  ratio("BM_ImportKernelsMIL", "BM_ParseKernelsMLIR");
  benchmark::Shutdown();
  return 0;
}
