//===- FakeRuntime.h - Object model of the fake ANE platform ----*- C++ -*-===//
//
// Internal to the fake platform: reference-counted objects standing in for
// CoreFoundation/Foundation objects, IOSurfaces and _ANE* instances, the
// method table that dispatches messages by class and selector name, and the
// state shared by the C entry points of the fake Platform table.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_RUNTIME_ANE_FAKERUNTIME_H
#define ANE_LIB_RUNTIME_ANE_FAKERUNTIME_H

#include "ane/Runtime/ANE/FakePlatform.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ane::device::fake {

struct Object {
  explicit Object(std::string cls) : cls(std::move(cls)) {}
  virtual ~Object() = default;
  std::string cls;
  int refs = 1;
  bool isClass = false;
};

struct ClassObject : Object {
  explicit ClassObject(std::string name) : Object(std::move(name)) {
    isClass = true;
  }
};
struct String : Object {
  explicit String(std::string s) : Object("NSString"), str(std::move(s)) {}
  std::string str;
};
struct Data : Object {
  explicit Data(std::vector<uint8_t> b)
      : Object("NSData"), bytes(std::move(b)) {}
  std::vector<uint8_t> bytes;
};
struct Number : Object {
  explicit Number(int64_t v) : Object("NSNumber"), value(v) {}
  int64_t value;
};
/// NSArray (items) or NSDictionary (keys + items); members are retained.
struct Collection : Object {
  using Object::Object;
  std::vector<Object *> keys, items;
  Object *lookup(llvm::StringRef key) const;
};
struct ErrorObject : Object {
  ErrorObject(int64_t code, std::string text)
      : Object("NSError"), code(code), text(std::move(text)) {}
  int64_t code;
  std::string text;
};
struct Surface : Object {
  explicit Surface(uint64_t size) : Object("IOSurface"), bytes(size, 0) {}
  std::vector<uint8_t> bytes;
  int locks = 0;
};
struct Descriptor : Object {
  Descriptor() : Object("_ANEInMemoryModelDescriptor") {}
  std::string mil;
  WeightFiles weights;
};
struct Model : Object {
  Model() : Object("_ANEInMemoryModel") {}
  enum State { Created = 0, Compiled = 1, Loaded = 2 } state = Created;
  std::string mil, hex;
  WeightFiles weights;
  FakeProgram program;
};
struct SurfaceObject : Object {
  SurfaceObject() : Object("_ANEIOSurfaceObject") {}
  Surface *surface = nullptr; // retained
};
struct PerfStats : Object {
  PerfStats() : Object("_ANEPerformanceStats") {}
  uint64_t hwNS = 0;
};
struct Request : Object {
  Request() : Object("_ANERequest") {}
  std::vector<SurfaceObject *> inputs, outputs; // retained
  PerfStats *perfStats = nullptr;               // retained
  int64_t procedureIndex = 0;
};

/// Arguments of one message (by position, whatever the signature).
struct Call {
  Object *self = nullptr;
  std::string sel;
  std::vector<void *> args;
  uint64_t num = 0;             // the u32 QoS or the u64 argument
  const void *selArg = nullptr; // respondsToSelector:'s argument
  ObjCId *err = nullptr;
};
struct Result {
  void *id = nullptr;
  bool ok = false;
  uint64_t num = 0;
  const char *cstr = nullptr;
};

} // namespace ane::device::fake

namespace ane::device {

struct FakePlatform::Impl {
  using Handler = std::function<fake::Result(fake::Call &)>;
  struct Method {
    std::string sig;
    Handler fn;
  };

  explicit Impl(FakeOptions options);
  ~Impl();

  FakeOptions opts;
  std::shared_ptr<Platform> table;
  std::vector<std::string> trace, violations;
  unsigned compiles = 0, unrecognized = 0, loadsFailed = 0;
  bool ownsTempRoot = false; // Created by us: removed on destruction.
  std::set<fake::Object *> live;
  std::map<std::string, std::unique_ptr<fake::Object>>
      immortal; // classes, keys
  std::set<std::string> selectors;
  std::vector<std::vector<fake::Object *>> pools;
  std::map<std::string, Method> methods; // "+[Class sel]" / "-[Class sel]"
  std::set<std::string> knownClasses;    // classes with at least one method

  template <typename T, typename... Args> T *make(Args &&...args) {
    T *o = new T(std::forward<Args>(args)...);
    live.insert(o);
    return o;
  }
  fake::Object *retain(fake::Object *o);
  void release(fake::Object *o);
  fake::Object *autorelease(fake::Object *o);
  /// The object behind a handle, or null (with a violation) if it is not a
  /// live fake object.
  fake::Object *lookup(const void *handle, const char *what);
  fake::Object *classNamed(const std::string &name);
  const void *internSelector(const char *name);
  void violation(const std::string &what);
  /// Stores an autoreleased NSError in *err (when err is non-null).
  void fail(ObjCId *err, int64_t code, const std::string &text);

  /// Dispatches one message: checks class/selector/signature, records it.
  fake::Result send(const char *sig, ObjCId self, ObjCSel sel, fake::Call call);
  void addMethod(const std::string &key, const std::string &sig, Handler fn);
  /// Registers the _ANE* classes and the NS methods the backend calls
  /// (FakeANEClasses.cpp).
  void registerClasses();

  static Impl *active;
};

} // namespace ane::device

#endif // ANE_LIB_RUNTIME_ANE_FAKERUNTIME_H
