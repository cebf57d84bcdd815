//===- Half.h - fp16 <-> fp32 conversion ------------------------*- C++ -*-===//
//
// IEEE binary16 conversions with round-to-nearest-even, scalar and bulk. The
// bulk routines use F16C instructions when the host has them (checked once
// at run time) and a portable bit-exact fallback otherwise.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_HALF_H
#define ANE_RUNTIME_HALF_H

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ane::runtime {

/// fp16 bits -> fp32 (exact).
inline float halfToFloat(uint16_t h) {
  uint32_t sign = uint32_t(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (mant << 13); // Inf / NaN (payload kept)
  } else if (exp != 0) {
    bits = sign | ((exp + 112) << 23) | (mant << 13);
  } else if (mant == 0) {
    bits = sign; // +-0
  } else {
    // Subnormal: normalise.
    int shift = 0;
    while (!(mant & 0x400)) {
      mant <<= 1;
      ++shift;
    }
    mant &= 0x3ff;
    bits = sign | uint32_t(113 - shift) << 23 | (mant << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

/// fp32 -> fp16 bits, round to nearest even; overflow gives +-Inf, NaN stays
/// a (quiet) NaN.
inline uint16_t floatToHalf(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  uint16_t sign = uint16_t((bits >> 16) & 0x8000);
  uint32_t absBits = bits & 0x7fffffffu;
  if (absBits >= 0x7f800000u) { // Inf or NaN
    if (absBits == 0x7f800000u)
      return sign | 0x7c00;
    return sign | 0x7e00 | uint16_t((absBits >> 13) & 0x1ff);
  }
  if (absBits >= 0x477ff000u) // rounds to >= 65520 -> Inf
    return sign | 0x7c00;
  if (absBits < 0x38800000u) { // below the smallest fp16 normal
    if (absBits < 0x33000000u) // < 2^-25: rounds to zero (2^-25 ties to 0)
      return sign;
    uint32_t exp = absBits >> 23;
    uint32_t mant = (absBits & 0x7fffff) | 0x800000;
    uint32_t shift = 126 - exp; // 14 + (112 - exp) ... value = mant*2^(exp-150)
    // fp16 subnormal unit is 2^-24: result = mant * 2^(exp-150+24) = mant >>
    // (126-exp)
    uint32_t q = mant >> shift;
    uint32_t rem = mant & ((1u << shift) - 1);
    uint32_t half = 1u << (shift - 1);
    if (rem > half || (rem == half && (q & 1)))
      ++q;
    return sign | uint16_t(q);
  }
  // Normal: rebias exponent and round the 13 dropped bits.
  uint32_t v = absBits - 0x38000000u; // exponent - 112
  uint32_t q = v >> 13;
  uint32_t rem = v & 0x1fff;
  if (rem > 0x1000 || (rem == 0x1000 && (q & 1)))
    ++q; // may carry into the exponent, which is the right result
  return sign | uint16_t(q);
}

/// Rounds an fp32 value to the nearest fp16 value, as fp32.
inline float roundToHalf(float f) { return halfToFloat(floatToHalf(f)); }

/// Bulk conversions (vectorised when the host has F16C).
void convertHalfToFloat(const uint16_t *src, float *dst, size_t n);
void convertFloatToHalf(const float *src, uint16_t *dst, size_t n);

/// True if the bulk routines use F16C on this host.
bool hostHasF16C();

} // namespace ane::runtime

#endif // ANE_RUNTIME_HALF_H
