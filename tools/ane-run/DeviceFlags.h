//===- DeviceFlags.h - ane-run's options for the ANE backend ----*- C++ -*-===//
//
// The `run`/`bench` flags that configure the `ane` backend:
//   --platform system|fake   where the ANE runs (default system; fake runs the
//                            device protocol in-process on the CPU interpreter)
//   --qos N                  QoS of compile/load/evaluate (default 21)
//   --fake-device KEY[=VAL]  a failure mode of the fake platform, repeatable:
//                            leak-limit=N, missing-class=NAME,
//                            missing-selector=+[Class sel] / -[Class sel],
//                            fail-loads=N, min-surface-bytes=N,
//                            compile-error=TEXT (compile fails with it),
//                            accept-multi-input, no-perf-stats
//   --trace-platform         print the fake platform's call trace to stderr
// `ane-run probe` takes --fake-device too (through applyFakeDevice).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TOOLS_ANE_RUN_DEVICEFLAGS_H
#define ANE_TOOLS_ANE_RUN_DEVICEFLAGS_H

#include "ane/Runtime/ANE/FakePlatform.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace ane::run {

struct DeviceFlags {
  std::string platform = "system";
  unsigned qos = 21; ///< 0..63, checked where --qos is parsed
  std::vector<std::string> fakeDevice;
  bool tracePlatform = false;
};

/// Applies one --fake-device KEY[=VALUE] to `fake`; returns an error message
/// or "".
std::string applyFakeDevice(llvm::StringRef item, device::FakeOptions &fake);

/// Checks `flags` and registers the `ane` backend they configure; returns an
/// error message (bad platform or --fake-device key) or "".
std::string registerANEBackendFromFlags(const DeviceFlags &flags);

} // namespace ane::run

#endif // ANE_TOOLS_ANE_RUN_DEVICEFLAGS_H
