//===- FakePlatform.h - In-process model of the ANE framework ---*- C++ -*-===//
//
// A Platform (Platform.h) whose entry points are implemented in this process:
// Objective-C classes and selectors dispatched by name (each selector checked
// against the msgSend signature it is called with), a minimal CoreFoundation
// object model with reference counts and autorelease pools, IOSurfaces in
// ordinary memory, and the _ANE* classes of the in-memory compile protocol.
// Every call is recorded in a trace. "Compile" and "evaluate" are pluggable:
// a FakeCompileFn receives the MIL text and weight files and returns a
// FakeProgram whose evaluate callback maps input bytes to output bytes (the
// interpreter plugs in here; tests use small programs of their own).
//
// It reproduces the device's documented failure modes: compile failure with
// an NSError, the ~119-compile leak, multi-input requests rejected with 0x1d,
// surfaces below a minimum size, unknown classes and selectors, and load
// failures (the bridge's retry). Its protocol checks go beyond the device's
// documented behaviour where that is cheap: the temp directory must hold
// model.mil and the weight files, IOSurfaces must carry the documented
// properties, surfaces must be unlocked at evaluate.
//
// Only one FakePlatform may exist at a time (the table's C function pointers
// reach it through a process-wide pointer).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_FAKEPLATFORM_H
#define ANE_RUNTIME_ANE_FAKEPLATFORM_H

#include "ane/Runtime/ANE/ANEDevice.h"
#include "ane/Runtime/ANE/Platform.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ane::device {

/// A "compiled" fake program.
struct FakeProgram {
  /// Called by evaluateWithQoS:. `inputs`/`outputs` are the whole IOSurfaces
  /// of the request (tensor data at offset 0, maybe followed by padding).
  /// An error becomes the evaluate NSError's description.
  std::function<llvm::Error(
      llvm::ArrayRef<llvm::ArrayRef<uint8_t>> inputs,
      llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outputs)>
      evaluate;
};

/// Called by compileWithQoS:; an error becomes the compile NSError.
using FakeCompileFn = std::function<llvm::Expected<FakeProgram>(
    llvm::StringRef milText, const WeightFiles &weights)>;

struct FakeOptions {
  /// Default: FakePlatform::defaultCompile().
  FakeCompileFn compile;
  /// Compiles per process after which compileWithQoS: fails (the leak).
  unsigned leakLimit = 119;
  /// Requests with more than one input fail at evaluate with code 0x1d.
  bool rejectMultiInput = true;
  /// Surfaces smaller than this fail at evaluate (0 = no minimum).
  uint64_t minSurfaceBytes = 0;
  /// The first `failLoads` loadWithQoS: calls fail.
  unsigned failLoads = 0;
  /// _ANEPerformanceStats exists and evaluate fills hwExecutionTime.
  bool providePerfStats = true;
  /// +[_ANEDeviceInfo aneSubType].
  std::string aneSubType = "h16";
  /// Classes that objc_getClass does not find, e.g. "_ANERequest".
  std::set<std::string> missingClasses;
  /// Selectors the fake does not implement, as "+[Class sel]"/"-[Class sel]".
  std::set<std::string> missingSelectors;
  /// compileWithQoS: requires <tmp>/<hexStringIdentifier>/model.mil and the
  /// weight files, with the descriptor's contents.
  bool requireTempFiles = true;
  /// loadWithQoS: recompiles from the weight files in the temp directory
  /// (what one project claims works); off: weights stay baked at compile, as
  /// probes on M5 found.
  bool reloadReadsWeights = false;
  /// NSTemporaryDirectory(); empty = <system temp>/ane-fake-<pid>.
  std::string tempRoot;
};

class FakePlatform {
public:
  explicit FakePlatform(FakeOptions options = {});
  ~FakePlatform();
  FakePlatform(const FakePlatform &) = delete;
  FakePlatform &operator=(const FakePlatform &) = delete;

  /// The function table; valid while this FakePlatform lives.
  std::shared_ptr<const Platform> platform() const;
  FakeOptions &options();

  /// Recorded calls, e.g. "+[_ANEInMemoryModel inMemoryModelWithDescriptor:]",
  /// "-[_ANEInMemoryModel compileWithQoS:options:error:] qos=21",
  /// "IOSurfaceCreate 4096", "fake.compile", "fake.evaluate inputs=1
  /// outputs=1". respondsToSelector:, UTF8String, locks and CF calls are not
  /// recorded.
  const std::vector<std::string> &trace() const;
  void clearTrace();
  /// Compiles attempted on this fake (its own leak counter).
  unsigned compileCount() const;
  void resetCompileCount();
  /// Objects not yet released (CF objects, ANE instances, surfaces).
  size_t liveObjects() const;
  /// Messages sent that the fake does not implement (a real process would
  /// have died with "unrecognized selector").
  unsigned unrecognizedSelectors() const;
  /// Protocol violations seen (wrong msgSend signature, bad IOSurface
  /// properties, autorelease without a pool, ...), also in the trace.
  const std::vector<std::string> &violations() const;

  /// Checks BLOBFILE references against the weight files, then runs a
  /// program that copies input (j mod #inputs) into output j.
  static FakeCompileFn identityCompile();
  /// The compile callback of fakes created without one (including the C
  /// API's ANE_PLATFORM=fake): identityCompile() unless replaced. (The `ane`
  /// Backend passes its own, interpreterFakeCompile() in
  /// InterpreterProgram.h, which runs the MIL on the CPU interpreter.)
  static FakeCompileFn defaultCompile();
  static void setDefaultCompile(FakeCompileFn compile);

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_FAKEPLATFORM_H
