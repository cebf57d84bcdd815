//===- Half.cpp - Bulk fp16 <-> fp32 conversion -------------------------===//
//
// F16C (8 lanes per instruction, round-to-nearest-even) when the CPU has it,
// checked once; the scalar routines of Half.h otherwise and for tails.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Half.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define ANE_HAVE_X86 1
#endif

using namespace ane::runtime;

#ifdef ANE_HAVE_X86
__attribute__((target("avx,f16c"))) static void
halfToFloatF16C(const uint16_t *src, float *dst, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i));
    _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
  }
  for (; i < n; ++i)
    dst[i] = halfToFloat(src[i]);
}

__attribute__((target("avx,f16c"))) static void
floatToHalfF16C(const float *src, uint16_t *dst, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 f = _mm256_loadu_ps(src + i);
    __m128i h = _mm256_cvtps_ph(f, _MM_FROUND_TO_NEAREST_INT);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + i), h);
  }
  for (; i < n; ++i)
    dst[i] = floatToHalf(src[i]);
}
#endif

bool ane::runtime::hostHasF16C() {
#ifdef ANE_HAVE_X86
  static const bool has =
      __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
  return has;
#else
  return false;
#endif
}

void ane::runtime::convertHalfToFloat(const uint16_t *src, float *dst,
                                      size_t n) {
#ifdef ANE_HAVE_X86
  if (hostHasF16C())
    return halfToFloatF16C(src, dst, n);
#endif
  for (size_t i = 0; i < n; ++i)
    dst[i] = halfToFloat(src[i]);
}

void ane::runtime::convertFloatToHalf(const float *src, uint16_t *dst,
                                      size_t n) {
#ifdef ANE_HAVE_X86
  if (hostHasF16C())
    return floatToHalfF16C(src, dst, n);
#endif
  for (size_t i = 0; i < n; ++i)
    dst[i] = floatToHalf(src[i]);
}
