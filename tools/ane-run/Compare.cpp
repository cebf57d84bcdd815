//===- Compare.cpp - The ane-run compare subcommand -----------------------===//
//
//   ane-run compare A B [--inputs DIR | --random-inputs [--seed N]]
//                   [--entry FN] [--json] [--max-abs-error X] [--min-cosine Y]
//
// Runs programs A and B (each a .mlir module, model.mil or program
// directory) with the same inputs on the cpu backend and prints, per output,
// the max and mean absolute error of B against A and their cosine
// similarity. Exits 1 when a threshold is exceeded, 2 on usage errors.
//
//===----------------------------------------------------------------------===//

#include "Compare.h"
#include "RandomInputs.h"

#include "ane/Runtime/Backend.h"
#include "ane/Runtime/Npy.h"
#include "ane/Runtime/PackedInput.h"
#include "ane/Runtime/ProgramLoader.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <optional>
#include <random>

using namespace ane::runtime;
using llvm::StringRef;

namespace {

const char *kCompareUsage =
    "usage: ane-run compare A B [--inputs DIR | --random-inputs [--seed N]]\n"
    "                       [--entry FN] [--json] [--max-abs-error X] "
    "[--min-cosine Y]\n";

struct CompareOptions {
  std::string a, b, inputsDir, entry = "main";
  bool randomInputs = false, json = false;
  uint64_t seed = 0;
  std::optional<double> maxAbsError, minCosine;
};

int fail(const llvm::Twine &msg) {
  llvm::errs() << "ane-run: error: " << msg << "\n";
  return 1;
}

/// Parses argv[2..]; returns an error message or "".
std::string parseArgs(int argc, char **argv, CompareOptions &o) {
  for (int i = 2; i < argc; ++i) {
    StringRef a = argv[i];
    std::string v;
    auto value = [&](StringRef flag) -> bool {
      if (!a.consume_front(flag))
        return false;
      if (a.consume_front("="))
        v = a.str();
      else if (a.empty() && i + 1 < argc)
        v = argv[++i];
      else
        v.clear();
      return true;
    };
    auto number = [&](StringRef flag, std::optional<double> &out) {
      double d;
      if (StringRef(v).getAsDouble(d))
        return flag.str() + " expects a number, got '" + v + "'";
      out = d;
      return std::string();
    };
    std::string err;
    if (value("--inputs")) {
      o.inputsDir = v;
    } else if (a == "--random-inputs") {
      o.randomInputs = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (value("--seed")) {
      if (StringRef(v).getAsInteger(10, o.seed))
        return "--seed expects a non-negative integer";
    } else if (value("--entry")) {
      o.entry = v;
    } else if (value("--max-abs-error")) {
      err = number("--max-abs-error", o.maxAbsError);
    } else if (value("--min-cosine")) {
      err = number("--min-cosine", o.minCosine);
    } else if (a.starts_with("-")) {
      return "unknown option '" + a.str() + "'";
    } else if (o.a.empty()) {
      o.a = a.str();
    } else if (o.b.empty()) {
      o.b = a.str();
    } else {
      return "unexpected argument '" + a.str() + "'";
    }
    if (!err.empty())
      return err;
  }
  if (o.b.empty())
    return "compare needs two programs A and B";
  if (o.inputsDir.empty() == !o.randomInputs)
    return "pass exactly one of --inputs DIR and --random-inputs";
  return "";
}

/// Loads `path` and compiles `entry` on the cpu backend.
std::unique_ptr<Kernel> compile(StringRef path, StringRef entry,
                                mlir::MLIRContext &ctx) {
  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diag(sourceMgr, &ctx);
  auto module = loadProgram(path, ctx, sourceMgr);
  if (!module) {
    fail(llvm::toString(module.takeError()));
    return nullptr;
  }
  auto kernel = createCpuBackend()->compile(**module, entry);
  if (kernel) // a packed input is fed from its original inputs
    kernel = withOriginalInputs(std::move(*kernel), **module, entry);
  if (!kernel) {
    fail(path + ": " + llvm::toString(kernel.takeError()));
    return nullptr;
  }
  return std::move(*kernel);
}

/// The inputs of `specs`: DIR/<name>.npy, or the values `ane-run run
/// --random-inputs` draws with the same seed.
std::optional<std::vector<Tensor>>
makeInputs(const CompareOptions &o, llvm::ArrayRef<TensorSpec> specs) {
  std::vector<Tensor> inputs;
  std::mt19937_64 gen(o.seed);
  for (const TensorSpec &spec : specs) {
    if (o.randomInputs) {
      Tensor t(spec.dtype, spec.shape);
      ane::run::fillRandom(t, gen);
      inputs.push_back(std::move(t));
      continue;
    }
    llvm::SmallString<256> path(o.inputsDir);
    llvm::sys::path::append(path, spec.name + ".npy");
    if (!llvm::sys::fs::exists(path)) {
      fail("missing input '" + spec.name + "' (" + dtypeName(spec.dtype) + " " +
           shapeToString(spec.shape) + "): " + path + " does not exist");
      return std::nullopt;
    }
    auto t = readNpy(path);
    if (!t) {
      fail("input '" + spec.name + "': " + llvm::toString(t.takeError()));
      return std::nullopt;
    }
    inputs.push_back(std::move(*t));
  }
  return inputs;
}

struct Metrics {
  double maxAbs = 0, meanAbs = 0, cosine = 1;
};

Metrics measure(const Tensor &a, const Tensor &b) {
  Metrics m;
  double sum = 0, dot = 0, na = 0, nb = 0;
  int64_t n = a.numElements();
  for (int64_t i = 0; i < n; ++i) {
    double x = a.getAsFloat(i), y = b.getAsFloat(i), d = std::fabs(x - y);
    // NaN must not vanish in std::max.
    m.maxAbs = std::isnan(d) || d > m.maxAbs ? d : m.maxAbs;
    sum += d;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  m.meanAbs = n ? sum / n : 0;
  if (na > 0 || nb > 0)
    m.cosine = na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
  return m;
}

} // namespace

int compareMain(int argc, char **argv, mlir::MLIRContext &ctx) {
  CompareOptions o;
  std::string err = parseArgs(argc, argv, o);
  if (!err.empty()) {
    llvm::errs() << "ane-run: error: " << err << "\n" << kCompareUsage;
    return 2;
  }

  auto ka = compile(o.a, o.entry, ctx);
  if (!ka)
    return 1;
  auto kb = compile(o.b, o.entry, ctx);
  if (!kb)
    return 1;
  // Same inputs (name, dtype, shape) in the same order.
  llvm::ArrayRef<TensorSpec> ia = ka->inputs(), ib = kb->inputs();
  auto specText = [](const TensorSpec &s) -> std::string {
    return (llvm::Twine(s.name) + " " + dtypeName(s.dtype) + " " +
            shapeToString(s.shape))
        .str();
  };
  for (size_t i = 0; i < std::max(ia.size(), ib.size()); ++i)
    if (i >= ia.size() || i >= ib.size() || specText(ia[i]) != specText(ib[i]))
      return fail("the programs' inputs differ: input " + std::to_string(i) +
                  " is " + (i < ia.size() ? specText(ia[i]) : "absent") +
                  " in A, " + (i < ib.size() ? specText(ib[i]) : "absent") +
                  " in B");
  auto inputs = makeInputs(o, ia);
  if (!inputs)
    return 1;
  for (size_t i = 0; i < inputs->size(); ++i)
    for (Kernel *k : {ka.get(), kb.get()})
      if (llvm::Error e = k->setInput(i, (*inputs)[i]))
        return fail(llvm::toString(std::move(e)));
  if (llvm::Error e = ka->eval())
    return fail(o.a + ": " + llvm::toString(std::move(e)));
  if (llvm::Error e = kb->eval())
    return fail(o.b + ": " + llvm::toString(std::move(e)));

  llvm::ArrayRef<TensorSpec> oa = ka->outputs(), ob = kb->outputs();
  if (oa.size() != ob.size())
    return fail("A has " + std::to_string(oa.size()) + " outputs, B has " +
                std::to_string(ob.size()));
  std::vector<Metrics> metrics;
  for (size_t i = 0; i < oa.size(); ++i) {
    const Tensor &a = ka->output(i), &b = kb->output(i);
    if (oa[i].name != ob[i].name || a.shape() != b.shape())
      return fail("output " + std::to_string(i) + " differs: " + oa[i].name +
                  " " + shapeToString(a.shape()) + " in A, " + ob[i].name +
                  " " + shapeToString(b.shape()) + " in B");
    metrics.push_back(measure(a, b));
  }

  std::vector<std::string> violations;
  auto violation = [&](const std::string &name, const char *what, double value,
                       const char *relation, const char *flag, double limit) {
    std::string msg;
    llvm::raw_string_ostream os(msg);
    os << "output '" << name << "': " << what << " "
       << llvm::format("%.6g", value) << " " << relation << " " << flag << " "
       << llvm::format("%.6g", limit);
    violations.push_back(msg);
  };
  for (size_t i = 0; i < oa.size(); ++i) {
    const Metrics &m = metrics[i];
    if (o.maxAbsError && !(m.maxAbs <= *o.maxAbsError))
      violation(oa[i].name, "max abs error", m.maxAbs, "exceeds",
                "--max-abs-error", *o.maxAbsError);
    if (o.minCosine && !(m.cosine >= *o.minCosine))
      violation(oa[i].name, "cosine similarity", m.cosine, "is below",
                "--min-cosine", *o.minCosine);
  }

  if (o.json) {
    llvm::outs() << "{\"outputs\": [";
    for (size_t i = 0; i < oa.size(); ++i)
      llvm::outs() << (i ? ", " : "")
                   << llvm::format("{\"name\": \"%s\", \"max_abs_error\": "
                                   "%.6g, \"mean_abs_error\": %.6g, "
                                   "\"cosine\": %.8f}",
                                   oa[i].name.c_str(), metrics[i].maxAbs,
                                   metrics[i].meanAbs, metrics[i].cosine);
    llvm::outs() << "], \"ok\": " << (violations.empty() ? "true" : "false")
                 << "}\n";
  } else {
    llvm::outs() << llvm::format("%-24s %14s %14s %12s\n", "output",
                                 "max_abs_err", "mean_abs_err", "cosine");
    for (size_t i = 0; i < oa.size(); ++i)
      llvm::outs() << llvm::format("%-24s %14.6g %14.6g %12.8f\n",
                                   oa[i].name.c_str(), metrics[i].maxAbs,
                                   metrics[i].meanAbs, metrics[i].cosine);
  }
  for (const std::string &v : violations)
    fail(v);
  return violations.empty() ? 0 : 1;
}
