//===- ANEDevice.h - Apple Neural Engine device API ----------- -*- C++ -*-===//
//
// The device layer of the ANE backend: compile MIL text + weight files
// in memory through the private AppleNeuralEngine framework, bind
// IOSurface-backed inputs/outputs, evaluate, read results. It depends only
// on a Platform table (Platform.h): the real framework on macOS, or the fake
// platform (FakePlatform.h) anywhere.
//
//   auto dev = ANEDevice::open(platform);          // or openSystem()
//   auto model = (*dev)->compile(milText, weights,
//                                {ANETensorDesc::seq(64, 32)},
//                                {ANETensorDesc::seq(64, 32)});
//   (*model)->writeInputFloats(0, x);
//   auto stats = (*model)->evaluate();
//   (*model)->readOutputFloats(0, y);
//
// Call protocol (one compile): descriptor from MIL text + weights
// dictionary, in-memory model, temp directory <tmp>/<hexStringIdentifier>/
// with model.mil and weights/*, compile (counted by CompileBudget), load,
// one IOSurface + _ANEIOSurfaceObject per input and output, one _ANERequest,
// then any number of evaluations; unload and cleanup when the model dies.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_ANEDEVICE_H
#define ANE_RUNTIME_ANE_ANEDEVICE_H

#include "ane/Runtime/ANE/Platform.h"
#include "ane/Runtime/ANE/TensorLayout.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ane::device {

/// Weight files keyed by the path the MIL text uses,
/// e.g. "@model_path/weights/w.bin" -> MILBlob bytes (WeightBlob.h).
using WeightFiles = std::map<std::string, std::vector<uint8_t>>;

struct ANEOptions {
  /// QoS passed to compile/load/evaluate/unload. The public projects use 21
  /// (QOS_CLASS_DEFAULT); probes found 0..63 all accepted, without latency
  /// difference.
  unsigned qos = 21;
  /// Each IOSurface is at least this large (0 = the tensor's exact size,
  /// which is what the public bridge does). Data always starts at offset 0.
  uint64_t minSurfaceBytes = 0;
  /// IOSurface sizes are rounded up to a multiple of this.
  uint64_t surfaceAlignment = 1;
  /// Ask for _ANEPerformanceStats and report hwExecutionTime when the device
  /// fills it; wall time is always measured.
  bool perfStats = true;
  /// procedureIndex of the request.
  int64_t procedureIndex = 0;
  /// Keep the temp directory after the model is destroyed (debugging).
  bool keepTempDir = false;
  /// Load the model at the end of compile (off: call ANEModel::load()).
  bool loadAfterCompile = true;
  /// The public bridge retries a failed load once after 100 ms ("slot
  /// reclamation").
  unsigned loadRetries = 1;
  unsigned loadRetryDelayMs = 100;
};

struct EvalStats {
  /// Host wall-clock time of the evaluate call.
  double wallMs = 0;
  /// _ANEPerformanceStats.hwExecutionTime, when the device provided it.
  std::optional<double> hwMs;
  /// hwMs when present, else wallMs.
  double bestMs() const { return hwMs ? *hwMs : wallMs; }
};

class ANEModel;

class ANEDevice {
public:
  /// Opens the device on `platform`; fails with "ANE backend unavailable:"
  /// when the platform lacks a class the protocol needs.
  static llvm::Expected<std::unique_ptr<ANEDevice>>
  open(std::shared_ptr<const Platform> platform, ANEOptions options = {});
  /// Opens the real framework (openSystemPlatform()).
  static llvm::Expected<std::unique_ptr<ANEDevice>>
  openSystem(ANEOptions options = {});

  /// Compiles and loads `milText`; `inputs`/`outputs` describe the function
  /// tensors in MIL order (one IOSurface each).
  llvm::Expected<std::unique_ptr<ANEModel>>
  compile(llvm::StringRef milText, const WeightFiles &weights,
          llvm::ArrayRef<ANETensorDesc> inputs,
          llvm::ArrayRef<ANETensorDesc> outputs);

  /// +[_ANEDeviceInfo aneSubType] (e.g. "h16", "h17"), if exposed.
  llvm::Expected<std::string> aneSubType();

  const Platform &platform() const { return *platform_; }
  ANEOptions &options() { return options_; }

private:
  ANEDevice(std::shared_ptr<const Platform> platform, ANEOptions options)
      : platform_(std::move(platform)), options_(std::move(options)) {}
  std::shared_ptr<const Platform> platform_;
  ANEOptions options_;
};

/// A compiled, loaded program with its I/O surfaces and request.
class ANEModel {
public:
  ~ANEModel();
  ANEModel(const ANEModel &) = delete;
  ANEModel &operator=(const ANEModel &) = delete;

  unsigned numInputs() const { return inputs_.size(); }
  unsigned numOutputs() const { return outputs_.size(); }
  const ANETensorDesc &inputDesc(unsigned i) const { return inputs_[i].desc; }
  const ANETensorDesc &outputDesc(unsigned i) const { return outputs_[i].desc; }
  /// Allocation size of an I/O surface (>= the tensor's byte size).
  uint64_t inputSurfaceBytes(unsigned i) const;
  uint64_t outputSurfaceBytes(unsigned i) const;

  /// Copies exactly `inputDesc(i).byteSize()` bytes into input `i`.
  llvm::Error writeInput(unsigned i, llvm::ArrayRef<uint8_t> bytes);
  /// Writes fp32 values, converted to the tensor's element type (fp16/fp32).
  llvm::Error writeInputFloats(unsigned i, llvm::ArrayRef<float> values);
  llvm::Error readOutput(unsigned i, llvm::MutableArrayRef<uint8_t> bytes);
  llvm::Error readOutputFloats(unsigned i, llvm::MutableArrayRef<float> out);

  /// Runs the program once (synchronously).
  llvm::Expected<EvalStats> evaluate();

  /// unloadWithQoS: / loadWithQoS: (the model is loaded after compile).
  llvm::Error unload();
  llvm::Error load();
  bool isLoaded() const { return loaded_; }

  /// Rebuilds the request with another procedureIndex (probes: 0..15 are
  /// accepted on single-procedure models).
  llvm::Error setProcedureIndex(int64_t index);
  /// Rebuilds the request with an IOSurface holding `bytes` as its
  /// weightsBuffer (empty: none). Probes found it has no effect on baked
  /// weights.
  llvm::Error setWeightsBuffer(llvm::ArrayRef<uint8_t> bytes);

  /// hexStringIdentifier of the in-memory model and its temp directory.
  llvm::StringRef identifier() const { return identifier_; }
  llvm::StringRef tempDir() const { return tempDir_; }

private:
  friend class ANEDevice;
  struct Binding {
    ANETensorDesc desc;
    IOSurfaceRef surface = nullptr;
    ObjCId wrapper = nullptr; // _ANEIOSurfaceObject, retained.
  };
  ANEModel(std::shared_ptr<const Platform> platform, ANEOptions options)
      : platform_(std::move(platform)), options_(std::move(options)) {}
  llvm::Error bind(const ANETensorDesc &desc, std::vector<Binding> &into);
  llvm::Expected<IOSurfaceRef> createSurface(uint64_t bytes);
  llvm::Error buildRequest();
  llvm::Error copyIn(Binding &b, const void *data, uint64_t n);
  llvm::Error copyOut(Binding &b, void *data, uint64_t n);

  std::shared_ptr<const Platform> platform_;
  ANEOptions options_;
  ObjCId model_ = nullptr;     // _ANEInMemoryModel, retained.
  ObjCId request_ = nullptr;   // _ANERequest, retained.
  ObjCId perfStats_ = nullptr; // _ANEPerformanceStats, retained, optional.
  std::vector<Binding> inputs_, outputs_;
  Binding weightsBuffer_; // Optional request weightsBuffer.
  std::string identifier_, tempDir_;
  bool loaded_ = false;
};

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_ANEDEVICE_H
