//===- MILBuilder.cpp - A short C++ API for writing MIL programs ----------===//
//
// Implementation of ProgramBuilder: module/function scaffolding, constants
// (inline or dense_resource), and one-line helpers for the ops ANE kernels
// use (conv, matmul, linear, pooling, attention, add, mul).
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILBuilder.h"
#include "ane/Dialect/MIL/MILConstants.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace ane::mil;

ProgramBuilder::ProgramBuilder(MLIRContext *context, ProgramOptions options)
    : context(context), options(std::move(options)), builder(context) {
  context->loadDialect<MILDialect, func::FuncDialect>();
  Location unknown = UnknownLoc::get(context);
  module = ModuleOp::create(unknown);
  ModuleOp m = *module;
  m->setAttr(MILDialect::kProgramVersionAttr,
             builder.getStringAttr(this->options.programVersion));
  m->setAttr(MILDialect::kOpsetAttr,
             builder.getStringAttr(this->options.opset));
  if (!this->options.buildInfo.empty()) {
    SmallVector<NamedAttribute> entries;
    for (const auto &[key, value] : this->options.buildInfo)
      entries.push_back(
          builder.getNamedAttr(key, builder.getStringAttr(value)));
    m->setAttr(MILDialect::kBuildInfoAttr, builder.getDictionaryAttr(entries));
  }
  builder.setInsertionPointToEnd(m.getBody());
  main = func::FuncOp::create(builder, unknown, "main",
                              builder.getFunctionType({}, {}));
  builder.setInsertionPointToEnd(main.addEntryBlock());
}

Location ProgramBuilder::loc(StringRef name) {
  return NameLoc::get(builder.getStringAttr(name), UnknownLoc::get(context));
}

Value ProgramBuilder::input(StringRef name, ArrayRef<int64_t> shape,
                            Type element) {
  Block &body = main.getBody().front();
  Value arg =
      body.addArgument(tensor(shape, element ? element : f16()), loc(name));
  main.setFunctionType(builder.getFunctionType(
      body.getArgumentTypes(), main.getFunctionType().getResults()));
  return arg;
}

/// Number of elements of a static shape.
static int64_t numElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// `values` expanded to `n` elements (a single value is splatted).
template <typename T>
static SmallVector<T> expand(ArrayRef<T> values, int64_t n) {
  if (values.size() == 1)
    return SmallVector<T>(n, values[0]);
  assert(static_cast<int64_t>(values.size()) == n &&
         "constant needs one value per element or a single splat value");
  return SmallVector<T>(values);
}

Value ProgramBuilder::constF16(StringRef name, ArrayRef<int64_t> shape,
                               ArrayRef<float> values) {
  return constant(name,
                  makeFloatElementsAttr(tensor(shape, f16()),
                                        expand(values, numElements(shape)),
                                        name, options.inlineConstantLimit));
}

Value ProgramBuilder::constF32(StringRef name, ArrayRef<int64_t> shape,
                               ArrayRef<float> values) {
  return constant(name,
                  makeFloatElementsAttr(tensor(shape, f32()),
                                        expand(values, numElements(shape)),
                                        name, options.inlineConstantLimit));
}

Value ProgramBuilder::constI8(StringRef name, ArrayRef<int64_t> shape,
                              ArrayRef<int8_t> values) {
  SmallVector<int8_t> all = expand(values, numElements(shape));
  return constant(
      name,
      makeElementsAttr(
          tensor(shape, i8()),
          ArrayRef(reinterpret_cast<const char *>(all.data()), all.size()),
          alignof(int8_t), name, options.inlineConstantLimit));
}

Value ProgramBuilder::constant(StringRef name, ElementsAttr value) {
  return ConstOp::create(builder, loc(name), value);
}

/// An optional int32 array attribute: null when `v` is empty.
static DenseI32ArrayAttr optionalArray(OpBuilder &b,
                                       const std::vector<int32_t> &v) {
  return v.empty() ? DenseI32ArrayAttr() : b.getDenseI32ArrayAttr(v);
}

Value ProgramBuilder::conv(StringRef name, Value x, Value weight, Value bias,
                           const ConvOptions &o) {
  return ConvOp::create(builder, loc(name), x, weight, bias,
                        optionalArray(builder, o.strides), o.padType,
                        optionalArray(builder, o.pad),
                        optionalArray(builder, o.dilations), o.groups);
}

Value ProgramBuilder::conv1x1(StringRef name, Value x, Value weight,
                              Value bias) {
  ConvOptions o;
  o.strides = {1, 1};
  o.pad = {0, 0, 0, 0};
  o.dilations = {1, 1};
  return conv(name, x, weight, bias, o);
}

Value ProgramBuilder::matmul(StringRef name, Value x, Value y, bool transposeX,
                             bool transposeY) {
  return MatmulOp::create(builder, loc(name), x, y, transposeX, transposeY);
}

Value ProgramBuilder::linear(StringRef name, Value x, Value weight,
                             Value bias) {
  return LinearOp::create(builder, loc(name), x, weight, bias);
}

Value ProgramBuilder::maxPool(StringRef name, Value x,
                              ArrayRef<int32_t> kernelSizes,
                              const PoolOptions &o) {
  return MaxPoolOp::create(builder, loc(name), x, kernelSizes,
                           optionalArray(builder, o.strides), o.padType,
                           optionalArray(builder, o.pad), o.ceilMode);
}

Value ProgramBuilder::avgPool(StringRef name, Value x,
                              ArrayRef<int32_t> kernelSizes,
                              const PoolOptions &o) {
  return AvgPoolOp::create(builder, loc(name), x, kernelSizes,
                           optionalArray(builder, o.strides), o.padType,
                           optionalArray(builder, o.pad),
                           o.excludePaddingFromAverage, o.ceilMode);
}

Value ProgramBuilder::sdpa(StringRef name, Value query, Value key, Value value,
                           Value attnMask) {
  return ScaledDotProductAttentionOp::create(builder, loc(name), query, key,
                                             value, attnMask);
}

Value ProgramBuilder::add(StringRef name, Value x, Value y) {
  return AddOp::create(builder, loc(name), x, y);
}

Value ProgramBuilder::mul(StringRef name, Value x, Value y) {
  return MulOp::create(builder, loc(name), x, y);
}

void ProgramBuilder::output(ArrayRef<Value> values) {
  assert(!returned && "output() called twice");
  returned = true;
  func::ReturnOp::create(builder, UnknownLoc::get(context), values);
  main.setFunctionType(builder.getFunctionType(
      main.getFunctionType().getInputs(), ValueRange(values).getTypes()));
}

llvm::Expected<OwningOpRef<ModuleOp>> ProgramBuilder::finish() {
  if (!returned)
    return llvm::createStringError(
        "ProgramBuilder::finish: output() was not called");
  std::string messages;
  {
    ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
      messages += diag.str();
      messages += "\n";
      return success();
    });
    if (failed(verify(*module)))
      return llvm::createStringError("MIL program does not verify:\n" +
                                     messages);
  }
  return std::move(module);
}
