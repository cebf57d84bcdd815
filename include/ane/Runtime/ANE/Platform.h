//===- Platform.h - Run-time-resolved entry points of the ANE - -*- C++ -*-===//
//
// The ANE device backend reaches Apple's private AppleNeuralEngine framework,
// the Objective-C runtime, CoreFoundation and IOSurface only through this
// table of C function pointers. On macOS `openSystemPlatform()` fills it with
// dlopen/dlsym; on any other host that fails with "ANE backend unavailable:".
// The fake platform (FakePlatform.h) fills the same table with an in-process
// model of the framework so that the whole call protocol is tested on Linux.
//
// No Apple header is used: the opaque types and signatures below are declared
// here. `objc_msgSend` is never called through a generic pointer: the table
// holds one entry per call signature the backend uses, and on the system
// platform each entry is the address of `objc_msgSend` cast to that exact
// signature (the Objective-C ABI requires the caller to use the callee's
// real prototype).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_PLATFORM_H
#define ANE_RUNTIME_ANE_PLATFORM_H

#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace ane::device {

// Opaque Objective-C / CoreFoundation / IOSurface handles.
using ObjCId = void *;        // id (also Class, NSString*, NSError*, ...)
using ObjCSel = const void *; // SEL
using CFTypeRef = const void *;
using CFIndex = long;
using IOSurfaceRef = void *;
// BOOL is `bool` on arm64 and `signed char` on x86_64 macOS.
#if defined(__aarch64__) || defined(__arm64__)
using ObjCBool = bool;
#else
using ObjCBool = signed char;
#endif

/// CoreFoundation constants used by the backend (values from the public ABI).
constexpr uint32_t kCFStringEncodingUTF8 = 0x08000100;
constexpr CFIndex kCFNumberSInt32Type = 3;
constexpr CFIndex kCFNumberSInt64Type = 4;
constexpr uint32_t kIOSurfaceLockReadOnly = 1;

/// The framework the real platform loads.
constexpr const char *kAppleNeuralEngineFrameworkPath =
    "/System/Library/PrivateFrameworks/AppleNeuralEngine.framework/"
    "AppleNeuralEngine";

/// Function table of every entry point the backend calls.
struct Platform {
  /// "system" or "fake"; shown in diagnostics and traces.
  std::string name;

  // libobjc.
  ObjCId (*objc_getClass)(const char *name) = nullptr;
  ObjCSel (*sel_registerName)(const char *name) = nullptr;
  void *(*objc_autoreleasePoolPush)() = nullptr;
  void (*objc_autoreleasePoolPop)(void *pool) = nullptr;

  /// objc_msgSend, one entry per call signature (named after the argument
  /// types that follow `self, _cmd`; `err` is `NSError **`).
  struct MsgSend {
    ObjCId (*id)(ObjCId, ObjCSel) = nullptr;
    ObjCId (*id_id)(ObjCId, ObjCSel, ObjCId) = nullptr;
    ObjCId (*id_id_id_id)(ObjCId, ObjCSel, ObjCId, ObjCId, ObjCId) = nullptr;
    ObjCId (*id_ptr)(ObjCId, ObjCSel, void *) = nullptr;
    ObjCId (*id_u64)(ObjCId, ObjCSel, uint64_t) = nullptr;
    /// requestWithInputs:inputIndices:outputs:outputIndices:weightsBuffer:
    /// perfStats:procedureIndex: (seven object arguments).
    ObjCId (*id_7id)(ObjCId, ObjCSel, ObjCId, ObjCId, ObjCId, ObjCId, ObjCId,
                     ObjCId, ObjCId) = nullptr;
    ObjCBool (*bool_sel)(ObjCId, ObjCSel, ObjCSel) = nullptr;
    ObjCBool (*bool_u32_id_err)(ObjCId, ObjCSel, unsigned, ObjCId,
                                ObjCId *) = nullptr;
    ObjCBool (*bool_u32_id_id_err)(ObjCId, ObjCSel, unsigned, ObjCId, ObjCId,
                                   ObjCId *) = nullptr;
    ObjCBool (*bool_u32_err)(ObjCId, ObjCSel, unsigned, ObjCId *) = nullptr;
    const char *(*cstr)(ObjCId, ObjCSel) = nullptr;
    uint64_t (*u64)(ObjCId, ObjCSel) = nullptr;
    int64_t (*i64)(ObjCId, ObjCSel) = nullptr;
  } msgSend;

  // Foundation.
  ObjCId (*NSTemporaryDirectory)() = nullptr;

  // CoreFoundation (toll-free bridged: CFString = NSString, ...).
  CFTypeRef (*CFRetain)(CFTypeRef) = nullptr;
  void (*CFRelease)(CFTypeRef) = nullptr;
  CFTypeRef (*CFStringCreateWithCString)(CFTypeRef alloc, const char *str,
                                         uint32_t encoding) = nullptr;
  CFTypeRef (*CFDataCreate)(CFTypeRef alloc, const uint8_t *bytes,
                            CFIndex length) = nullptr;
  CFTypeRef (*CFNumberCreate)(CFTypeRef alloc, CFIndex type,
                              const void *valuePtr) = nullptr;
  CFTypeRef (*CFArrayCreate)(CFTypeRef alloc, const void **values,
                             CFIndex count, const void *callBacks) = nullptr;
  CFTypeRef (*CFDictionaryCreate)(CFTypeRef alloc, const void **keys,
                                  const void **values, CFIndex count,
                                  const void *keyCallBacks,
                                  const void *valueCallBacks) = nullptr;
  const void *kCFTypeArrayCallBacks = nullptr;
  const void *kCFTypeDictionaryKeyCallBacks = nullptr;
  const void *kCFTypeDictionaryValueCallBacks = nullptr;

  // IOSurface.
  IOSurfaceRef (*IOSurfaceCreate)(CFTypeRef properties) = nullptr;
  int (*IOSurfaceLock)(IOSurfaceRef, uint32_t options,
                       uint32_t *seed) = nullptr;
  int (*IOSurfaceUnlock)(IOSurfaceRef, uint32_t options,
                         uint32_t *seed) = nullptr;
  void *(*IOSurfaceGetBaseAddress)(IOSurfaceRef) = nullptr;
  size_t (*IOSurfaceGetAllocSize)(IOSurfaceRef) = nullptr;
  /// Property keys (the CFStringRef values of the exported constants).
  CFTypeRef kIOSurfaceWidth = nullptr, kIOSurfaceHeight = nullptr,
            kIOSurfaceBytesPerElement = nullptr,
            kIOSurfaceBytesPerRow = nullptr, kIOSurfaceAllocSize = nullptr,
            kIOSurfacePixelFormat = nullptr;

  /// Returns the name of the first entry that is still null, or "" when the
  /// table is complete.
  std::string firstMissingEntry() const;
};

/// Loads libobjc, Foundation, CoreFoundation, IOSurface and the
/// AppleNeuralEngine framework with dlopen and resolves every entry.
/// Fails with "ANE backend unavailable: <why>" on hosts without them.
llvm::Expected<std::shared_ptr<const Platform>> openSystemPlatform();

/// Error helper: "ANE backend unavailable: <why>".
llvm::Error makeUnavailableError(const llvm::Twine &why);

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_PLATFORM_H
