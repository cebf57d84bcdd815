//===- ObjCBridge.h - Typed helpers over a Platform table ------*- C++ -*-===//
//
// Internal to the ANE backend: builds CoreFoundation objects (NSData,
// NSString, NSNumber, NSArray, NSDictionary by toll-free bridging), owns them
// with RAII, scopes autorelease pools, checks selectors with
// respondsToSelector:, and turns an NSError into a message.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_RUNTIME_ANE_OBJCBRIDGE_H
#define ANE_LIB_RUNTIME_ANE_OBJCBRIDGE_H

#include "ane/Runtime/ANE/Platform.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>

namespace ane::device::detail {

/// Owns one +1 reference (CFRelease on destruction).
class CFOwned {
public:
  CFOwned() = default;
  CFOwned(const Platform &p, CFTypeRef ref) : p_(&p), ref_(ref) {}
  CFOwned(CFOwned &&o) : p_(o.p_), ref_(std::exchange(o.ref_, nullptr)) {}
  CFOwned &operator=(CFOwned &&o) {
    reset();
    p_ = o.p_;
    ref_ = std::exchange(o.ref_, nullptr);
    return *this;
  }
  ~CFOwned() { reset(); }
  void reset() {
    if (ref_)
      p_->CFRelease(ref_);
    ref_ = nullptr;
  }
  CFTypeRef get() const { return ref_; }
  ObjCId id() const { return const_cast<void *>(ref_); }
  CFTypeRef release() { return std::exchange(ref_, nullptr); }

private:
  const Platform *p_ = nullptr;
  CFTypeRef ref_ = nullptr;
};

/// objc_autoreleasePoolPush/Pop scope.
class AutoreleasePool {
public:
  explicit AutoreleasePool(const Platform &p)
      : p_(p), pool_(p.objc_autoreleasePoolPush()) {}
  ~AutoreleasePool() { p_.objc_autoreleasePoolPop(pool_); }

private:
  const Platform &p_;
  void *pool_;
};

class ObjC {
public:
  explicit ObjC(const Platform &p) : p(p) {}
  const Platform &p;

  ObjCSel sel(const char *name) const { return p.sel_registerName(name); }
  ObjCId cls(const char *name) const { return p.objc_getClass(name); }

  CFOwned string(llvm::StringRef s) const {
    std::string z = s.str();
    return {p, p.CFStringCreateWithCString(nullptr, z.c_str(),
                                           kCFStringEncodingUTF8)};
  }
  CFOwned data(llvm::ArrayRef<uint8_t> bytes) const {
    return {p, p.CFDataCreate(nullptr, bytes.data(),
                              static_cast<CFIndex>(bytes.size()))};
  }
  CFOwned number(int64_t v) const {
    return {p, p.CFNumberCreate(nullptr, kCFNumberSInt64Type, &v)};
  }
  CFOwned array(llvm::ArrayRef<CFTypeRef> values) const {
    return {p,
            p.CFArrayCreate(nullptr, const_cast<const void **>(values.data()),
                            static_cast<CFIndex>(values.size()),
                            p.kCFTypeArrayCallBacks)};
  }
  CFOwned dictionary(llvm::ArrayRef<CFTypeRef> keys,
                     llvm::ArrayRef<CFTypeRef> values) const {
    return {p, p.CFDictionaryCreate(nullptr,
                                    const_cast<const void **>(keys.data()),
                                    const_cast<const void **>(values.data()),
                                    static_cast<CFIndex>(keys.size()),
                                    p.kCFTypeDictionaryKeyCallBacks,
                                    p.kCFTypeDictionaryValueCallBacks)};
  }
  /// Takes a +1 reference on an autoreleased object we keep.
  ObjCId retain(ObjCId obj) const {
    if (obj)
      p.CFRetain(obj);
    return obj;
  }
  void release(ObjCId &obj) const {
    if (obj)
      p.CFRelease(obj);
    obj = nullptr;
  }

  /// -[NSString UTF8String] copied into a std::string ("" for nil).
  std::string toString(ObjCId nsString) const {
    if (!nsString)
      return "";
    const char *s = p.msgSend.cstr(nsString, sel("UTF8String"));
    return s ? s : "";
  }
  /// -[NSError code].
  int64_t errorCode(ObjCId error) const {
    return error ? p.msgSend.i64(error, sel("code")) : 0;
  }
  /// -[NSError description] (or a placeholder when no NSError was given).
  std::string errorText(ObjCId error) const {
    if (!error)
      return "no NSError returned";
    return toString(p.msgSend.id(error, sel("description")));
  }
  /// +/-[target respondsToSelector:].
  bool responds(ObjCId target, const char *selector) const {
    return target && p.msgSend.bool_sel(target, sel("respondsToSelector:"),
                                        sel(selector));
  }
};

} // namespace ane::device::detail

#endif // ANE_LIB_RUNTIME_ANE_OBJCBRIDGE_H
