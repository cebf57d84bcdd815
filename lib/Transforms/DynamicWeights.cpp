//===- DynamicWeights.cpp - Weights packed into the single input ----------===//
//
// The mil-pack-dynamic-weights and mil-unpack-dynamic-weights ANE shaping
// passes: matmul weight constants become slices of the one [1, C, 1, S + W]
// input (the training pipeline's way to change weights without
// recompiling), and back into separate inputs.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILTextFormat.h"
#include "ane/Transforms/Passes.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILPACKDYNAMICWEIGHTS
#define GEN_PASS_DEF_MILUNPACKDYNAMICWEIGHTS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// Function attribute describing the packed input (see Passes.td).
constexpr StringLiteral kPackedInputAttr = "mil_packed_input";

/// `slice_by_size %x begin = [0, 0, 0, offset] size = [1, c, 1, width]`.
Value sliceSpatial(OpBuilder &b, Location loc, Value x, int64_t c,
                   int64_t offset, int64_t width) {
  return SliceBySizeOp::create(
      b, loc, x, b.getDenseI32ArrayAttr({0, 0, 0, (int32_t)offset}),
      b.getDenseI32ArrayAttr({1, (int32_t)c, 1, (int32_t)width}));
}

/// The MIL name of a constant: its `mil.name`, else its name location.
std::string constName(ConstOp op, size_t index) {
  if (auto name = op->getAttrOfType<StringAttr>(kOpNameAttr))
    return name.str();
  if (auto loc = dyn_cast<NameLoc>(op.getLoc()))
    return loc.getName().str();
  return "weight" + std::to_string(index);
}

struct MILPackDynamicWeightsPass
    : public ane::mil::impl::MILPackDynamicWeightsBase<
          MILPackDynamicWeightsPass> {
  using MILPackDynamicWeightsBase::MILPackDynamicWeightsBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (fn.isExternal())
      return;
    auto input = fn.getNumArguments() == 1
                     ? dyn_cast<RankedTensorType>(fn.getArgument(0).getType())
                     : RankedTensorType();
    if (input && (!input.hasStaticShape() || !isANELayout(input.getShape())))
      input = RankedTensorType();
    // A candidate must fit the [1, C, 1, S] input; without such an input,
    // any matmul-only constant is a candidate (and then an error).
    SmallVector<ConstOp> weights;
    fn.walk([&](ConstOp op) {
      auto elements = dyn_cast<ElementsAttr>(op.getVal());
      if (!elements || elements.getNumElements() < minElements ||
          op->use_empty() || !llvm::all_of(op->getUsers(), [](Operation *u) {
            return isa<MatmulOp>(u);
          }))
        return;
      if (input && (op.getType().getElementType() != input.getElementType() ||
                    elements.getNumElements() % input.getDimSize(1) != 0))
        return;
      weights.push_back(op);
    });
    if (weights.empty())
      return;
    if (!input) {
      fn.emitError() << "mil-pack-dynamic-weights: packing " << weights.size()
                     << " matmul weight(s) needs a function with exactly one "
                        "[1, C, 1, S] input";
      return signalPassFailure();
    }

    const int64_t c = input.getDimSize(1), s = input.getDimSize(3);
    int64_t total = s;
    for (ConstOp op : weights)
      total += op.getType().getNumElements() / c;
    // Retype the input first: the slices' result types are inferred from it.
    BlockArgument arg = fn.getArgument(0);
    auto b = OpBuilder::atBlockBegin(&fn.getBody().front());
    SmallVector<OpOperand *> actUses;
    for (OpOperand &use : arg.getUses())
      actUses.push_back(&use);
    arg.setType(
        RankedTensorType::get({1, c, 1, total}, input.getElementType()));
    fn.setFunctionType(b.getFunctionType({arg.getType()}, fn.getResultTypes()));
    Value act = sliceSpatial(b, arg.getLoc(), arg, c, 0, s);
    for (OpOperand *use : actUses)
      use->set(act);

    SmallVector<Attribute> entries;
    int64_t offset = s;
    for (auto [i, op] : llvm::enumerate(weights)) {
      auto type = op.getType();
      int64_t width = type.getNumElements() / c;
      Value w = sliceSpatial(b, op.getLoc(), arg, c, offset, width);
      if (cast<RankedTensorType>(w.getType()) != type)
        w = createReshape(b, op.getLoc(), w, type.getShape());
      op.getResult().replaceAllUsesWith(w);
      entries.push_back(b.getDictionaryAttr({
          b.getNamedAttr("name", b.getStringAttr(constName(op, i))),
          b.getNamedAttr("offset", b.getI64IntegerAttr(offset)),
          b.getNamedAttr("width", b.getI64IntegerAttr(width)),
          b.getNamedAttr("shape", b.getDenseI64ArrayAttr(type.getShape())),
      }));
      offset += width;
    }
    for (ConstOp op : weights) // after the loop: `b` inserts before one
      op.erase();
    fn->setAttr(kPackedInputAttr,
                b.getDictionaryAttr({
                    b.getNamedAttr("activation_width", b.getI64IntegerAttr(s)),
                    b.getNamedAttr("weights", b.getArrayAttr(entries)),
                }));
  }
};

struct MILUnpackDynamicWeightsPass
    : public ane::mil::impl::MILUnpackDynamicWeightsBase<
          MILUnpackDynamicWeightsPass> {
  using MILUnpackDynamicWeightsBase::MILUnpackDynamicWeightsBase;

  /// Replaces the slice `[0, 0, 0, offset]` / `[1, C, 1, width]` of `arg`
  /// (and a reshape to `type` after it, if any) by `value`.
  static LogicalResult replaceSlice(func::FuncOp fn, BlockArgument arg,
                                    int64_t offset, int64_t width,
                                    Value value) {
    auto argType = cast<RankedTensorType>(arg.getType());
    bool found = false;
    for (Operation *user : llvm::make_early_inc_range(arg.getUsers())) {
      auto slice = dyn_cast<SliceBySizeOp>(user);
      if (!slice ||
          slice.getBegin() != ArrayRef<int32_t>{0, 0, 0, (int32_t)offset} ||
          slice.getSize() != ArrayRef<int32_t>{1,
                                               (int32_t)argType.getDimSize(1),
                                               1, (int32_t)width})
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
                 << "mil-unpack-dynamic-weights: packed weight slice has a "
                    "use other than a reshape to its recorded shape";
        slice.getResult().replaceAllUsesWith(value);
      }
      slice.erase();
    }
    if (!found)
      return fn.emitError() << "mil-unpack-dynamic-weights: no slice of the "
                               "packed input at offset "
                            << offset << " of width " << width;
    return success();
  }

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    auto packed = fn->getAttrOfType<DictionaryAttr>(kPackedInputAttr);
    if (!packed)
      return;
    auto actWidth = packed.getAs<IntegerAttr>("activation_width");
    auto entries = packed.getAs<ArrayAttr>("weights");
    auto input = fn.getNumArguments() == 1
                     ? dyn_cast<RankedTensorType>(fn.getArgument(0).getType())
                     : RankedTensorType();
    if (!actWidth || !entries || !input || !isANELayout(input.getShape())) {
      fn.emitError() << "mil-unpack-dynamic-weights: malformed '"
                     << kPackedInputAttr
                     << "' or the function has not one [1, C, 1, S] input";
      return signalPassFailure();
    }
    BlockArgument arg = fn.getArgument(0);
    const int64_t c = input.getDimSize(1);
    for (Attribute entry : entries) {
      auto dict = dyn_cast<DictionaryAttr>(entry);
      auto name = dict ? dict.getAs<StringAttr>("name") : StringAttr();
      auto offset = dict ? dict.getAs<IntegerAttr>("offset") : IntegerAttr();
      auto width = dict ? dict.getAs<IntegerAttr>("width") : IntegerAttr();
      auto shape =
          dict ? dict.getAs<DenseI64ArrayAttr>("shape") : DenseI64ArrayAttr();
      if (!name || !offset || !width || !shape) {
        fn.emitError() << "mil-unpack-dynamic-weights: malformed weight entry "
                       << entry;
        return signalPassFailure();
      }
      auto type =
          RankedTensorType::get(shape.asArrayRef(), input.getElementType());
      if (type.getNumElements() != c * width.getInt()) {
        fn.emitError() << "mil-unpack-dynamic-weights: weight '"
                       << name.getValue() << "' has shape " << type
                       << " but width " << width.getInt() << " at C = " << c;
        return signalPassFailure();
      }
      unsigned index = fn.getNumArguments();
      OpBuilder b(fn.getContext());
      if (failed(fn.insertArgument(
              index, type,
              b.getDictionaryAttr(b.getNamedAttr(kOpNameAttr, name)),
              fn.getLoc())) ||
          failed(replaceSlice(fn, arg, offset.getInt(), width.getInt(),
                              fn.getArgument(index))))
        return signalPassFailure();
    }
    auto actType = RankedTensorType::get({1, c, 1, actWidth.getInt()},
                                         input.getElementType());
    SmallVector<SliceBySizeOp> actSlices;
    for (Operation *user : arg.getUsers()) {
      auto slice = dyn_cast<SliceBySizeOp>(user);
      if (!slice || slice.getType() != actType ||
          !llvm::all_of(slice.getBegin(), [](int32_t v) { return v == 0; })) {
        user->emitOpError() << "mil-unpack-dynamic-weights: reads the packed "
                               "input outside the recorded activation and "
                               "weight slices";
        return signalPassFailure();
      }
      actSlices.push_back(slice);
    }
    arg.setType(actType);
    for (SliceBySizeOp slice : actSlices) {
      slice.getResult().replaceAllUsesWith(arg);
      slice.erase();
    }
    SmallVector<Type> inputs(fn.getArgumentTypes());
    inputs[0] = actType;
    fn.setFunctionType(
        FunctionType::get(fn.getContext(), inputs, fn.getResultTypes()));
    fn->removeAttr(kPackedInputAttr);
  }
};

} // namespace
