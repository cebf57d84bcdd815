//===- MILTypeInference.cpp - Shape rules shared by mil ops ---------------===//
//
// Broadcasting and other result-type rules used by several op families.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILTypeInference.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

std::optional<SmallVector<int64_t>>
ane::mil::broadcastShapes(std::optional<Location> loc, ArrayRef<int64_t> a,
                          ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == 1) {
      result[i] = db;
    } else if (db == 1 || da == db) {
      result[i] = da;
    } else if (ShapedType::isDynamic(da) || ShapedType::isDynamic(db)) {
      result[i] = ShapedType::isDynamic(da) ? db : da;
    } else {
      if (loc)
        emitError(*loc) << "shapes do not broadcast: dimension " << i
                        << " (right-aligned) is " << da << " in x and " << db
                        << " in y";
      return std::nullopt;
    }
  }
  return result;
}

LogicalResult ane::mil::inferBroadcastResult(std::optional<Location> loc,
                                             Type x, Type y, Type resultElement,
                                             SmallVectorImpl<Type> &results) {
  auto xType = cast<RankedTensorType>(x);
  auto yType = cast<RankedTensorType>(y);
  if (xType.getElementType() != yType.getElementType()) {
    if (loc)
      emitError(*loc) << "x and y must have the same dtype, got "
                      << xType.getElementType() << " and "
                      << yType.getElementType();
    return failure();
  }
  auto shape = broadcastShapes(loc, xType.getShape(), yType.getShape());
  if (!shape)
    return failure();
  results.push_back(RankedTensorType::get(
      *shape, resultElement ? resultElement : xType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Helpers of the activation, reduction and normalization families.
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringSwitch.h"

Type ane::mil::getDTypeElementType(MLIRContext *context, StringRef name) {
  auto integer = [&](unsigned width, IntegerType::SignednessSemantics sign) {
    return IntegerType::get(context, width, sign);
  };
  return llvm::StringSwitch<Type>(name)
      .Case("bool", integer(1, IntegerType::Signless))
      .Case("int8", integer(8, IntegerType::Signless))
      .Case("uint8", integer(8, IntegerType::Unsigned))
      .Case("int16", integer(16, IntegerType::Signless))
      .Case("uint16", integer(16, IntegerType::Unsigned))
      .Case("int32", integer(32, IntegerType::Signless))
      .Case("fp16", Float16Type::get(context))
      .Case("fp32", Float32Type::get(context))
      .Default(Type());
}

std::optional<ane::mil::Opset> ane::mil::getEnclosingOpset(Operation *op) {
  for (Operation *scope = op; scope; scope = scope->getParentOp())
    if (auto name = scope->getAttrOfType<StringAttr>(MILDialect::kOpsetAttr))
      return parseOpset(name.getValue());
  return std::nullopt;
}

std::optional<int64_t> ane::mil::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

SmallVector<int32_t> ane::mil::composePermutations(ArrayRef<int32_t> inner,
                                                   ArrayRef<int32_t> outer) {
  int32_t rank = outer.size();
  auto norm = [rank](int32_t p) { return p < 0 ? p + rank : p; };
  SmallVector<int32_t> perm;
  for (int32_t q : outer)
    perm.push_back(norm(inner[norm(q)]));
  return perm;
}

std::optional<SmallVector<int64_t>>
ane::mil::normalizeAxes(function_ref<InFlightDiagnostic()> emitError,
                        StringRef name, ArrayRef<int32_t> axes, int64_t rank) {
  SmallVector<int64_t> result;
  llvm::SmallSet<int64_t, 8> seen;
  for (int32_t axis : axes) {
    std::optional<int64_t> normalized = normalizeAxis(axis, rank);
    if (!normalized) {
      if (emitError)
        emitError() << "'" << name << "' value " << axis << " is out of range ["
                    << -rank << ", " << rank << ") for rank " << rank;
      return std::nullopt;
    }
    if (!seen.insert(*normalized).second) {
      if (emitError)
        emitError() << "'" << name << "' names dim " << *normalized
                    << " more than once";
      return std::nullopt;
    }
    result.push_back(*normalized);
  }
  return result;
}

LogicalResult ane::mil::inferReductionResult(
    std::optional<Location> loc, RankedTensorType x, StringRef name,
    std::optional<ArrayRef<int32_t>> axes, bool keepDims, Type element,
    SmallVectorImpl<Type> &results) {
  int64_t rank = x.getRank();
  SmallVector<bool> reduced(rank, !axes.has_value());
  if (axes) {
    // reduce.axes-in-range, reduce.axes-unique (and reduce_arg.axis-in-range)
    auto emitError = [&] { return mlir::emitError(*loc); };
    auto normalized = normalizeAxes(
        loc ? function_ref<InFlightDiagnostic()>(emitError) : nullptr, name,
        *axes, rank);
    if (!normalized)
      return failure();
    for (int64_t axis : *normalized)
      reduced[axis] = true;
  }
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    if (!reduced[i])
      shape.push_back(x.getDimSize(i));
    else if (keepDims)
      shape.push_back(1);
  }
  results.push_back(RankedTensorType::get(shape, element));
  return success();
}

LogicalResult ane::mil::verifyFloatParam(Operation *op, StringRef name,
                                         FloatAttr value) {
  // param.float-dtype
  if (value.getType().isF16() || value.getType().isF32())
    return success();
  return op->emitOpError("'")
         << name << "' must be an fp16 or fp32 scalar, got " << value.getType();
}

//===----------------------------------------------------------------------===//
// conv, conv_transpose, avg_pool, max_pool, matmul, linear,
// scaled_dot_product_attention
//===----------------------------------------------------------------------===//

bool ane::mil::areCompatibleResultTypes(TypeRange inferred, TypeRange actual) {
  if (inferred.size() != actual.size())
    return false;
  for (auto [a, b] : llvm::zip(inferred, actual)) {
    auto ta = dyn_cast<RankedTensorType>(a);
    auto tb = dyn_cast<RankedTensorType>(b);
    if (!ta || !tb) {
      if (a != b)
        return false;
      continue;
    }
    if (ta.getElementType() != tb.getElementType() ||
        ta.getRank() != tb.getRank())
      return false;
    for (auto [da, db] : llvm::zip(ta.getShape(), tb.getShape()))
      if (da != db && !ShapedType::isDynamic(da) && !ShapedType::isDynamic(db))
        return false;
  }
  return true;
}

static int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

static int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t ane::mil::windowOutputDim(int64_t in, int64_t kernel, int64_t stride,
                                  int64_t dilation, StringRef padType,
                                  int64_t padBegin, int64_t padEnd,
                                  bool ceilMode) {
  if (ShapedType::isDynamic(in) || ShapedType::isDynamic(kernel) ||
      stride <= 0 || dilation <= 0 || kernel <= 0 || in < 0)
    return ShapedType::kDynamic;
  if (padType == "same" || padType == "same_lower")
    return ceilDiv(in, stride);
  if (padType != "custom")
    padBegin = padEnd = 0;
  int64_t kEff = (kernel - 1) * dilation + 1;
  int64_t span = in + padBegin + padEnd - kEff;
  if (!ceilMode)
    return floorDiv(span, stride) + 1;
  int64_t out = floorDiv(span + stride - 1, stride) + 1;
  // The last window must start inside the input or the begin padding.
  if ((padBegin != 0 || padEnd != 0) && (out - 1) * stride >= in + padBegin)
    --out;
  return out;
}

LogicalResult
ane::mil::verifyWindowAttrs(Operation *op, int64_t spatialRank,
                            std::optional<ArrayRef<int32_t>> strides,
                            std::optional<ArrayRef<int32_t>> dilations,
                            std::optional<ArrayRef<int32_t>> pad) {
  auto checkVector = [&](StringRef name, std::optional<ArrayRef<int32_t>> v,
                         int64_t expectedLen, int32_t minValue,
                         StringRef bound) -> LogicalResult {
    if (!v)
      return success();
    // <op>.strides-length, <op>.dilations-length, <op>.pad-length
    if (static_cast<int64_t>(v->size()) != expectedLen)
      return op->emitOpError()
             << "'" << name << "' must have " << expectedLen << " values ("
             << (name == "pad" ? "2 per " : "one per ") << "spatial dim), got "
             << v->size();
    // <op>.strides-positive, <op>.dilations-positive, <op>.pad-nonnegative
    for (auto [i, value] : llvm::enumerate(*v))
      if (value < minValue)
        return op->emitOpError() << "'" << name << "' values must be " << bound
                                 << ", got " << value << " at index " << i;
    return success();
  };
  if (failed(checkVector("strides", strides, spatialRank, 1, "positive")) ||
      failed(checkVector("dilations", dilations, spatialRank, 1, "positive")) ||
      failed(checkVector("pad", pad, 2 * spatialRank, 0, "non-negative")))
    return failure();
  return success();
}

std::string ane::mil::formatShape(ArrayRef<int64_t> shape) {
  std::string s = "[";
  for (auto [i, d] : llvm::enumerate(shape)) {
    if (i)
      s += ", ";
    s += ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d);
  }
  return s + "]";
}

bool ane::mil::isMILConstant(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def)
    return false;
  return matchPattern(value, m_Constant()) ||
         def->getName().getStringRef().starts_with("mil.constexpr_");
}
