//===- FakePlatform.cpp - C entry points of the fake ANE platform ---------===//
//
// The Platform table of the fake: libobjc (classes, selectors, one
// objc_msgSend per signature, autorelease pools), Foundation's
// NSTemporaryDirectory, CoreFoundation object constructors and reference
// counting, and IOSurfaces in ordinary memory. Messages go to
// FakePlatform::Impl::send; the classes are in FakeANEClasses.cpp.
//
//===----------------------------------------------------------------------===//

#include "FakeRuntime.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <cstring>

using namespace ane::device;
using namespace ane::device::fake;
using Impl = FakePlatform::Impl;

Impl *Impl::active = nullptr;

static Impl &F() {
  if (!Impl::active)
    llvm::report_fatal_error("fake ANE platform called after it was destroyed");
  return *Impl::active;
}

Object *Collection::lookup(llvm::StringRef key) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (auto *s = dynamic_cast<String *>(keys[i]); s && s->str == key)
      return items[i];
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Object lifetime.
//===----------------------------------------------------------------------===//

Object *Impl::retain(Object *o) {
  if (o && live.count(o))
    ++o->refs;
  return o;
}

void Impl::release(Object *o) {
  if (!o || !live.count(o))
    return;
  if (--o->refs > 0)
    return;
  live.erase(o);
  if (auto *c = dynamic_cast<Collection *>(o)) {
    for (Object *k : c->keys)
      release(k);
    for (Object *v : c->items)
      release(v);
  } else if (auto *so = dynamic_cast<SurfaceObject *>(o)) {
    release(so->surface);
  } else if (auto *r = dynamic_cast<Request *>(o)) {
    for (Object *s : r->inputs)
      release(s);
    for (Object *s : r->outputs)
      release(s);
    release(r->perfStats);
  }
  delete o;
}

Object *Impl::autorelease(Object *o) {
  if (!o)
    return o;
  if (pools.empty()) {
    violation("object of class " + o->cls +
              " autoreleased with no autorelease pool (leaked)");
    return o;
  }
  pools.back().push_back(o);
  return o;
}

Object *Impl::lookup(const void *handle, const char *what) {
  if (!handle)
    return nullptr;
  auto *o = static_cast<Object *>(const_cast<void *>(handle));
  if (live.count(o))
    return o;
  for (auto &[name, obj] : immortal)
    if (obj.get() == o)
      return o;
  violation(std::string(what) + ": not a live object");
  return nullptr;
}

Object *Impl::classNamed(const std::string &name) {
  auto &slot = immortal["class:" + name];
  if (!slot)
    slot = std::make_unique<ClassObject>(name);
  return slot.get();
}

const void *Impl::internSelector(const char *name) {
  return selectors.insert(name).first->c_str();
}

void Impl::violation(const std::string &what) {
  violations.push_back(what);
  trace.push_back("violation: " + what);
}

void Impl::fail(ObjCId *err, int64_t code, const std::string &text) {
  if (!err)
    return;
  std::string description =
      "Error Domain=com.apple.appleneuralengine Code=" + std::to_string(code) +
      " \"" + text + "\"";
  *err = autorelease(make<ErrorObject>(code, description));
}

void Impl::addMethod(const std::string &key, const std::string &sig,
                     Handler fn) {
  methods[key] = Method{sig, std::move(fn)};
  llvm::StringRef cls = llvm::StringRef(key).drop_front(2); // "+[" / "-["
  knownClasses.insert(cls.take_until([](char c) { return c == ' '; }).str());
}

Result Impl::send(const char *sig, ObjCId selfHandle, ObjCSel sel, Call call) {
  call.self = lookup(selfHandle, "message receiver");
  call.sel = static_cast<const char *>(sel);
  if (!call.self) {
    violation(std::string("message ") + call.sel + " sent to nil/unknown");
    return {};
  }
  std::string key = std::string(call.self->isClass ? "+[" : "-[") +
                    call.self->cls + " " + call.sel + "]";
  if (call.sel == "respondsToSelector:") {
    std::string asked = std::string(call.self->isClass ? "+[" : "-[") +
                        call.self->cls + " " +
                        static_cast<const char *>(call.selArg) + "]";
    Result r;
    r.ok = methods.count(asked) && !opts.missingSelectors.count(asked);
    return r;
  }
  auto it = methods.find(key);
  if (it == methods.end() || opts.missingSelectors.count(key)) {
    ++unrecognized;
    trace.push_back("unrecognized selector " + key);
    return {};
  }
  if (it->second.sig != sig) {
    violation(key + " called through objc_msgSend typed '" + sig +
              "', expected '" + it->second.sig + "'");
    return {};
  }
  return it->second.fn(call);
}

//===----------------------------------------------------------------------===//
// The C entry points.
//===----------------------------------------------------------------------===//

namespace {
ObjCId fakeGetClass(const char *name) {
  Impl &f = F();
  if (f.opts.missingClasses.count(name) || !f.knownClasses.count(name))
    return nullptr;
  return f.classNamed(name);
}
ObjCSel fakeSelRegisterName(const char *name) {
  return F().internSelector(name);
}
void *fakePoolPush() {
  Impl &f = F();
  f.pools.emplace_back();
  return reinterpret_cast<void *>(f.pools.size());
}
void fakePoolPop(void *token) {
  Impl &f = F();
  size_t depth = reinterpret_cast<size_t>(token);
  if (depth == 0 || depth > f.pools.size()) {
    f.violation("autorelease pool popped out of order");
    return;
  }
  while (f.pools.size() >= depth) {
    std::vector<Object *> objs = std::move(f.pools.back());
    f.pools.pop_back();
    for (Object *o : objs)
      f.release(o);
  }
}

// objc_msgSend, one entry per signature.
ObjCId sendId(ObjCId self, ObjCSel sel) {
  return F().send("id", self, sel, {}).id;
}
ObjCId sendIdId(ObjCId self, ObjCSel sel, ObjCId a) {
  Call c;
  c.args = {a};
  return F().send("id_id", self, sel, c).id;
}
ObjCId sendId3(ObjCId self, ObjCSel sel, ObjCId a, ObjCId b, ObjCId d) {
  Call c;
  c.args = {a, b, d};
  return F().send("id_id_id_id", self, sel, c).id;
}
ObjCId sendIdPtr(ObjCId self, ObjCSel sel, void *a) {
  Call c;
  c.args = {a};
  return F().send("id_ptr", self, sel, c).id;
}
ObjCId sendIdU64(ObjCId self, ObjCSel sel, uint64_t v) {
  Call c;
  c.num = v;
  return F().send("id_u64", self, sel, c).id;
}
ObjCId sendId7(ObjCId self, ObjCSel sel, ObjCId a, ObjCId b, ObjCId d, ObjCId e,
               ObjCId g, ObjCId h, ObjCId i) {
  Call c;
  c.args = {a, b, d, e, g, h, i};
  return F().send("id_7id", self, sel, c).id;
}
ObjCBool sendBoolSel(ObjCId self, ObjCSel sel, ObjCSel arg) {
  Call c;
  c.selArg = arg;
  return F().send("bool_sel", self, sel, c).ok;
}
ObjCBool sendBoolU32IdErr(ObjCId self, ObjCSel sel, unsigned q, ObjCId a,
                          ObjCId *err) {
  Call c;
  c.num = q;
  c.args = {a};
  c.err = err;
  return F().send("bool_u32_id_err", self, sel, c).ok;
}
ObjCBool sendBoolU32IdIdErr(ObjCId self, ObjCSel sel, unsigned q, ObjCId a,
                            ObjCId b, ObjCId *err) {
  Call c;
  c.num = q;
  c.args = {a, b};
  c.err = err;
  return F().send("bool_u32_id_id_err", self, sel, c).ok;
}
ObjCBool sendBoolU32Err(ObjCId self, ObjCSel sel, unsigned q, ObjCId *err) {
  Call c;
  c.num = q;
  c.err = err;
  return F().send("bool_u32_err", self, sel, c).ok;
}
const char *sendCStr(ObjCId self, ObjCSel sel) {
  return F().send("cstr", self, sel, {}).cstr;
}
uint64_t sendU64(ObjCId self, ObjCSel sel) {
  return F().send("u64", self, sel, {}).num;
}
int64_t sendI64(ObjCId self, ObjCSel sel) {
  return static_cast<int64_t>(F().send("i64", self, sel, {}).num);
}

ObjCId fakeNSTemporaryDirectory() {
  Impl &f = F();
  f.trace.push_back("NSTemporaryDirectory");
  return f.autorelease(f.make<String>(f.opts.tempRoot + "/"));
}

// CoreFoundation.
const char kArrayCallBacks = 0, kKeyCallBacks = 0, kValueCallBacks = 0;

CFTypeRef fakeCFRetain(CFTypeRef ref) {
  Impl &f = F();
  f.retain(f.lookup(ref, "CFRetain"));
  return ref;
}
void fakeCFRelease(CFTypeRef ref) {
  Impl &f = F();
  if (Object *o = f.lookup(ref, "CFRelease"))
    f.release(o);
}
CFTypeRef fakeCFStringCreate(CFTypeRef, const char *s, uint32_t encoding) {
  Impl &f = F();
  if (encoding != kCFStringEncodingUTF8)
    f.violation("CFStringCreateWithCString with a non-UTF-8 encoding");
  return f.make<String>(s ? s : "");
}
CFTypeRef fakeCFDataCreate(CFTypeRef, const uint8_t *bytes, CFIndex n) {
  return F().make<Data>(std::vector<uint8_t>(bytes, bytes + n));
}
CFTypeRef fakeCFNumberCreate(CFTypeRef, CFIndex type, const void *value) {
  Impl &f = F();
  int64_t v = 0;
  if (type == kCFNumberSInt64Type)
    std::memcpy(&v, value, 8);
  else if (type == kCFNumberSInt32Type) {
    int32_t v32;
    std::memcpy(&v32, value, 4);
    v = v32;
  } else
    f.violation("CFNumberCreate with unsupported type " + std::to_string(type));
  return f.make<Number>(v);
}
CFTypeRef fakeCFArrayCreate(CFTypeRef, const void **values, CFIndex n,
                            const void *callBacks) {
  Impl &f = F();
  if (callBacks != &kArrayCallBacks)
    f.violation("CFArrayCreate without kCFTypeArrayCallBacks");
  auto *a = f.make<Collection>("NSArray");
  for (CFIndex i = 0; i < n; ++i)
    a->items.push_back(f.retain(f.lookup(values[i], "CFArrayCreate value")));
  return a;
}
CFTypeRef fakeCFDictionaryCreate(CFTypeRef, const void **keys,
                                 const void **values, CFIndex n,
                                 const void *keyCallBacks,
                                 const void *valueCallBacks) {
  Impl &f = F();
  if (keyCallBacks != &kKeyCallBacks || valueCallBacks != &kValueCallBacks)
    f.violation("CFDictionaryCreate without the kCFType callbacks");
  auto *d = f.make<Collection>("NSDictionary");
  for (CFIndex i = 0; i < n; ++i) {
    d->keys.push_back(f.retain(f.lookup(keys[i], "CFDictionaryCreate key")));
    d->items.push_back(
        f.retain(f.lookup(values[i], "CFDictionaryCreate value")));
  }
  return d;
}

// IOSurface.
IOSurfaceRef fakeIOSurfaceCreate(CFTypeRef props) {
  Impl &f = F();
  auto *dict = dynamic_cast<Collection *>(f.lookup(props, "IOSurfaceCreate"));
  auto get = [&](const char *key) -> int64_t {
    auto *n = dict ? dynamic_cast<Number *>(dict->lookup(key)) : nullptr;
    if (!n) {
      f.violation(std::string("IOSurfaceCreate properties lack ") + key);
      return -1;
    }
    return n->value;
  };
  int64_t width = get("IOSurfaceWidth"), height = get("IOSurfaceHeight"),
          bpe = get("IOSurfaceBytesPerElement"),
          bpr = get("IOSurfaceBytesPerRow"), alloc = get("IOSurfaceAllocSize"),
          format = get("IOSurfacePixelFormat");
  if (height != 1 || bpe != 1 || format != 0 || width != bpr ||
      width != alloc || alloc <= 0) {
    f.violation("IOSurfaceCreate properties differ from the documented "
                "{Width=Bytes, Height=1, BytesPerElement=1, BytesPerRow=Bytes, "
                "AllocSize=Bytes, PixelFormat=0}");
    return nullptr;
  }
  f.trace.push_back("IOSurfaceCreate " + std::to_string(alloc));
  return f.make<Surface>(static_cast<uint64_t>(alloc));
}
Surface *asSurface(IOSurfaceRef ref, const char *what) {
  return dynamic_cast<Surface *>(F().lookup(ref, what));
}
int fakeIOSurfaceLock(IOSurfaceRef ref, uint32_t, uint32_t *) {
  Surface *s = asSurface(ref, "IOSurfaceLock");
  if (!s)
    return -1;
  ++s->locks;
  return 0;
}
int fakeIOSurfaceUnlock(IOSurfaceRef ref, uint32_t, uint32_t *) {
  Surface *s = asSurface(ref, "IOSurfaceUnlock");
  if (!s || s->locks == 0) {
    F().violation("IOSurfaceUnlock of a surface that is not locked");
    return -1;
  }
  --s->locks;
  return 0;
}
void *fakeIOSurfaceGetBaseAddress(IOSurfaceRef ref) {
  Surface *s = asSurface(ref, "IOSurfaceGetBaseAddress");
  return s ? s->bytes.data() : nullptr;
}
size_t fakeIOSurfaceGetAllocSize(IOSurfaceRef ref) {
  Surface *s = asSurface(ref, "IOSurfaceGetAllocSize");
  return s ? s->bytes.size() : 0;
}
} // namespace

//===----------------------------------------------------------------------===//
// FakePlatform.
//===----------------------------------------------------------------------===//

Impl::Impl(FakeOptions options) : opts(std::move(options)) {
  if (!opts.compile)
    opts.compile = FakePlatform::defaultCompile();
  if (opts.tempRoot.empty()) {
    llvm::SmallString<128> dir;
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, dir);
    llvm::sys::path::append(
        dir, "ane-fake-" + std::to_string(llvm::sys::Process::getProcessId()));
    opts.tempRoot = std::string(dir);
    ownsTempRoot = true;
  }
  auto t = std::make_shared<Platform>();
  t->name = "fake";
  t->objc_getClass = fakeGetClass;
  t->sel_registerName = fakeSelRegisterName;
  t->objc_autoreleasePoolPush = fakePoolPush;
  t->objc_autoreleasePoolPop = fakePoolPop;
  t->msgSend.id = sendId;
  t->msgSend.id_id = sendIdId;
  t->msgSend.id_id_id_id = sendId3;
  t->msgSend.id_ptr = sendIdPtr;
  t->msgSend.id_u64 = sendIdU64;
  t->msgSend.id_7id = sendId7;
  t->msgSend.bool_sel = sendBoolSel;
  t->msgSend.bool_u32_id_err = sendBoolU32IdErr;
  t->msgSend.bool_u32_id_id_err = sendBoolU32IdIdErr;
  t->msgSend.bool_u32_err = sendBoolU32Err;
  t->msgSend.cstr = sendCStr;
  t->msgSend.u64 = sendU64;
  t->msgSend.i64 = sendI64;
  t->NSTemporaryDirectory = fakeNSTemporaryDirectory;
  t->CFRetain = fakeCFRetain;
  t->CFRelease = fakeCFRelease;
  t->CFStringCreateWithCString = fakeCFStringCreate;
  t->CFDataCreate = fakeCFDataCreate;
  t->CFNumberCreate = fakeCFNumberCreate;
  t->CFArrayCreate = fakeCFArrayCreate;
  t->CFDictionaryCreate = fakeCFDictionaryCreate;
  t->kCFTypeArrayCallBacks = &kArrayCallBacks;
  t->kCFTypeDictionaryKeyCallBacks = &kKeyCallBacks;
  t->kCFTypeDictionaryValueCallBacks = &kValueCallBacks;
  t->IOSurfaceCreate = fakeIOSurfaceCreate;
  t->IOSurfaceLock = fakeIOSurfaceLock;
  t->IOSurfaceUnlock = fakeIOSurfaceUnlock;
  t->IOSurfaceGetBaseAddress = fakeIOSurfaceGetBaseAddress;
  t->IOSurfaceGetAllocSize = fakeIOSurfaceGetAllocSize;
  auto key = [&](const char *name) -> CFTypeRef {
    auto &slot = immortal[std::string("key:") + name];
    slot = std::make_unique<String>(name);
    return slot.get();
  };
  t->kIOSurfaceWidth = key("IOSurfaceWidth");
  t->kIOSurfaceHeight = key("IOSurfaceHeight");
  t->kIOSurfaceBytesPerElement = key("IOSurfaceBytesPerElement");
  t->kIOSurfaceBytesPerRow = key("IOSurfaceBytesPerRow");
  t->kIOSurfaceAllocSize = key("IOSurfaceAllocSize");
  t->kIOSurfacePixelFormat = key("IOSurfacePixelFormat");
  table = std::move(t);
  registerClasses();
}

Impl::~Impl() {
  for (Object *o : live)
    delete o;
  if (ownsTempRoot)
    llvm::sys::fs::remove_directories(opts.tempRoot, /*IgnoreErrors=*/true);
}

FakePlatform::FakePlatform(FakeOptions options) {
  if (Impl::active)
    llvm::report_fatal_error("only one FakePlatform may exist at a time");
  impl_ = std::make_unique<Impl>(std::move(options));
  Impl::active = impl_.get();
}

FakePlatform::~FakePlatform() { Impl::active = nullptr; }

static FakeCompileFn &defaultCompileSlot() {
  static FakeCompileFn fn;
  return fn;
}
FakeCompileFn FakePlatform::defaultCompile() {
  FakeCompileFn fn = defaultCompileSlot();
  return fn ? fn : identityCompile();
}
void FakePlatform::setDefaultCompile(FakeCompileFn compile) {
  defaultCompileSlot() = std::move(compile);
}

std::shared_ptr<const Platform> FakePlatform::platform() const {
  return impl_->table;
}
FakeOptions &FakePlatform::options() { return impl_->opts; }
const std::vector<std::string> &FakePlatform::trace() const {
  return impl_->trace;
}
void FakePlatform::clearTrace() { impl_->trace.clear(); }
unsigned FakePlatform::compileCount() const { return impl_->compiles; }
void FakePlatform::resetCompileCount() { impl_->compiles = 0; }
size_t FakePlatform::liveObjects() const { return impl_->live.size(); }
unsigned FakePlatform::unrecognizedSelectors() const {
  return impl_->unrecognized;
}
const std::vector<std::string> &FakePlatform::violations() const {
  return impl_->violations;
}
