//===- Probes.h - Device probes of the ANE backend --------------*- C++ -*-===//
//
// The questions the public probe reports ask of a device, as functions over
// an ANEDevice: device info (ANE sub-type, chip, macOS), QoS sweep
// (compile/load/eval times per QoS), weight reload (does overwriting the
// weight file + unload/load change results?), weightsBuffer (does a request
// weightsBuffer change results?), procedureIndex (which indices evaluate?),
// perf stats (is hwExecutionTime provided?). Results print as a table or as
// JSON with the fields of the community results file (chip, macOS,
// ms/eval, TFLOPS, ...). All probes use one 1x1-conv program with fp16 I/O;
// convProbeFakeCompile() is that program for the fake platform, so the
// probes run on any host.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_PROBES_H
#define ANE_RUNTIME_ANE_PROBES_H

#include "ane/Runtime/ANE/ANEDevice.h"
#include "ane/Runtime/ANE/FakePlatform.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace ane::device {

enum class Probe {
  DeviceInfo,
  QoSSweep,
  WeightReload,
  WeightsBuffer,
  ProcedureIndex,
  PerfStats
};
/// "device-info", "qos-sweep", "weight-reload", "weights-buffer",
/// "procedure-index", "perf-stats"; "all" expands to every probe.
llvm::Expected<std::vector<Probe>> parseProbes(llvm::StringRef name);
llvm::StringRef probeName(Probe probe);

struct ProbeOptions {
  int64_t channels = 256, seq = 64;
  unsigned warmup = 1, iters = 10;
  std::vector<unsigned> qos = {0,  1,  5,  10, 15, 17, 19, 21, 25,
                               31, 33, 40, 47, 50, 55, 60, 63};
  unsigned procedures = 16;
};

struct QoSRow {
  unsigned qos = 0;
  std::string error; // Empty when the compile/load/eval all succeeded.
  double compileMs = 0, loadMs = 0, firstEvalMs = 0, avgEvalMs = 0;
};

struct ProbeReport {
  std::string platform, aneSubType = "unknown", chip = "unknown",
                        macOS = "unknown";
  int64_t channels = 0, seq = 0;
  std::vector<QoSRow> qosSweep;
  /// Headline numbers (from the QoS-21 row, else the perf-stats run).
  std::optional<double> msPerEval, tflops;
  std::optional<bool> weightReloadChanged, weightsBufferChanged;
  std::vector<float> reloadBefore, reloadAfter, bufferBefore, bufferAfter;
  std::vector<int64_t> proceduresAccepted, proceduresRejected;
  std::optional<bool> hwTimeProvided;
  double perfWallMs = 0, perfHwMs = 0;
  /// Probes that could not run: "<probe>: <error>".
  std::vector<std::string> errors;
};

/// 1x1 conv `[1,C,1,S] -> [1,C,1,S]`, fp16 I/O, weight `[C,C,1,1]` in
/// @model_path/weights/weight.bin.
std::string convProbeMIL(int64_t channels, int64_t seq);
/// The conv weight `diagonal * identity` as a weight file.
WeightFiles convProbeWeights(int64_t channels, float diagonal);
/// Fake compile callback that evaluates convProbeMIL's conv from its blob.
FakeCompileFn convProbeFakeCompile();

/// Chip name and macOS version via sysctlbyname (resolved at run time);
/// "unknown" where unavailable.
void queryHostInfo(ProbeReport &report);

ProbeReport runProbes(ANEDevice &device, llvm::ArrayRef<Probe> probes,
                      const ProbeOptions &options = {});
void printProbeReport(llvm::raw_ostream &os, const ProbeReport &report);
llvm::json::Value probeReportToJSON(const ProbeReport &report);

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_PROBES_H
