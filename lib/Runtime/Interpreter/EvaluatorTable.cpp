//===- EvaluatorTable.cpp - All evaluators, by op name ------------------===//

#include "Evaluator.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;

const EvaluatorTable &ane::runtime::detail::getEvaluatorTable() {
  static const EvaluatorTable table = [] {
    EvaluatorTable t;
    registerElementwiseEvaluators(t);
    registerActivationEvaluators(t);
    registerReductionEvaluators(t);
    registerNormEvaluators(t);
    registerConvEvaluators(t);
    registerLinearEvaluators(t);
    registerShapeEvaluators(t);
    registerQuantEvaluators(t);
    registerAttentionEvaluators(t);
    return t;
  }();
  return table;
}

bool ane::runtime::isSupportedOp(StringRef opName) {
  return opName == "mil.const" || getEvaluatorTable().count(opName);
}

FailureOr<std::optional<std::vector<float>>>
ane::runtime::detail::constFloats(OpParams &params, PrepareContext &ctx,
                                  StringRef name) {
  Operation *op = params.getOp();
  Attribute attr;
  if (Value v = params.operand(name)) {
    const Tensor *t = ctx.constant(v);
    if (!t) {
      op->emitError() << "interpreter: '" << name
                      << "' must be a constant (a mil.const)";
      return failure();
    }
    std::vector<float> out(t->numElements());
    for (int64_t i = 0; i < t->numElements(); ++i)
      out[i] = t->getAsFloat(i);
    return std::optional<std::vector<float>>(std::move(out));
  }
  attr = params.attr(name);
  if (!attr)
    return std::optional<std::vector<float>>();
  if (diagnoseUnloadedBlob(op, attr))
    return failure();
  if (auto f = dyn_cast<FloatAttr>(attr))
    return std::optional<std::vector<float>>(
        std::vector<float>{float(f.getValueAsDouble())});
  if (auto i = dyn_cast<IntegerAttr>(attr))
    return std::optional<std::vector<float>>(
        std::vector<float>{float(i.getInt())});
  auto elems = dyn_cast<ElementsAttr>(attr);
  auto type = elems ? dyn_cast<RankedTensorType>(elems.getType()) : nullptr;
  std::optional<DType> dt =
      type ? dtypeFromType(type.getElementType()) : std::nullopt;
  // Sub-byte integers (int4, uint2, ...) have no runtime dtype: read them
  // element by element.
  if (auto dense = dyn_cast_or_null<DenseIntElementsAttr>(attr); dense && !dt) {
    bool isUnsigned = dense.getElementType().isUnsignedInteger();
    std::vector<float> out;
    out.reserve(dense.getNumElements());
    for (const APInt &v : dense.getValues<APInt>())
      out.push_back(isUnsigned ? float(v.getZExtValue())
                               : float(v.getSExtValue()));
    return std::optional<std::vector<float>>(std::move(out));
  }
  if (!dt) {
    op->emitError() << "interpreter: unsupported value for '" << name
                    << "': " << attr;
    return failure();
  }
  Tensor t(*dt, type.getShape());
  if (failed(elementsToTensor(op, attr, t)))
    return failure();
  std::vector<float> out(t.numElements());
  for (int64_t i = 0; i < t.numElements(); ++i)
    out[i] = t.getAsFloat(i);
  return std::optional<std::vector<float>>(std::move(out));
}
