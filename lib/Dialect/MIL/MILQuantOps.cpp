//===- MILQuantOps.cpp - Quantization and constexpr decompression ---------===//
//
// Result-type inference and rule checks of quantize/dequantize (iOS17), and
// the verifiers of the constexpr decompression ops (constexpr_affine_
// dequantize, constexpr_blockwise_shift_scale, constexpr_lut_to_dense and
// constexpr_sparse_to_dense in their iOS16 and iOS18 forms, constexpr_cast). No
// folders: dequantize(quantize(x)) changes numerics, and constexpr ops exist to
// keep weights compressed.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace ane::mil;

namespace {

using Emitter = llvm::function_ref<InFlightDiagnostic()>;

/// Prints a shape as `[a, b, c]` (`?` for dynamic dims).
std::string fmtShape(ArrayRef<int64_t> shape) {
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleaveComma(shape, os, [&](int64_t d) {
    if (ShapedType::isDynamic(d))
      os << "?";
    else
      os << d;
  });
  os << "]";
  return s;
}

ShapedType shapeOf(ElementsAttr attr) { return attr.getShapedType(); }

bool isFp16OrFp32(Type t) { return t.isF16() || t.isF32(); }
bool isInt8OrUInt8(Type t) {
  auto i = dyn_cast<IntegerType>(t);
  return i && i.getWidth() == 8 && !i.isSigned();
}

/// The affine quantization parameter rules shared by quantize, dequantize
/// and constexpr_affine_dequantize: `scale` and `zero_point` are scalars or
/// vectors along `axis` of a tensor of shape `shape`. With `iOS17Rules`
/// (quantize/dequantize) a scalar scale forbids `axis` and zero_point has the
/// shape of scale; constexpr_affine_dequantize (iOS16) always has an axis
/// and checks scale and zero_point independently.
LogicalResult checkAffineParams(Emitter emit, ArrayRef<int64_t> shape,
                                ElementsAttr scale, ElementsAttr zeroPoint,
                                std::optional<int64_t> axis, bool iOS17Rules) {
  int64_t rank = shape.size();
  std::optional<int64_t> normAxis;
  if (axis) {
    // affine.axis-in-range
    if (*axis < -rank || *axis >= rank)
      return emit() << "'axis' must be in [" << -rank << ", " << rank
                    << "), got " << *axis;
    normAxis = *axis < 0 ? *axis + rank : *axis;
  }
  auto checkParam = [&](StringRef name, ElementsAttr param) -> LogicalResult {
    ShapedType type = shapeOf(param);
    // affine.param-scalar-or-vector
    if (type.getRank() > 1)
      return emit() << "'" << name << "' must be a scalar or a vector, got "
                    << "shape " << fmtShape(type.getShape());
    if (type.getRank() == 0) {
      // affine.scalar-scale-no-axis
      if (iOS17Rules && axis && name == "scale")
        return emit() << "'axis' must be absent with a scalar 'scale', got "
                      << *axis;
      return success();
    }
    // affine.vector-needs-axis
    if (!normAxis)
      return emit() << "'axis' is required with a vector '" << name
                    << "' of shape " << fmtShape(type.getShape());
    int64_t dim = shape[*normAxis];
    // affine.vector-length
    if (!ShapedType::isDynamic(dim) && type.getDimSize(0) != dim)
      return emit() << "'" << name << "' must have input.shape[axis] = " << dim
                    << " entries, got " << type.getDimSize(0);
    return success();
  };
  if (failed(checkParam("scale", scale)))
    return failure();
  if (zeroPoint) {
    if (failed(checkParam("zero_point", zeroPoint)))
      return failure();
    // affine.zero-point-shape
    if (iOS17Rules &&
        shapeOf(zeroPoint).getShape() != shapeOf(scale).getShape())
      return emit() << "'zero_point' must have the shape of 'scale' "
                    << fmtShape(shapeOf(scale).getShape()) << ", got "
                    << fmtShape(shapeOf(zeroPoint).getShape());
  }
  // affine.scale-nonzero: quantize/dequantize (iOS17) reject a zero scale,
  // as coremltools does. Only checked when the values are readable.
  // constexpr_affine_dequantize accepts it: real compiled programs hold zero
  // scales for all-zero weight rows.
  if (!iOS17Rules)
    return success();
  if (auto values = scale.tryGetValues<APFloat>())
    for (auto [i, v] : llvm::enumerate(*values))
      if (v.isZero())
        return emit() << "'scale' must be non-zero, got 0 at index " << i;
  return success();
}

/// The opset rule of the constexpr ops with an iOS16 form (which has a
/// `shape` parameter) and a different iOS18 form (which has not).
LogicalResult checkFormOpset(Operation *op, bool iOS16Form) {
  std::optional<Opset> opset = getEnclosingOpset(op);
  if (!opset)
    return success();
  // constexpr.ios16-form-opset
  if (iOS16Form && *opset >= Opset::ios18)
    return op->emitOpError("'shape' (the iOS16 form) needs opset ios16 or "
                           "ios17, got ")
           << stringifyOpset(*opset);
  // constexpr.ios18-form-opset
  if (!iOS16Form && *opset < Opset::ios18)
    return op->emitOpError("'shape' is required before opset ios18 (the "
                           "iOS16 form), got ")
           << stringifyOpset(*opset);
  return success();
}

/// The `shape` parameter of an iOS16 constexpr form: a uint32 vector that
/// is the result shape.
LogicalResult checkShapeParam(Operation *op, ElementsAttr shape,
                              ShapedType resultType) {
  // constexpr.shape-dtype
  if (shapeOf(shape).getRank() != 1 ||
      !shape.getElementType().isUnsignedInteger(32))
    return op->emitOpError("'shape' must be a uint32 vector, got ")
           << shapeOf(shape);
  auto values = shape.tryGetValues<APInt>();
  if (!values)
    return success();
  SmallVector<int64_t> dims;
  for (const APInt &v : *values)
    dims.push_back(v.getZExtValue());
  bool same = (int64_t)dims.size() == resultType.getRank();
  for (auto [d, r] : llvm::zip(dims, resultType.getShape()))
    same &= ShapedType::isDynamic(r) || d == r;
  // constexpr.shape-result
  if (!same)
    return op->emitOpError("result shape must be 'shape' ")
           << fmtShape(dims) << ", got " << fmtShape(resultType.getShape());
  return success();
}

InFlightDiagnostic err(std::optional<Location> loc) {
  return loc ? emitError(*loc) : InFlightDiagnostic();
}

std::optional<int64_t> optAxis(std::optional<uint32_t> axis) {
  if (!axis)
    return std::nullopt;
  return (int32_t)*axis;
}

} // namespace

//===----------------------------------------------------------------------===//
// quantize / dequantize
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::inferReturnTypes(MLIRContext *context,
                                           std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &results) {
  auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
  ElementsAttr scale = adaptor.getScaleAttr(),
               zeroPoint = adaptor.getZeroPointAttr();
  StringAttr outputDtype = adaptor.getOutputDtypeAttr();
  if (!scale || !outputDtype)
    return failure();
  auto emit = [&] { return err(loc); };
  // quantize.scale-dtype
  if (scale.getElementType() != inputType.getElementType())
    return emit() << "'scale' must have the dtype of 'input' "
                  << inputType.getElementType() << ", got "
                  << scale.getElementType();
  Type outElement = outputDtype.getValue() == "uint8"
                        ? IntegerType::get(context, 8, IntegerType::Unsigned)
                        : IntegerType::get(context, 8);
  // quantize.zero-point-dtype
  if (zeroPoint && zeroPoint.getElementType() != outElement)
    return emit() << "'zero_point' must have dtype 'output_dtype' = "
                  << outElement << ", got " << zeroPoint.getElementType();
  if (failed(checkAffineParams(emit, inputType.getShape(), scale, zeroPoint,
                               optAxis(adaptor.getAxis()),
                               /*iOS17Rules=*/true)))
    return failure();
  results.push_back(RankedTensorType::get(inputType.getShape(), outElement));
  return success();
}

LogicalResult DequantizeOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &results) {
  auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
  ElementsAttr scale = adaptor.getScaleAttr(),
               zeroPoint = adaptor.getZeroPointAttr();
  if (!scale)
    return failure();
  auto emit = [&] { return err(loc); };
  // dequantize.scale-dtype
  if (!isFp16OrFp32(scale.getElementType()))
    return emit() << "'scale' must be fp16 or fp32, got "
                  << scale.getElementType();
  // dequantize.zero-point-dtype
  if (zeroPoint && zeroPoint.getElementType() != inputType.getElementType())
    return emit() << "'zero_point' must have the dtype of 'input' "
                  << inputType.getElementType() << ", got "
                  << zeroPoint.getElementType();
  if (failed(checkAffineParams(emit, inputType.getShape(), scale, zeroPoint,
                               optAxis(adaptor.getAxis()),
                               /*iOS17Rules=*/true)))
    return failure();
  results.push_back(
      RankedTensorType::get(inputType.getShape(), scale.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// constexpr_affine_dequantize
//===----------------------------------------------------------------------===//

LogicalResult ConstexprAffineDequantizeOp::verify() {
  auto resultType = getType();
  auto emit = [&] { return emitOpError(); };
  Type dataElement;
  if (auto data = dyn_cast<ElementsAttr>(getQuantizedData())) {
    dataElement = data.getElementType();
    // constexpr_affine_dequantize.data-dtype
    if (!isInt8OrUInt8(dataElement))
      return emit() << "'quantized_data' must be int8 or uint8, got "
                    << dataElement;
    // constexpr_affine_dequantize.data-shape
    if (shapeOf(data).getShape() != resultType.getShape())
      return emit() << "'quantized_data' shape "
                    << fmtShape(shapeOf(data).getShape())
                    << " must equal the result shape "
                    << fmtShape(resultType.getShape());
  }
  // constexpr_affine_dequantize.scale-dtype
  if (getScale().getElementType() != resultType.getElementType())
    return emit() << "'scale' dtype must be the result dtype "
                  << resultType.getElementType() << ", got "
                  << getScale().getElementType();
  Type zpElement = getZeroPoint().getElementType();
  // constexpr_affine_dequantize.zero-point-dtype
  if (!(zpElement.isF32() ||
        (dataElement ? zpElement == dataElement : isInt8OrUInt8(zpElement))))
    return emit() << "'zero_point' must be fp32 or the dtype of "
                     "'quantized_data'"
                  << (dataElement ? " " : "")
                  << (dataElement ? dataElement : Type()) << ", got "
                  << zpElement;
  return checkAffineParams(emit, resultType.getShape(), getScale(),
                           getZeroPoint(), (int32_t)getAxis(),
                           /*iOS17Rules=*/false);
}

//===----------------------------------------------------------------------===//
// constexpr_blockwise_shift_scale
//===----------------------------------------------------------------------===//

LogicalResult ConstexprBlockwiseShiftScaleOp::verify() {
  auto resultType = getType();
  Type dataElement;
  if (auto data = dyn_cast<ElementsAttr>(getData())) {
    dataElement = data.getElementType();
    auto intType = dyn_cast<IntegerType>(dataElement);
    // constexpr_blockwise_shift_scale.data-dtype
    if (!isFp16OrFp32(dataElement) &&
        !(intType && !intType.isSigned() &&
          (intType.getWidth() == 4 || intType.getWidth() == 8)))
      return emitOpError("'data' must be int4, uint4, int8, uint8, fp16 or "
                         "fp32, got ")
             << dataElement;
    // constexpr_blockwise_shift_scale.data-shape
    if (shapeOf(data).getShape() != resultType.getShape())
      return emitOpError("'data' shape ") << fmtShape(shapeOf(data).getShape())
                                          << " must equal the result shape "
                                          << fmtShape(resultType.getShape());
  }
  ShapedType scaleType = shapeOf(getScale());
  // constexpr_blockwise_shift_scale.scale-dtype
  if (scaleType.getElementType() != resultType.getElementType())
    return emitOpError("'scale' dtype must be the result dtype ")
           << resultType.getElementType() << ", got "
           << scaleType.getElementType();
  // constexpr_blockwise_shift_scale.scale-rank
  if (scaleType.getRank() != resultType.getRank())
    return emitOpError("'scale' must have the rank of 'data' ")
           << resultType.getRank() << ", got " << scaleType.getRank();
  for (int64_t d = 0; d < resultType.getRank(); ++d) {
    int64_t dim = resultType.getDimSize(d), s = scaleType.getDimSize(d);
    // constexpr_blockwise_shift_scale.block-divides
    if (!ShapedType::isDynamic(dim) && (s <= 0 || dim % s != 0))
      return emitOpError("'scale' dim ")
             << d << " (" << s << ") must divide 'data' dim " << d << " ("
             << dim << ")";
  }
  if (ElementsAttr offset = getOffsetAttr()) {
    // constexpr_blockwise_shift_scale.offset-shape
    if (shapeOf(offset).getShape() != scaleType.getShape())
      return emitOpError("'offset' must have the shape of 'scale' ")
             << fmtShape(scaleType.getShape()) << ", got "
             << fmtShape(shapeOf(offset).getShape());
    Type offElement = offset.getElementType();
    // constexpr_blockwise_shift_scale.offset-dtype
    if (!isFp16OrFp32(offElement) && dataElement && offElement != dataElement)
      return emitOpError("'offset' must be float or have the dtype of 'data' ")
             << dataElement << ", got " << offElement;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// constexpr_lut_to_dense
//===----------------------------------------------------------------------===//

/// The iOS16 form: `indices` a packed uint8 byte stream, `lut` a vector of
/// 2^n entries, `shape` the output shape.
static LogicalResult verifyFlatLut(ConstexprLutToDenseOp op,
                                   ElementsAttr shape) {
  auto resultType = op.getType();
  // constexpr_lut_to_dense.flat-no-vector-axis
  if (std::optional<uint32_t> a = op.getVectorAxis())
    return op.emitOpError("'vector_axis' must be absent with 'shape' (the "
                          "iOS16 form), got ")
           << (int32_t)*a;
  if (failed(checkShapeParam(op, shape, resultType)))
    return failure();
  auto lut = dyn_cast<ElementsAttr>(op.getLut());
  if (!lut)
    return success();
  int64_t entries = shapeOf(lut).getRank() == 1 ? lut.getNumElements() : 0;
  // constexpr_lut_to_dense.flat-lut-shape
  if (!llvm::is_contained({2, 4, 16, 64, 256}, entries))
    return op.emitOpError("'lut' must be a vector of 2^n entries, n in 1, 2, "
                          "4, 6, 8 (the iOS16 form), got shape ")
           << fmtShape(shapeOf(lut).getShape());
  auto indices = dyn_cast<ElementsAttr>(op.getIndices());
  if (!indices || !resultType.hasStaticShape())
    return success();
  int64_t bits = llvm::Log2_64(entries);
  int64_t bytes = (bits * resultType.getNumElements() + 7) / 8;
  // constexpr_lut_to_dense.flat-indices
  if (!indices.getElementType().isUnsignedInteger(8) ||
      shapeOf(indices).getShape() != ArrayRef<int64_t>(bytes))
    return op.emitOpError("'indices' must be uint8 of shape [ceil(")
           << bits << " bits * " << resultType.getNumElements() << " / 8)] = ["
           << bytes << "] (the iOS16 form), got " << shapeOf(indices);
  return success();
}

LogicalResult ConstexprLutToDenseOp::verify() {
  auto resultType = getType();
  auto lut = dyn_cast<ElementsAttr>(getLut());
  if (lut) {
    Type lutElement = lut.getElementType();
    // constexpr_lut_to_dense.lut-dtype
    if (lutElement != resultType.getElementType() ||
        !(isFp16OrFp32(lutElement) || isInt8OrUInt8(lutElement)))
      return emitOpError("'lut' must be uint8, int8, fp16 or fp32 and the "
                         "result dtype ")
             << resultType.getElementType() << ", got " << lutElement;
  }
  ElementsAttr shape = getShapeAttr();
  if (failed(checkFormOpset(*this, shape != nullptr)))
    return failure();
  if (shape)
    return verifyFlatLut(*this, shape);
  if (!lut)
    return success();
  ShapedType lutType = shapeOf(lut);
  int64_t rank = resultType.getRank();
  // constexpr_lut_to_dense.lut-rank
  if (lutType.getRank() != rank + 2)
    return emitOpError("'lut' must have rank rank(indices) + 2 = ")
           << rank + 2 << ", got " << lutType.getRank();
  int64_t palette = lutType.getDimSize(rank);
  int64_t vectorSize = lutType.getDimSize(rank + 1);

  std::optional<int64_t> vectorAxis;
  if (std::optional<uint32_t> a = getVectorAxis()) {
    int64_t axis = (int32_t)*a;
    // constexpr_lut_to_dense.vector-axis-in-range
    if (axis < -rank || axis >= rank)
      return emitOpError("'vector_axis' must be in [")
             << -rank << ", " << rank << "), got " << axis;
    vectorAxis = axis < 0 ? axis + rank : axis;
  }
  // constexpr_lut_to_dense.vector-axis-required
  if (vectorSize > 1 && !vectorAxis)
    return emitOpError("'vector_axis' is required when the 'lut' vector size "
                       "(last dim) is ")
           << vectorSize;

  // The shape of indices: given, or derived from the result for a blob.
  SmallVector<int64_t> indicesShape(resultType.getShape());
  unsigned bits = 8;
  if (auto indices = dyn_cast<ElementsAttr>(getIndices())) {
    auto intType = dyn_cast<IntegerType>(indices.getElementType());
    // constexpr_lut_to_dense.indices-dtype
    if (!intType || !intType.isUnsigned() ||
        !llvm::is_contained({1u, 2u, 4u, 8u}, intType.getWidth()))
      return emitOpError("'indices' must be ui1, ui2, ui4 or ui8 (uint3 and "
                         "uint6 are held in ui8), got ")
             << indices.getElementType();
    bits = intType.getWidth();
    indicesShape.assign(shapeOf(indices).getShape().begin(),
                        shapeOf(indices).getShape().end());
    SmallVector<int64_t> expected(indicesShape);
    if (vectorAxis && !ShapedType::isDynamic(expected[*vectorAxis]))
      expected[*vectorAxis] *= vectorSize;
    // constexpr_lut_to_dense.result-shape
    if ((int64_t)indicesShape.size() != rank ||
        ArrayRef<int64_t>(expected) != resultType.getShape())
      return emitOpError("result shape must be the 'indices' shape with "
                         "'vector_axis' scaled by the vector size, expected ")
             << fmtShape(expected) << ", got "
             << fmtShape(resultType.getShape());
  }
  // constexpr_lut_to_dense.palette-size
  if (bits < 8
          ? palette != (int64_t{1} << bits)
          : (palette < 2 || palette > 256 || !llvm::isPowerOf2_64(palette)))
    return emitOpError("'lut' palette dim ")
           << rank << " must be "
           << (bits < 8 ? "2^(indices bits) = " + std::to_string(1 << bits)
                        : std::string("a power of two in [2, 256]"))
           << ", got " << palette;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t dim = indicesShape[d], g = lutType.getDimSize(d);
    // constexpr_lut_to_dense.group-divides
    if (!ShapedType::isDynamic(dim) && (g <= 0 || dim % g != 0))
      return emitOpError("'lut' group count ")
             << g << " in dim " << d << " must divide the 'indices' dim "
             << dim;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// constexpr_sparse_to_dense
//===----------------------------------------------------------------------===//

LogicalResult ConstexprSparseToDenseOp::verify() {
  auto resultType = getType();
  ElementsAttr shape = getShapeAttr();
  if (failed(checkFormOpset(*this, shape != nullptr)) ||
      (shape && failed(checkShapeParam(*this, shape, resultType))))
    return failure();
  auto data = dyn_cast<ElementsAttr>(getNonzeroData());
  // constexpr_sparse_to_dense.data-type
  if (data && (shapeOf(data).getRank() != 1 ||
               data.getElementType() != resultType.getElementType()))
    return emitOpError("'nonzero_data' must be a vector of the result dtype ")
           << resultType.getElementType() << ", got " << shapeOf(data);
  auto mask = dyn_cast<ElementsAttr>(getMask());
  if (!mask)
    return success();
  if (shape) {
    // constexpr_sparse_to_dense.packed-mask
    std::optional<int64_t> bytes;
    if (resultType.hasStaticShape())
      bytes = (resultType.getNumElements() + 7) / 8;
    if (!mask.getElementType().isUnsignedInteger(8) ||
        shapeOf(mask).getRank() != 1 ||
        (bytes && mask.getNumElements() != *bytes))
      return emitOpError("'mask' must be a uint8 vector of ceil(prod(shape) "
                         "/ 8) = ")
             << (bytes ? std::to_string(*bytes) : std::string("?"))
             << " bytes (the iOS16 form), got " << shapeOf(mask);
  } else if (!mask.getElementType().isUnsignedInteger(1) ||
             shapeOf(mask).getShape() != resultType.getShape()) {
    // constexpr_sparse_to_dense.mask-shape
    return emitOpError("'mask' must be uint1 of the result shape ")
           << fmtShape(resultType.getShape()) << " (the iOS18 form), got "
           << shapeOf(mask);
  }
  auto bits = mask.tryGetValues<APInt>();
  if (!data || !bits)
    return success();
  int64_t set = 0;
  for (const APInt &v : *bits)
    set += v.popcount();
  // constexpr_sparse_to_dense.nonzero-count
  if (set != data.getNumElements())
    return emitOpError("'nonzero_data' must have one entry per set 'mask' "
                       "bit, ")
           << set << ", got " << data.getNumElements();
  return success();
}

//===----------------------------------------------------------------------===//
// constexpr_cast
//===----------------------------------------------------------------------===//

LogicalResult ConstexprCastOp::verify() {
  auto source = dyn_cast<ElementsAttr>(getSourceVal());
  if (!source)
    return success();
  // constexpr_cast.source-dtype
  if (!source.getElementType().isF16())
    return emitOpError("'source_val' must be fp16, got ")
           << source.getElementType();
  // constexpr_cast.source-shape
  if (shapeOf(source).getShape() != getType().getShape())
    return emitOpError("'source_val' shape ")
           << fmtShape(shapeOf(source).getShape())
           << " must equal the result shape " << fmtShape(getType().getShape());
  return success();
}
