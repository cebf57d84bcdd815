//===- ANEModel.cpp - Evaluate a loaded ANE program -----------------------===//
//
// The run half of the call protocol (ANEDevice.h): locked copies into and out
// of the IOSurfaces, evaluateWithQoS:, timing, load/unload, and cleanup
// (unload, release request, wrappers, surfaces and model, remove the temp
// directory).
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/ANE/ANEDevice.h"

#include "ObjCBridge.h"
#include "TempDirs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"

#include <chrono>
#include <cstring>
#include <thread>

using namespace ane::device;
using namespace ane::device::detail;
using llvm::Error;
using llvm::Expected;

static Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// Adds what is known about an error code to an NSError message.
static std::string withHint(std::string text, int64_t code) {
  if (code == 0x1d)
    text += " [0x1d: some ANE/OS versions reject requests with more than one "
            "input; pack them into one with ane-opt -mil-pack-inputs]";
  return text;
}

ANEModel::~ANEModel() {
  const Platform &p = *platform_;
  ObjC objc(p);
  {
    AutoreleasePool pool(p);
    if (loaded_)
      consumeError(unload());
    objc.release(request_);
    objc.release(perfStats_);
    auto drop = [&](Binding &b) {
      objc.release(b.wrapper);
      if (b.surface)
        p.CFRelease(b.surface);
      b.surface = nullptr;
    };
    for (auto *bindings : {&inputs_, &outputs_})
      for (Binding &b : *bindings)
        drop(b);
    drop(weightsBuffer_);
    objc.release(model_);
  }
  if (!tempDir_.empty() && releaseTempDir(tempDir_) && !options_.keepTempDir)
    llvm::sys::fs::remove_directories(tempDir_, /*IgnoreErrors=*/true);
}

Error ANEModel::bind(const ANETensorDesc &desc, std::vector<Binding> &into) {
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  if (desc.byteSize() == 0)
    return makeError("I/O tensor " + desc.str() + " has no elements");
  uint64_t bytes = surfaceAllocSize(desc.byteSize(), options_.minSurfaceBytes,
                                    options_.surfaceAlignment);
  auto surface = createSurface(bytes);
  if (!surface)
    return surface.takeError();
  into.push_back(Binding{desc, *surface, nullptr}); // Owned from here on.
  into.back().wrapper =
      objc.retain(p.msgSend.id_ptr(objc.cls("_ANEIOSurfaceObject"),
                                   objc.sel("objectWithIOSurface:"), *surface));
  if (!into.back().wrapper)
    return makeError("+[_ANEIOSurfaceObject objectWithIOSurface:] returned "
                     "nil");
  return Error::success();
}

Expected<IOSurfaceRef> ANEModel::createSurface(uint64_t bytes) {
  const Platform &p = *platform_;
  ObjC objc(p);
  CFOwned size = objc.number(static_cast<int64_t>(bytes));
  CFOwned one = objc.number(1);
  CFOwned zeroFormat = objc.number(0);
  CFTypeRef keys[] = {p.kIOSurfaceWidth,           p.kIOSurfaceHeight,
                      p.kIOSurfaceBytesPerElement, p.kIOSurfaceBytesPerRow,
                      p.kIOSurfaceAllocSize,       p.kIOSurfacePixelFormat};
  CFTypeRef values[] = {size.get(), one.get(),  one.get(),
                        size.get(), size.get(), zeroFormat.get()};
  CFOwned props = objc.dictionary(keys, values);
  IOSurfaceRef surface = p.IOSurfaceCreate(props.get());
  if (!surface)
    return makeError("IOSurfaceCreate failed for " + llvm::Twine(bytes) +
                     " bytes");
  if (p.IOSurfaceGetAllocSize(surface) < bytes) {
    p.CFRelease(surface);
    return makeError("IOSurface of " + llvm::Twine(bytes) +
                     " bytes is smaller than requested");
  }
  return surface;
}

Error ANEModel::buildRequest() {
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  objc.release(request_);
  // Inputs/outputs with indices 0..n-1; procedureIndex is an NSNumber.
  std::vector<CFOwned> indexNumbers;
  auto arrays = [&](std::vector<Binding> &bs, CFOwned &objects,
                    CFOwned &indices) {
    std::vector<CFTypeRef> objs, idxs;
    for (size_t i = 0; i < bs.size(); ++i) {
      objs.push_back(bs[i].wrapper);
      indexNumbers.push_back(objc.number(static_cast<int64_t>(i)));
      idxs.push_back(indexNumbers.back().get());
    }
    objects = objc.array(objs);
    indices = objc.array(idxs);
  };
  CFOwned inArr, inIdx, outArr, outIdx;
  arrays(inputs_, inArr, inIdx);
  arrays(outputs_, outArr, outIdx);
  CFOwned procedure = objc.number(options_.procedureIndex);
  request_ = objc.retain(p.msgSend.id_7id(
      objc.cls("_ANERequest"),
      objc.sel("requestWithInputs:inputIndices:outputs:outputIndices:"
               "weightsBuffer:perfStats:procedureIndex:"),
      inArr.id(), inIdx.id(), outArr.id(), outIdx.id(), weightsBuffer_.wrapper,
      perfStats_, procedure.id()));
  if (!request_)
    return makeError("+[_ANERequest requestWithInputs:...] returned nil");
  return Error::success();
}

Error ANEModel::setProcedureIndex(int64_t index) {
  options_.procedureIndex = index;
  return buildRequest();
}

Error ANEModel::setWeightsBuffer(llvm::ArrayRef<uint8_t> bytes) {
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  objc.release(weightsBuffer_.wrapper);
  if (weightsBuffer_.surface)
    p.CFRelease(weightsBuffer_.surface);
  weightsBuffer_ = Binding{ANETensorDesc::raw(bytes.size()), nullptr, nullptr};
  if (!bytes.empty()) {
    auto surface = createSurface(bytes.size());
    if (!surface)
      return surface.takeError();
    weightsBuffer_.surface = *surface;
    if (Error err = copyIn(weightsBuffer_, bytes.data(), bytes.size()))
      return err;
    weightsBuffer_.wrapper = objc.retain(
        p.msgSend.id_ptr(objc.cls("_ANEIOSurfaceObject"),
                         objc.sel("objectWithIOSurface:"), *surface));
  }
  return buildRequest();
}

uint64_t ANEModel::inputSurfaceBytes(unsigned i) const {
  return platform_->IOSurfaceGetAllocSize(inputs_[i].surface);
}
uint64_t ANEModel::outputSurfaceBytes(unsigned i) const {
  return platform_->IOSurfaceGetAllocSize(outputs_[i].surface);
}

Error ANEModel::load() {
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  CFOwned noOptions = objc.dictionary({}, {});
  std::string lastError;
  for (unsigned attempt = 0; attempt <= options_.loadRetries; ++attempt) {
    if (attempt)
      std::this_thread::sleep_for(
          std::chrono::milliseconds(options_.loadRetryDelayMs));
    ObjCId nsError = nullptr;
    if (p.msgSend.bool_u32_id_err(model_,
                                  objc.sel("loadWithQoS:options:error:"),
                                  options_.qos, noOptions.id(), &nsError)) {
      loaded_ = true;
      return Error::success();
    }
    lastError = objc.errorText(nsError);
  }
  return makeError("ANE load failed: " + lastError);
}

Error ANEModel::unload() {
  if (!loaded_)
    return Error::success();
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  ObjCId nsError = nullptr;
  loaded_ = false;
  if (!p.msgSend.bool_u32_err(model_, objc.sel("unloadWithQoS:error:"),
                              options_.qos, &nsError))
    return makeError("ANE unload failed: " + objc.errorText(nsError));
  return Error::success();
}

Error ANEModel::copyIn(Binding &b, const void *data, uint64_t n) {
  const Platform &p = *platform_;
  if (int kr = p.IOSurfaceLock(b.surface, 0, nullptr))
    return makeError("IOSurfaceLock failed (" + llvm::Twine(kr) + ")");
  std::memcpy(p.IOSurfaceGetBaseAddress(b.surface), data, n);
  p.IOSurfaceUnlock(b.surface, 0, nullptr);
  return Error::success();
}

Error ANEModel::copyOut(Binding &b, void *data, uint64_t n) {
  const Platform &p = *platform_;
  if (int kr = p.IOSurfaceLock(b.surface, kIOSurfaceLockReadOnly, nullptr))
    return makeError("IOSurfaceLock failed (" + llvm::Twine(kr) + ")");
  std::memcpy(data, p.IOSurfaceGetBaseAddress(b.surface), n);
  p.IOSurfaceUnlock(b.surface, kIOSurfaceLockReadOnly, nullptr);
  return Error::success();
}

Error ANEModel::writeInput(unsigned i, llvm::ArrayRef<uint8_t> bytes) {
  if (i >= inputs_.size())
    return makeError("input index " + llvm::Twine(i) + " out of range (" +
                     llvm::Twine(inputs_.size()) + " inputs)");
  uint64_t want = inputs_[i].desc.byteSize();
  if (bytes.size() != want)
    return makeError("input " + llvm::Twine(i) + " " + inputs_[i].desc.str() +
                     " takes " + llvm::Twine(want) + " bytes, got " +
                     llvm::Twine(bytes.size()));
  return copyIn(inputs_[i], bytes.data(), want);
}

Error ANEModel::writeInputFloats(unsigned i, llvm::ArrayRef<float> values) {
  if (i >= inputs_.size())
    return writeInput(i, {});
  const ANETensorDesc &d = inputs_[i].desc;
  if (values.size() != d.numElements() ||
      (d.elemBytes != 2 && d.elemBytes != 4))
    return makeError("input " + llvm::Twine(i) + " " + d.str() + " takes " +
                     llvm::Twine(d.numElements()) +
                     " fp16/fp32 elements, got " + llvm::Twine(values.size()));
  if (d.elemBytes == 4)
    return copyIn(inputs_[i], values.data(), values.size() * 4);
  std::vector<uint16_t> halves(values.size());
  floatsToHalves(values, halves.data());
  return copyIn(inputs_[i], halves.data(), halves.size() * 2);
}

Error ANEModel::readOutput(unsigned i, llvm::MutableArrayRef<uint8_t> bytes) {
  if (i >= outputs_.size())
    return makeError("output index " + llvm::Twine(i) + " out of range (" +
                     llvm::Twine(outputs_.size()) + " outputs)");
  uint64_t have = outputs_[i].desc.byteSize();
  if (bytes.size() != have)
    return makeError("output " + llvm::Twine(i) + " " + outputs_[i].desc.str() +
                     " holds " + llvm::Twine(have) + " bytes, asked for " +
                     llvm::Twine(bytes.size()));
  return copyOut(outputs_[i], bytes.data(), have);
}

Error ANEModel::readOutputFloats(unsigned i, llvm::MutableArrayRef<float> out) {
  if (i >= outputs_.size())
    return readOutput(i, {});
  const ANETensorDesc &d = outputs_[i].desc;
  if (out.size() != d.numElements() || (d.elemBytes != 2 && d.elemBytes != 4))
    return makeError("output " + llvm::Twine(i) + " " + d.str() + " holds " +
                     llvm::Twine(d.numElements()) +
                     " fp16/fp32 elements, asked for " +
                     llvm::Twine(out.size()));
  if (d.elemBytes == 4)
    return copyOut(outputs_[i], out.data(), out.size() * 4);
  std::vector<uint16_t> halves(out.size());
  if (Error err = copyOut(outputs_[i], halves.data(), halves.size() * 2))
    return err;
  halvesToFloats(halves.data(), out);
  return Error::success();
}

Expected<EvalStats> ANEModel::evaluate() {
  if (!loaded_)
    return makeError("ANE evaluate failed: model is not loaded");
  const Platform &p = *platform_;
  ObjC objc(p);
  AutoreleasePool pool(p);
  CFOwned noOptions = objc.dictionary({}, {});
  ObjCId nsError = nullptr;
  auto start = std::chrono::steady_clock::now();
  bool ok = p.msgSend.bool_u32_id_id_err(
      model_, objc.sel("evaluateWithQoS:options:request:error:"), options_.qos,
      noOptions.id(), request_, &nsError);
  auto end = std::chrono::steady_clock::now();
  if (!ok)
    return makeError(
        "ANE evaluate failed: " +
        withHint(objc.errorText(nsError), objc.errorCode(nsError)));
  EvalStats stats;
  stats.wallMs = std::chrono::duration<double, std::milli>(end - start).count();
  if (perfStats_) {
    uint64_t ns = p.msgSend.u64(perfStats_, objc.sel("hwExecutionTime"));
    if (ns)
      stats.hwMs = ns / 1e6;
  }
  return stats;
}
