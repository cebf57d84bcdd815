//===- PackInputs.cpp - All inputs packed into one [1, C, 1, S] input -----===//
//
// The mil-pack-inputs ANE shaping pass: a function with several inputs gets
// one input [1, max C_i, 1, Σ S_i] that every original input is sliced (and
// reshaped) out of, for devices that reject multi-input requests (0x1d).
// The layout goes into `mil_packed_input` (ane/Runtime/PackedInput.h).
//
//===----------------------------------------------------------------------===//

#include "ShapingUtils.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Runtime/PackedInput.h"
#include "ane/Target/MIL/MILTextFormat.h"
#include "ane/Transforms/Passes.h"

#include "llvm/ADT/StringSet.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILPACKINPUTS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;
using ane::runtime::PackedInputLayout;
using ane::runtime::PackedPiece;

namespace {

struct MILPackInputsPass
    : public ane::mil::impl::MILPackInputsBase<MILPackInputsPass> {
  using MILPackInputsBase::MILPackInputsBase;

  /// Checks input `i` and fills its piece (name, shape, [1, C_i, 1, S_i]
  /// view); offsets are assigned later.
  LogicalResult describe(func::FuncOp fn, unsigned i, Type elementType,
                         PackedPiece &piece) {
    BlockArgument arg = fn.getArgument(i);
    piece.name = ane::runtime::milIOName(fn.getArgAttrDict(i), arg.getLoc(),
                                         "arg" + std::to_string(i));
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!type || !type.hasStaticShape() || type.getNumElements() == 0)
      return fn.emitError() << "mil-pack-inputs: input '" << piece.name
                            << "' has type " << arg.getType()
                            << "; only static, non-empty tensors can be packed";
    if (!type.getElementType().isF16() && !type.getElementType().isF32())
      return fn.emitError() << "mil-pack-inputs: input '" << piece.name
                            << "' has element type " << type.getElementType()
                            << "; only f16 and f32 inputs can be packed";
    if (type.getElementType() != elementType)
      return fn.emitError()
             << "mil-pack-inputs: input '" << piece.name << "' is "
             << type.getElementType() << " but the first input is "
             << elementType << "; packed inputs share one element type";
    ArrayRef<int64_t> shape = type.getShape();
    piece.shape.assign(shape.begin(), shape.end());
    if (isANELayout(shape)) {
      piece.channels = shape[1];
      piece.width = shape[3];
    } else {
      piece.width = shape.empty() ? 1 : shape.back();
      piece.channels = type.getNumElements() / piece.width;
    }
    return success();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // A called function keeps its signature: its callers pass the inputs.
    llvm::StringSet<> called;
    module.walk([&](func::CallOp call) { called.insert(call.getCallee()); });
    for (auto fn : module.getOps<func::FuncOp>())
      if (!fn.isExternal() && fn.getNumArguments() >= 2 &&
          !called.contains(fn.getSymName()) && failed(pack(fn)))
        return signalPassFailure();
  }

  /// Packs the inputs of `fn` (two or more).
  LogicalResult pack(func::FuncOp fn) {
    auto first = dyn_cast<ShapedType>(fn.getArgument(0).getType());
    Type elementType = first ? first.getElementType() : Type();

    PackedInputLayout layout;
    int64_t c = 0;
    for (unsigned i = 0; i < fn.getNumArguments(); ++i) {
      PackedPiece piece;
      if (failed(describe(fn, i, elementType, piece)))
        return failure();
      if (piece.name == packedName)
        return fn.emitError() << "mil-pack-inputs: packed-name '" << packedName
                              << "' is the name of an input; choose another";
      piece.offset = layout.activationWidth;
      layout.activationWidth += piece.width;
      c = std::max(c, piece.channels);
      layout.inputs.push_back(std::move(piece));
    }
    int64_t elemBytes = elementType.getIntOrFloatBitWidth() / 8;
    layout.activationWidth =
        std::max<int64_t>(layout.activationWidth,
                          llvm::divideCeil(minSurfaceBytes, c * elemBytes));

    // The packed input goes first; the original inputs are then erased.
    auto packedType =
        RankedTensorType::get({1, c, 1, layout.activationWidth}, elementType);
    OpBuilder b(fn.getContext());
    if (failed(fn.insertArgument(
            0, packedType,
            b.getDictionaryAttr(b.getNamedAttr(ane::mil::kOpNameAttr,
                                               b.getStringAttr(packedName))),
            fn.getLoc())))
      return failure();
    BlockArgument packed = fn.getArgument(0);
    b.setInsertionPointToStart(&fn.getBody().front());
    llvm::BitVector erase(fn.getNumArguments());
    for (auto [i, piece] : llvm::enumerate(layout.inputs)) {
      BlockArgument arg = fn.getArgument(i + 1);
      erase.set(i + 1);
      if (arg.use_empty()) // still recorded: callers pass it
        continue;
      Value v = sliceSpatial(b, arg.getLoc(), packed, piece.channels,
                             piece.offset, piece.width);
      if (cast<RankedTensorType>(v.getType()) != arg.getType())
        v = createReshape(b, arg.getLoc(), v, piece.shape);
      arg.replaceAllUsesWith(v);
    }
    if (failed(fn.eraseArguments(erase)))
      return failure();
    fn->setAttr(ane::runtime::kPackedInputAttr,
                ane::runtime::packedInputToAttr(fn.getContext(), layout, c));
    return success();
  }
};

} // namespace
