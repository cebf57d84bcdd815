//===- DynamicWeights.cpp - Weights packed into the single input ----------===//
//
// The mil-pack-dynamic-weights and mil-unpack-dynamic-weights ANE shaping
// passes: matmul weight constants become slices of the one [1, C, 1, S + W]
// input (the training pipeline's way to change weights without
// recompiling), and back into separate inputs.
//
//===----------------------------------------------------------------------===//

#include "MILNames.h"
#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Runtime/PackedInput.h"
#include "ane/Target/MIL/MILTextFormat.h"
#include "ane/Transforms/Passes.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILPACKDYNAMICWEIGHTS
#define GEN_PASS_DEF_MILUNPACKDYNAMICWEIGHTS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;
using ane::runtime::kPackedInputAttr;
using ane::runtime::PackedInputLayout;

namespace {

/// The MIL name of a constant: its `mil.name`, else its name location
/// (milNameOf), else `weight<index>`.
std::string constName(ConstOp op, size_t index) {
  if (auto name = op->getAttrOfType<StringAttr>(kOpNameAttr))
    return name.str();
  StringRef name = milNameOf(op);
  return name.empty() ? "weight" + std::to_string(index) : name.str();
}

struct MILPackDynamicWeightsPass
    : public ane::mil::impl::MILPackDynamicWeightsBase<
          MILPackDynamicWeightsPass> {
  using MILPackDynamicWeightsBase::MILPackDynamicWeightsBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (fn.isExternal())
      return;
    auto input =
        fn.getNumArguments() == 1 ? packedInputType(fn) : RankedTensorType();
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
    // Inputs packed by mil-pack-inputs stay where they are: their slices
    // of the input read the same values from the wider one.
    FailureOr<PackedInputLayout> layout =
        readPackedLayout(fn, input, "mil-pack-dynamic-weights");
    if (failed(layout))
      return signalPassFailure();
    bool keepSlices = !layout->inputs.empty();
    int64_t total = s;
    for (ConstOp op : weights)
      total += op.getType().getNumElements() / c;
    // Retype the input first: the slices' result types are inferred from it.
    BlockArgument arg = fn.getArgument(0);
    auto b = OpBuilder::atBlockBegin(&fn.getBody().front());
    SmallVector<OpOperand *> actUses;
    for (OpOperand &use : arg.getUses())
      if (!keepSlices || !isa<SliceBySizeOp>(use.getOwner()))
        actUses.push_back(&use);
    arg.setType(
        RankedTensorType::get({1, c, 1, total}, input.getElementType()));
    fn.setFunctionType(b.getFunctionType({arg.getType()}, fn.getResultTypes()));
    if (!actUses.empty()) {
      Value act = sliceSpatial(b, arg.getLoc(), arg, c, 0, s);
      for (OpOperand *use : actUses)
        use->set(act);
    }

    int64_t offset = s;
    for (auto [i, op] : llvm::enumerate(weights)) {
      auto type = op.getType();
      int64_t width = type.getNumElements() / c;
      Value w = sliceSpatial(b, op.getLoc(), arg, c, offset, width);
      if (cast<RankedTensorType>(w.getType()) != type)
        w = createReshape(b, op.getLoc(), w, type.getShape());
      op.getResult().replaceAllUsesWith(w);
      layout->weights.push_back({constName(op, i), offset, width, c,
                                 ane::runtime::Shape(type.getShape())});
      offset += width;
    }
    for (ConstOp op : weights) // after the loop: `b` inserts before one
      op.erase();
    fn->setAttr(kPackedInputAttr,
                ane::runtime::packedInputToAttr(fn.getContext(), *layout, c));
  }
};

struct MILUnpackDynamicWeightsPass
    : public ane::mil::impl::MILUnpackDynamicWeightsBase<
          MILUnpackDynamicWeightsPass> {
  using MILUnpackDynamicWeightsBase::MILUnpackDynamicWeightsBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (!fn->hasAttr(kPackedInputAttr))
      return;
    auto input =
        fn.getNumArguments() == 1 ? packedInputType(fn) : RankedTensorType();
    if (!input) {
      fn.emitError() << "mil-unpack-dynamic-weights: malformed '"
                     << kPackedInputAttr
                     << "' or the function has not one [1, C, 1, S] input";
      return signalPassFailure();
    }
    const int64_t c = input.getDimSize(1);
    FailureOr<PackedInputLayout> layout =
        readPackedLayout(fn, input, "mil-unpack-dynamic-weights");
    if (failed(layout))
      return signalPassFailure();
    BlockArgument arg = fn.getArgument(0);
    for (const ane::runtime::PackedPiece &w : layout->weights) {
      auto type = RankedTensorType::get(w.shape, input.getElementType());
      unsigned index = fn.getNumArguments();
      OpBuilder b(fn.getContext());
      if (w.channels != c) {
        fn.emitError() << "mil-unpack-dynamic-weights: weight '" << w.name
                       << "' does not span all " << c << " channels";
        return signalPassFailure();
      }
      if (failed(fn.insertArgument(index, type,
                                   b.getDictionaryAttr(b.getNamedAttr(
                                       kOpNameAttr, b.getStringAttr(w.name))),
                                   fn.getLoc())))
        return signalPassFailure();
      FailureOr<bool> found =
          replacePackedSlices(arg, c, w.offset, w.width, fn.getArgument(index),
                              "mil-unpack-dynamic-weights");
      if (failed(found))
        return signalPassFailure();
      if (!*found) {
        fn.emitError() << "mil-unpack-dynamic-weights: no slice of the "
                          "packed input at offset "
                       << w.offset << " of width " << w.width;
        return signalPassFailure();
      }
    }
    // What remains are slices of [0, activation_width): the activation
    // slices of mil-pack-dynamic-weights (replaced by the input itself), or
    // the input slices of mil-pack-inputs (kept, with the attribute's
    // `inputs`).
    const int64_t actWidth = layout->activationWidth;
    auto actType =
        RankedTensorType::get({1, c, 1, actWidth}, input.getElementType());
    bool keepSlices = !layout->inputs.empty();
    SmallVector<SliceBySizeOp> actSlices;
    for (Operation *user : arg.getUsers()) {
      auto slice = dyn_cast<SliceBySizeOp>(user);
      bool inside =
          slice &&
          (keepSlices ? slice.getBegin()[3] + slice.getSize()[3] <= actWidth
                      : slice.getType() == actType &&
                            llvm::all_of(slice.getBegin(),
                                         [](int32_t v) { return v == 0; }));
      if (!inside) {
        user->emitOpError() << "mil-unpack-dynamic-weights: reads the packed "
                               "input outside the recorded activation and "
                               "weight slices";
        return signalPassFailure();
      }
      actSlices.push_back(slice);
    }
    arg.setType(actType);
    if (!keepSlices)
      for (SliceBySizeOp slice : actSlices) {
        slice.getResult().replaceAllUsesWith(arg);
        slice.erase();
      }
    SmallVector<Type> inputs(fn.getArgumentTypes());
    inputs[0] = actType;
    fn.setFunctionType(
        FunctionType::get(fn.getContext(), inputs, fn.getResultTypes()));
    if (keepSlices) {
      layout->weights.clear();
      fn->setAttr(kPackedInputAttr,
                  ane::runtime::packedInputToAttr(fn.getContext(), *layout, c));
    } else {
      fn->removeAttr(kPackedInputAttr);
    }
  }
};

} // namespace
