//===- FakeANEClasses.cpp - The _ANE* classes of the fake platform --------===//
//
// Method implementations of the fake's classes: NSString/NSError accessors,
// _ANEInMemoryModelDescriptor, _ANEInMemoryModel (compile/load/evaluate/
// unload state machine, the compile leak, temp-directory checks),
// _ANEIOSurfaceObject, _ANERequest (0x1d multi-input rejection),
// _ANEPerformanceStats and _ANEDeviceInfo, plus the default compile
// callback. Each message is recorded in the trace under its ObjC name.
//
//===----------------------------------------------------------------------===//

#include "FakeRuntime.h"

#include "ane/Runtime/ANE/WeightBlob.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"

#include <chrono>

using namespace ane::device;
using namespace ane::device::fake;
using Impl = FakePlatform::Impl;

namespace {
/// Error codes of the fake's NSErrors (0x1d is the device's documented one).
enum FakeErrorCode : int64_t {
  kBadState = 1,
  kCompileFailed = 3,
  kLoadFailed = 4,
  kEvaluateFailed = 5,
  kMissingFile = 6,
  kResourceLeak = 7,
  kMultiInput = 0x1d,
};

std::string hexIdentifier(const std::string &mil, const WeightFiles &weights) {
  std::string blob = mil;
  for (const auto &[path, bytes] : weights) {
    blob += '\0' + path + '\0';
    blob.append(bytes.begin(), bytes.end());
  }
  uint64_t h = llvm::xxh3_64bits(llvm::StringRef(blob));
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::format_hex_no_prefix(h, 16) << "_fake";
  return out;
}

std::string qosText(uint64_t qos) { return " qos=" + std::to_string(qos); }
} // namespace

void Impl::registerClasses() {
  // Foundation accessors the backend uses.
  addMethod("-[NSString UTF8String]", "cstr", [](Call &c) {
    Result r;
    r.cstr = static_cast<String *>(c.self)->str.c_str();
    return r;
  });
  addMethod("-[NSError description]", "id", [this](Call &c) {
    trace.push_back("-[NSError description]");
    Result r;
    r.id = autorelease(make<String>(static_cast<ErrorObject *>(c.self)->text));
    return r;
  });
  addMethod("-[NSError code]", "i64", [](Call &c) {
    Result r;
    r.num = static_cast<uint64_t>(static_cast<ErrorObject *>(c.self)->code);
    return r;
  });

  // +[_ANEInMemoryModelDescriptor modelWithMILText:weights:optionsPlist:]
  addMethod(
      "+[_ANEInMemoryModelDescriptor modelWithMILText:weights:optionsPlist:]",
      "id_id_id_id", [this](Call &c) -> Result {
        trace.push_back("+[_ANEInMemoryModelDescriptor "
                        "modelWithMILText:weights:optionsPlist:]");
        auto *d = make<Descriptor>();
        Result nil;
        Object *text = lookup(c.args[0], "MIL text");
        if (auto *data = dynamic_cast<Data *>(text))
          d->mil.assign(data->bytes.begin(), data->bytes.end());
        else if (auto *s = dynamic_cast<String *>(text))
          d->mil = s->str;
        else {
          release(d);
          return nil;
        }
        if (c.args[1]) {
          auto *dict =
              dynamic_cast<Collection *>(lookup(c.args[1], "weights dict"));
          if (!dict || dict->cls != "NSDictionary") {
            violation("weights: is not an NSDictionary");
            release(d);
            return nil;
          }
          for (size_t i = 0; i < dict->keys.size(); ++i) {
            auto *key = dynamic_cast<String *>(dict->keys[i]);
            auto *entry = dynamic_cast<Collection *>(dict->items[i]);
            auto *data =
                entry ? dynamic_cast<Data *>(entry->lookup("data")) : nullptr;
            auto *offset = entry
                               ? dynamic_cast<Number *>(entry->lookup("offset"))
                               : nullptr;
            if (!key || !data || !offset) {
              violation("weights: entry is not {path: {offset: NSNumber, "
                        "data: NSData}}");
              release(d);
              return nil;
            }
            d->weights[key->str] = data->bytes;
          }
        }
        if (c.args[2])
          violation("optionsPlist: expected nil");
        Result r;
        r.id = autorelease(d);
        return r;
      });

  // +[_ANEInMemoryModel inMemoryModelWithDescriptor:]
  addMethod(
      "+[_ANEInMemoryModel inMemoryModelWithDescriptor:]", "id_id",
      [this](Call &c) -> Result {
        trace.push_back("+[_ANEInMemoryModel inMemoryModelWithDescriptor:]");
        auto *d = dynamic_cast<Descriptor *>(lookup(c.args[0], "descriptor"));
        if (!d)
          return {};
        auto *m = make<Model>();
        m->mil = d->mil;
        m->weights = d->weights;
        m->hex = hexIdentifier(m->mil, m->weights);
        Result r;
        r.id = autorelease(m);
        return r;
      });
  addMethod("-[_ANEInMemoryModel hexStringIdentifier]", "id", [this](Call &c) {
    trace.push_back("-[_ANEInMemoryModel hexStringIdentifier]");
    Result r;
    r.id = autorelease(make<String>(static_cast<Model *>(c.self)->hex));
    return r;
  });
  addMethod("-[_ANEInMemoryModel state]", "u64", [](Call &c) {
    Result r;
    r.num = static_cast<Model *>(c.self)->state;
    return r;
  });

  addMethod(
      "-[_ANEInMemoryModel compileWithQoS:options:error:]", "bool_u32_id_err",
      [this](Call &c) -> Result {
        auto *m = static_cast<Model *>(c.self);
        trace.push_back("-[_ANEInMemoryModel compileWithQoS:options:error:]" +
                        qosText(c.num));
        ++compiles;
        if (compiles > opts.leakLimit) {
          fail(c.err, kResourceLeak,
               "ANECCompile() FAILED: compiler resources exhausted (compile #" +
                   std::to_string(compiles) +
                   " in this process; the device "
                   "fails after about " +
                   std::to_string(opts.leakLimit) + ")");
          return {};
        }
        if (m->state != Model::Created) {
          fail(c.err, kBadState, "model is already compiled");
          return {};
        }
        if (opts.requireTempFiles) {
          llvm::SmallString<256> dir(opts.tempRoot);
          llvm::sys::path::append(dir, m->hex);
          auto check = [&](llvm::StringRef rel,
                           llvm::StringRef expected) -> bool {
            llvm::SmallString<256> file(dir);
            llvm::sys::path::append(file, rel);
            auto buf = llvm::MemoryBuffer::getFile(file);
            if (!buf || (*buf)->getBuffer() != expected) {
              fail(c.err, kMissingFile,
                   (buf ? "stale " : "cannot read ") + std::string(file) +
                       " (the temp directory must hold model.mil and the "
                       "weight files before compile)");
              return false;
            }
            return true;
          };
          if (!check("model.mil", m->mil))
            return {};
          for (const auto &[path, bytes] : m->weights) {
            llvm::StringRef rel(path);
            rel.consume_front("@model_path/");
            if (!check(rel, llvm::StringRef(
                                reinterpret_cast<const char *>(bytes.data()),
                                bytes.size())))
              return {};
          }
        }
        trace.push_back("fake.compile");
        auto program = opts.compile(m->mil, m->weights);
        if (!program) {
          fail(c.err, kCompileFailed,
               "InvalidMILProgram: " + llvm::toString(program.takeError()));
          return {};
        }
        m->program = std::move(*program);
        m->state = Model::Compiled;
        Result r;
        r.ok = true;
        return r;
      });

  addMethod(
      "-[_ANEInMemoryModel loadWithQoS:options:error:]", "bool_u32_id_err",
      [this](Call &c) -> Result {
        auto *m = static_cast<Model *>(c.self);
        trace.push_back("-[_ANEInMemoryModel loadWithQoS:options:error:]" +
                        qosText(c.num));
        if (m->state != Model::Compiled) {
          fail(c.err, kBadState,
               m->state == Model::Loaded ? "model is already loaded"
                                         : "model is not compiled");
          return {};
        }
        if (loadsFailed < opts.failLoads) {
          ++loadsFailed;
          fail(c.err, kLoadFailed, "no free ANE program slot");
          return {};
        }
        if (opts.reloadReadsWeights) {
          WeightFiles onDisk;
          for (const auto &[path, bytes] : m->weights) {
            llvm::StringRef rel(path);
            rel.consume_front("@model_path/");
            llvm::SmallString<256> file(opts.tempRoot);
            llvm::sys::path::append(file, m->hex, rel);
            auto buf = llvm::MemoryBuffer::getFile(file);
            if (!buf) {
              fail(c.err, kMissingFile, "cannot read " + std::string(file));
              return {};
            }
            llvm::StringRef b = (*buf)->getBuffer();
            onDisk[path].assign(b.begin(), b.end());
          }
          auto program = opts.compile(m->mil, onDisk);
          if (!program) {
            fail(c.err, kLoadFailed, llvm::toString(program.takeError()));
            return {};
          }
          m->program = std::move(*program);
        }
        m->state = Model::Loaded;
        Result r;
        r.ok = true;
        return r;
      });

  addMethod("-[_ANEInMemoryModel unloadWithQoS:error:]", "bool_u32_err",
            [this](Call &c) -> Result {
              auto *m = static_cast<Model *>(c.self);
              trace.push_back("-[_ANEInMemoryModel unloadWithQoS:error:]" +
                              qosText(c.num));
              if (m->state != Model::Loaded) {
                fail(c.err, kBadState, "model is not loaded");
                return {};
              }
              m->state = Model::Compiled;
              Result r;
              r.ok = true;
              return r;
            });

  addMethod(
      "-[_ANEInMemoryModel evaluateWithQoS:options:request:error:]",
      "bool_u32_id_id_err", [this](Call &c) -> Result {
        auto *m = static_cast<Model *>(c.self);
        trace.push_back(
            "-[_ANEInMemoryModel evaluateWithQoS:options:request:error:]" +
            qosText(c.num));
        auto *req = dynamic_cast<Request *>(lookup(c.args[1], "request"));
        if (!req) {
          fail(c.err, kEvaluateFailed, "request is not an _ANERequest");
          return {};
        }
        if (m->state != Model::Loaded) {
          fail(c.err, kBadState, "model is not loaded");
          return {};
        }
        if (opts.rejectMultiInput && req->inputs.size() > 1) {
          fail(c.err, kMultiInput,
               "Program Inference error: request has " +
                   std::to_string(req->inputs.size()) +
                   " inputs (status 0x1d)");
          return {};
        }
        std::vector<llvm::ArrayRef<uint8_t>> ins;
        std::vector<llvm::MutableArrayRef<uint8_t>> outs;
        for (auto *list : {&req->inputs, &req->outputs})
          for (SurfaceObject *so : *list) {
            Surface *s = so->surface;
            if (s->bytes.size() < opts.minSurfaceBytes) {
              fail(c.err, kEvaluateFailed,
                   "IOSurface of " + std::to_string(s->bytes.size()) +
                       " bytes is below the device minimum of " +
                       std::to_string(opts.minSurfaceBytes));
              return {};
            }
            if (s->locks) {
              fail(c.err, kEvaluateFailed, "IOSurface is locked by the CPU");
              return {};
            }
            if (list == &req->inputs)
              ins.push_back(s->bytes);
            else
              outs.push_back(s->bytes);
          }
        trace.push_back("fake.evaluate inputs=" + std::to_string(ins.size()) +
                        " outputs=" + std::to_string(outs.size()));
        auto start = std::chrono::steady_clock::now();
        llvm::Error err =
            m->program.evaluate
                ? m->program.evaluate(ins, outs)
                : llvm::createStringError(llvm::inconvertibleErrorCode(),
                                          "program has no evaluate callback");
        auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
        if (err) {
          fail(c.err, kEvaluateFailed, llvm::toString(std::move(err)));
          return {};
        }
        if (req->perfStats)
          req->perfStats->hwNS = std::max<int64_t>(1, ns);
        Result r;
        r.ok = true;
        return r;
      });

  // +[_ANEIOSurfaceObject objectWithIOSurface:]
  addMethod("+[_ANEIOSurfaceObject objectWithIOSurface:]", "id_ptr",
            [this](Call &c) -> Result {
              trace.push_back("+[_ANEIOSurfaceObject objectWithIOSurface:]");
              auto *s = dynamic_cast<Surface *>(lookup(c.args[0], "surface"));
              if (!s)
                return {};
              auto *so = make<SurfaceObject>();
              so->surface = static_cast<Surface *>(retain(s));
              Result r;
              r.id = autorelease(so);
              return r;
            });

  // +[_ANERequest requestWithInputs:...procedureIndex:]
  addMethod(
      "+[_ANERequest requestWithInputs:inputIndices:outputs:outputIndices:"
      "weightsBuffer:perfStats:procedureIndex:]",
      "id_7id", [this](Call &c) -> Result {
        trace.push_back("+[_ANERequest requestWithInputs:inputIndices:outputs:"
                        "outputIndices:weightsBuffer:perfStats:"
                        "procedureIndex:]");
        auto surfaces = [&](void *arr, void *idx,
                            std::vector<SurfaceObject *> &into) -> bool {
          auto *a = dynamic_cast<Collection *>(lookup(arr, "surfaces"));
          auto *ix = dynamic_cast<Collection *>(lookup(idx, "indices"));
          if (!a || !ix || a->items.size() != ix->items.size()) {
            violation("request: surfaces and indices must be NSArrays of "
                      "equal length");
            return false;
          }
          for (size_t i = 0; i < a->items.size(); ++i) {
            auto *so = dynamic_cast<SurfaceObject *>(a->items[i]);
            auto *n = dynamic_cast<Number *>(ix->items[i]);
            if (!so || !n || n->value != static_cast<int64_t>(i)) {
              violation("request: entry " + std::to_string(i) +
                        " must be an _ANEIOSurfaceObject with index @" +
                        std::to_string(i));
              return false;
            }
            into.push_back(static_cast<SurfaceObject *>(retain(so)));
          }
          return true;
        };
        auto *req = make<Request>();
        Result nil;
        if (!surfaces(c.args[0], c.args[1], req->inputs) ||
            !surfaces(c.args[2], c.args[3], req->outputs)) {
          release(req);
          return nil;
        }
        if (c.args[4])
          trace.push_back("request weightsBuffer ignored");
        if (c.args[5]) {
          req->perfStats =
              dynamic_cast<PerfStats *>(lookup(c.args[5], "perfStats"));
          retain(req->perfStats);
        }
        auto *proc =
            dynamic_cast<Number *>(lookup(c.args[6], "procedureIndex"));
        if (!proc) {
          violation("procedureIndex: must be an NSNumber");
          release(req);
          return nil;
        }
        req->procedureIndex = proc->value;
        Result r;
        r.id = autorelease(req);
        return r;
      });

  if (opts.providePerfStats) {
    addMethod("+[_ANEPerformanceStats statsWithHardwareExecutionNS:]", "id_u64",
              [this](Call &c) {
                trace.push_back(
                    "+[_ANEPerformanceStats statsWithHardwareExecutionNS:]");
                auto *s = make<PerfStats>();
                s->hwNS = c.num;
                Result r;
                r.id = autorelease(s);
                return r;
              });
    addMethod("-[_ANEPerformanceStats hwExecutionTime]", "u64", [](Call &c) {
      Result r;
      r.num = static_cast<PerfStats *>(c.self)->hwNS;
      return r;
    });
  }

  addMethod("+[_ANEDeviceInfo aneSubType]", "id", [this](Call &) {
    trace.push_back("+[_ANEDeviceInfo aneSubType]");
    Result r;
    r.id = autorelease(make<String>(opts.aneSubType));
    return r;
  });
}

FakeCompileFn FakePlatform::identityCompile() {
  return [](llvm::StringRef mil,
            const WeightFiles &weights) -> llvm::Expected<FakeProgram> {
    if (mil.trim().empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "empty MIL program");
    // Every BLOBFILE reference must name a weight file with a valid record.
    llvm::Regex blobRef("BLOBFILE\\(path *= *string\\(\"([^\"]*)\"\\) *, *"
                        "offset *= *uint64\\(([0-9]+)\\)\\)");
    llvm::StringRef rest = mil;
    llvm::SmallVector<llvm::StringRef, 3> m;
    while (blobRef.match(rest, &m)) {
      auto it = weights.find(m[1].str());
      if (it == weights.end())
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "BLOBFILE " + m[1] +
                                           " is not in the weights dictionary");
      uint64_t offset = 0;
      m[2].getAsInteger(10, offset);
      auto chunk = readMILBlobChunk(it->second, offset);
      if (!chunk)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "BLOBFILE " + m[1] + ": " +
                                           llvm::toString(chunk.takeError()));
      rest = rest.substr(m[0].data() + m[0].size() - rest.data());
    }
    FakeProgram program;
    program.evaluate =
        [](llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
           llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs) -> llvm::Error {
      for (size_t j = 0; j < outs.size(); ++j) {
        std::fill(outs[j].begin(), outs[j].end(), 0);
        if (ins.empty())
          continue;
        llvm::ArrayRef<uint8_t> in = ins[j % ins.size()];
        std::copy_n(in.begin(), std::min(in.size(), outs[j].size()),
                    outs[j].begin());
      }
      return llvm::Error::success();
    };
    return program;
  };
}
