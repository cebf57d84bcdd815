//===- RuntimeCAPI.cpp - C API of the ANE device backend ------------------===//
//
// Implements include/ane/Runtime/ane_runtime.h over ANEDevice/ANEModel, the
// compile budget, the weight-blob builders and (for ANE_PLATFORM=fake) a
// process-wide FakePlatform. Built into libane_runtime.so.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/ane_runtime.h"

#include "ane/Runtime/ANE/ANEDevice.h"
#include "ane/Runtime/ANE/CompileBudget.h"
#include "ane/Runtime/ANE/FakePlatform.h"
#include "ane/Runtime/ANE/WeightBlob.h"

#include "llvm/ADT/StringRef.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

using namespace ane::device;

struct ane_kernel {
  std::unique_ptr<ANEModel> model;
  EvalStats last;
};

namespace {
std::mutex gMutex;
int gPlatform = 0; // ANE_PLATFORM_* once initialised.
std::unique_ptr<FakePlatform> gFake;
std::unique_ptr<ANEDevice> gDevice;
int gLiveKernels = 0;
ane_fake_eval_fn gFakeFn = nullptr;
void *gFakeUser = nullptr;
thread_local std::string gLastError;

int fail(const std::string &msg) {
  gLastError = msg;
  return -1;
}
int fail(llvm::Error err) { return fail(llvm::toString(std::move(err))); }

/// The fake's compile callback: the process default (identity, or whatever
/// FakePlatform::setDefaultCompile installed) and, when a C program was set
/// with ane_fake_set_program, that program as the evaluate step.
FakeCompileFn fakeCompile() {
  return [](llvm::StringRef mil,
            const WeightFiles &weights) -> llvm::Expected<FakeProgram> {
    auto program = FakePlatform::defaultCompile()(mil, weights);
    if (!program || !gFakeFn)
      return program;
    ane_fake_eval_fn fn = gFakeFn;
    void *user = gFakeUser;
    program->evaluate =
        [fn, user](llvm::ArrayRef<llvm::ArrayRef<uint8_t>> ins,
                   llvm::ArrayRef<llvm::MutableArrayRef<uint8_t>> outs)
        -> llvm::Error {
      std::vector<const void *> in;
      std::vector<size_t> inSizes, outSizes;
      std::vector<void *> out;
      for (auto b : ins) {
        in.push_back(b.data());
        inSizes.push_back(b.size());
      }
      for (auto b : outs) {
        out.push_back(b.data());
        outSizes.push_back(b.size());
      }
      int rc = fn(user, static_cast<int>(in.size()), in.data(), inSizes.data(),
                  static_cast<int>(out.size()), out.data(), outSizes.data());
      if (rc)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "fake program returned %d", rc);
      return llvm::Error::success();
    };
    return program;
  };
}

int platformFromEnv() {
  const char *env = std::getenv("ANE_PLATFORM");
  if (env && llvm::StringRef(env) == "fake")
    return ANE_PLATFORM_FAKE;
  return ANE_PLATFORM_SYSTEM;
}

ane_kernel *compileImpl(const char *mil, size_t milLen,
                        const WeightFiles &weights, int nIn,
                        const size_t *inSizes, int nOut,
                        const size_t *outSizes) {
  std::lock_guard<std::mutex> lock(gMutex);
  if (!gDevice) {
    fail("ane_init has not succeeded");
    return nullptr;
  }
  if (!mil || nIn < 0 || nOut < 0 || (nIn && !inSizes) || (nOut && !outSizes)) {
    fail("invalid arguments to ane_compile");
    return nullptr;
  }
  std::vector<ANETensorDesc> ins, outs;
  for (int i = 0; i < nIn; ++i)
    ins.push_back(ANETensorDesc::raw(inSizes[i]));
  for (int i = 0; i < nOut; ++i)
    outs.push_back(ANETensorDesc::raw(outSizes[i]));
  auto model =
      gDevice->compile(llvm::StringRef(mil, milLen), weights, ins, outs);
  if (!model) {
    fail(model.takeError());
    return nullptr;
  }
  ++gLiveKernels;
  return new ane_kernel{std::move(*model), {}};
}

uint8_t *copyBlob(const std::vector<uint8_t> &blob, size_t *outLen) {
  auto *out = static_cast<uint8_t *>(std::malloc(blob.size()));
  if (!out)
    return nullptr;
  std::memcpy(out, blob.data(), blob.size());
  if (outLen)
    *outLen = blob.size();
  return out;
}
} // namespace

extern "C" {

int ane_init(void) { return ane_init_platform(ANE_PLATFORM_DEFAULT); }

int ane_init_platform(int platform) {
  std::lock_guard<std::mutex> lock(gMutex);
  if (platform == ANE_PLATFORM_DEFAULT)
    platform = platformFromEnv();
  if (platform != ANE_PLATFORM_SYSTEM && platform != ANE_PLATFORM_FAKE)
    return fail("unknown platform " + std::to_string(platform));
  if (gDevice && gPlatform == platform) {
    CompileBudget::reset();
    return 0;
  }
  if (gDevice && gLiveKernels)
    return fail("cannot switch platform while kernels are alive");
  gDevice.reset();
  gFake.reset();
  gPlatform = 0;
  llvm::Expected<std::unique_ptr<ANEDevice>> dev =
      llvm::createStringError(llvm::inconvertibleErrorCode(), "unreachable");
  if (platform == ANE_PLATFORM_FAKE) {
    llvm::consumeError(dev.takeError());
    FakeOptions options;
    options.compile = fakeCompile();
    gFake = std::make_unique<FakePlatform>(std::move(options));
    dev = ANEDevice::open(gFake->platform());
  } else {
    llvm::consumeError(dev.takeError());
    dev = ANEDevice::openSystem();
  }
  if (!dev) {
    gFake.reset();
    return fail(dev.takeError());
  }
  gDevice = std::move(*dev);
  gPlatform = platform;
  CompileBudget::reset();
  return 0;
}

const char *ane_platform_name(void) {
  return gPlatform == ANE_PLATFORM_FAKE     ? "fake"
         : gPlatform == ANE_PLATFORM_SYSTEM ? "system"
                                            : "";
}

const char *ane_last_error(void) { return gLastError.c_str(); }

ane_kernel *ane_compile(const char *mil, size_t mil_len,
                        const uint8_t *weight_data, size_t weight_len,
                        int n_inputs, const size_t *input_sizes, int n_outputs,
                        const size_t *output_sizes) {
  WeightFiles weights;
  if (weight_data)
    weights["@model_path/weights/weight.bin"].assign(weight_data,
                                                     weight_data + weight_len);
  return compileImpl(mil, mil_len, weights, n_inputs, input_sizes, n_outputs,
                     output_sizes);
}

ane_kernel *ane_compile_multi_weights(const char *mil, size_t mil_len,
                                      const char *const *weight_names,
                                      const uint8_t *const *weight_datas,
                                      const size_t *weight_lens, int n_weights,
                                      int n_inputs, const size_t *input_sizes,
                                      int n_outputs,
                                      const size_t *output_sizes) {
  WeightFiles weights;
  for (int i = 0; i < n_weights; ++i) {
    if (!weight_names || !weight_names[i] || !weight_datas || !weight_lens) {
      fail("invalid weight arguments to ane_compile_multi_weights");
      return nullptr;
    }
    weights[weight_names[i]].assign(weight_datas[i],
                                    weight_datas[i] + weight_lens[i]);
  }
  return compileImpl(mil, mil_len, weights, n_inputs, input_sizes, n_outputs,
                     output_sizes);
}

int ane_write_input(ane_kernel *k, int idx, const void *data, size_t bytes) {
  if (!k || !data || idx < 0)
    return fail("invalid arguments to ane_write_input");
  if (llvm::Error err = k->model->writeInput(
          static_cast<unsigned>(idx),
          llvm::ArrayRef<uint8_t>(static_cast<const uint8_t *>(data), bytes)))
    return fail(std::move(err));
  return 0;
}

int ane_read_output(ane_kernel *k, int idx, void *data, size_t bytes) {
  if (!k || !data || idx < 0)
    return fail("invalid arguments to ane_read_output");
  if (llvm::Error err = k->model->readOutput(
          static_cast<unsigned>(idx),
          llvm::MutableArrayRef<uint8_t>(static_cast<uint8_t *>(data), bytes)))
    return fail(std::move(err));
  return 0;
}

int ane_eval(ane_kernel *k) {
  if (!k)
    return fail("ane_eval on a null kernel");
  auto stats = k->model->evaluate();
  if (!stats)
    return fail(stats.takeError());
  k->last = *stats;
  return 0;
}

double ane_last_eval_ms(const ane_kernel *k) { return k ? k->last.wallMs : -1; }
double ane_last_hw_ms(const ane_kernel *k) {
  return k && k->last.hwMs ? *k->last.hwMs : -1;
}

void ane_free(ane_kernel *k) {
  if (!k)
    return;
  std::lock_guard<std::mutex> lock(gMutex);
  delete k;
  --gLiveKernels;
}

int ane_get_compile_count(void) {
  return static_cast<int>(CompileBudget::count());
}
void ane_reset_compile_count(void) { CompileBudget::reset(); }
int ane_get_compile_limit(void) {
  return static_cast<int>(CompileBudget::limit());
}
void ane_set_compile_limit(int limit) {
  if (limit > 0)
    CompileBudget::setLimit(static_cast<unsigned>(limit));
}

uint8_t *ane_build_weight_blob(const float *src, int rows, int cols,
                               size_t *out_len) {
  if (!src || rows <= 0 || cols <= 0)
    return nullptr;
  return copyBlob(
      buildFP16WeightBlob(
          llvm::ArrayRef<float>(src, static_cast<size_t>(rows) * cols), rows,
          cols),
      out_len);
}

uint8_t *ane_build_weight_blob_transposed(const float *src, int rows, int cols,
                                          size_t *out_len) {
  if (!src || rows <= 0 || cols <= 0)
    return nullptr;
  return copyBlob(
      buildFP16WeightBlob(
          llvm::ArrayRef<float>(src, static_cast<size_t>(rows) * cols), rows,
          cols, /*transpose=*/true),
      out_len);
}

uint8_t *ane_build_weight_blob_int8(const int8_t *src, int rows, int cols,
                                    size_t *out_len) {
  if (!src || rows <= 0 || cols <= 0)
    return nullptr;
  return copyBlob(
      buildInt8WeightBlob(
          llvm::ArrayRef<int8_t>(src, static_cast<size_t>(rows) * cols), rows,
          cols),
      out_len);
}

uint8_t *ane_build_weight_blob_quantized(const float *src, int rows, int cols,
                                         float *out_scale, size_t *out_len) {
  if (!src || rows <= 0 || cols <= 0)
    return nullptr;
  std::vector<int8_t> q;
  float scale = quantizeSymmetricInt8(
      llvm::ArrayRef<float>(src, static_cast<size_t>(rows) * cols), q);
  if (out_scale)
    *out_scale = scale;
  return copyBlob(buildInt8WeightBlob(q, rows, cols), out_len);
}

void ane_free_blob(void *blob) { std::free(blob); }

int ane_fake_set_program(ane_fake_eval_fn fn, void *user) {
  std::lock_guard<std::mutex> lock(gMutex);
  if (gPlatform != ANE_PLATFORM_FAKE)
    return fail("ane_fake_set_program needs the fake platform");
  gFakeFn = fn;
  gFakeUser = user;
  return 0;
}

int ane_fake_compile_count(void) {
  std::lock_guard<std::mutex> lock(gMutex);
  if (!gFake)
    return fail("ane_fake_compile_count needs the fake platform");
  return static_cast<int>(gFake->compileCount());
}

} // extern "C"
