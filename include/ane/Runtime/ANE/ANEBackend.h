//===- ANEBackend.h - The `ane` execution backend ---------------*- C++ -*-===//
//
// The Backend (ane/Runtime/Backend.h) that runs a mil program on the Apple
// Neural Engine: it exports the entry function as MIL program text + weight
// files (MILEmitter.h), compiles and loads it through ANEDevice on the chosen
// platform (the real framework, or the fake platform whose programs run on
// the CPU interpreter), binds one IOSurface per function input and output
// (dense row-major bytes, fp16 or fp32: the [1,C,1,S] / [1,C,H,W] layout of
// TensorLayout.h) and evaluates. Kernel statistics report the device's
// hwExecutionTime when the platform fills it, else the wall time.
//
// An entry that is a chain of func.calls (mil-split-program) runs as one
// device program per distinct callee, dispatched in call order with each
// call's operands taken from the entry's inputs or earlier calls' outputs;
// other ops between the calls are an error.
//
// Several inputs: the backend binds them as the device protocol allows (one
// surface per input, indices @0..@n-1, in function order). Sources disagree
// on whether devices accept such requests; one that rejects them fails at
// evaluate with status 0x1d, and the error says to pack the inputs along the
// spatial axis of one input.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_ANEBACKEND_H
#define ANE_RUNTIME_ANE_ANEBACKEND_H

#include "ane/Runtime/ANE/ANEDevice.h"
#include "ane/Runtime/ANE/FakePlatform.h"
#include "ane/Runtime/Backend.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace ane::device {

struct ANEBackendOptions {
  /// "system" (AppleNeuralEngine.framework) or "fake" (any host).
  std::string platform = "system";
  /// Device options (QoS, surface sizing, ...).
  ANEOptions device;
  /// Options of the fake platform; an empty `compile` runs programs through
  /// the MIL importer + CPU interpreter (interpreterFakeCompile()).
  FakeOptions fake;
  /// Fake platform only: when the fake is destroyed, print its call trace
  /// (one call per line, "fake: " prefix) to this stream.
  llvm::raw_ostream *traceStream = nullptr;
};

/// Opens the device on the chosen platform and returns the backend, or an
/// error ("ANE backend unavailable: ..." where there is no ANE). Backends
/// created with the fake platform share one FakePlatform while any of them
/// or their kernels live.
llvm::Expected<std::unique_ptr<runtime::Backend>>
createANEBackend(const ANEBackendOptions &options);

/// Registers "ane" (runtime::createBackend) with these options, replacing the
/// "unavailable" stub.
void registerANEBackend(const ANEBackendOptions &options);

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_ANEBACKEND_H
