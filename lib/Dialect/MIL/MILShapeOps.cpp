//===- MILShapeOps.cpp - Shape and data movement ops ----------------------===//
//
// Result-type inference (which also checks every MIL rule of these ops),
// folders and canonicalization patterns of reshape, transpose, slice_*,
// concat, split, expand_dims, squeeze, tile, pad, gather, band_part, stack.
// Rules are checked in inferReturnTypes so that they fire both when the
// custom form omits the result type and when the op is verified.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILFolding.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace ane::mil;

namespace {

/// An error at `loc`, or a no-op diagnostic when there is no location.
InFlightDiagnostic err(std::optional<Location> loc) {
  return loc ? emitError(*loc) : InFlightDiagnostic();
}

/// Prints an int array as `[a, b, c]`.
std::string fmt(ArrayRef<int64_t> values) {
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleaveComma(values, os);
  os << "]";
  return s;
}
std::string fmt(ArrayRef<int32_t> values) {
  return fmt(SmallVector<int64_t>(values.begin(), values.end()));
}

bool isDyn(int64_t d) { return ShapedType::isDynamic(d); }

/// Normalizes `axis` into [0, rank) or reports it against `name`.
FailureOr<int64_t> checkAxis(std::optional<Location> loc, StringRef name,
                             int64_t axis, int64_t rank) {
  // <op>.axis-in-range (concat, split, expand_dims, squeeze, gather, stack)
  if (std::optional<int64_t> normalized = normalizeAxis(axis, rank))
    return *normalized;
  err(loc) << "'" << name << "' must be in [" << -rank << ", " << rank
           << "), got " << axis;
  return failure();
}

RankedTensorType tensorType(Value v) {
  return cast<RankedTensorType>(v.getType());
}

} // namespace

//===----------------------------------------------------------------------===//
// reshape
//===----------------------------------------------------------------------===//

/// The opset whose rules apply to `value`'s users: the `mil.opset` of the
/// nearest enclosing op that has one, iOS17 when none has (or when the IR is
/// not yet attached, as during parsing).
static Opset opsetAround(Value value) {
  Block *block = value.getParentBlock();
  Operation *owner = block ? block->getParentOp() : nullptr;
  return owner ? getEnclosingOpset(owner).value_or(Opset::ios17) : Opset::ios17;
}

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  ArrayRef<int64_t> in = xType.getShape();
  ArrayRef<int32_t> shape = adaptor.getShape();
  int64_t rank = in.size(), k = shape.size();
  bool positionalZero = opsetAround(adaptor.getX()) < Opset::ios17;

  SmallVector<int64_t> out(k);
  int64_t inferIdx = -1;
  for (int64_t i = 0; i < k; ++i) {
    int64_t s = shape[i];
    if (s == -1) {
      // reshape.single-minus-one
      if (inferIdx >= 0) {
        err(loc) << "'shape' may contain at most one -1, got " << fmt(shape);
        return failure();
      }
      inferIdx = i;
      out[i] = ShapedType::kDynamic;
    } else if (s == 0) {
      if (positionalZero) {
        // reshape.zero-positional-needs-same-rank
        if (k != rank) {
          err(loc) << "'shape' may contain 0 before iOS17 only when it has "
                      "rank(x) = "
                   << rank << " entries, got " << k;
          return failure();
        }
        out[i] = in[i];
      } else {
        int64_t j = rank - (k - i);
        out[i] = j >= 0 ? in[j] : 1;
      }
    } else if (s < 0) {
      // reshape.shape-entries-valid
      err(loc) << "'shape' entries must be positive, 0 or -1, got " << s
               << " at index " << i;
      return failure();
    } else {
      out[i] = s;
    }
  }

  bool inStatic = llvm::none_of(in, isDyn);
  int64_t inVolume = 1;
  for (int64_t d : in)
    inVolume *= isDyn(d) ? 1 : d;
  int64_t known = 1;
  bool outStatic = true;
  for (int64_t i = 0; i < k; ++i) {
    if (i == inferIdx)
      continue;
    if (isDyn(out[i]))
      outStatic = false;
    else
      known *= out[i];
  }
  if (inferIdx >= 0) {
    if (inStatic && outStatic) {
      // reshape.minus-one-divides
      if (known == 0 || inVolume % known != 0) {
        err(loc) << "'shape' " << fmt(shape) << " cannot hold the " << inVolume
                 << " elements of x: -1 must divide " << inVolume << " by "
                 << known;
        return failure();
      }
      out[inferIdx] = inVolume / known;
    }
  } else if (inStatic && outStatic && known != inVolume) {
    // reshape.volume-preserved
    err(loc) << "'shape' " << fmt(shape) << " gives volume " << known
             << ", expected the volume of x " << fmt(in) << " = " << inVolume;
    return failure();
  }
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

/// The input of a reshape, squeeze or expand_dims op (ops that keep the
/// row-major order of the elements and only change the shape), else null.
static Value reshapeLikeInput(Value v) {
  Operation *def = v.getDefiningOp();
  if (!isa_and_nonnull<ReshapeOp, SqueezeOp, ExpandDimsOp>(def))
    return {};
  return def->getOperand(0);
}

/// The fold shared by reshape, squeeze and expand_dims, whose results hold
/// the elements of x in the same order: to x, or to the input of a chain of
/// reshape-like ops ending in x, that has the (static) result type; a dense
/// constant x to the reshaped constant.
static OpFoldResult foldReshapeLike(Value result, Value x, Attribute xConst) {
  auto type = cast<RankedTensorType>(result.getType());
  if (!type.hasStaticShape())
    return {};
  for (Value v = x; v; v = reshapeLikeInput(v))
    if (v.getType() == type)
      return foldUnlessOutput(result, v);
  return foldUnlessOutput(result, reshapeConstant(xConst, type));
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getResult(), getX(), adaptor.getX());
}

namespace {
/// reshape(reshape(x)) -> reshape(x) when the outer result is static: the
/// intermediate shape does not matter, only the final one. The same holds
/// for a squeeze or expand_dims producer, which only reshape too.
struct FoldReshapeChain : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    Value source = reshapeLikeInput(op.getX());
    auto type = op.getType();
    if (!source || !type.hasStaticShape())
      return failure();
    SmallVector<int32_t> shape(type.getShape().begin(), type.getShape().end());
    // In place: the op keeps its location and attributes (its MIL names).
    rewriter.modifyOpInPlace(op, [&] {
      op.getXMutable().assign(source);
      op.setShape(shape);
    });
    return success();
  }
};
} // namespace

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<FoldReshapeChain>(context);
}

//===----------------------------------------------------------------------===//
// transpose
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  ArrayRef<int32_t> perm = adaptor.getPerm();
  int64_t rank = xType.getRank();
  // transpose.perm-length
  if ((int64_t)perm.size() != rank) {
    err(loc) << "'perm' must have rank(x) = " << rank << " entries, got "
             << perm.size();
    return failure();
  }
  SmallVector<bool> seen(rank, false);
  SmallVector<int64_t> out;
  for (int32_t p : perm) {
    int64_t q = p < 0 ? p + rank : p;
    // transpose.perm-is-permutation
    if (q < 0 || q >= rank || seen[q]) {
      err(loc) << "'perm' must be a permutation of 0.." << rank - 1 << ", got "
               << fmt(perm);
      return failure();
    }
    seen[q] = true;
    out.push_back(xType.getDimSize(q));
  }
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  int64_t rank = getPerm().size();
  for (auto [i, p] : llvm::enumerate(getPerm()))
    if (p != (int64_t)i && p != (int64_t)i - rank)
      return {};
  return foldUnlessOutput(getResult(), getX());
}

namespace {
/// transpose(transpose(x, p), q) -> transpose(x, r) with r[i] = p[q[i]]
/// (an identity r then folds away).
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getX().getDefiningOp<TransposeOp>();
    if (!inner)
      return failure();
    SmallVector<int32_t> perm =
        composePermutations(inner.getPerm(), op.getPerm());
    // In place: the op keeps its location and attributes (its MIL names).
    rewriter.modifyOpInPlace(op, [&] {
      op.getXMutable().assign(inner.getX());
      op.setPerm(perm);
    });
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ComposeTransposes>(context);
}

//===----------------------------------------------------------------------===//
// slice_by_size
//===----------------------------------------------------------------------===//

LogicalResult SliceBySizeOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> loc,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  ArrayRef<int32_t> begin = adaptor.getBegin(), size = adaptor.getSize();
  int64_t rank = xType.getRank();
  // slice_by_size.arrays-have-rank-entries
  if ((int64_t)begin.size() != rank || (int64_t)size.size() != rank) {
    err(loc) << "'begin' and 'size' must have rank(x) = " << rank
             << " entries, got " << begin.size() << " and " << size.size();
    return failure();
  }
  SmallVector<int64_t> out;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t dim = xType.getDimSize(i), b = begin[i], s = size[i];
    // slice_by_size.size-positive
    if (s <= 0 && s != -1) {
      err(loc) << "'size' entries must be positive or -1, got " << s
               << " in dim " << i;
      return failure();
    }
    if (isDyn(dim)) {
      out.push_back(s == -1 ? ShapedType::kDynamic : s);
      continue;
    }
    int64_t start = b < 0 ? b + dim : b;
    // slice_by_size.begin-in-bounds
    if (start < 0 || start >= dim) {
      err(loc) << "'begin' " << b << " is out of bounds for dim " << i
               << " of size " << dim;
      return failure();
    }
    int64_t len = s == -1 ? dim - start : s;
    // slice_by_size.end-in-bounds
    if (start + len > dim) {
      err(loc) << "slice [" << start << ", " << start + len << ") exceeds dim "
               << i << " of size " << dim;
      return failure();
    }
    out.push_back(len);
  }
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

OpFoldResult SliceBySizeOp::fold(FoldAdaptor) {
  // A static box as large as x can only start at 0: it is x.
  if (getX().getType() == getType() && getType().hasStaticShape())
    return foldUnlessOutput(getResult(), getX());
  return {};
}

//===----------------------------------------------------------------------===//
// slice_by_index
//===----------------------------------------------------------------------===//

namespace {
/// One dim of a resolved slice_by_index: start index, stride and length.
struct DimSlice {
  int64_t start, stride, length;
};
} // namespace

/// Python's slice.indices() followed by len(range(...)) for one static dim.
static DimSlice resolvePythonSlice(int64_t dim, int64_t begin, int64_t end,
                                   int64_t stride, bool beginMasked,
                                   bool endMasked) {
  int64_t lower = stride > 0 ? 0 : -1, upper = stride > 0 ? dim : dim - 1;
  auto clampIndex = [&](int64_t v) {
    return v < 0 ? std::max(v + dim, lower) : std::min(v, upper);
  };
  int64_t start =
      beginMasked ? (stride > 0 ? lower : upper) : clampIndex(begin);
  int64_t stop = endMasked ? (stride > 0 ? upper : lower) : clampIndex(end);
  int64_t length =
      stride > 0 ? (stop > start ? (stop - start + stride - 1) / stride : 0)
                 : (start > stop ? (start - stop - stride - 1) / -stride : 0);
  return {start, stride, length};
}

/// Checks slice_by_index's parameters; fills `out` with the result shape and
/// `identity` with whether the slice selects all of x.
static LogicalResult
resolveSliceByIndex(std::optional<Location> loc, RankedTensorType xType,
                    ArrayRef<int32_t> begin, ArrayRef<int32_t> end,
                    std::optional<ArrayRef<int32_t>> stride,
                    std::optional<ArrayRef<bool>> beginMask,
                    std::optional<ArrayRef<bool>> endMask,
                    std::optional<ArrayRef<bool>> squeezeMask,
                    SmallVectorImpl<int64_t> &out, bool &identity) {
  int64_t rank = xType.getRank();
  auto checkLen = [&](StringRef name, size_t n) -> LogicalResult {
    // slice_by_index.arrays-have-rank-entries
    if ((int64_t)n == rank)
      return success();
    err(loc) << "'" << name << "' must have rank(x) = " << rank
             << " entries, got " << n;
    return failure();
  };
  if (failed(checkLen("begin", begin.size())) ||
      failed(checkLen("end", end.size())) ||
      (stride && failed(checkLen("stride", stride->size()))) ||
      (beginMask && failed(checkLen("begin_mask", beginMask->size()))) ||
      (endMask && failed(checkLen("end_mask", endMask->size()))) ||
      (squeezeMask && failed(checkLen("squeeze_mask", squeezeMask->size()))))
    return failure();
  identity = xType.hasStaticShape();
  for (int64_t i = 0; i < rank; ++i) {
    int64_t dim = xType.getDimSize(i);
    int64_t st = stride ? (*stride)[i] : 1;
    bool bm = beginMask && (*beginMask)[i], em = endMask && (*endMask)[i];
    bool sq = squeezeMask && (*squeezeMask)[i];
    // slice_by_index.stride-nonzero
    if (st == 0) {
      err(loc) << "'stride' entries must be non-zero, got 0 in dim " << i;
      return failure();
    }
    if (sq) {
      identity = false;
      int64_t b = begin[i];
      // slice_by_index.squeeze-index-in-bounds
      if (!isDyn(dim) && (b < -dim || b >= dim)) {
        err(loc) << "squeezed dim " << i << " takes 'begin' " << b
                 << ", out of bounds for size " << dim;
        return failure();
      }
      continue;
    }
    if (isDyn(dim)) {
      out.push_back(ShapedType::kDynamic);
      continue;
    }
    DimSlice s = resolvePythonSlice(dim, begin[i], end[i], st, bm, em);
    if (!(s.start == 0 && s.stride == 1 && s.length == dim))
      identity = false;
    out.push_back(s.length);
  }
  return success();
}

LogicalResult SliceByIndexOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  SmallVector<int64_t> out;
  bool identity;
  if (failed(resolveSliceByIndex(loc, xType, adaptor.getBegin(),
                                 adaptor.getEnd(), adaptor.getStride(),
                                 adaptor.getBeginMask(), adaptor.getEndMask(),
                                 adaptor.getSqueezeMask(), out, identity)))
    return failure();
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

OpFoldResult SliceByIndexOp::fold(FoldAdaptor) {
  SmallVector<int64_t> out;
  bool identity = false;
  if (failed(resolveSliceByIndex(
          std::nullopt, getX().getType(), getBegin(), getEnd(), getStride(),
          getBeginMask(), getEndMask(), getSqueezeMask(), out, identity)) ||
      !identity)
    return {};
  return foldUnlessOutput(getResult(), getX());
}

//===----------------------------------------------------------------------===//
// concat
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  ValueRange values = adaptor.getValues();
  // concat.values-not-empty
  if (values.empty()) {
    err(loc) << "'values' must hold at least one tensor, got 0";
    return failure();
  }
  auto first = tensorType(values.front());
  int64_t rank = first.getRank();
  auto axis = checkAxis(loc, "axis", (int32_t)adaptor.getAxis(), rank);
  if (failed(axis))
    return failure();
  BoolAttr interleaveAttr = adaptor.getInterleaveAttr();
  bool interleave = interleaveAttr && interleaveAttr.getValue();
  SmallVector<int64_t> out(first.getShape());
  for (auto [n, v] : llvm::enumerate(values.drop_front())) {
    auto t = tensorType(v);
    unsigned idx = n + 1;
    // concat.same-dtype
    if (t.getElementType() != first.getElementType()) {
      err(loc) << "'values' must share one dtype: value 0 is "
               << first.getElementType() << ", value " << idx << " is "
               << t.getElementType();
      return failure();
    }
    // concat.same-rank
    if (t.getRank() != rank) {
      err(loc) << "'values' must share one rank: value 0 has rank " << rank
               << ", value " << idx << " has rank " << t.getRank();
      return failure();
    }
    for (int64_t d = 0; d < rank; ++d) {
      int64_t a = first.getDimSize(d), b = t.getDimSize(d);
      if (d == *axis) {
        out[d] = isDyn(out[d]) || isDyn(b) ? ShapedType::kDynamic : out[d] + b;
        if (!interleave || isDyn(a) || isDyn(b) || a == b)
          continue;
        // concat.interleave-equal-shapes
        err(loc) << "'interleave' requires equal shapes: value " << idx
                 << " has " << b << " in dim " << d << ", value 0 has " << a;
        return failure();
      }
      // concat.dims-match-off-axis
      if (!isDyn(a) && !isDyn(b) && a != b) {
        err(loc) << "value " << idx << " has " << b << " in dim " << d
                 << ", expected " << a << " as value 0 (only 'axis' = " << *axis
                 << " may differ)";
        return failure();
      }
      if (isDyn(out[d]))
        out[d] = b;
    }
  }
  results.push_back(RankedTensorType::get(out, first.getElementType()));
  return success();
}

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getValues().size() == 1 && getValues().front().getType() == getType())
    return foldUnlessOutput(getResult(), getValues().front());
  return {};
}

//===----------------------------------------------------------------------===//
// split
//===----------------------------------------------------------------------===//

LogicalResult SplitOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  auto axis =
      checkAxis(loc, "axis", (int32_t)adaptor.getAxis(), xType.getRank());
  if (failed(axis))
    return failure();
  std::optional<uint32_t> numSplits = adaptor.getNumSplits();
  std::optional<ArrayRef<int32_t>> sizes = adaptor.getSplitSizes();
  int64_t dim = xType.getDimSize(*axis);
  // split.num-splits-or-sizes
  if (!numSplits && !sizes) {
    err(loc) << "one of 'num_splits' and 'split_sizes' is required";
    return failure();
  }
  SmallVector<int64_t> parts;
  if (sizes) {
    // split.sizes-match-num-splits
    if (numSplits && (int64_t)*numSplits != (int64_t)sizes->size()) {
      err(loc) << "'split_sizes' must have 'num_splits' = "
               << (int32_t)*numSplits << " entries, got " << sizes->size();
      return failure();
    }
    int64_t sum = 0;
    for (int32_t s : *sizes) {
      // split.sizes-positive
      if (s <= 0) {
        err(loc) << "'split_sizes' entries must be positive, got "
                 << fmt(*sizes);
        return failure();
      }
      sum += s;
      parts.push_back(s);
    }
    // split.sizes-sum-to-dim
    if (!isDyn(dim) && sum != dim) {
      err(loc) << "'split_sizes' " << fmt(*sizes) << " sum to " << sum
               << ", expected dim " << *axis << " of x = " << dim;
      return failure();
    }
  } else {
    int64_t n = (int32_t)*numSplits;
    // split.num-splits-divides
    if (n <= 0 || (!isDyn(dim) && dim % n != 0)) {
      err(loc) << "'num_splits' must be positive and divide dim " << *axis
               << " of x = " << dim << ", got " << n;
      return failure();
    }
    parts.assign(n, isDyn(dim) ? ShapedType::kDynamic : dim / n);
  }
  for (int64_t p : parts) {
    SmallVector<int64_t> shape(xType.getShape());
    shape[*axis] = p;
    results.push_back(RankedTensorType::get(shape, xType.getElementType()));
  }
  return success();
}

//===----------------------------------------------------------------------===//
// expand_dims / squeeze
//===----------------------------------------------------------------------===//

LogicalResult ExpandDimsOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  ArrayRef<int32_t> axes = adaptor.getAxes();
  int64_t outRank = xType.getRank() + axes.size();
  SmallVector<bool> inserted(outRank, false);
  for (int32_t a : axes) {
    // expand_dims.axes-in-range
    auto axis = checkAxis(loc, "axes", a, outRank);
    if (failed(axis))
      return failure();
    // expand_dims.axes-distinct
    if (inserted[*axis]) {
      err(loc) << "'axes' must be distinct output dims, got " << fmt(axes);
      return failure();
    }
    inserted[*axis] = true;
  }
  SmallVector<int64_t> out;
  auto in = xType.getShape().begin();
  for (int64_t i = 0; i < outRank; ++i)
    out.push_back(inserted[i] ? 1 : *in++);
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

OpFoldResult ExpandDimsOp::fold(FoldAdaptor adaptor) {
  if (getAxes().empty())
    return foldUnlessOutput(getResult(), getX());
  return foldReshapeLike(getResult(), getX(), adaptor.getX());
}

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  int64_t rank = xType.getRank();
  SmallVector<bool> drop(rank, false);
  if (std::optional<ArrayRef<int32_t>> axes = adaptor.getAxes()) {
    for (int32_t a : *axes) {
      // squeeze.axes-in-range
      auto axis = checkAxis(loc, "axes", a, rank);
      if (failed(axis))
        return failure();
      int64_t d = xType.getDimSize(*axis);
      drop[*axis] = isDyn(d) || d == 1;
    }
  } else {
    for (int64_t i = 0; i < rank; ++i)
      drop[i] = xType.getDimSize(i) == 1;
  }
  SmallVector<int64_t> out;
  for (int64_t i = 0; i < rank; ++i)
    if (!drop[i])
      out.push_back(xType.getDimSize(i));
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  // Without axes, a dynamic dim may turn out to be 1 and be squeezed at run
  // time, so only a static x is known to be left unchanged.
  if (!getAxes() && !getX().getType().hasStaticShape())
    return {};
  if (getX().getType() == getType())
    return foldUnlessOutput(getResult(), getX());
  return foldReshapeLike(getResult(), getX(), adaptor.getX());
}

//===----------------------------------------------------------------------===//
// tile / pad
//===----------------------------------------------------------------------===//

LogicalResult TileOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  ArrayRef<int32_t> reps = adaptor.getReps();
  // tile.reps-length
  if ((int64_t)reps.size() != xType.getRank()) {
    err(loc) << "'reps' must have rank(x) = " << xType.getRank()
             << " entries, got " << reps.size();
    return failure();
  }
  SmallVector<int64_t> out;
  for (auto [i, r] : llvm::enumerate(reps)) {
    // tile.reps-positive
    if (r <= 0) {
      err(loc) << "'reps' entries must be positive, got " << fmt(reps);
      return failure();
    }
    int64_t d = xType.getDimSize(i);
    out.push_back(isDyn(d) ? d : d * r);
  }
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

OpFoldResult TileOp::fold(FoldAdaptor) {
  if (llvm::all_of(getReps(), [](int32_t r) { return r == 1; }))
    return foldUnlessOutput(getResult(), getX());
  return {};
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  ArrayRef<int32_t> pad = adaptor.getPad();
  int64_t rank = xType.getRank();
  // pad.pairs-for-last-dims
  if (pad.size() % 2 != 0 || (int64_t)pad.size() > 2 * rank) {
    err(loc) << "'pad' must have an even number of entries, at most 2 * "
                "rank(x) = "
             << 2 * rank << ", got " << pad.size();
    return failure();
  }
  // Defaulted attributes may be absent while parsing.
  StringRef mode =
      adaptor.getModeAttr() ? adaptor.getModeAttr().getValue() : "constant";
  SmallVector<int64_t> out(xType.getShape());
  int64_t n = pad.size() / 2;
  for (int64_t p = 0; p < n; ++p) {
    int64_t d = rank - n + p, before = pad[2 * p], after = pad[2 * p + 1];
    // pad.non-negative
    if (before < 0 || after < 0) {
      err(loc) << "'pad' entries must be non-negative, got " << fmt(pad);
      return failure();
    }
    int64_t dim = out[d];
    if (isDyn(dim))
      continue;
    int64_t limit = mode == "reflect"     ? dim - 1
                    : mode == "replicate" ? dim
                                          : INT64_MAX;
    // pad.mode-limit
    if (before > limit || after > limit) {
      err(loc) << "'mode' \"" << mode << "\" allows pads of at most " << limit
               << " on dim " << d << " of size " << dim << ", got (" << before
               << ", " << after << ")";
      return failure();
    }
    out[d] = dim + before + after;
  }
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// gather / band_part / stack
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  auto iType = tensorType(adaptor.getIndices());
  // Defaulted attributes may be absent while parsing.
  int64_t axisValue = adaptor.getAxisAttr() ? (int32_t)adaptor.getAxis() : 0;
  auto axis = checkAxis(loc, "axis", axisValue, xType.getRank());
  if (failed(axis))
    return failure();
  int64_t batchDims =
      adaptor.getBatchDimsAttr() ? (int32_t)adaptor.getBatchDims() : 0;
  // gather.batch-dims-range
  if (batchDims < 0 || batchDims > *axis || batchDims > iType.getRank()) {
    err(loc) << "'batch_dims' must be in [0, min(axis, rank(indices))] = [0, "
             << std::min<int64_t>(*axis, iType.getRank()) << "], got "
             << batchDims;
    return failure();
  }
  for (int64_t d = 0; d < batchDims; ++d) {
    int64_t a = xType.getDimSize(d), b = iType.getDimSize(d);
    // gather.batch-dims-match
    if (!isDyn(a) && !isDyn(b) && a != b) {
      err(loc) << "batch dim " << d << " must match: x has " << a
               << ", indices has " << b;
      return failure();
    }
  }
  SmallVector<int64_t> out(xType.getShape().take_front(*axis));
  llvm::append_range(out, iType.getShape().drop_front(batchDims));
  llvm::append_range(out, xType.getShape().drop_front(*axis + 1));
  results.push_back(RankedTensorType::get(out, xType.getElementType()));
  return success();
}

LogicalResult BandPartOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &results) {
  auto xType = tensorType(adaptor.getX());
  // band_part.rank-at-least-2
  if (xType.getRank() < 2) {
    err(loc) << "'x' must have rank at least 2, got " << xType.getRank();
    return failure();
  }
  results.push_back(xType);
  return success();
}

LogicalResult StackOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &results) {
  ValueRange values = adaptor.getValues();
  // stack.values-not-empty
  if (values.empty()) {
    err(loc) << "'values' must hold at least one tensor, got 0";
    return failure();
  }
  auto first = tensorType(values.front());
  for (auto [n, v] : llvm::enumerate(values.drop_front())) {
    auto t = tensorType(v);
    // stack.same-type
    if (failed(verifyCompatibleShape(t, first)) ||
        t.getElementType() != first.getElementType()) {
      err(loc) << "'values' must share one type: value 0 is " << first
               << ", value " << n + 1 << " is " << t;
      return failure();
    }
  }
  int64_t rank = first.getRank();
  auto axis = checkAxis(loc, "axis", (int32_t)adaptor.getAxis(), rank + 1);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> out(first.getShape());
  out.insert(out.begin() + *axis, (int64_t)values.size());
  results.push_back(RankedTensorType::get(out, first.getElementType()));
  return success();
}
