//===- UnpackInputs.cpp - The inverse of mil-pack-inputs ------------------===//
//
// The mil-unpack-inputs ANE shaping pass: the original inputs that
// `mil_packed_input`'s `inputs` records (ane/Runtime/PackedInput.h) become
// separate function inputs again and their slices of the packed input go;
// weights packed after them (mil-pack-dynamic-weights) stay in it.
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Runtime/PackedInput.h"
#include "ane/Target/MIL/MILTextFormat.h"
#include "ane/Transforms/Passes.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILUNPACKINPUTS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;
using ane::runtime::kPackedInputAttr;

namespace {

struct MILUnpackInputsPass
    : public ane::mil::impl::MILUnpackInputsBase<MILUnpackInputsPass> {
  using MILUnpackInputsBase::MILUnpackInputsBase;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    auto attr = fn->getAttrOfType<DictionaryAttr>(kPackedInputAttr);
    if (!attr || !attr.contains("inputs"))
      return;
    RankedTensorType input = packedInputType(fn);
    if (!input) {
      fn.emitError() << "mil-unpack-inputs: the first input of a function "
                        "with '"
                     << kPackedInputAttr
                     << "' must be a static [1, C, 1, S] tensor";
      return signalPassFailure();
    }
    const int64_t c = input.getDimSize(1);
    auto layout = readPackedLayout(fn, input, "mil-unpack-inputs");
    if (failed(layout))
      return signalPassFailure();

    // The inputs are inserted after the packed one, in their order.
    BlockArgument packed = fn.getArgument(0);
    OpBuilder b(fn.getContext());
    for (auto [i, piece] : llvm::enumerate(layout->inputs)) {
      unsigned index = i + 1;
      // "arg<i>" is the name ane-run gives an unnamed input i: no mil.name.
      DictionaryAttr argAttrs =
          piece.name == "arg" + std::to_string(i)
              ? b.getDictionaryAttr({})
              : b.getDictionaryAttr(
                    b.getNamedAttr(kOpNameAttr, b.getStringAttr(piece.name)));
      auto type = RankedTensorType::get(piece.shape, input.getElementType());
      if (failed(fn.insertArgument(index, type, argAttrs, packed.getLoc())))
        return signalPassFailure();
      // An input no op reads has no slice.
      if (failed(replacePackedSlices(packed, piece.channels, piece.offset,
                                     piece.width, fn.getArgument(index),
                                     "mil-unpack-inputs")))
        return signalPassFailure();
    }

    // What remains are the weight slices (from activation_width on).
    for (Operation *user : packed.getUsers()) {
      auto slice = dyn_cast<SliceBySizeOp>(user);
      if (!slice || layout->weights.empty() ||
          slice.getBegin()[3] < layout->activationWidth) {
        user->emitOpError() << "mil-unpack-inputs: reads the packed input "
                               "outside the recorded input and weight slices";
        return signalPassFailure();
      }
    }
    if (layout->weights.empty()) {
      if (failed(fn.eraseArgument(0)))
        return signalPassFailure();
      fn->removeAttr(kPackedInputAttr);
      return;
    }
    // The packed input keeps the weights; [0, activation_width) is now an
    // activation that nothing reads.
    layout->inputs.clear();
    fn->setAttr(kPackedInputAttr,
                ane::runtime::packedInputToAttr(fn.getContext(), *layout, c));
  }
};

} // namespace
