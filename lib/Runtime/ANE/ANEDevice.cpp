//===- ANEDevice.cpp - Open the ANE and compile MIL programs in memory ----===//
//
// The compile half of the call protocol (ANEDevice.h): descriptor, in-memory
// model, temp directory, compile, load, IOSurfaces, request. Every step that
// fails releases what was already created (the ANEModel destructor does the
// cleanup, so a partially built model is simply dropped).
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/ANE/ANEDevice.h"
#include "ane/Runtime/ANE/CompileBudget.h"

#include "ObjCBridge.h"
#include "TempDirs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <thread>

using namespace ane::device;
using namespace ane::device::detail;
using llvm::Error;
using llvm::Expected;

namespace {
constexpr const char *kDescriptorClass = "_ANEInMemoryModelDescriptor";
constexpr const char *kModelClass = "_ANEInMemoryModel";
constexpr const char *kRequestClass = "_ANERequest";
constexpr const char *kSurfaceObjectClass = "_ANEIOSurfaceObject";
constexpr const char *kPerfStatsClass = "_ANEPerformanceStats";
constexpr const char *kDeviceInfoClass = "_ANEDeviceInfo";
constexpr const char *kModelPathPrefix = "@model_path/";

Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

Error missingSelector(char kind, const char *cls, const char *sel) {
  return makeError(llvm::Twine("ANE framework lacks ") + llvm::Twine(kind) +
                   "[" + cls + " " + sel +
                   "] (unknown selector; this OS does not expose the private "
                   "API the backend was written against)");
}

/// After many compiles a compile failure is most likely the leak.
std::string leakHint() {
  unsigned count = CompileBudget::count();
  if (count + 20 < CompileBudget::kReportedLeak)
    return "";
  return " [" + std::to_string(count) +
         " compiles in this process; the ANE compiler is reported to fail "
         "after about " +
         std::to_string(CompileBudget::kReportedLeak) +
         ": restart the process]";
}

Error writeFile(llvm::StringRef path, llvm::ArrayRef<uint8_t> bytes) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return makeError("cannot write " + path + ": " + ec.message());
  os.write(reinterpret_cast<const char *>(bytes.data()), bytes.size());
  os.close();
  if (os.has_error())
    return makeError("cannot write " + path + ": " + os.error().message());
  return Error::success();
}
} // namespace

Expected<std::unique_ptr<ANEDevice>>
ANEDevice::open(std::shared_ptr<const Platform> platform, ANEOptions options) {
  if (!platform)
    return makeUnavailableError("no platform");
  std::string missing = platform->firstMissingEntry();
  if (!missing.empty())
    return makeUnavailableError("platform '" + platform->name +
                                "' lacks entry point " + missing);
  ObjC objc(*platform);
  AutoreleasePool pool(*platform);
  for (const char *cls :
       {kDescriptorClass, kModelClass, kRequestClass, kSurfaceObjectClass})
    if (!objc.cls(cls))
      return makeUnavailableError(llvm::Twine("class ") + cls +
                                  " not found in the AppleNeuralEngine "
                                  "framework");
  struct {
    const char *cls, *sel;
  } classMethods[] = {
      {kDescriptorClass, "modelWithMILText:weights:optionsPlist:"},
      {kModelClass, "inMemoryModelWithDescriptor:"},
      {kSurfaceObjectClass, "objectWithIOSurface:"},
      {kRequestClass, "requestWithInputs:inputIndices:outputs:outputIndices:"
                      "weightsBuffer:perfStats:procedureIndex:"}};
  for (auto &m : classMethods)
    if (!objc.responds(objc.cls(m.cls), m.sel))
      return missingSelector('+', m.cls, m.sel);
  return std::unique_ptr<ANEDevice>(
      new ANEDevice(std::move(platform), std::move(options)));
}

Expected<std::unique_ptr<ANEDevice>> ANEDevice::openSystem(ANEOptions options) {
  auto platform = openSystemPlatform();
  if (!platform)
    return platform.takeError();
  return open(std::move(*platform), std::move(options));
}

Expected<std::string> ANEDevice::aneSubType() {
  ObjC objc(*platform_);
  AutoreleasePool pool(*platform_);
  ObjCId info = objc.cls(kDeviceInfoClass);
  if (!info)
    return makeError(llvm::Twine("class ") + kDeviceInfoClass + " not found");
  if (!objc.responds(info, "aneSubType"))
    return missingSelector('+', kDeviceInfoClass, "aneSubType");
  ObjCId sub = platform_->msgSend.id(info, objc.sel("aneSubType"));
  if (!sub)
    return makeError("+[_ANEDeviceInfo aneSubType] returned nil");
  return objc.toString(sub);
}

Expected<std::unique_ptr<ANEModel>>
ANEDevice::compile(llvm::StringRef milText, const WeightFiles &weights,
                   llvm::ArrayRef<ANETensorDesc> inputs,
                   llvm::ArrayRef<ANETensorDesc> outputs) {
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  std::unique_ptr<ANEModel> model(new ANEModel(platform_, options_));

  // 1. Descriptor from the MIL bytes and the weights dictionary
  //    {path: {"offset": 0, "data": NSData}}.
  CFOwned milData = objc.data(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(milText.data()), milText.size()));
  CFOwned offsetKey = objc.string("offset"), dataKey = objc.string("data");
  CFOwned zero = objc.number(0);
  std::vector<CFOwned> owned;
  std::vector<CFTypeRef> weightKeys, weightValues;
  for (const auto &[path, bytes] : weights) {
    llvm::StringRef rel(path);
    if (!rel.consume_front(kModelPathPrefix) || rel.empty())
      return makeError("weight file key '" + path + "' must start with " +
                       kModelPathPrefix + " and name a file");
    if (llvm::is_contained(llvm::make_range(llvm::sys::path::begin(rel),
                                            llvm::sys::path::end(rel)),
                           ".."))
      return makeError("weight file key '" + path +
                       "' must stay inside the model directory");
    owned.push_back(objc.string(path));
    weightKeys.push_back(owned.back().get());
    owned.push_back(objc.data(bytes));
    CFTypeRef entryValues[] = {zero.get(), owned.back().get()};
    CFTypeRef entryKeys[] = {offsetKey.get(), dataKey.get()};
    owned.push_back(objc.dictionary(entryKeys, entryValues));
    weightValues.push_back(owned.back().get());
  }
  CFOwned weightDict = objc.dictionary(weightKeys, weightValues);
  ObjCId descriptor =
      p.msgSend.id_id_id_id(objc.cls(kDescriptorClass),
                            objc.sel("modelWithMILText:weights:optionsPlist:"),
                            milData.id(), weightDict.id(), nullptr);
  if (!descriptor)
    return makeError("ANE compile failed: +[_ANEInMemoryModelDescriptor "
                     "modelWithMILText:weights:optionsPlist:] returned nil "
                     "(MIL text or weights dictionary rejected)");

  // 2. In-memory model.
  model->model_ = objc.retain(
      p.msgSend.id_id(objc.cls(kModelClass),
                      objc.sel("inMemoryModelWithDescriptor:"), descriptor));
  if (!model->model_)
    return makeError("ANE compile failed: +[_ANEInMemoryModel "
                     "inMemoryModelWithDescriptor:] returned nil");
  for (const char *sel :
       {"hexStringIdentifier",
        "compileWithQoS:options:error:", "loadWithQoS:options:error:",
        "evaluateWithQoS:options:request:error:", "unloadWithQoS:error:"})
    if (!objc.responds(model->model_, sel))
      return missingSelector('-', kModelClass, sel);

  // 3. Temp directory <root>/<hexStringIdentifier>/{model.mil,weights/...}.
  model->identifier_ = objc.toString(
      p.msgSend.id(model->model_, objc.sel("hexStringIdentifier")));
  if (model->identifier_.empty())
    return makeError("ANE compile failed: empty hexStringIdentifier");
  // The framework reads NSTemporaryDirectory()/<hexStringIdentifier>/.
  std::string root = objc.toString(p.NSTemporaryDirectory());
  llvm::SmallString<256> dir(root);
  llvm::sys::path::append(dir, model->identifier_);
  model->tempDir_ = std::string(dir);
  retainTempDir(model->tempDir_);
  llvm::SmallString<256> weightsDir(dir);
  llvm::sys::path::append(weightsDir, "weights");
  if (std::error_code ec = llvm::sys::fs::create_directories(weightsDir))
    return makeError("cannot create " + weightsDir + ": " + ec.message());
  llvm::SmallString<256> milPath(dir);
  llvm::sys::path::append(milPath, "model.mil");
  if (Error err = writeFile(
          milPath, llvm::ArrayRef<uint8_t>(
                       reinterpret_cast<const uint8_t *>(milText.data()),
                       milText.size())))
    return std::move(err);
  for (const auto &[path, bytes] : weights) {
    llvm::SmallString<256> file(dir);
    llvm::sys::path::append(
        file, llvm::StringRef(path).drop_front(strlen(kModelPathPrefix)));
    if (std::error_code ec = llvm::sys::fs::create_directories(
            llvm::sys::path::parent_path(file)))
      return makeError("cannot create directory for " + file + ": " +
                       ec.message());
    if (Error err = writeFile(file, bytes))
      return std::move(err);
  }

  // 4. Compile (counted against the per-process budget) and load.
  if (Error err = CompileBudget::acquire())
    return std::move(err);
  CFOwned noOptions = objc.dictionary({}, {});
  ObjCId nsError = nullptr;
  if (!p.msgSend.bool_u32_id_err(model->model_,
                                 objc.sel("compileWithQoS:options:error:"),
                                 options_.qos, noOptions.id(), &nsError))
    return makeError("ANE compile failed: " + objc.errorText(nsError) +
                     leakHint());
  if (options_.loadAfterCompile)
    if (Error err = model->load())
      return std::move(err);

  // 5. One IOSurface + _ANEIOSurfaceObject per input and output.
  for (const ANETensorDesc &d : inputs)
    if (Error err = model->bind(d, model->inputs_))
      return std::move(err);
  for (const ANETensorDesc &d : outputs)
    if (Error err = model->bind(d, model->outputs_))
      return std::move(err);

  // 6. Optional performance statistics object.
  if (options_.perfStats) {
    ObjCId statsClass = objc.cls(kPerfStatsClass);
    if (statsClass &&
        objc.responds(statsClass, "statsWithHardwareExecutionNS:"))
      model->perfStats_ = objc.retain(p.msgSend.id_u64(
          statsClass, objc.sel("statsWithHardwareExecutionNS:"), 0));
  }

  // 7. The request.
  if (Error err = model->buildRequest())
    return std::move(err);
  return std::move(model);
}
