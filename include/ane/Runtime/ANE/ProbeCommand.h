//===- ProbeCommand.h - The `probe` subcommand of ane-run -------*- C++ -*-===//
//
// Argument parsing and output of `ane-run probe`, so the tool only
// dispatches to it:
//
//   ane-run probe [--platform=system|fake] [--json] [--channels=N]
//                 [--seq=N] [--iters=N] [--fake-device=KEY[=V]...] [probe...]
//
// (`--flag value` works as well as `--flag=value`.)
// Probes: device-info, qos-sweep, weight-reload, weights-buffer,
// procedure-index, perf-stats, all (the default). `--platform=fake` runs them
// on the fake platform with the probe conv program (any host); the system
// platform fails at once with "ANE backend unavailable: ..." off macOS.
// `--fake-device` (repeatable, needs --platform=fake) selects the fake's
// failure modes, parsed by the caller's `applyFakeDevice` (ane-run's
// DeviceFlags, the same keys as run/bench).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_PROBECOMMAND_H
#define ANE_RUNTIME_ANE_PROBECOMMAND_H

#include "ane/Runtime/ANE/FakePlatform.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace ane::device {

/// Applies one `--fake-device KEY[=VALUE]` item to the fake platform's
/// options; returns an error message or "".
using FakeDeviceFlagFn =
    llvm::function_ref<std::string(llvm::StringRef item, FakeOptions &fake)>;

/// Runs the probe subcommand (`args` without "probe"); prints the table or
/// JSON to `out`, diagnostics to `err`. Returns the process exit code: 0 when
/// every requested probe ran, 1 otherwise. Without `applyFakeDevice`,
/// `--fake-device` is rejected.
int runProbeCommand(llvm::ArrayRef<llvm::StringRef> args,
                    llvm::raw_ostream &out, llvm::raw_ostream &err,
                    FakeDeviceFlagFn applyFakeDevice = nullptr);

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_PROBECOMMAND_H
