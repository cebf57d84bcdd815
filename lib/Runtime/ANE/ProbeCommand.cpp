//===- ProbeCommand.cpp - The `probe` subcommand of ane-run ---------------===//

#include "ane/Runtime/ANE/ProbeCommand.h"
#include "ane/Runtime/ANE/Probes.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace ane::device;

int ane::device::runProbeCommand(llvm::ArrayRef<llvm::StringRef> args,
                                 llvm::raw_ostream &out, llvm::raw_ostream &err,
                                 FakeDeviceFlagFn applyFakeDevice) {
  std::string platform = "system";
  bool json = false;
  FakeOptions fakeOptions;
  bool fakeDevice = false;
  ProbeOptions options;
  std::vector<Probe> probes;
  auto number = [&](llvm::StringRef arg, llvm::StringRef flag,
                    auto &into) -> bool {
    if (!arg.consume_front(flag))
      return false;
    unsigned long long v;
    if (arg.getAsInteger(10, v) || v == 0) {
      err << "error: " << flag << " needs a positive integer\n";
      into = 0;
    } else {
      into = v;
    }
    return true;
  };
  // "--flag value" is accepted for "--flag=value".
  std::vector<std::string> normalized;
  for (size_t i = 0; i < args.size(); ++i) {
    if (llvm::is_contained(
            {"--platform", "--channels", "--seq", "--iters", "--fake-device"},
            args[i]) &&
        i + 1 < args.size())
      normalized.push_back((args[i] + "=" + args[i + 1]).str()), ++i;
    else
      normalized.push_back(args[i].str());
  }
  for (llvm::StringRef arg : normalized) {
    if (arg.consume_front("--platform=")) {
      platform = arg.str();
      if (platform != "system" && platform != "fake") {
        err << "error: unknown platform '" << platform
            << "' (expected system or fake)\n";
        return 1;
      }
    } else if (arg.consume_front("--fake-device=")) {
      std::string why = applyFakeDevice ? applyFakeDevice(arg, fakeOptions)
                                        : "--fake-device is not supported here";
      if (!why.empty()) {
        err << "error: " << why << "\n";
        return 1;
      }
      fakeDevice = true;
    } else if (arg == "--json") {
      json = true;
    } else if (number(arg, "--channels=", options.channels) ||
               number(arg, "--seq=", options.seq) ||
               number(arg, "--iters=", options.iters)) {
      if (!options.channels || !options.seq || !options.iters)
        return 1;
    } else if (arg.starts_with("-")) {
      err << "error: unknown option '" << arg << "'\n";
      return 1;
    } else {
      auto parsed = parseProbes(arg);
      if (!parsed) {
        err << "error: " << llvm::toString(parsed.takeError()) << "\n";
        return 1;
      }
      probes.insert(probes.end(), parsed->begin(), parsed->end());
    }
  }
  if (probes.empty())
    probes = cantFail(parseProbes("all"));
  if (fakeDevice && platform != "fake") {
    err << "error: --fake-device needs --platform fake\n";
    return 1;
  }

  std::unique_ptr<FakePlatform> fake;
  llvm::Expected<std::unique_ptr<ANEDevice>> device =
      std::unique_ptr<ANEDevice>();
  if (platform == "fake") {
    // compile-error=TEXT brings its own compile function.
    if (!fakeOptions.compile)
      fakeOptions.compile = convProbeFakeCompile();
    fake = std::make_unique<FakePlatform>(std::move(fakeOptions));
    device = ANEDevice::open(fake->platform());
  } else {
    device = ANEDevice::openSystem();
  }
  if (!device) {
    err << "error: " << llvm::toString(device.takeError()) << "\n";
    return 1;
  }
  ProbeReport report = runProbes(**device, probes, options);
  if (json)
    out << llvm::formatv("{0:2}", probeReportToJSON(report)) << "\n";
  else
    printProbeReport(out, report);
  for (const std::string &e : report.errors)
    err << "error: " << e << "\n";
  return report.errors.empty() ? 0 : 1;
}
