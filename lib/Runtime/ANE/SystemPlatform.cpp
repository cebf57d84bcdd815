//===- SystemPlatform.cpp - dlopen/dlsym of the real ANE stack ------------===//
//
// Fills a Platform table from the macOS system libraries. Every library and
// symbol is looked up at run time, so this file builds on every host; on a
// host without them `openSystemPlatform()` reports which piece is missing.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/ANE/Platform.h"

#include "llvm/ADT/StringRef.h"

#include <dlfcn.h>

using namespace ane::device;

namespace {
constexpr const char *kLibObjC = "/usr/lib/libobjc.A.dylib";
constexpr const char *kFoundation =
    "/System/Library/Frameworks/Foundation.framework/Foundation";
constexpr const char *kCoreFoundation =
    "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation";
constexpr const char *kIOSurface =
    "/System/Library/Frameworks/IOSurface.framework/IOSurface";

std::string dlErrorString() {
  const char *msg = dlerror();
  return msg ? msg : "unknown dlopen error";
}

/// Resolves symbols from one library, remembering the first failure.
struct Resolver {
  void *handle;
  std::string library;
  std::string failure;

  template <typename T> void fn(T &slot, const char *name) {
    void *sym = dlsym(handle, name);
    if (!sym && failure.empty())
      failure = std::string("symbol ") + name + " not found in " + library;
    slot = reinterpret_cast<T>(sym);
  }
  /// Resolves the address of a data symbol (e.g. kCFTypeArrayCallBacks).
  void data(const void *&slot, const char *name) {
    slot = dlsym(handle, name);
    if (!slot && failure.empty())
      failure = std::string("symbol ") + name + " not found in " + library;
  }
  /// Resolves a `const CFStringRef name` constant and stores its value.
  void constant(CFTypeRef &slot, const char *name) {
    auto *addr = static_cast<CFTypeRef *>(dlsym(handle, name));
    if (!addr && failure.empty())
      failure = std::string("symbol ") + name + " not found in " + library;
    slot = addr ? *addr : nullptr;
  }
};
} // namespace

llvm::Error ane::device::makeUnavailableError(const llvm::Twine &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "ANE backend unavailable: " + why.str());
}

std::string Platform::firstMissingEntry() const {
#define ANE_CHECK(field)                                                       \
  if (!(field))                                                                \
  return #field
  ANE_CHECK(objc_getClass);
  ANE_CHECK(sel_registerName);
  ANE_CHECK(objc_autoreleasePoolPush);
  ANE_CHECK(objc_autoreleasePoolPop);
  ANE_CHECK(msgSend.id);
  ANE_CHECK(msgSend.id_id);
  ANE_CHECK(msgSend.id_id_id_id);
  ANE_CHECK(msgSend.id_ptr);
  ANE_CHECK(msgSend.id_u64);
  ANE_CHECK(msgSend.id_7id);
  ANE_CHECK(msgSend.bool_sel);
  ANE_CHECK(msgSend.bool_u32_id_err);
  ANE_CHECK(msgSend.bool_u32_id_id_err);
  ANE_CHECK(msgSend.bool_u32_err);
  ANE_CHECK(msgSend.cstr);
  ANE_CHECK(msgSend.u64);
  ANE_CHECK(msgSend.i64);
  ANE_CHECK(NSTemporaryDirectory);
  ANE_CHECK(CFRetain);
  ANE_CHECK(CFRelease);
  ANE_CHECK(CFStringCreateWithCString);
  ANE_CHECK(CFDataCreate);
  ANE_CHECK(CFNumberCreate);
  ANE_CHECK(CFArrayCreate);
  ANE_CHECK(CFDictionaryCreate);
  ANE_CHECK(kCFTypeArrayCallBacks);
  ANE_CHECK(kCFTypeDictionaryKeyCallBacks);
  ANE_CHECK(kCFTypeDictionaryValueCallBacks);
  ANE_CHECK(IOSurfaceCreate);
  ANE_CHECK(IOSurfaceLock);
  ANE_CHECK(IOSurfaceUnlock);
  ANE_CHECK(IOSurfaceGetBaseAddress);
  ANE_CHECK(IOSurfaceGetAllocSize);
  ANE_CHECK(kIOSurfaceWidth);
  ANE_CHECK(kIOSurfaceHeight);
  ANE_CHECK(kIOSurfaceBytesPerElement);
  ANE_CHECK(kIOSurfaceBytesPerRow);
  ANE_CHECK(kIOSurfaceAllocSize);
  ANE_CHECK(kIOSurfacePixelFormat);
#undef ANE_CHECK
  return "";
}

llvm::Expected<std::shared_ptr<const Platform>>
ane::device::openSystemPlatform() {
  auto open = [](const char *path) -> llvm::Expected<void *> {
    void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (!handle)
      return makeUnavailableError(llvm::Twine("cannot load ") + path + ": " +
                                  dlErrorString());
    return handle;
  };
  auto objc = open(kLibObjC);
  if (!objc)
    return objc.takeError();
  auto foundation = open(kFoundation);
  if (!foundation)
    return foundation.takeError();
  auto cf = open(kCoreFoundation);
  if (!cf)
    return cf.takeError();
  auto iosurface = open(kIOSurface);
  if (!iosurface)
    return iosurface.takeError();
  // Loading the framework registers the _ANE* classes with the runtime.
  auto ane = open(kAppleNeuralEngineFrameworkPath);
  if (!ane)
    return ane.takeError();

  auto p = std::make_shared<Platform>();
  p->name = "system";
  Resolver r{*objc, kLibObjC, ""};
  r.fn(p->objc_getClass, "objc_getClass");
  r.fn(p->sel_registerName, "sel_registerName");
  r.fn(p->objc_autoreleasePoolPush, "objc_autoreleasePoolPush");
  r.fn(p->objc_autoreleasePoolPop, "objc_autoreleasePoolPop");
  // The same objc_msgSend, typed once per call signature.
  r.fn(p->msgSend.id, "objc_msgSend");
  r.fn(p->msgSend.id_id, "objc_msgSend");
  r.fn(p->msgSend.id_id_id_id, "objc_msgSend");
  r.fn(p->msgSend.id_ptr, "objc_msgSend");
  r.fn(p->msgSend.id_u64, "objc_msgSend");
  r.fn(p->msgSend.id_7id, "objc_msgSend");
  r.fn(p->msgSend.bool_sel, "objc_msgSend");
  r.fn(p->msgSend.bool_u32_id_err, "objc_msgSend");
  r.fn(p->msgSend.bool_u32_id_id_err, "objc_msgSend");
  r.fn(p->msgSend.bool_u32_err, "objc_msgSend");
  r.fn(p->msgSend.cstr, "objc_msgSend");
  r.fn(p->msgSend.u64, "objc_msgSend");
  r.fn(p->msgSend.i64, "objc_msgSend");
  Resolver f{*foundation, kFoundation, ""};
  f.fn(p->NSTemporaryDirectory, "NSTemporaryDirectory");
  Resolver c{*cf, kCoreFoundation, ""};
  c.fn(p->CFRetain, "CFRetain");
  c.fn(p->CFRelease, "CFRelease");
  c.fn(p->CFStringCreateWithCString, "CFStringCreateWithCString");
  c.fn(p->CFDataCreate, "CFDataCreate");
  c.fn(p->CFNumberCreate, "CFNumberCreate");
  c.fn(p->CFArrayCreate, "CFArrayCreate");
  c.fn(p->CFDictionaryCreate, "CFDictionaryCreate");
  c.data(p->kCFTypeArrayCallBacks, "kCFTypeArrayCallBacks");
  c.data(p->kCFTypeDictionaryKeyCallBacks, "kCFTypeDictionaryKeyCallBacks");
  c.data(p->kCFTypeDictionaryValueCallBacks, "kCFTypeDictionaryValueCallBacks");
  Resolver s{*iosurface, kIOSurface, ""};
  s.fn(p->IOSurfaceCreate, "IOSurfaceCreate");
  s.fn(p->IOSurfaceLock, "IOSurfaceLock");
  s.fn(p->IOSurfaceUnlock, "IOSurfaceUnlock");
  s.fn(p->IOSurfaceGetBaseAddress, "IOSurfaceGetBaseAddress");
  s.fn(p->IOSurfaceGetAllocSize, "IOSurfaceGetAllocSize");
  s.constant(p->kIOSurfaceWidth, "kIOSurfaceWidth");
  s.constant(p->kIOSurfaceHeight, "kIOSurfaceHeight");
  s.constant(p->kIOSurfaceBytesPerElement, "kIOSurfaceBytesPerElement");
  s.constant(p->kIOSurfaceBytesPerRow, "kIOSurfaceBytesPerRow");
  s.constant(p->kIOSurfaceAllocSize, "kIOSurfaceAllocSize");
  s.constant(p->kIOSurfacePixelFormat, "kIOSurfacePixelFormat");
  for (const Resolver *res : {&r, &f, &c, &s})
    if (!res->failure.empty())
      return makeUnavailableError(res->failure);
  if (p->objc_getClass("_ANEInMemoryModel") == nullptr)
    return makeUnavailableError(
        "class _ANEInMemoryModel not registered after loading " +
        llvm::Twine(kAppleNeuralEngineFrameworkPath));
  return std::shared_ptr<const Platform>(std::move(p));
}
