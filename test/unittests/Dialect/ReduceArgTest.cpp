//===- ReduceArgTest.cpp - reduce_arg result inference from C++ -----------===//
//
// What only C++ callers can reach in reduce_argmax/reduce_argmin's result
// inference: an `output_dtype` outside the attribute's enum (parsing and the
// MIL importer reject it earlier, by the attribute constraint) is reported
// instead of inferring a tensor without an element type.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace ane::mil;

namespace {

/// Infers the result type of reduce_argmax(x: tensor<2x3xf16>) with
/// `outputDtype`; `message` receives the error reported, if any.
LogicalResult inferArgmax(MLIRContext &ctx, StringRef outputDtype,
                          SmallVectorImpl<Type> &inferred,
                          std::string &message) {
  ctx.loadDialect<MILDialect>();
  OpBuilder b(&ctx);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  auto xType = RankedTensorType::get({2, 3}, b.getF16Type());
  Value x =
      ConstOp::create(b, loc,
                      DenseElementsAttr::get(
                          xType, APFloat(llvm::APFloat::IEEEhalf(), "1.0")))
          .getResult();
  OperationState state(loc, ReduceArgmaxOp::getOperationName());
  state.addOperands(x);
  state.addAttribute("output_dtype", b.getStringAttr(outputDtype));
  state.addTypes(RankedTensorType::get({2}, b.getI32Type()));
  Operation *op = b.create(state);
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  return cast<InferTypeOpInterface>(op).inferReturnTypes(
      &ctx, loc, op->getOperands(), op->getRawDictionaryAttrs(),
      op->getPropertiesStorage(), op->getRegions(), inferred);
}

TEST(ReduceArgInference, OutputDtypeGivesTheElementType) {
  MLIRContext ctx;
  SmallVector<Type> inferred;
  std::string message;
  ASSERT_TRUE(succeeded(inferArgmax(ctx, "uint16", inferred, message)));
  ASSERT_EQ(inferred.size(), 1u);
  EXPECT_EQ(inferred[0],
            RankedTensorType::get(
                {2}, IntegerType::get(&ctx, 16, IntegerType::Unsigned)));
  EXPECT_EQ(message, "");
}

TEST(ReduceArgInference, RejectsUnknownOutputDtype) {
  MLIRContext ctx;
  SmallVector<Type> inferred;
  std::string message;
  EXPECT_TRUE(failed(inferArgmax(ctx, "uint7", inferred, message)));
  EXPECT_TRUE(inferred.empty());
  EXPECT_EQ(message, "unknown 'output_dtype'");
}

} // namespace
