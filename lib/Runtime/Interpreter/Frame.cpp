//===- Frame.cpp - Value slots, buffer pool and scratch -----------------===//
//
// The pool hands out the smallest free buffer that fits (else allocates), so
// in steady state an eval allocates nothing and peak memory is the peak of
// simultaneously live values.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include "ane/Runtime/Half.h"

#include <cmath>

using namespace ane::runtime;
using namespace ane::runtime::detail;

template <typename Dst> static void convertTo(const Tensor &src, Dst *dst) {
  const int64_t n = src.numElements();
  switch (src.dtype()) {
  case DType::F16:
    if constexpr (std::is_same_v<Dst, float>) {
      convertHalfToFloat(src.data<uint16_t>(), dst, n);
    } else {
      for (int64_t i = 0; i < n; ++i)
        dst[i] = Dst(halfToFloat(src.data<uint16_t>()[i]));
    }
    return;
  case DType::F32:
    for (int64_t i = 0; i < n; ++i)
      dst[i] = Dst(src.data<float>()[i]);
    return;
  case DType::I8:
    for (int64_t i = 0; i < n; ++i)
      dst[i] = Dst(src.data<int8_t>()[i]);
    return;
  case DType::U8:
  case DType::Bool:
    for (int64_t i = 0; i < n; ++i)
      dst[i] = Dst(src.data<uint8_t>()[i]);
    return;
  case DType::I16:
    for (int64_t i = 0; i < n; ++i)
      dst[i] = Dst(src.data<int16_t>()[i]);
    return;
  case DType::U16:
    for (int64_t i = 0; i < n; ++i)
      dst[i] = Dst(src.data<uint16_t>()[i]);
    return;
  case DType::I32:
    for (int64_t i = 0; i < n; ++i)
      dst[i] = Dst(src.data<int32_t>()[i]);
    return;
  }
}

Tensor &Frame::convBuffer(int64_t n) {
  if (convUsed == convBufs.size())
    convBufs.emplace_back();
  Tensor &t = convBufs[convUsed++];
  if (t.empty() || t.capacity() < size_t(n) * 4)
    t.reset(DType::F32, {n});
  else
    t.reshape({n});
  return t;
}

const float *Frame::f32(int slot) {
  const Tensor &t = slots[slot];
  if (t.dtype() == DType::F32)
    return t.data<float>();
  if (info[slot].isConst) {
    auto it = constCache.find(slot);
    if (it == constCache.end()) {
      Tensor c(DType::F32, t.shape());
      convertTo(t, c.data<float>());
      constBytes += c.byteSize();
      it = constCache.try_emplace(slot, std::move(c)).first;
    }
    return it->second.data<float>();
  }
  Tensor &buf = convBuffer(t.numElements());
  convertTo(t, buf.data<float>());
  return buf.data<float>();
}

const int32_t *Frame::i32(int slot) {
  const Tensor &t = slots[slot];
  if (t.dtype() == DType::I32)
    return t.data<int32_t>();
  if (info[slot].isConst) {
    auto it = constCache.find(slot);
    if (it == constCache.end()) {
      Tensor c(DType::I32, t.shape());
      convertTo(t, c.data<int32_t>());
      it = constCache.try_emplace(slot, std::move(c)).first;
    }
    return it->second.data<int32_t>();
  }
  Tensor &buf = convBuffer(t.numElements());
  convertTo(t, buf.data<int32_t>());
  return buf.data<int32_t>();
}

Tensor &Frame::alloc(int slot) {
  const SlotInfo &si = info[slot];
  Tensor &dst = slots[slot];
  if (!dst.empty()) { // still holds last eval's value (e.g. an output)
    liveBytes -= dst.capacity();
    dst.reset(si.dtype, si.shape);
    liveBytes += dst.capacity();
    peakBytes = std::max(peakBytes, liveBytes);
    return dst;
  }
  size_t need = numElementsOf(si.shape) * dtypeSize(si.dtype);
  int best = -1;
  for (size_t i = 0; i < pool.size(); ++i)
    if (pool[i].capacity() >= need &&
        (best < 0 || pool[i].capacity() < pool[best].capacity()))
      best = i;
  if (best >= 0) {
    dst = std::move(pool[best]);
    pool[best] = std::move(pool.back());
    pool.pop_back();
  }
  dst.reset(si.dtype, si.shape);
  liveBytes += dst.capacity();
  peakBytes = std::max(peakBytes, liveBytes);
  return dst;
}

float *Frame::outF32(int slot) {
  if (info[slot].dtype == DType::F32)
    return alloc(slot).data<float>();
  Tensor &buf = convBuffer(info[slot].numElements());
  pending.push_back({slot, convUsed - 1});
  return buf.data<float>();
}

float *Frame::scratch(unsigned id, int64_t n) {
  if (scratchBufs.size() <= id)
    scratchBufs.resize(id + 1);
  Tensor &t = scratchBufs[id];
  if (t.empty() || t.capacity() < size_t(std::max<int64_t>(n, 1)) * 4)
    t.reset(DType::F32, {std::max<int64_t>(n, 1)});
  return t.data<float>();
}

/// Rounds fp32 results to the slot's dtype: fp16 round-to-nearest-even;
/// integers round half to even and saturate; bool is x != 0.
static void storeFromF32(const float *src, Tensor &dst) {
  const int64_t n = dst.numElements();
  auto toInt = [&](auto *out, double lo, double hi) {
    using T = std::remove_pointer_t<decltype(out)>;
    for (int64_t i = 0; i < n; ++i) {
      float v = src[i];
      double r = v != v ? 0.0 : std::nearbyint(double(v));
      out[i] = T(std::fmin(std::fmax(r, lo), hi));
    }
  };
  switch (dst.dtype()) {
  case DType::F16:
    convertFloatToHalf(src, dst.data<uint16_t>(), n);
    return;
  case DType::F32:
    std::copy(src, src + n, dst.data<float>());
    return;
  case DType::I8:
    return toInt(dst.data<int8_t>(), -128, 127);
  case DType::U8:
    return toInt(dst.data<uint8_t>(), 0, 255);
  case DType::I16:
    return toInt(dst.data<int16_t>(), -32768, 32767);
  case DType::U16:
    return toInt(dst.data<uint16_t>(), 0, 65535);
  case DType::I32:
    return toInt(dst.data<int32_t>(), -2147483648.0, 2147483647.0);
  case DType::Bool:
    for (int64_t i = 0; i < n; ++i)
      dst.data<uint8_t>()[i] = src[i] != 0.f;
    return;
  }
}

void Frame::finishStep() {
  for (const Pending &p : pending) {
    Tensor &dst = alloc(p.slot);
    storeFromF32(convBufs[p.buf].data<float>(), dst);
  }
  pending.clear();
}

void Frame::release(int slot) {
  Tensor &t = slots[slot];
  if (t.empty())
    return;
  liveBytes -= t.capacity();
  pool.push_back(std::move(t));
  t = Tensor();
}
