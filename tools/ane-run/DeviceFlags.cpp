//===- DeviceFlags.cpp - ane-run's options for the ANE backend ------------===//

#include "DeviceFlags.h"

#include "ane/Runtime/ANE/ANEBackend.h"

#include "llvm/Support/raw_ostream.h"

using namespace ane::device;

std::string ane::run::applyFakeDevice(llvm::StringRef item, FakeOptions &fake) {
  llvm::StringRef key = item.split('=').first, value = item.split('=').second;
  bool hasValue = item.contains('=');
  auto number = [&](auto &into) -> std::string {
    unsigned long long v;
    if (!hasValue || value.getAsInteger(10, v))
      return "--fake-device " + key.str() + " expects =N";
    into = v;
    return "";
  };
  auto text = [&](auto &into) -> std::string {
    if (!hasValue || value.empty())
      return "--fake-device " + key.str() + " expects =NAME";
    into.insert(value.str());
    return "";
  };
  auto flag = [&](bool &into, bool v) -> std::string {
    if (hasValue)
      return "--fake-device " + key.str() + " takes no value";
    into = v;
    return "";
  };
  if (key == "leak-limit")
    return number(fake.leakLimit);
  if (key == "fail-loads")
    return number(fake.failLoads);
  if (key == "min-surface-bytes")
    return number(fake.minSurfaceBytes);
  if (key == "missing-class")
    return text(fake.missingClasses);
  if (key == "missing-selector")
    return text(fake.missingSelectors);
  if (key == "compile-error") {
    if (!hasValue || value.empty())
      return "--fake-device compile-error expects =TEXT";
    std::string why = value.str();
    fake.compile = [why](llvm::StringRef,
                         const WeightFiles &) -> llvm::Expected<FakeProgram> {
      return llvm::createStringError(llvm::inconvertibleErrorCode(), why);
    };
    return "";
  }
  if (key == "accept-multi-input")
    return flag(fake.rejectMultiInput, false);
  if (key == "no-perf-stats")
    return flag(fake.providePerfStats, false);
  return "unknown --fake-device '" + item.str() +
         "' (expected leak-limit=N, fail-loads=N, min-surface-bytes=N, "
         "missing-class=NAME, missing-selector=SEL, compile-error=TEXT, "
         "accept-multi-input or no-perf-stats)";
}

std::string ane::run::registerANEBackendFromFlags(const DeviceFlags &flags) {
  ANEBackendOptions options;
  options.platform = flags.platform;
  if (flags.platform != "system" && flags.platform != "fake")
    return "--platform expects system or fake, got '" + flags.platform + "'";
  if (flags.platform != "fake" &&
      (!flags.fakeDevice.empty() || flags.tracePlatform))
    return "--fake-device and --trace-platform need --platform fake";
  options.device.qos = flags.qos;
  for (const std::string &item : flags.fakeDevice) {
    std::string err = applyFakeDevice(item, options.fake);
    if (!err.empty())
      return err;
  }
  if (flags.tracePlatform)
    options.traceStream = &llvm::errs();
  registerANEBackend(options);
  return "";
}
