/*===- ane_runtime.h - C API of the ANE device backend ------------*- C -*-===
 *
 * A C interface to the ANE device layer (ane/Runtime/ANE/ANEDevice.h), for C
 * programs and Python ctypes. It mirrors the public bridge library users
 * already call (init, compile from MIL text + weight files, write input,
 * eval, read output, free, compile count, weight-blob builders), in
 * libane_runtime.so (.dylib on macOS).
 *
 * Platform: the real AppleNeuralEngine framework ("system") or the
 * in-process fake ("fake", any host). ane_init() picks it from the
 * ANE_PLATFORM environment variable (default "system");
 * ane_init_platform() takes it explicitly. On a host without the framework,
 * init fails and ane_last_error() says "ANE backend unavailable: ...".
 *
 * Functions returning int give 0 on success and -1 on failure; pointers are
 * NULL on failure. ane_last_error() describes the last failure of the
 * calling thread. Calls on one kernel must not run concurrently.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ANE_RUNTIME_ANE_RUNTIME_H
#define ANE_RUNTIME_ANE_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define ANE_RUNTIME_API __attribute__((visibility("default")))
#else
#define ANE_RUNTIME_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ane_kernel ane_kernel;

enum {
  ANE_PLATFORM_DEFAULT = 0, /* ANE_PLATFORM env var: "system" or "fake" */
  ANE_PLATFORM_SYSTEM = 1,  /* the real framework (macOS with an ANE) */
  ANE_PLATFORM_FAKE = 2     /* the in-process fake platform */
};

/* Opens the device. Idempotent for the same platform; resets the compile
 * count (as the bridge's init does). Switching platforms is refused while
 * kernels are alive. */
ANE_RUNTIME_API int ane_init(void);
ANE_RUNTIME_API int ane_init_platform(int platform);
/* "system", "fake", or "" before init. */
ANE_RUNTIME_API const char *ane_platform_name(void);
ANE_RUNTIME_API const char *ane_last_error(void);

/* Compiles and loads MIL text. The single weight file (or none: weight_data
 * NULL) is "@model_path/weights/weight.bin". Inputs/outputs are byte sizes of
 * the function tensors in MIL order (fp16 [1,C,1,S]: C*S*2). */
ANE_RUNTIME_API ane_kernel *
ane_compile(const char *mil, size_t mil_len, const uint8_t *weight_data,
            size_t weight_len, int n_inputs, const size_t *input_sizes,
            int n_outputs, const size_t *output_sizes);
/* Same with several weight files; names are the full MIL paths
 * ("@model_path/weights/wq.bin"). */
ANE_RUNTIME_API ane_kernel *ane_compile_multi_weights(
    const char *mil, size_t mil_len, const char *const *weight_names,
    const uint8_t *const *weight_datas, const size_t *weight_lens,
    int n_weights, int n_inputs, const size_t *input_sizes, int n_outputs,
    const size_t *output_sizes);

/* Copies exactly the tensor's byte size into/out of its IOSurface. */
ANE_RUNTIME_API int ane_write_input(ane_kernel *k, int idx, const void *data,
                                    size_t bytes);
ANE_RUNTIME_API int ane_read_output(ane_kernel *k, int idx, void *data,
                                    size_t bytes);
/* Evaluates once, synchronously. */
ANE_RUNTIME_API int ane_eval(ane_kernel *k);
/* Timing of the last ane_eval: wall ms; hardware ms or -1 if not provided. */
ANE_RUNTIME_API double ane_last_eval_ms(const ane_kernel *k);
ANE_RUNTIME_API double ane_last_hw_ms(const ane_kernel *k);
/* Unloads, releases the surfaces, removes the temp directory. */
ANE_RUNTIME_API void ane_free(ane_kernel *k);

/* Per-process compile budget (the device fails after ~119 compiles): when
 * ane_get_compile_count() reaches the limit (default 100, env
 * ANE_COMPILE_LIMIT), compiles fail until the process restarts. */
ANE_RUNTIME_API int ane_get_compile_count(void);
ANE_RUNTIME_API void ane_reset_compile_count(void);
ANE_RUNTIME_API int ane_get_compile_limit(void);
ANE_RUNTIME_API void ane_set_compile_limit(int limit);

/* Weight blobs (MILBlob: 64-byte header + 64-byte record, 0xDEADBEEF, data
 * at 128; MIL offset 64). Free with ane_free_blob. */
ANE_RUNTIME_API uint8_t *ane_build_weight_blob(const float *src, int rows,
                                               int cols, size_t *out_len);
ANE_RUNTIME_API uint8_t *ane_build_weight_blob_transposed(const float *src,
                                                          int rows, int cols,
                                                          size_t *out_len);
ANE_RUNTIME_API uint8_t *ane_build_weight_blob_int8(const int8_t *src, int rows,
                                                    int cols, size_t *out_len);
/* Symmetric per-tensor int8: *out_scale = max|w| / 127. */
ANE_RUNTIME_API uint8_t *ane_build_weight_blob_quantized(const float *src,
                                                         int rows, int cols,
                                                         float *out_scale,
                                                         size_t *out_len);
ANE_RUNTIME_API void ane_free_blob(void *blob);

/* Fake platform only: the program run by kernels compiled from now on.
 * NULL restores the default (copy input j mod n_inputs to output j). The
 * buffers are the whole IOSurfaces (tensor data first). Return 0, or
 * non-zero to make the evaluation fail. */
typedef int (*ane_fake_eval_fn)(void *user, int n_inputs,
                                const void *const *inputs,
                                const size_t *input_sizes, int n_outputs,
                                void *const *outputs,
                                const size_t *output_sizes);
ANE_RUNTIME_API int ane_fake_set_program(ane_fake_eval_fn fn, void *user);
/* Fake platform only: compiles the fake has seen (its leak counter). */
ANE_RUNTIME_API int ane_fake_compile_count(void);

#ifdef __cplusplus
}
#endif

#endif /* ANE_RUNTIME_ANE_RUNTIME_H */
