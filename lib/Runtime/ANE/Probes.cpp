//===- Probes.cpp - Device probes of the ANE backend ----------------------===//

#include "ane/Runtime/ANE/Probes.h"
#include "ane/Runtime/ANE/TensorLayout.h"
#include "ane/Runtime/ANE/WeightBlob.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <dlfcn.h>

using namespace ane::device;
using llvm::Error;
using llvm::Expected;

namespace {
constexpr const char *kWeightPath = "@model_path/weights/weight.bin";
constexpr Probe kAllProbes[] = {Probe::DeviceInfo,     Probe::QoSSweep,
                                Probe::WeightReload,   Probe::WeightsBuffer,
                                Probe::ProcedureIndex, Probe::PerfStats};

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

/// Input of the probes: x[c][s] = 0.01 * (c * S + s + 1), small enough for
/// fp16 at the probe sizes' first elements.
std::vector<float> probeInput(int64_t channels, int64_t seq) {
  std::vector<float> x(channels * seq);
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = 0.01f * static_cast<float>((i % 64) + 1);
  return x;
}

struct ProbeModel {
  std::unique_ptr<ANEModel> model;
  std::vector<float> input;
};

Expected<ProbeModel> compileProbe(ANEDevice &dev, const ProbeOptions &o,
                                  float diagonal) {
  auto model = dev.compile(convProbeMIL(o.channels, o.seq),
                           convProbeWeights(o.channels, diagonal),
                           {ANETensorDesc::seq(o.channels, o.seq)},
                           {ANETensorDesc::seq(o.channels, o.seq)});
  if (!model)
    return model.takeError();
  ProbeModel pm{std::move(*model), probeInput(o.channels, o.seq)};
  if (!pm.model->isLoaded())
    if (Error err = pm.model->load())
      return std::move(err);
  if (Error err = pm.model->writeInputFloats(0, pm.input))
    return std::move(err);
  return pm;
}

/// Evaluates and returns the first four outputs.
Expected<std::vector<float>> firstOutputs(ANEModel &model) {
  auto stats = model.evaluate();
  if (!stats)
    return stats.takeError();
  std::vector<float> out(model.outputDesc(0).numElements());
  if (Error err = model.readOutputFloats(0, out))
    return std::move(err);
  out.resize(std::min<size_t>(4, out.size()));
  return out;
}

void qosSweep(ANEDevice &dev, const ProbeOptions &o, ProbeReport &r) {
  unsigned savedQoS = dev.options().qos;
  bool savedLoad = dev.options().loadAfterCompile;
  dev.options().loadAfterCompile = false;
  for (unsigned qos : o.qos) {
    QoSRow row;
    row.qos = qos;
    dev.options().qos = qos;
    auto fail = [&](Error err) { row.error = llvm::toString(std::move(err)); };
    auto start = std::chrono::steady_clock::now();
    auto model = dev.compile(convProbeMIL(o.channels, o.seq),
                             convProbeWeights(o.channels, 1.0f),
                             {ANETensorDesc::seq(o.channels, o.seq)},
                             {ANETensorDesc::seq(o.channels, o.seq)});
    row.compileMs = msSince(start);
    if (!model) {
      fail(model.takeError());
      r.qosSweep.push_back(row);
      continue;
    }
    start = std::chrono::steady_clock::now();
    if (Error err = (*model)->load()) {
      fail(std::move(err));
      r.qosSweep.push_back(row);
      continue;
    }
    row.loadMs = msSince(start);
    auto first = (*model)->evaluate();
    if (!first) {
      fail(first.takeError());
      r.qosSweep.push_back(row);
      continue;
    }
    row.firstEvalMs = first->wallMs;
    double total = 0;
    for (unsigned i = 0; i < o.iters && row.error.empty(); ++i) {
      auto s = (*model)->evaluate();
      if (!s)
        fail(s.takeError());
      else
        total += s->wallMs;
    }
    row.avgEvalMs = o.iters ? total / o.iters : 0;
    if (qos == 21 && row.error.empty())
      r.msPerEval = row.avgEvalMs;
    r.qosSweep.push_back(row);
  }
  dev.options().qos = savedQoS;
  dev.options().loadAfterCompile = savedLoad;
}

Error weightReload(ANEDevice &dev, const ProbeOptions &o, ProbeReport &r) {
  auto pm = compileProbe(dev, o, 1.0f);
  if (!pm)
    return pm.takeError();
  auto before = firstOutputs(*pm->model);
  if (!before)
    return before.takeError();
  // Overwrite the weight file with 3x identity, then unload + load.
  llvm::SmallString<256> file(pm->model->tempDir());
  llvm::sys::path::append(file, "weights", "weight.bin");
  std::error_code ec;
  llvm::raw_fd_ostream os(file, ec);
  if (ec)
    return llvm::createStringError(ec, "cannot overwrite %s", file.c_str());
  const std::vector<uint8_t> &blob =
      convProbeWeights(o.channels, 3.0f).begin()->second;
  os.write(reinterpret_cast<const char *>(blob.data()), blob.size());
  os.close();
  if (Error err = pm->model->unload())
    return err;
  if (Error err = pm->model->load())
    return err;
  if (Error err = pm->model->writeInputFloats(0, pm->input))
    return err;
  auto after = firstOutputs(*pm->model);
  if (!after)
    return after.takeError();
  r.reloadBefore = *before;
  r.reloadAfter = *after;
  r.weightReloadChanged = *before != *after;
  return Error::success();
}

Error weightsBuffer(ANEDevice &dev, const ProbeOptions &o, ProbeReport &r) {
  auto pm = compileProbe(dev, o, 1.0f);
  if (!pm)
    return pm.takeError();
  auto before = firstOutputs(*pm->model);
  if (!before)
    return before.takeError();
  if (Error err = pm->model->setWeightsBuffer(
          convProbeWeights(o.channels, 3.0f).begin()->second))
    return err;
  auto after = firstOutputs(*pm->model);
  if (!after)
    return after.takeError();
  r.bufferBefore = *before;
  r.bufferAfter = *after;
  r.weightsBufferChanged = *before != *after;
  return Error::success();
}

Error procedureIndex(ANEDevice &dev, const ProbeOptions &o, ProbeReport &r) {
  auto pm = compileProbe(dev, o, 1.0f);
  if (!pm)
    return pm.takeError();
  for (unsigned i = 0; i < o.procedures; ++i) {
    bool ok = false;
    if (Error err = pm->model->setProcedureIndex(i))
      llvm::consumeError(std::move(err));
    else if (auto s = pm->model->evaluate())
      ok = true;
    else
      llvm::consumeError(s.takeError());
    (ok ? r.proceduresAccepted : r.proceduresRejected).push_back(i);
  }
  return Error::success();
}

Error perfStats(ANEDevice &dev, const ProbeOptions &o, ProbeReport &r) {
  bool saved = dev.options().perfStats;
  dev.options().perfStats = true;
  auto pm = compileProbe(dev, o, 1.0f);
  dev.options().perfStats = saved;
  if (!pm)
    return pm.takeError();
  for (unsigned i = 0; i < o.warmup; ++i)
    if (auto s = pm->model->evaluate(); !s)
      return s.takeError();
  auto s = pm->model->evaluate();
  if (!s)
    return s.takeError();
  r.hwTimeProvided = s->hwMs.has_value();
  r.perfWallMs = s->wallMs;
  r.perfHwMs = s->hwMs.value_or(0);
  if (!r.msPerEval)
    r.msPerEval = s->bestMs();
  return Error::success();
}
} // namespace

Expected<std::vector<Probe>> ane::device::parseProbes(llvm::StringRef name) {
  if (name == "all")
    return std::vector<Probe>(std::begin(kAllProbes), std::end(kAllProbes));
  for (Probe p : kAllProbes)
    if (probeName(p) == name)
      return std::vector<Probe>{p};
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "unknown probe '%s' (expected device-info, qos-sweep, weight-reload, "
      "weights-buffer, procedure-index, perf-stats or all)",
      name.str().c_str());
}

llvm::StringRef ane::device::probeName(Probe probe) {
  switch (probe) {
  case Probe::DeviceInfo:
    return "device-info";
  case Probe::QoSSweep:
    return "qos-sweep";
  case Probe::WeightReload:
    return "weight-reload";
  case Probe::WeightsBuffer:
    return "weights-buffer";
  case Probe::ProcedureIndex:
    return "procedure-index";
  case Probe::PerfStats:
    return "perf-stats";
  }
  llvm_unreachable("unknown probe");
}

std::string ane::device::convProbeMIL(int64_t channels, int64_t seq) {
  std::string c = std::to_string(channels), s = std::to_string(seq);
  std::string io = "tensor<fp16, [1, " + c + ", 1, " + s + "]>";
  std::string w = "tensor<fp16, [" + c + ", " + c + ", 1, 1]>";
  return "program(1.3)\n"
         "[buildInfo = dict<string, string>({{\"coremlc-component-MIL\", "
         "\"3510.2.1\"}, {\"coremlc-version\", \"3505.4.1\"}, "
         "{\"coremltools-component-milinternal\", \"\"}, "
         "{\"coremltools-version\", \"9.0\"}})]\n"
         "{\n"
         "    func main<ios18>(" +
         io +
         " x) {\n"
         "        string c_pad_type = const()[name = string(\"c_pad_type\"), "
         "val = string(\"valid\")];\n"
         "        tensor<int32, [2]> c_strides = const()[name = "
         "string(\"c_strides\"), val = tensor<int32, [2]>([1, 1])];\n"
         "        tensor<int32, [4]> c_pad = const()[name = string(\"c_pad\"), "
         "val = tensor<int32, [4]>([0, 0, 0, 0])];\n"
         "        tensor<int32, [2]> c_dilations = const()[name = "
         "string(\"c_dilations\"), val = tensor<int32, [2]>([1, 1])];\n"
         "        int32 c_groups = const()[name = string(\"c_groups\"), val = "
         "int32(1)];\n"
         "        " +
         w + " W = const()[name = string(\"W\"), val = " + w +
         "(BLOBFILE(path = string(\"" + kWeightPath +
         "\"), offset = uint64(64)))];\n"
         "        " +
         io +
         " y = conv(dilations = c_dilations, groups = "
         "c_groups, pad = c_pad, pad_type = c_pad_type, strides = c_strides, "
         "weight = W, x = x)[name = string(\"conv\")];\n"
         "    } -> (y);\n"
         "}\n";
}

WeightFiles ane::device::convProbeWeights(int64_t channels, float diagonal) {
  std::vector<float> w(channels * channels, 0.0f);
  for (int64_t i = 0; i < channels; ++i)
    w[i * channels + i] = diagonal;
  return {{kWeightPath, buildFP16WeightBlob(w, channels, channels)}};
}

FakeCompileFn ane::device::convProbeFakeCompile() {
  return [](llvm::StringRef mil,
            const WeightFiles &weights) -> Expected<FakeProgram> {
    auto fail = [](const llvm::Twine &why) {
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "conv probe: " + why);
    };
    llvm::Regex sig("func main<ios18>\\(tensor<fp16, \\[1, ([0-9]+), 1, "
                    "([0-9]+)\\]> x\\)");
    llvm::SmallVector<llvm::StringRef, 3> m;
    if (!sig.match(mil, &m))
      return fail("not a conv probe program");
    int64_t channels = 0, seq = 0;
    m[1].getAsInteger(10, channels);
    m[2].getAsInteger(10, seq);
    auto it = weights.find(kWeightPath);
    if (it == weights.end())
      return fail("no weight file");
    auto chunk = readMILBlobChunk(it->second, 64);
    if (!chunk)
      return chunk.takeError();
    if (chunk->size() != static_cast<size_t>(channels * channels * 2))
      return fail("weight has " + llvm::Twine(chunk->size()) + " bytes");
    std::vector<float> w(channels * channels);
    for (size_t i = 0; i < w.size(); ++i)
      w[i] = halfToFloat(llvm::support::endian::read16le(&(*chunk)[2 * i]));
    FakeProgram p;
    p.evaluate =
        [w, channels,
         seq](llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
              llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs) -> Error {
      using llvm::support::endian::read16le;
      using llvm::support::endian::write16le;
      for (int64_t oc = 0; oc < channels; ++oc)
        for (int64_t s = 0; s < seq; ++s) {
          float acc = 0;
          for (int64_t ic = 0; ic < channels; ++ic)
            if (float wv = w[oc * channels + ic])
              acc += wv * halfToFloat(read16le(&ins[0][2 * (ic * seq + s)]));
          write16le(&outs[0][2 * (oc * seq + s)], floatToHalf(acc));
        }
      return Error::success();
    };
    return p;
  };
}

void ane::device::queryHostInfo(ProbeReport &report) {
  using SysctlFn = int (*)(const char *, void *, size_t *, void *, size_t);
  auto fn = reinterpret_cast<SysctlFn>(dlsym(RTLD_DEFAULT, "sysctlbyname"));
  if (!fn)
    return;
  auto get = [&](const char *name, std::string &into) {
    char buf[256];
    size_t len = sizeof(buf);
    if (fn(name, buf, &len, nullptr, 0) == 0 && len > 0)
      into.assign(buf, strnlen(buf, len));
  };
  get("machdep.cpu.brand_string", report.chip);
  get("kern.osproductversion", report.macOS);
}

ProbeReport ane::device::runProbes(ANEDevice &device,
                                   llvm::ArrayRef<Probe> probes,
                                   const ProbeOptions &options) {
  ProbeReport r;
  r.platform = device.platform().name;
  r.channels = options.channels;
  r.seq = options.seq;
  queryHostInfo(r);
  for (Probe probe : probes) {
    Error err = Error::success();
    switch (probe) {
    case Probe::DeviceInfo:
      if (auto sub = device.aneSubType())
        r.aneSubType = *sub;
      else
        err = sub.takeError();
      break;
    case Probe::QoSSweep:
      qosSweep(device, options, r);
      break;
    case Probe::WeightReload:
      err = weightReload(device, options, r);
      break;
    case Probe::WeightsBuffer:
      err = weightsBuffer(device, options, r);
      break;
    case Probe::ProcedureIndex:
      err = procedureIndex(device, options, r);
      break;
    case Probe::PerfStats:
      err = perfStats(device, options, r);
      break;
    }
    if (err)
      r.errors.push_back((probeName(probe) + ": ").str() +
                         llvm::toString(std::move(err)));
  }
  if (r.msPerEval && *r.msPerEval > 0)
    r.tflops =
        2.0 * r.channels * r.channels * r.seq / (*r.msPerEval * 1e-3) / 1e12;
  return r;
}

static std::string floats(llvm::ArrayRef<float> v) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "[";
  llvm::interleaveComma(v, os, [&](float f) { os << llvm::format("%.4f", f); });
  os << "]";
  return out;
}

void ane::device::printProbeReport(llvm::raw_ostream &os,
                                   const ProbeReport &r) {
  os << "platform: " << r.platform << "\nANE sub-type: " << r.aneSubType
     << "\nchip: " << r.chip << "\nmacOS: " << r.macOS << "\n";
  if (!r.qosSweep.empty()) {
    os << "QoS sweep (" << r.channels << "x" << r.channels << " conv, sp"
       << r.seq << "):\n"
       << "  QoS  compile ms  load ms  eval(1) ms  eval(avg) ms\n";
    for (const QoSRow &row : r.qosSweep) {
      if (!row.error.empty()) {
        os << llvm::format("  %3u  FAIL: ", row.qos) << row.error << "\n";
        continue;
      }
      os << llvm::format("  %3u  %10.3f  %7.3f  %10.3f  %12.3f\n", row.qos,
                         row.compileMs, row.loadMs, row.firstEvalMs,
                         row.avgEvalMs);
    }
  }
  if (r.weightReloadChanged)
    os << "weight reload: "
       << (*r.weightReloadChanged ? "CHANGED" : "unchanged") << " "
       << floats(r.reloadBefore) << " -> " << floats(r.reloadAfter) << "\n";
  if (r.weightsBufferChanged)
    os << "weightsBuffer: "
       << (*r.weightsBufferChanged ? "CHANGED" : "unchanged") << " "
       << floats(r.bufferBefore) << " -> " << floats(r.bufferAfter) << "\n";
  if (!r.proceduresAccepted.empty() || !r.proceduresRejected.empty())
    os << "procedureIndex: " << r.proceduresAccepted.size() << " accepted, "
       << r.proceduresRejected.size() << " rejected\n";
  if (r.hwTimeProvided)
    os << "perf stats: hwExecutionTime "
       << (*r.hwTimeProvided ? "provided" : "not provided") << "\n";
  if (r.msPerEval)
    os << llvm::format("ms/eval: %.4f\n", *r.msPerEval);
  if (r.tflops)
    os << llvm::format("TFLOPS: %.4f\n", *r.tflops);
  for (const std::string &e : r.errors)
    os << "error: " << e << "\n";
}

llvm::json::Value ane::device::probeReportToJSON(const ProbeReport &r) {
  llvm::json::Object o{
      {"platform", r.platform},
      {"chip", r.chip},
      {"macos", r.macOS},
      {"ane_subtype", r.aneSubType},
      {"probe_kernel", llvm::json::Object{{"op", "conv1x1"},
                                          {"channels", r.channels},
                                          {"spatial", r.seq},
                                          {"io", "fp16"}}}};
  if (r.msPerEval)
    o["ms_per_eval"] = *r.msPerEval;
  if (r.tflops)
    o["tflops"] = *r.tflops;
  if (!r.qosSweep.empty()) {
    llvm::json::Array rows;
    for (const QoSRow &row : r.qosSweep) {
      llvm::json::Object j{{"qos", row.qos}, {"ok", row.error.empty()}};
      if (row.error.empty()) {
        j["compile_ms"] = row.compileMs;
        j["load_ms"] = row.loadMs;
        j["eval1_ms"] = row.firstEvalMs;
        j["eval_avg_ms"] = row.avgEvalMs;
      } else {
        j["error"] = row.error;
      }
      rows.push_back(std::move(j));
    }
    o["qos_sweep"] = std::move(rows);
  }
  auto arr = [](llvm::ArrayRef<float> v) {
    return llvm::json::Array(
        std::vector<llvm::json::Value>(v.begin(), v.end()));
  };
  if (r.weightReloadChanged)
    o["weight_reload"] = llvm::json::Object{{"changed", *r.weightReloadChanged},
                                            {"before", arr(r.reloadBefore)},
                                            {"after", arr(r.reloadAfter)}};
  if (r.weightsBufferChanged)
    o["weights_buffer"] =
        llvm::json::Object{{"changed", *r.weightsBufferChanged},
                           {"before", arr(r.bufferBefore)},
                           {"after", arr(r.bufferAfter)}};
  if (!r.proceduresAccepted.empty() || !r.proceduresRejected.empty())
    o["procedure_index"] = llvm::json::Object{
        {"accepted",
         llvm::json::Array(std::vector<llvm::json::Value>(
             r.proceduresAccepted.begin(), r.proceduresAccepted.end()))},
        {"rejected",
         llvm::json::Array(std::vector<llvm::json::Value>(
             r.proceduresRejected.begin(), r.proceduresRejected.end()))}};
  if (r.hwTimeProvided)
    o["perf_stats"] =
        llvm::json::Object{{"hw_execution_time_provided", *r.hwTimeProvided},
                           {"hw_ms", r.perfHwMs},
                           {"wall_ms", r.perfWallMs}};
  if (!r.errors.empty())
    o["errors"] = llvm::json::Array(
        std::vector<llvm::json::Value>(r.errors.begin(), r.errors.end()));
  return o;
}
