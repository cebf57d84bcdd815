//===- ShapingUtils.cpp - Helpers shared by the ANE shaping passes --------===//
//
// Constant reshaping/transposition on raw bytes and reshape/transpose
// builders for the [1, C, 1, S] rewrites.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILFolding.h"

#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;

namespace {

/// A new value of `type` with the given row-major bytes, in the same form
/// (dense or resource) as `like`.
ElementsAttr makeLike(Attribute like, RankedTensorType type,
                      ArrayRef<char> bytes) {
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(like))
    return DenseResourceElementsAttr::get(
        type, resource.getRawHandle().getKey(),
        HeapAsmResourceBlob::allocateAndCopyInferAlign(bytes));
  return DenseElementsAttr::getFromRawBuffer(type, bytes);
}

} // namespace

FailureOr<ElementsAttr> ane::mil::reshapeElements(Attribute value,
                                                  RankedTensorType type) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getElementType() != type.getElementType() ||
      elements.getNumElements() != type.getNumElements())
    return failure();
  if (Attribute dense = reshapeConstant(value, type))
    return cast<ElementsAttr>(dense);
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    if (resource.getRawHandle().getBlob())
      return ElementsAttr(
          DenseResourceElementsAttr::get(type, resource.getRawHandle()));
  return failure();
}

FailureOr<ElementsAttr> ane::mil::transposeElements2D(Attribute value) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return failure();
  auto type = cast<RankedTensorType>(elements.getType());
  Type elementType = type.getElementType();
  if (type.getRank() != 2 || !elementType.isIntOrFloat() ||
      elementType.getIntOrFloatBitWidth() % 8 != 0)
    return failure();
  auto transposed = RankedTensorType::get(
      {type.getDimSize(1), type.getDimSize(0)}, elementType);
  std::optional<RawElements> raw = getRawElements(value);
  if (!raw)
    return failure();
  if (raw->splat)
    return reshapeElements(value, transposed);
  const int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  const int64_t width = elementType.getIntOrFloatBitWidth() / 8;
  if ((int64_t)raw->bytes.size() != rows * cols * width)
    return failure();
  std::vector<char> out(raw->bytes.size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      std::memcpy(&out[(c * rows + r) * width],
                  &raw->bytes[(r * cols + c) * width], width);
  return makeLike(value, transposed, out);
}

Value ane::mil::createReshape(OpBuilder &b, Location loc, Value x,
                              ArrayRef<int64_t> shape) {
  auto xType = cast<RankedTensorType>(x.getType());
  SmallVector<int32_t> shape32(shape.begin(), shape.end());
  return ReshapeOp::create(b, loc,
                           RankedTensorType::get(shape, xType.getElementType()),
                           x, b.getDenseI32ArrayAttr(shape32));
}

Value ane::mil::sliceSpatial(OpBuilder &b, Location loc, Value x, int64_t c,
                             int64_t offset, int64_t width) {
  return SliceBySizeOp::create(
      b, loc, x, b.getDenseI32ArrayAttr({0, 0, 0, (int32_t)offset}),
      b.getDenseI32ArrayAttr({1, (int32_t)c, 1, (int32_t)width}));
}

FailureOr<bool> ane::mil::replacePackedSlices(Value packed, int64_t c,
                                              int64_t offset, int64_t width,
                                              Value value, StringRef pass) {
  bool found = false;
  for (Operation *user : llvm::make_early_inc_range(packed.getUsers())) {
    auto slice = dyn_cast<SliceBySizeOp>(user);
    if (!slice ||
        slice.getBegin() != ArrayRef<int32_t>{0, 0, 0, (int32_t)offset} ||
        slice.getSize() != ArrayRef<int32_t>{1, (int32_t)c, 1, (int32_t)width})
      continue;
    found = true;
    for (Operation *u : llvm::make_early_inc_range(slice->getUsers())) {
      auto reshape = dyn_cast<ReshapeOp>(u);
      if (reshape && reshape.getType() == value.getType()) {
        reshape.getResult().replaceAllUsesWith(value);
        reshape.erase();
      }
    }
    if (!slice->use_empty()) {
      if (slice.getType() != value.getType())
        return slice.emitOpError()
               << pass
               << ": packed slice has a use other than a reshape to its "
                  "recorded shape";
      slice.getResult().replaceAllUsesWith(value);
    }
    slice.erase();
  }
  return found;
}

Value ane::mil::createTranspose(OpBuilder &b, Location loc, Value x,
                                ArrayRef<int32_t> perm) {
  return TransposeOp::create(b, loc, x, b.getDenseI32ArrayAttr(perm));
}

bool ane::mil::isANELayout(ArrayRef<int64_t> shape) {
  return shape.size() == 4 && shape[0] == 1 && shape[2] == 1;
}

RankedTensorType ane::mil::packedInputType(func::FuncOp fn) {
  auto input = fn.getNumArguments() >= 1
                   ? dyn_cast<RankedTensorType>(fn.getArgument(0).getType())
                   : RankedTensorType();
  if (!input || !input.hasStaticShape() || !isANELayout(input.getShape()))
    return {};
  return input;
}

FailureOr<ane::runtime::PackedInputLayout>
ane::mil::readPackedLayout(func::FuncOp fn, RankedTensorType input,
                           StringRef pass) {
  auto attr = fn->getAttrOfType<DictionaryAttr>(ane::runtime::kPackedInputAttr);
  if (!attr) {
    ane::runtime::PackedInputLayout layout;
    layout.activationWidth = input.getDimSize(3);
    return layout;
  }
  auto layout = ane::runtime::packedInputFromAttr(attr, input.getDimSize(1),
                                                  input.getDimSize(3));
  if (!layout)
    return fn.emitError() << pass << ": " << llvm::toString(layout.takeError());
  return std::move(*layout);
}

bool ane::mil::isConstantLike(Operation *op) {
  return op->getNumOperands() == 0 && op->getNumResults() == 1 &&
         op->getNumRegions() == 0 && !isa<func::ReturnOp>(op);
}

std::optional<int64_t> ane::mil::tensorBytes(Type type) {
  auto t = dyn_cast<RankedTensorType>(type);
  if (!t || !t.hasStaticShape() || !t.getElementType().isIntOrFloat())
    return std::nullopt;
  return llvm::divideCeil(
      t.getNumElements() * t.getElementType().getIntOrFloatBitWidth(), 8);
}

ane::mil::ProgramCost ane::mil::weightCost(Operation *op,
                                           int64_t inlineThreshold) {
  ProgramCost cost;
  for (NamedAttribute a : op->getAttrs()) {
    if (auto elements = dyn_cast<ElementsAttr>(a.getValue())) {
      if (elements.getNumElements() < inlineThreshold)
        continue;
      ++cost.weightTensors;
      cost.weightBytes += tensorBytes(elements.getType()).value_or(0);
    } else if (isa<BlobFileAttr>(a.getValue())) {
      ++cost.weightTensors;
      cost.weightBytes += tensorBytes(op->getResult(0).getType()).value_or(0);
    }
  }
  return cost;
}

ane::mil::ProgramCost ane::mil::measureFunction(func::FuncOp fn,
                                                int64_t inlineThreshold) {
  ProgramCost cost;
  Block &body = fn.getBody().front();
  // Program order index of every op; the last use of every value.
  llvm::DenseMap<Operation *, int64_t> index;
  llvm::DenseMap<Value, int64_t> lastUse;
  int64_t n = 0;
  for (Operation &op : body) {
    index[&op] = n;
    for (Value v : op.getOperands())
      lastUse[v] = n;
    ++n;
  }
  // Bytes becoming live at an index and dying after it.
  std::vector<int64_t> born(n + 1, 0), dies(n + 1, 0);
  auto track = [&](Value v, int64_t def) {
    auto it = lastUse.find(v);
    int64_t end = it == lastUse.end() ? def : it->second;
    int64_t bytes = tensorBytes(v.getType()).value_or(0);
    born[def] += bytes;
    dies[end] += bytes;
  };
  for (BlockArgument arg : body.getArguments())
    track(arg, 0);
  for (Operation &op : body) {
    if (isConstantLike(&op)) {
      ProgramCost w = weightCost(&op, inlineThreshold);
      cost.weightTensors += w.weightTensors;
      cost.weightBytes += w.weightBytes;
      continue;
    }
    if (!isa<func::ReturnOp>(op))
      ++cost.ops;
    for (Value r : op.getResults())
      track(r, index[&op]);
  }
  int64_t live = 0, peak = 0;
  for (int64_t i = 0; i <= n; ++i) {
    live += born[i];
    peak = std::max(peak, live);
    live -= dies[i];
  }
  cost.workingSetBytes = cost.weightBytes + peak;
  return cost;
}
