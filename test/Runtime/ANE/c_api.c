/*===- c_api.c - Exercise libane_runtime from C ---------------------------===
 *
 * Runs the C API end to end on the platform chosen by ANE_PLATFORM (or the
 * first argument, "fake" / "system") and prints one line per check for
 * FileCheck (test/Runtime/ANE/c-api.test).
 *
 *===----------------------------------------------------------------------===*/

#include "ane/Runtime/ane_runtime.h"

#include <stdio.h>
#include <string.h>

static const char *kMIL =
    "program(1.3)\n"
    "{\n"
    "    func main<ios18>(tensor<fp16, [1, 2, 1, 4]> x) {\n"
    "        tensor<fp16, [1, 1, 1, 1]> s = const()[name = string(\"s\"), "
    "val = tensor<fp16, [1, 1, 1, 1]>(BLOBFILE(path = "
    "string(\"@model_path/weights/weight.bin\"), offset = uint64(64)))];\n"
    "        tensor<fp16, [1, 2, 1, 4]> y = mul(x = x, y = s)[name = "
    "string(\"y\")];\n"
    "    } -> (y);\n"
    "}\n";

/* Fake program: doubles every byte (stands in for the interpreter). */
static int doubleBytes(void *user, int nIn, const void *const *in,
                       const size_t *inSizes, int nOut, void *const *out,
                       const size_t *outSizes) {
  int *calls = (int *)user;
  ++*calls;
  if (nIn != 1 || nOut != 1)
    return 1;
  for (size_t i = 0; i < inSizes[0] && i < outSizes[0]; ++i)
    ((unsigned char *)out[0])[i] =
        (unsigned char)(2 * ((const unsigned char *)in[0])[i]);
  return 0;
}

int main(int argc, char **argv) {
  int platform = ANE_PLATFORM_DEFAULT;
  if (argc > 1)
    platform =
        strcmp(argv[1], "fake") == 0 ? ANE_PLATFORM_FAKE : ANE_PLATFORM_SYSTEM;
  if (ane_init_platform(platform) != 0) {
    printf("init failed: %s\n", ane_last_error());
    return 1;
  }
  printf("platform: %s\n", ane_platform_name());

  float scale = 2.0f;
  size_t blobLen = 0;
  uint8_t *blob = ane_build_weight_blob(&scale, 1, 1, &blobLen);
  printf("blob: %zu bytes, sentinel %02x%02x%02x%02x\n", blobLen, blob[67],
         blob[66], blob[65], blob[64]);

  size_t ioBytes = 2 * 4 * 2; /* [1,2,1,4] fp16 */
  ane_kernel *k =
      ane_compile(kMIL, strlen(kMIL), blob, blobLen, 1, &ioBytes, 1, &ioBytes);
  if (!k) {
    printf("compile failed: %s\n", ane_last_error());
    return 1;
  }
  /* x = [1,2,3,4] per channel in fp16; the device computes y = 2x, the
   * fake's default program copies x. */
  const uint16_t one = 0x3c00, two = 0x4000, three = 0x4200, four = 0x4400,
                 six = 0x4600, eight = 0x4800;
  uint16_t x[8] = {one, two, three, four, one, two, three, four};
  uint16_t twice[8] = {two, four, six, eight, two, four, six, eight};
  uint16_t y[8];
  unsigned char in[16], out[16];
  memcpy(in, x, sizeof in);
  if (ane_write_input(k, 0, in, sizeof in) || ane_eval(k) ||
      ane_read_output(k, 0, out, sizeof out)) {
    printf("run failed: %s\n", ane_last_error());
    return 1;
  }
  memcpy(y, out, sizeof y);
  if (strcmp(ane_platform_name(), "fake") == 0)
    printf("identity: %s\n", memcmp(x, y, sizeof y) == 0 ? "ok" : "MISMATCH");
  else
    printf("y = 2x: %s\n", memcmp(twice, y, sizeof y) == 0 ? "ok" : "MISMATCH");
  printf("timing: wall %s, hw %s\n", ane_last_eval_ms(k) >= 0 ? "ok" : "bad",
         ane_last_hw_ms(k) > 0 ? "ok" : "none");
  printf("compile count: %d\n", ane_get_compile_count());

  /* Wrong sizes and indices are errors, not silent overruns. */
  if (ane_write_input(k, 0, in, 15) != 0)
    printf("short write: %s\n", ane_last_error());
  if (ane_read_output(k, 1, out, 16) != 0)
    printf("bad index: %s\n", ane_last_error());
  ane_free(k);

  /* A pluggable program on the fake platform. */
  int calls = 0;
  if (ane_fake_set_program(doubleBytes, &calls) == 0) {
    const char *names[] = {"@model_path/weights/weight.bin",
                           "@model_path/weights/extra.bin"};
    const uint8_t *datas[] = {blob, blob};
    size_t lens[] = {blobLen, blobLen};
    k = ane_compile_multi_weights(kMIL, strlen(kMIL), names, datas, lens, 2, 1,
                                  &ioBytes, 1, &ioBytes);
    if (!k || ane_write_input(k, 0, in, 16) || ane_eval(k) ||
        ane_read_output(k, 0, out, 16)) {
      printf("program failed: %s\n", ane_last_error());
      return 1;
    }
    printf("program: calls %d, out[3] = %d\n", calls, out[3]);
    ane_free(k);
    ane_fake_set_program(NULL, NULL);
  }

  /* A missing weight file is a compile error with the device's message. */
  k = ane_compile(kMIL, strlen(kMIL), NULL, 0, 1, &ioBytes, 1, &ioBytes);
  printf("no weights: %s\n", k ? "compiled?!" : ane_last_error());

  /* The compile budget. */
  ane_reset_compile_count();
  ane_set_compile_limit(2);
  for (int i = 0; i < 3; ++i) {
    k = ane_compile(kMIL, strlen(kMIL), blob, blobLen, 1, &ioBytes, 1,
                    &ioBytes);
    if (!k) {
      printf("compile %d: %s\n", i + 1, ane_last_error());
      break;
    }
    printf("compile %d: ok (count %d)\n", i + 1, ane_get_compile_count());
    ane_free(k);
  }
  ane_reset_compile_count();
  printf("after reset: %d\n", ane_get_compile_count());
  printf("fake compiles: %d\n", ane_fake_compile_count());

  int8_t q8[4] = {1, -2, 3, -4};
  uint8_t *b8 = ane_build_weight_blob_int8(q8, 2, 2, &blobLen);
  printf("int8 blob: %zu bytes, dtype %d, first %d\n", blobLen, b8[68],
         (int8_t)b8[128 + 1]);
  float wq[4] = {0.5f, -1.0f, 0.25f, 0.0f}, qscale = 0;
  uint8_t *bq = ane_build_weight_blob_quantized(wq, 2, 2, &qscale, &blobLen);
  printf("quantized: scale*127 = %.3f, q[1] = %d\n", qscale * 127,
         (int8_t)bq[129]);
  ane_free_blob(b8);
  ane_free_blob(bq);
  ane_free_blob(blob);
  return 0;
}
