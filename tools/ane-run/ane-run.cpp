//===- ane-run.cpp - Run and benchmark mil programs ---------------------===//
//
//   ane-run run PROGRAM [--input NAME=FILE.npy ...] [--random-inputs]
//               [--seed N] [--output-dir DIR] [--backend cpu|ane|auto]
//   ane-run bench PROGRAM [--warmup 10] [--iters 50] [--json] [...]
//   ane-run probe [--platform system|fake] [--fake-device KEY[=V]] [--json]
//                 [PROBE...]
//
// The `ane` backend's flags (--platform, --qos, --fake-device,
// --trace-platform) are described in DeviceFlags.h.
//
// PROGRAM is a .mlir module in the mil dialect (or, with the MIL importer,
// a model.mil / program directory). Inputs and outputs are .npy files named
// after the entry function's arguments and results.
//
//===----------------------------------------------------------------------===//

#include "Compare.h"
#include "DeviceFlags.h"
#include "RandomInputs.h"

#include "ane/InitAll.h"
#include "ane/Runtime/ANE/ProbeCommand.h"
#include "ane/Runtime/Backend.h"
#include "ane/Runtime/Npy.h"
#include "ane/Runtime/PackedInput.h"
#include "ane/Runtime/ProgramLoader.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <random>

using namespace ane::runtime;
using llvm::StringRef;

namespace {

const char *kUsage =
    "usage: ane-run run PROGRAM [--input NAME=FILE.npy ...] [--random-inputs "
    "[--seed N]]\n"
    "                   [--output-dir DIR] [--backend cpu|ane|auto] "
    "[--entry FN]\n"
    "       ane-run bench PROGRAM [--warmup 10] [--iters 50] [--json] "
    "[--input ...]\n"
    "                     [--seed N] [--backend cpu|ane|auto] [--entry FN]\n"
    "       ane-run probe [--platform system|fake] [--fake-device KEY[=V]] "
    "[--json] [PROBE...]\n"
    "       ane-run compare A B [--inputs DIR | --random-inputs [--seed N]] "
    "[--json] [--max-abs-error X] [--min-cosine Y]\n"
    "ane backend: [--platform system|fake] [--qos N] [--fake-device KEY[=V]] "
    "[--trace-platform]\n"
    "PROGRAM: a .mlir module in the mil dialect, a model.mil, or a program "
    "directory.\n";

const char *kHelp =
    "\nCommands:\n"
    "  run      run PROGRAM once; outputs go to --output-dir as .npy files "
    "named\n"
    "           after the entry function's results\n"
    "  bench    time PROGRAM: weight MB, GFLOP, ms/eval, TFLOPS (--json for "
    "one line)\n"
    "  compare  run A and B on the same inputs (CPU interpreter): max/mean "
    "abs error\n"
    "           and cosine similarity per output\n"
    "  probe    the device probes (device-info, qos-sweep, weight-reload, "
    "weights-buffer,\n"
    "           procedure-index, perf-stats) as a table or --json\n"
    "Backends: cpu (the reference interpreter, any host), ane (the device "
    "through\n"
    "the private API; --platform fake runs the same protocol on any host), "
    "auto\n"
    "(ane when usable, else cpu). Docs: docs/Interpreter.md, "
    "docs/ANEBackend.md.\n";

struct Options {
  std::string command, program, outputDir, backend = "cpu", entry = "main";
  std::vector<std::pair<std::string, std::string>> inputs;
  bool randomInputs = false, json = false;
  uint64_t seed = 0;
  int64_t warmup = 10, iters = 50;
  ane::run::DeviceFlags device;
};

int fail(const llvm::Twine &msg) {
  llvm::errs() << "ane-run: error: " << msg << "\n";
  return 1;
}

/// Parses argv; returns an error message or "".
std::string parseArgs(int argc, char **argv, Options &o) {
  if (argc < 2)
    return "missing command";
  o.command = argv[1];
  if (o.command != "run" && o.command != "bench")
    return "unknown command '" + o.command +
           "' (expected run, bench, compare or probe)";
  auto intArg = [](StringRef v, int64_t &out) {
    return !v.getAsInteger(10, out) && out >= 0;
  };
  for (int i = 2; i < argc; ++i) {
    StringRef a = argv[i];
    auto value = [&](StringRef flag, std::string &out) -> bool {
      if (a.consume_front(flag)) {
        if (a.consume_front("=")) {
          out = a.str();
          return true;
        }
        if (a.empty() && i + 1 < argc) {
          out = argv[++i];
          return true;
        }
        out.clear();
        return true;
      }
      return false;
    };
    std::string v;
    if (value("--input", v)) {
      size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0)
        return "--input expects NAME=FILE.npy, got '" + v + "'";
      o.inputs.push_back({v.substr(0, eq), v.substr(eq + 1)});
    } else if (a == "--random-inputs") {
      o.randomInputs = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (value("--seed", v)) {
      int64_t s;
      if (!intArg(v, s))
        return "--seed expects a non-negative integer";
      o.seed = s;
    } else if (value("--warmup", v)) {
      if (!intArg(v, o.warmup))
        return "--warmup expects a non-negative integer";
    } else if (value("--iters", v)) {
      if (!intArg(v, o.iters) || o.iters == 0)
        return "--iters expects a positive integer";
    } else if (value("--output-dir", v)) {
      o.outputDir = v;
    } else if (value("--backend", v)) {
      o.backend = v;
      if (v != "cpu" && v != "ane" && v != "auto")
        return "--backend expects cpu, ane or auto, got '" + v + "'";
    } else if (value("--entry", v)) {
      o.entry = v;
    } else if (value("--platform", v)) {
      o.device.platform = v;
    } else if (value("--qos", v)) {
      int64_t q;
      if (!intArg(v, q) || q > 63)
        return "--qos expects an integer in 0..63";
      o.device.qos = q;
    } else if (value("--fake-device", v)) {
      o.device.fakeDevice.push_back(v);
    } else if (a == "--trace-platform") {
      o.device.tracePlatform = true;
    } else if (a.starts_with("-")) {
      return "unknown option '" + a.str() + "'";
    } else if (o.program.empty()) {
      o.program = a.str();
    } else {
      return "unexpected argument '" + a.str() + "'";
    }
  }
  if (o.program.empty())
    return "missing PROGRAM";
  return ane::run::registerANEBackendFromFlags(o.device);
}

/// Loads the program, compiles it on the chosen backend and sets inputs.
/// Returns the kernel or prints an error.
std::unique_ptr<Kernel> prepare(const Options &o, mlir::MLIRContext &ctx,
                                std::string &backendName) {
  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diag(sourceMgr, &ctx);
  auto module = loadProgram(o.program, ctx, sourceMgr);
  if (!module) {
    fail(llvm::toString(module.takeError()));
    return nullptr;
  }
  std::unique_ptr<Backend> backend;
  if (o.backend == "auto") {
    auto ane = createBackend("ane");
    if (ane) {
      backend = std::move(*ane);
    } else {
      llvm::errs() << "ane-run: note: " << llvm::toString(ane.takeError())
                   << "; falling back to the cpu backend\n";
      backend = createCpuBackend();
    }
  } else {
    auto b = createBackend(o.backend);
    if (!b) {
      fail(llvm::toString(b.takeError()));
      return nullptr;
    }
    backend = std::move(*b);
  }
  backendName = backend->name().str();
  auto kernel = backend->compile(**module, o.entry);
  if (kernel) // --input NAME=... may name the pieces of a packed input
    kernel = withOriginalInputsIfNamed(std::move(*kernel), **module, o.entry,
                                       o.inputs, llvm::errs());
  if (!kernel) {
    fail(llvm::toString(kernel.takeError()));
    return nullptr;
  }
  std::unique_ptr<Kernel> k = std::move(*kernel);

  // Inputs: explicit files first, random values for the rest if asked.
  llvm::ArrayRef<TensorSpec> specs = k->inputs();
  std::vector<bool> given(specs.size(), false);
  for (const auto &input : o.inputs) {
    const std::string &name = input.first, &file = input.second;
    auto it = llvm::find_if(
        specs, [&](const TensorSpec &s) { return s.name == name; });
    if (it == specs.end()) {
      std::string names;
      for (const TensorSpec &s : specs)
        names += (names.empty() ? "" : ", ") + s.name;
      fail("unknown input '" + name + "'; the program's inputs are: " +
           (names.empty() ? "(none)" : names));
      return nullptr;
    }
    unsigned idx = it - specs.begin();
    if (given[idx]) {
      fail("input '" + name + "' given twice");
      return nullptr;
    }
    auto t = readNpy(file);
    if (!t) {
      fail("input '" + name + "': " + llvm::toString(t.takeError()));
      return nullptr;
    }
    if (llvm::Error err = k->setInput(idx, *t)) {
      fail(llvm::toString(std::move(err)) + " (from " + file + ")");
      return nullptr;
    }
    given[idx] = true;
  }
  std::mt19937_64 gen(o.seed);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (given[i])
      continue;
    if (!o.randomInputs && o.command == "run") {
      fail("missing input '" + specs[i].name + "' (" +
           dtypeName(specs[i].dtype) + " " + shapeToString(specs[i].shape) +
           "); pass --input " + specs[i].name + "=FILE.npy or --random-inputs");
      return nullptr;
    }
    Tensor t(specs[i].dtype, specs[i].shape);
    ane::run::fillRandom(t, gen);
    if (llvm::Error err = k->setInput(i, t)) {
      fail(llvm::toString(std::move(err)));
      return nullptr;
    }
  }
  return k;
}

int runCommand(const Options &o, mlir::MLIRContext &ctx) {
  std::string backendName;
  auto k = prepare(o, ctx, backendName);
  if (!k)
    return 1;
  if (llvm::Error err = k->eval())
    return fail(llvm::toString(std::move(err)));
  KernelStats st = k->stats();
  if (st.programs > 1 || st.dispatches > 1)
    llvm::errs() << "ane-run: note: @" << o.entry << " ran as " << st.dispatches
                 << " dispatches of " << st.programs << " programs\n";
  if (!o.outputDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(o.outputDir))
      return fail("cannot create '" + o.outputDir + "': " + ec.message());
  for (size_t i = 0; i < k->outputs().size(); ++i) {
    const TensorSpec &spec = k->outputs()[i];
    const Tensor &t = k->output(i);
    double sum = 0, mn = INFINITY, mx = -INFINITY;
    int64_t nonFinite = 0;
    for (int64_t j = 0; j < t.numElements(); ++j) {
      double v = t.getAsFloat(j);
      if (!std::isfinite(v)) {
        ++nonFinite;
        continue;
      }
      sum += v;
      mn = std::min(mn, v);
      mx = std::max(mx, v);
    }
    int64_t finite = t.numElements() - nonFinite;
    llvm::outs() << spec.name << ": " << dtypeName(t.dtype()) << " "
                 << shapeToString(t.shape());
    if (finite)
      llvm::outs() << llvm::format("  min %.6g  max %.6g  mean %.6g", mn, mx,
                                   sum / finite);
    if (nonFinite)
      llvm::outs() << "  non-finite " << nonFinite;
    if (!o.outputDir.empty()) {
      llvm::SmallString<256> path(o.outputDir);
      llvm::sys::path::append(path, spec.name + ".npy");
      if (llvm::Error err = writeNpy(path, t))
        return fail(llvm::toString(std::move(err)));
      llvm::outs() << "  -> " << path;
    }
    llvm::outs() << "\n";
  }
  return 0;
}

int benchCommand(const Options &o, mlir::MLIRContext &ctx) {
  std::string backendName;
  auto k = prepare(o, ctx, backendName);
  if (!k)
    return 1;
  for (int64_t i = 0; i < o.warmup; ++i)
    if (llvm::Error err = k->eval())
      return fail(llvm::toString(std::move(err)));
  double warmupDeviceMs = k->stats().totalMs;
  auto start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < o.iters; ++i)
    if (llvm::Error err = k->eval())
      return fail(llvm::toString(std::move(err)));
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count() /
              double(o.iters);
  KernelStats st = k->stats();
  double deviceMs = (st.totalMs - warmupDeviceMs) / double(o.iters);
  double weightMB = st.weightBytes / (1024.0 * 1024.0);
  double gflop = st.flops / 1e9;
  double tflops = ms > 0 ? st.flops / (ms * 1e-3) / 1e12 : 0;
  std::string config = llvm::sys::path::filename(o.program).str();
  if (o.json) {
    llvm::outs() << llvm::format(
        "{\"program\": \"%s\", \"entry\": \"%s\", \"backend\": \"%s\", "
        "\"weight_mb\": %.3f, \"gflop\": %.4f, \"ms_per_eval\": %.4f, "
        "\"tflops\": %.5f, \"warmup\": %lld, \"iters\": %lld, "
        "\"peak_live_mb\": %.3f, \"programs\": %lld, \"dispatches_per_eval\": "
        "%lld",
        config.c_str(), o.entry.c_str(), backendName.c_str(), weightMB, gflop,
        ms, tflops, (long long)o.warmup, (long long)o.iters,
        st.peakBytes / (1024.0 * 1024.0), (long long)st.programs,
        (long long)st.dispatches);
    if (st.deviceTime)
      llvm::outs() << llvm::format(", \"device_ms_per_eval\": %.4f", deviceMs);
    llvm::outs() << "}\n";
    return 0;
  }
  std::string label = config + " @" + o.entry + " [" + backendName + "]";
  llvm::outs() << llvm::format("%-40s %8s %8s %10s %8s\n", "Config", "W(MB)",
                               "GFLOP", "ms/eval", "TFLOPS");
  llvm::outs() << std::string(78, '-') << "\n";
  llvm::outs() << llvm::format("%-40s %8.1f %8.2f %7.3f ms %8.3f\n",
                               label.c_str(), weightMB, gflop, ms, tflops);
  if (st.programs > 1 || st.dispatches > 1)
    llvm::outs() << "programs: " << st.programs
                 << ", dispatches per eval: " << st.dispatches << "\n";
  if (st.deviceTime)
    llvm::outs() << llvm::format(
        "device time (hwExecutionTime): %.3f ms/eval\n", deviceMs);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    if (StringRef(argv[i]) == "--help" || StringRef(argv[i]) == "-h" ||
        (i == 1 && StringRef(argv[i]) == "help")) {
      llvm::outs() << kUsage << kHelp;
      return 0;
    }
  if (argc >= 2 && StringRef(argv[1]) == "probe")
    return ane::device::runProbeCommand(
        llvm::SmallVector<StringRef>(argv + 2, argv + argc), llvm::outs(),
        llvm::errs(), ane::run::applyFakeDevice);
  // One context for every subcommand that loads a program.
  mlir::DialectRegistry registry;
  ane::registerAllDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ctx.printOpOnDiagnostic(false);
  if (argc >= 2 && StringRef(argv[1]) == "compare")
    return compareMain(argc, argv, ctx);
  Options o;
  std::string err = parseArgs(argc, argv, o);
  if (!err.empty()) {
    llvm::errs() << "ane-run: error: " << err << "\n" << kUsage;
    return 2;
  }
  return o.command == "run" ? runCommand(o, ctx) : benchCommand(o, ctx);
}
