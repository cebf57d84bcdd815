//===- OpParams.cpp - MIL parameters of an op by name -------------------===//
//
// Maps the ODS-generated parameter table (getMILParams(): names and kinds in
// `arguments` order) onto the op's operands, using operandSegmentSizes when
// the op has optional or variadic operands.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace ane::runtime;
using namespace ane::runtime::detail;
using ane::mil::ParamKind;

OpParams::OpParams(Operation *op) : op(op) {
  auto iface = dyn_cast<ane::mil::MILOpInterface>(op);
  if (!iface)
    return;
  llvm::SmallVector<ane::mil::ParamInfo> operandParams;
  for (const ane::mil::ParamInfo &p : iface.getMILParams())
    if (!ane::mil::isAttrKind(p.kind))
      operandParams.push_back(p);
  ValueRange all = op->getOperands();
  llvm::SmallVector<int64_t> sizes;
  Attribute segAttr;
  if (std::optional<Attribute> a = op->getInherentAttr("operandSegmentSizes"))
    segAttr = *a;
  if (auto seg = dyn_cast_or_null<DenseI32ArrayAttr>(segAttr)) {
    for (int32_t s : seg.asArrayRef())
      sizes.push_back(s);
  } else {
    int64_t fixed = 0, variadic = 0;
    for (auto &p : operandParams) {
      if (p.kind == ParamKind::Operand)
        ++fixed;
      else
        ++variadic;
    }
    int64_t rest = int64_t(all.size()) - fixed;
    for (auto &p : operandParams) {
      if (p.kind == ParamKind::Operand) {
        sizes.push_back(1);
      } else if (p.kind == ParamKind::OptionalOperand) {
        int64_t s = variadic == 1 ? rest : std::min<int64_t>(rest, 1);
        sizes.push_back(s);
        rest -= s;
      } else {
        sizes.push_back(rest);
        rest = 0;
      }
    }
  }
  size_t pos = 0;
  for (size_t i = 0; i < operandParams.size() && i < sizes.size(); ++i) {
    auto &vals = operandMap[operandParams[i].name];
    for (int64_t k = 0; k < sizes[i] && pos < all.size(); ++k)
      vals.push_back(all[pos++]);
  }
}

ArrayRef<Value> OpParams::operands(StringRef name) const {
  auto it = operandMap.find(name);
  if (it == operandMap.end())
    return {};
  return it->second;
}

Value OpParams::operand(StringRef name) const {
  ArrayRef<Value> v = operands(name);
  return v.empty() ? Value() : v.front();
}

Attribute OpParams::attr(StringRef name) const {
  if (std::optional<Attribute> a = op->getInherentAttr(name))
    if (*a)
      return *a;
  return op->getAttr(name);
}

int64_t OpParams::getInt(StringRef name, int64_t dflt) const {
  if (auto a = dyn_cast_or_null<IntegerAttr>(attr(name)))
    return a.getInt();
  return dflt;
}

bool OpParams::getBool(StringRef name, bool dflt) const {
  if (auto a = dyn_cast_or_null<BoolAttr>(attr(name)))
    return a.getValue();
  if (auto a = dyn_cast_or_null<IntegerAttr>(attr(name)))
    return a.getInt() != 0;
  return dflt;
}

float OpParams::getFloat(StringRef name, float dflt) const {
  if (auto a = dyn_cast_or_null<FloatAttr>(attr(name)))
    return float(a.getValueAsDouble());
  if (auto a = dyn_cast_or_null<IntegerAttr>(attr(name)))
    return float(a.getInt());
  if (auto e = dyn_cast_or_null<DenseElementsAttr>(attr(name)))
    if (e.getNumElements() == 1 && isa<FloatType>(e.getElementType()))
      return float((*e.getValues<APFloat>().begin()).convertToDouble());
  return dflt;
}

std::string OpParams::getStr(StringRef name, StringRef dflt) const {
  if (auto a = dyn_cast_or_null<StringAttr>(attr(name)))
    return a.getValue().str();
  return dflt.str();
}

std::optional<Shape> OpParams::getInts(StringRef name) const {
  Attribute a = attr(name);
  if (auto arr = dyn_cast_or_null<DenseI32ArrayAttr>(a))
    return Shape(arr.asArrayRef().begin(), arr.asArrayRef().end());
  if (auto arr = dyn_cast_or_null<DenseI64ArrayAttr>(a))
    return Shape(arr.asArrayRef().begin(), arr.asArrayRef().end());
  if (auto e = dyn_cast_or_null<DenseIntElementsAttr>(a)) {
    Shape s;
    for (const APInt &v : e.getValues<APInt>())
      s.push_back(v.getSExtValue());
    return s;
  }
  if (auto arr = dyn_cast_or_null<ArrayAttr>(a)) {
    Shape s;
    for (Attribute el : arr)
      if (auto i = dyn_cast<IntegerAttr>(el))
        s.push_back(i.getInt());
    return s;
  }
  if (auto i = dyn_cast_or_null<IntegerAttr>(a))
    return Shape{i.getInt()};
  return std::nullopt;
}

std::optional<llvm::SmallVector<bool>>
OpParams::getBools(StringRef name) const {
  Attribute a = attr(name);
  if (auto arr = dyn_cast_or_null<DenseBoolArrayAttr>(a))
    return llvm::SmallVector<bool>(arr.asArrayRef().begin(),
                                   arr.asArrayRef().end());
  if (auto e = dyn_cast_or_null<DenseIntElementsAttr>(a)) {
    llvm::SmallVector<bool> s;
    for (const APInt &v : e.getValues<APInt>())
      s.push_back(!v.isZero());
    return s;
  }
  return std::nullopt;
}

void ane::runtime::detail::splitAround(ArrayRef<int64_t> shape, int64_t axis,
                                       int64_t &outer, int64_t &mid,
                                       int64_t &inner) {
  outer = numElementsOf(shape.take_front(axis));
  mid = shape.empty() ? 1 : shape[axis];
  inner = shape.empty() ? 1 : numElementsOf(shape.drop_front(axis + 1));
}

FailureOr<StepFn> ane::runtime::detail::missingParam(Operation *op,
                                                     StringRef name) {
  op->emitError() << "interpreter: '" << op->getName() << "' has no parameter '"
                  << name << "'";
  return failure();
}

llvm::Error ane::runtime::detail::stepError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}
