//===- EvalQuant.cpp - quantize, dequantize, constexpr_* ----------------===//
//
// quantize(input, scale, zero_point, axis, output_dtype): round half to even
// then saturate to int8/uint8. dequantize(input, scale, zero_point, axis).
// scale/zero_point are scalars (per-tensor) or 1-D along `axis`.
// constexpr_affine_dequantize and constexpr_blockwise_shift_scale are
// evaluated once, when the function is prepared, into constants
// (also constexpr_cast, constexpr_lut_to_dense in its iOS16 form with
// bit-packed indices and in its iOS18 grouped/vector form, and
// constexpr_sparse_to_dense with a byte-packed or a uint1 mask).
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include "ane/Runtime/Half.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

namespace {
struct AffineParams {
  std::vector<float> scale, zeroPoint; // zeroPoint empty = 0
  int64_t outer = 1, mid = 1, inner = 1;
};
} // namespace

/// Reads scale / zero_point / axis for a tensor of shape `s`.
static LogicalResult readAffine(OpParams &p, PrepareContext &ctx,
                                ArrayRef<int64_t> s, AffineParams &a) {
  auto scale = constFloats(p, ctx, "scale");
  auto zp = constFloats(p, ctx, "zero_point");
  if (failed(scale) || failed(zp))
    return failure();
  if (!*scale)
    return p.getOp()->emitError() << "interpreter: missing 'scale'";
  a.scale = **scale;
  if (*zp)
    a.zeroPoint = **zp;
  int64_t count = a.scale.size();
  if (!a.zeroPoint.empty() && a.zeroPoint.size() != a.scale.size() &&
      a.zeroPoint.size() != 1)
    return p.getOp()->emitError()
           << "interpreter: 'scale' and 'zero_point' sizes differ";
  if (a.zeroPoint.size() == 1 && count > 1)
    a.zeroPoint.assign(count, a.zeroPoint[0]);
  if (a.scale.size() == 1 && a.zeroPoint.size() > 1) {
    count = a.zeroPoint.size();
    a.scale.assign(count, a.scale[0]);
  }
  if (count == 1) {
    a.outer = 1;
    a.mid = 1;
    a.inner = numElementsOf(s);
    return success();
  }
  int64_t axis = normAxis(p.getInt("axis", -1), s.size());
  if (axis < 0 || axis >= int64_t(s.size()) || s[axis] != count)
    return p.getOp()->emitError()
           << "interpreter: per-axis parameters of size " << count
           << " do not match axis " << p.getInt("axis", -1) << " of "
           << shapeToString(s);
  splitAround(s, axis, a.outer, a.mid, a.inner);
  return success();
}

static FailureOr<StepFn> prepareQuantize(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("input");
  if (!xv)
    return missingParam(p.getOp(), "input");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  AffineParams a;
  if (failed(readAffine(p, ctx, ctx.info(x).shape, a)))
    return failure();
  DType outT = ctx.info(out).dtype;
  float qmin = outT == DType::U8 ? 0.f : -128.f;
  float qmax = outT == DType::U8 ? 255.f : 127.f;
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::quantize(f.f32(x), f.outF32(out), a.outer, a.mid, a.inner,
                      a.scale.data(),
                      a.zeroPoint.empty() ? nullptr : a.zeroPoint.data(),
                      a.scale.size(), qmin, qmax);
    return llvm::Error::success();
  });
}

static FailureOr<StepFn> prepareDequantize(OpParams &p, PrepareContext &ctx) {
  Value xv = p.operand("input");
  if (!xv)
    return missingParam(p.getOp(), "input");
  int x = ctx.slot(xv), out = ctx.slot(p.getOp()->getResult(0));
  AffineParams a;
  if (failed(readAffine(p, ctx, ctx.info(x).shape, a)))
    return failure();
  return StepFn([=](Frame &f) -> llvm::Error {
    kernels::dequantize(
        f.f32(x), f.outF32(out), a.outer, a.mid, a.inner, a.scale.data(),
        a.zeroPoint.empty() ? nullptr : a.zeroPoint.data(), a.scale.size());
    return llvm::Error::success();
  });
}

/// Stores fp32 values as `dtype` (fp16 rounds to nearest even; integer
/// values are exact).
static Tensor storeAs(DType dtype, ArrayRef<int64_t> shape,
                      const std::vector<float> &v) {
  Tensor t(dtype, shape);
  switch (dtype) {
  case DType::F16:
    convertFloatToHalf(v.data(), t.data<uint16_t>(), v.size());
    break;
  case DType::F32:
    std::copy(v.begin(), v.end(), t.data<float>());
    break;
  case DType::I8:
    std::copy(v.begin(), v.end(), t.data<int8_t>());
    break;
  case DType::U8:
  case DType::Bool:
    std::copy(v.begin(), v.end(), t.data<uint8_t>());
    break;
  case DType::I16:
    std::copy(v.begin(), v.end(), t.data<int16_t>());
    break;
  case DType::U16:
    std::copy(v.begin(), v.end(), t.data<uint16_t>());
    break;
  case DType::I32:
    std::copy(v.begin(), v.end(), t.data<int32_t>());
    break;
  }
  return t;
}

/// The required float parameter `name` (constFloats); diagnoses its absence.
static FailureOr<std::vector<float>>
requiredFloats(OpParams &p, PrepareContext &ctx, StringRef name) {
  auto data = constFloats(p, ctx, name);
  if (failed(data))
    return failure();
  if (!*data) {
    p.getOp()->emitError() << "interpreter: missing '" << name << "'";
    return failure();
  }
  return std::move(**data);
}

/// The data parameter of a constexpr op as floats (operand const or attr).
static FailureOr<std::vector<float>> constexprData(OpParams &p,
                                                   PrepareContext &ctx,
                                                   StringRef name, Shape &shape,
                                                   int64_t &bytes) {
  if (Value v = p.operand(name)) {
    shape = ctx.info(ctx.slot(v)).shape;
    bytes = 0; // counted with its mil.const
  } else if (auto elems = dyn_cast_or_null<ElementsAttr>(p.attr(name))) {
    // Anything else (an unloaded weight blob) is diagnosed by constFloats.
    auto type = cast<RankedTensorType>(elems.getType());
    shape.assign(type.getShape().begin(), type.getShape().end());
    bytes = numElementsOf(shape) *
            dtypeSize(dtypeFromType(type.getElementType()).value_or(DType::U8));
  }
  ctx.addWeightBytes(bytes);
  return requiredFloats(p, ctx, name);
}

static FailureOr<StepFn> prepareConstexprAffine(OpParams &p,
                                                PrepareContext &ctx) {
  Shape s;
  int64_t bytes = 0;
  auto data = constexprData(p, ctx, "quantized_data", s, bytes);
  if (failed(data))
    return failure();
  AffineParams a;
  if (failed(readAffine(p, ctx, s, a)))
    return failure();
  int out = ctx.slot(p.getOp()->getResult(0));
  std::vector<float> v(data->size());
  kernels::dequantize(
      data->data(), v.data(), a.outer, a.mid, a.inner, a.scale.data(),
      a.zeroPoint.empty() ? nullptr : a.zeroPoint.data(), a.scale.size());
  ctx.defineConstant(out, storeAs(ctx.info(out).dtype, s, v));
  return StepFn();
}

/// constexpr_blockwise_shift_scale (iOS18): (data - offset) * scale, where
/// scale/offset have data's rank and each dim divides data's (block size
/// = data dim / scale dim).
static FailureOr<StepFn> prepareBlockwise(OpParams &p, PrepareContext &ctx) {
  Shape s;
  int64_t bytes = 0;
  auto data = constexprData(p, ctx, "data", s, bytes);
  auto scale = constFloats(p, ctx, "scale");
  auto offset = constFloats(p, ctx, "offset");
  if (failed(data) || failed(scale) || failed(offset) || !*scale)
    return failure();
  Value sv = p.operand("scale");
  Shape ss = sv ? ctx.info(ctx.slot(sv)).shape : Shape();
  if (!sv)
    if (auto e = dyn_cast_or_null<ElementsAttr>(p.attr("scale")))
      ss.assign(cast<ShapedType>(e.getType()).getShape().begin(),
                cast<ShapedType>(e.getType()).getShape().end());
  if (ss.size() != s.size()) {
    p.getOp()->emitError() << "interpreter: 'scale' must have data's rank";
    return failure();
  }
  int out = ctx.slot(p.getOp()->getResult(0));
  std::vector<float> v(data->size());
  Shape idx(s.size(), 0);
  for (size_t i = 0; i < v.size(); ++i) {
    int64_t si = 0;
    for (size_t d = 0; d < s.size(); ++d)
      si = si * ss[d] + idx[d] / (s[d] / ss[d]);
    float off = *offset ? (**offset)[si] : 0.f;
    v[i] = ((*data)[i] - off) * (**scale)[si];
    for (int64_t d = s.size() - 1; d >= 0; --d) {
      if (++idx[d] < s[d])
        break;
      idx[d] = 0;
    }
  }
  ctx.defineConstant(out, storeAs(ctx.info(out).dtype, s, v));
  return StepFn();
}

/// constexpr_cast(source_val, output_dtype = fp32): an fp16 constant widened.
static FailureOr<StepFn> prepareConstexprCast(OpParams &p,
                                              PrepareContext &ctx) {
  Shape s;
  int64_t bytes = 0;
  auto data = constexprData(p, ctx, "source_val", s, bytes);
  if (failed(data))
    return failure();
  int out = ctx.slot(p.getOp()->getResult(0));
  ctx.defineConstant(out, storeAs(ctx.info(out).dtype, s, *data));
  return StepFn();
}

/// constexpr_lut_to_dense (iOS16 form): output = lut[indices] in the result
/// shape (`shape`), the n-bit indices (2^n = lut size) packed LSB first in
/// the uint8 vector `indices`.
static FailureOr<StepFn> prepareLutFlat(OpParams &p, PrepareContext &ctx) {
  Operation *op = p.getOp();
  auto bytes = requiredFloats(p, ctx, "indices");
  auto lut = requiredFloats(p, ctx, "lut");
  if (failed(bytes) || failed(lut))
    return failure();
  int out = ctx.slot(op->getResult(0));
  Shape os = ctx.info(out).shape;
  int64_t count = numElementsOf(os);
  uint64_t entries = lut->size();
  unsigned bits = entries >= 2 && entries <= 256 && llvm::isPowerOf2_64(entries)
                      ? llvm::Log2_64(entries)
                      : 0;
  if (!bits || int64_t(bytes->size()) * 8 < count * bits) {
    op->emitError() << "interpreter: 'lut' of " << entries << " entries and "
                    << bytes->size() << " index bytes cannot give " << count
                    << " elements";
    return failure();
  }
  std::vector<uint8_t> packed(bytes->begin(), bytes->end());
  ctx.addWeightBytes(packed.size() + entries * dtypeSize(ctx.info(out).dtype));
  std::vector<uint8_t> idx(count);
  kernels::unpackBits(packed.data(), bits, count, idx.data());
  std::vector<float> v(count);
  for (int64_t i = 0; i < count; ++i)
    v[i] = (*lut)[idx[i]];
  ctx.defineConstant(out, storeAs(ctx.info(out).dtype, os, v));
  return StepFn();
}

/// constexpr_lut_to_dense (iOS18 form): output[i] = lut[group(i), indices[i],
/// v] with per-group palettes (lut [g_0, .., g_{r-1}, 2^n, VECTOR_SIZE]) and,
/// for VECTOR_SIZE > 1, output dim `vector_axis` expanded by VECTOR_SIZE.
static FailureOr<StepFn> prepareLut(OpParams &p, PrepareContext &ctx) {
  Operation *op = p.getOp();
  if (p.attr("shape"))
    return prepareLutFlat(p, ctx);
  // Inline or loaded (dense_resource) data, else a #mil.blob_file not read.
  if (diagnoseUnloadedBlob(op, p.attr("indices")) ||
      diagnoseUnloadedBlob(op, p.attr("lut")))
    return failure();
  auto indices = cast<ElementsAttr>(p.attr("indices"));
  auto lutAttr = cast<ElementsAttr>(p.attr("lut"));
  auto lut = constFloats(p, ctx, "lut");
  auto idx = constFloats(p, ctx, "indices");
  if (failed(lut) || failed(idx) || !*lut || !*idx)
    return failure();
  ArrayRef<int64_t> is = cast<ShapedType>(indices.getType()).getShape();
  ArrayRef<int64_t> ls = cast<ShapedType>(lutAttr.getType()).getShape();
  int64_t rank = is.size();
  if (int64_t(ls.size()) != rank + 2) {
    op->emitError() << "interpreter: 'lut' must have rank(indices) + 2";
    return failure();
  }
  int64_t palette = ls[rank], vec = ls[rank + 1];
  int64_t vaxis = vec > 1 ? normAxis(p.getInt("vector_axis", 0), rank) : 0;
  int out = ctx.slot(op->getResult(0));
  Shape os(is.begin(), is.end());
  if (vec > 1)
    os[vaxis] *= vec;
  ctx.addWeightBytes((indices.getNumElements() *
                          indices.getElementType().getIntOrFloatBitWidth() +
                      7) /
                         8 +
                     (*lut)->size() * dtypeSize(ctx.info(out).dtype));
  std::vector<float> v(numElementsOf(os));
  Shape i(rank, 0);
  for (int64_t flat = 0; flat < numElementsOf(is); ++flat) {
    int64_t group = 0;
    for (int64_t d = 0; d < rank; ++d)
      group = group * ls[d] + i[d] / (is[d] / ls[d]);
    int64_t entry = int64_t((**idx)[flat]);
    for (int64_t k = 0; k < vec; ++k) {
      int64_t o = 0;
      for (int64_t d = 0; d < rank; ++d)
        o = o * os[d] + (d == vaxis && vec > 1 ? i[d] * vec + k : i[d]);
      v[o] = (**lut)[(group * palette + entry) * vec + k];
    }
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++i[d] < is[d])
        break;
      i[d] = 0;
    }
  }
  ctx.defineConstant(out, storeAs(ctx.info(out).dtype, os, v));
  return StepFn();
}

/// constexpr_sparse_to_dense: zeros, except that the elements whose `mask`
/// bit is set take the `nonzero_data` values in row-major order. The iOS16
/// form packs the mask in bytes, LSB first; the iOS18 form has a uint1 mask
/// of the output's shape.
static FailureOr<StepFn> prepareSparse(OpParams &p, PrepareContext &ctx) {
  Operation *op = p.getOp();
  auto mask = requiredFloats(p, ctx, "mask");
  auto data = requiredFloats(p, ctx, "nonzero_data");
  if (failed(mask) || failed(data))
    return failure();
  int out = ctx.slot(op->getResult(0));
  Shape os = ctx.info(out).shape;
  int64_t count = numElementsOf(os);
  std::vector<uint8_t> bits(mask->begin(), mask->end());
  bool packed = p.attr("shape") != nullptr;
  if (packed) {
    std::vector<uint8_t> bytes = std::move(bits);
    bits.assign(count, 0);
    if (int64_t(bytes.size()) * 8 >= count)
      kernels::unpackBits(bytes.data(), 1, count, bits.data());
  }
  int64_t set = llvm::count_if(bits, [](uint8_t b) { return b != 0; });
  if (int64_t(bits.size()) != count || set != int64_t(data->size())) {
    op->emitError() << "interpreter: 'mask' of " << set << " set bits for "
                    << count << " elements does not match 'nonzero_data' of "
                    << data->size() << " values";
    return failure();
  }
  ctx.addWeightBytes((count + 7) / 8 + set * dtypeSize(ctx.info(out).dtype));
  std::vector<float> v(count, 0.f);
  for (int64_t i = 0, next = 0; i < count; ++i)
    if (bits[i])
      v[i] = (*data)[next++];
  ctx.defineConstant(out, storeAs(ctx.info(out).dtype, os, v));
  return StepFn();
}

void ane::runtime::detail::registerQuantEvaluators(EvaluatorTable &t) {
  t["mil.constexpr_lut_to_dense"] = prepareLut;
  t["mil.constexpr_sparse_to_dense"] = prepareSparse;
  t["mil.constexpr_cast"] = prepareConstexprCast;
  t["mil.quantize"] = prepareQuantize;
  t["mil.dequantize"] = prepareDequantize;
  t["mil.constexpr_affine_dequantize"] = prepareConstexprAffine;
  t["mil.constexpr_blockwise_shift_scale"] = prepareBlockwise;
}
