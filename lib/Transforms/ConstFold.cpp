//===- ConstFold.cpp - Evaluate small ops on constants ------------------===//
//
// The mil-fold-constants cleanup pass: an op whose operands are all
// mil.const and whose results are small is run through the CPU reference
// interpreter (on a throw-away function holding copies of the op and its
// constants) and replaced by mil.const ops with the results, so that the
// folded values are bit-exact with what the interpreter computes.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILFolding.h"
#include "ane/Runtime/Interpreter.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SetVector.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILFOLDCONSTANTS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;
namespace rt = ane::runtime;

namespace {

/// True when `op` may be folded: a mil op (not a constant, nor a quantize or
/// dequantize, whose constant operands are compressed weights) with
/// operands, all of them mil.const with loaded values, supported by the
/// interpreter, whose results are static, hold 1 to `maxElements` elements
/// and are not function outputs.
bool isFoldable(Operation *op, int64_t maxElements) {
  if (isa<ConstOp, QuantizeOp, DequantizeOp>(op) ||
      !isa_and_nonnull<MILDialect>(op->getDialect()) ||
      op->getNumOperands() == 0 || op->getNumRegions() != 0 ||
      !rt::isSupportedOp(op->getName().getStringRef()))
    return false;
  for (Value v : op->getOperands()) {
    auto c = v.getDefiningOp<ConstOp>();
    if (!c || !isa<ElementsAttr>(c.getVal()))
      return false;
  }
  for (Value r : op->getResults()) {
    auto type = dyn_cast<RankedTensorType>(r.getType());
    if (!type || !type.hasStaticShape() || type.getNumElements() < 1 ||
        type.getNumElements() > maxElements || isFunctionResult(r))
      return false;
  }
  return true;
}

/// A dense elements attribute of `type` holding the interpreter's tensor
/// `t` (a splat when every element is the same).
Attribute toAttribute(RankedTensorType type, const rt::Tensor &t) {
  if (t.dtype() == rt::DType::Bool) {
    SmallVector<bool> bits;
    for (int64_t i = 0; i < t.numElements(); ++i)
      bits.push_back(t.data<uint8_t>()[i] != 0);
    return DenseElementsAttr::get(type, bits);
  }
  // getFromRawBuffer stores a buffer of equal elements as a splat.
  return DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(static_cast<const char *>(t.raw()), t.byteSize()));
}

/// The results of `op` computed by the interpreter, or failure when it
/// cannot evaluate the op (the op is then left alone, silently).
FailureOr<SmallVector<Attribute>> evaluate(Operation *op) {
  MLIRContext *ctx = op->getContext();
  Location loc = op->getLoc();
  OpBuilder builder(ctx);
  OwningOpRef<func::FuncOp> fn = func::FuncOp::create(
      loc, "fold", builder.getFunctionType({}, op->getResultTypes()));
  builder.setInsertionPointToStart(fn->addEntryBlock());
  IRMapping map;
  for (Value v : op->getOperands())
    if (!map.contains(v))
      map.map(v, builder.clone(*v.getDefiningOp())->getResult(0));
  Operation *copy = builder.clone(*op, map);
  func::ReturnOp::create(builder, loc, copy->getResults());

  ScopedDiagnosticHandler quiet(ctx, [](Diagnostic &) { return success(); });
  auto interpreter = rt::Interpreter::create(*fn);
  if (!interpreter) {
    llvm::consumeError(interpreter.takeError());
    return failure();
  }
  if (llvm::Error err = (*interpreter)->eval()) {
    llvm::consumeError(std::move(err));
    return failure();
  }
  SmallVector<Attribute> values;
  for (auto [i, r] : llvm::enumerate(op->getResults()))
    values.push_back(toAttribute(cast<RankedTensorType>(r.getType()),
                                 (*interpreter)->output(i)));
  return values;
}

/// The location (MIL name) of result `i`: a multi-result op's location is
/// one NameLoc per result, fused.
Location resultLoc(Operation *op, unsigned i) {
  if (op->getNumResults() > 1)
    if (auto fused = dyn_cast<FusedLoc>(op->getLoc());
        fused && fused.getLocations().size() == op->getNumResults())
      return fused.getLocations()[i];
  return op->getLoc();
}

struct MILFoldConstantsPass
    : public ane::mil::impl::MILFoldConstantsBase<MILFoldConstantsPass> {
  using MILFoldConstantsBase::MILFoldConstantsBase;

  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) { ops.push_back(op); });
    // In program order, so that a folded result feeds the next fold.
    for (Operation *op : ops) {
      if (!isFoldable(op, maxElements))
        continue;
      FailureOr<SmallVector<Attribute>> values = evaluate(op);
      if (failed(values))
        continue;
      OpBuilder builder(op);
      for (auto [i, value] : llvm::enumerate(*values)) {
        auto folded = ConstOp::create(builder, resultLoc(op, i),
                                      cast<ElementsAttr>(value));
        op->getResult(i).replaceAllUsesWith(folded.getResult());
      }
      llvm::SetVector<Operation *> inputs;
      for (Value v : op->getOperands())
        inputs.insert(v.getDefiningOp());
      op->erase();
      for (Operation *input : inputs)
        if (input->use_empty())
          input->erase();
    }
  }
};

} // namespace
