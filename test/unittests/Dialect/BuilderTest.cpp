//===- BuilderTest.cpp - ProgramBuilder and conv/matmul/pool inference ----===//
//
// Builds the ANE kernels users write (1×1 conv stacks over [1, C, 1, S],
// attention-style matmuls) with ProgramBuilder, verifies them, and checks
// the inferred result shapes of conv, conv_transpose, matmul, linear and
// pooling against hand-computed ones.
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILBuilder.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace ane::mil;

namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

SmallVector<int64_t> shapeOf(Value v) {
  return SmallVector<int64_t>(cast<RankedTensorType>(v.getType()).getShape());
}

using Shape = SmallVector<int64_t>;

std::string nameOf(Value v) {
  if (auto name = dyn_cast<NameLoc>(v.getLoc()))
    return name.getName().str();
  return "";
}

class BuilderTest : public ::testing::Test {
protected:
  MLIRContext ctx;
};

TEST_F(BuilderTest, Conv1x1StackVerifies) {
  const int64_t C = 64, S = 32, hidden = 128;
  ProgramBuilder pb(&ctx);
  Value x = pb.input("x", {1, C, 1, S});
  Value w0 = pb.constF16("w0", {hidden, C, 1, 1},
                         std::vector<float>(hidden * C, 0.01f));
  Value h = pb.conv1x1("h", x, w0);
  Value w1 = pb.constF16("w1", {C, hidden, 1, 1}, {0.5f});
  Value b1 = pb.constF16("b1", {C}, {1.0f});
  Value y = pb.conv1x1("y", h, w1, b1);
  Value r = pb.add("r", y, x);
  pb.output({r});

  EXPECT_EQ(shapeOf(h), (Shape{1, hidden, 1, S}));
  EXPECT_EQ(shapeOf(y), (Shape{1, C, 1, S}));
  EXPECT_EQ(nameOf(h), "h");
  EXPECT_EQ(nameOf(x), "x");
  // Large weights become dense_resource blobs, small ones stay inline.
  auto w0Const = w0.getDefiningOp<ConstOp>();
  auto b1Const = b1.getDefiningOp<ConstOp>();
  ASSERT_TRUE(w0Const && b1Const);
  EXPECT_TRUE(isa<DenseResourceElementsAttr>(w0Const.getVal()));
  EXPECT_TRUE(isa<DenseElementsAttr>(b1Const.getVal()));

  auto module = pb.finish();
  ASSERT_TRUE(static_cast<bool>(module)) << llvm::toString(module.takeError());
  ModuleOp m = **module;
  EXPECT_EQ(cast<StringAttr>(m->getAttr("mil.opset")).getValue(), "ios18");
  EXPECT_EQ(cast<StringAttr>(m->getAttr("mil.program_version")).getValue(),
            "1.3");
  EXPECT_TRUE(isa<DictionaryAttr>(m->getAttr("mil.build_info")));
  auto main = m.lookupSymbol<func::FuncOp>("main");
  ASSERT_TRUE(main);
  EXPECT_EQ(main.getFunctionType().getNumInputs(), 1u);
  EXPECT_EQ(main.getFunctionType().getResult(0), r.getType());

  // The printed module round-trips the blob.
  std::string text;
  llvm::raw_string_ostream os(text);
  m->print(os);
  EXPECT_NE(text.find("dense_resource<w0>"), std::string::npos) << text;
  EXPECT_NE(text.find("mil.conv"), std::string::npos);
  OwningOpRef<ModuleOp> reparsed = parseSourceString<ModuleOp>(text, &ctx);
  ASSERT_TRUE(reparsed);
  EXPECT_TRUE(succeeded(verify(*reparsed)));
}

TEST_F(BuilderTest, AttentionMatmulKernelVerifies) {
  ProgramBuilder pb(&ctx);
  Value q = pb.input("q", {1, 12, 8, 64});
  Value k = pb.input("k", {1, 12, 8, 64});
  Value v = pb.input("v", {1, 12, 8, 64});
  Value scores = pb.matmul("scores", q, k, /*transposeX=*/false,
                           /*transposeY=*/true);
  Value scale = pb.constF16("scale", {1}, {0.125f});
  Value scaled = pb.mul("scaled", scores, scale);
  Value out = pb.matmul("out", scaled, v);
  pb.output({out});
  EXPECT_EQ(shapeOf(scores), (Shape{1, 12, 8, 8}));
  EXPECT_EQ(shapeOf(out), (Shape{1, 12, 8, 64}));
  auto module = pb.finish();
  ASSERT_TRUE(static_cast<bool>(module)) << llvm::toString(module.takeError());
  EXPECT_EQ((**module)
                .lookupSymbol<func::FuncOp>("main")
                .getFunctionType()
                .getNumInputs(),
            3u);
}

TEST_F(BuilderTest, SdpaKernelVerifies) {
  ProgramBuilder pb(&ctx);
  Value q = pb.input("q", {1, 12, 8, 64});
  Value k = pb.input("k", {1, 12, 16, 64});
  Value v = pb.input("v", {1, 12, 16, 32});
  Value mask = pb.input("mask", {8, 16});
  Value out = pb.sdpa("out", q, k, v, mask);
  EXPECT_EQ(shapeOf(out), (Shape{1, 12, 8, 32}));
  pb.output({out});
  auto module = pb.finish();
  ASSERT_TRUE(static_cast<bool>(module)) << llvm::toString(module.takeError());
}

TEST_F(BuilderTest, ConstantsOfEachDtype) {
  ProgramOptions options;
  options.inlineConstantLimit = 4;
  ProgramBuilder pb(&ctx, options);
  Value a = pb.constF32("a", {2, 2}, {1.0f, 2.0f, 3.0f, 4.0f});
  Value b = pb.constI8("b", {8}, std::vector<int8_t>{1, 2, 3, 4, 5, 6, 7, 8});
  Value c = pb.constF16("c", {2}, {1.5f, -2.0f});
  auto aVal = cast<DenseElementsAttr>(a.getDefiningOp<ConstOp>().getVal());
  EXPECT_EQ(aVal.getValues<float>()[3], 4.0f);
  EXPECT_TRUE(
      isa<DenseResourceElementsAttr>(b.getDefiningOp<ConstOp>().getVal()));
  EXPECT_EQ(cast<RankedTensorType>(b.getType()).getElementType(), pb.i8());
  auto cVal = cast<DenseElementsAttr>(c.getDefiningOp<ConstOp>().getVal());
  EXPECT_EQ(cVal.getValues<APFloat>()[1].convertToFloat(), -2.0f);
  Value d = pb.constI8("d", {3}, std::vector<int8_t>{-1, 0, 7});
  auto dVal = cast<DenseElementsAttr>(d.getDefiningOp<ConstOp>().getVal());
  EXPECT_EQ(dVal.getValues<int8_t>()[0], -1);
  EXPECT_EQ(dVal.getValues<int8_t>()[2], 7);
  Value e = pb.constF16("e", {3}, {0.25f});
  EXPECT_TRUE(
      cast<DenseElementsAttr>(e.getDefiningOp<ConstOp>().getVal()).isSplat());
  pb.output({a, b, c, d, e});
  auto module = pb.finish();
  ASSERT_TRUE(static_cast<bool>(module)) << llvm::toString(module.takeError());
}

TEST_F(BuilderTest, FinishReportsVerifierErrors) {
  ProgramBuilder pb(&ctx);
  Value x = pb.input("x", {1, 64, 1, 32});
  Value w = pb.constF16("w", {8, 32, 1, 1}, {1.0f});
  pb.output({pb.conv1x1("y", x, w)});
  auto module = pb.finish();
  ASSERT_FALSE(static_cast<bool>(module));
  std::string message = llvm::toString(module.takeError());
  EXPECT_NE(message.find("'weight' dim 1 must be C_in / groups = 64, got 32"),
            std::string::npos)
      << message;
}

TEST_F(BuilderTest, ConvInferredShapes) {
  ProgramBuilder pb(&ctx);
  auto conv = [&](Shape x, Shape w, ConvOptions o) {
    Value xv = pb.input("x", x);
    // A constant weight: dilations other than 1 require one.
    Value wv = pb.constF16("w", w, {0.5f});
    Value y = pb.conv("y", xv, wv, {}, o);
    EXPECT_TRUE(succeeded(verify(y.getDefiningOp())));
    return shapeOf(y);
  };
  ConvOptions same;
  same.padType = "same";
  same.strides = {2, 2};
  // same: ceil(7 / 2) = 4.
  EXPECT_EQ(conv({1, 3, 7, 7}, {8, 3, 3, 3}, same), (Shape{1, 8, 4, 4}));
  // same_lower: ceil(8 / 3) = 3, ceil(9 / 3) = 3.
  ConvOptions sameLower;
  sameLower.padType = "same_lower";
  sameLower.strides = {3, 3};
  EXPECT_EQ(conv({1, 3, 8, 9}, {8, 3, 3, 3}, sameLower), (Shape{1, 8, 3, 3}));
  // valid, dilations 2: k_eff = 5; (10 - 5) / 2 + 1 = 3, (10 - 5) / 1 + 1 = 6.
  ConvOptions dilated;
  dilated.dilations = {2, 2};
  dilated.strides = {2, 1};
  EXPECT_EQ(conv({1, 4, 10, 10}, {8, 4, 3, 3}, dilated), (Shape{1, 8, 3, 6}));
  // groups 4: C_in 64 -> weight dim 1 = 16, C_out from weight dim 0.
  ConvOptions grouped;
  grouped.groups = 4;
  EXPECT_EQ(conv({2, 64, 5, 5}, {32, 16, 3, 3}, grouped), (Shape{2, 32, 3, 3}));
  // custom pad [1, 2, 0, 0]: 5 + 3 - 3 + 1 = 6, 5 - 3 + 1 = 3.
  ConvOptions custom;
  custom.padType = "custom";
  custom.pad = {1, 2, 0, 0};
  EXPECT_EQ(conv({1, 4, 5, 5}, {8, 4, 3, 3}, custom), (Shape{1, 8, 6, 3}));
  // Dynamic spatial dims stay dynamic.
  EXPECT_EQ(conv({1, 4, kDyn, 5}, {8, 4, 1, 1}, {}), (Shape{1, 8, kDyn, 5}));

  // conv_transpose: (4 - 1) * 2 + 3 = 9, C_out = 8 * groups.
  Value x = pb.input("x", {1, 16, 4, 4});
  Value w = pb.input("w", {16, 8, 3, 3});
  auto ct = ConvTransposeOp::create(
      pb.getBuilder(), pb.loc("ct"), x, w, Value(), DenseI32ArrayAttr(),
      DenseI32ArrayAttr(), "valid",
      pb.getBuilder().getDenseI32ArrayAttr({2, 2}), DenseI32ArrayAttr(), 2);
  EXPECT_EQ(shapeOf(ct), (Shape{1, 16, 9, 9}));
  EXPECT_TRUE(succeeded(verify(ct)));
}

TEST_F(BuilderTest, MatmulInferredShapes) {
  ProgramBuilder pb(&ctx);
  auto matmul = [&](Shape x, Shape y, bool tx = false, bool ty = false) {
    Value v = pb.matmul("m", pb.input("x", x), pb.input("y", y), tx, ty);
    EXPECT_TRUE(succeeded(verify(v.getDefiningOp())));
    return shapeOf(v);
  };
  EXPECT_EQ(matmul({2, 1, 4, 8}, {3, 8, 5}), (Shape{2, 3, 4, 5}));
  EXPECT_EQ(matmul({8, 4}, {8, 5}, /*tx=*/true), (Shape{4, 5}));
  EXPECT_EQ(matmul({3, 4}, {5, 4}, false, /*ty=*/true), (Shape{3, 5}));
  EXPECT_EQ(matmul({1, 12, 64, 8}, {1, 12, 16, 64}, true, true),
            (Shape{1, 12, 8, 16}));
  EXPECT_EQ(matmul({64}, {2, 64, 32}), (Shape{2, 32}));
  EXPECT_EQ(matmul({2, 3, 64}, {64}), (Shape{2, 3}));
  EXPECT_EQ(matmul({64}, {64}), (Shape{}));
  EXPECT_EQ(matmul({kDyn, 4, 8}, {8, kDyn}), (Shape{kDyn, 4, kDyn}));

  Value lin = pb.linear("l", pb.input("x", {2, 3, 64}),
                        pb.constF16("w", {128, 64}, {0.0f}));
  EXPECT_EQ(shapeOf(lin), (Shape{2, 3, 128}));
}

TEST_F(BuilderTest, PoolInferredShapes) {
  ProgramBuilder pb(&ctx);
  OpBuilder &b = pb.getBuilder();
  auto maxPool = [&](Shape x, ArrayRef<int32_t> k, ArrayRef<int32_t> s,
                     StringRef padType, ArrayRef<int32_t> pad, bool ceil) {
    auto op = MaxPoolOp::create(
        b, pb.loc("p"), pb.input("x", x), k, b.getDenseI32ArrayAttr(s), padType,
        pad.empty() ? DenseI32ArrayAttr() : b.getDenseI32ArrayAttr(pad), ceil);
    EXPECT_TRUE(succeeded(verify(op)));
    return shapeOf(op);
  };
  // floor((6 - 3) / 2) + 1 = 2; ceil mode 3.
  EXPECT_EQ(maxPool({1, 8, 6, 6}, {3, 3}, {2, 2}, "valid", {}, false),
            (Shape{1, 8, 2, 2}));
  EXPECT_EQ(maxPool({1, 8, 6, 6}, {3, 3}, {2, 2}, "valid", {}, true),
            (Shape{1, 8, 3, 3}));
  // same_lower: ceil(7 / 2) = 4.
  EXPECT_EQ(maxPool({1, 8, 7, 7}, {3, 3}, {2, 2}, "same_lower", {}, false),
            (Shape{1, 8, 4, 4}));
  // ceil mode with padding: the window starting in the end padding is
  // dropped: 1-D, 5 + 1 + 1, k 2, s 2 -> 3.
  EXPECT_EQ(maxPool({1, 8, 5}, {2}, {2}, "custom", {1, 1}, true),
            (Shape{1, 8, 3}));

  auto avg =
      AvgPoolOp::create(b, pb.loc("a"), pb.input("x", {1, 4, 9, 9}),
                        ArrayRef<int32_t>{3, 3}, b.getDenseI32ArrayAttr({2, 2}),
                        "custom", b.getDenseI32ArrayAttr({1, 1, 0, 0}),
                        /*exclude_padding_from_average=*/true,
                        /*ceil_mode=*/false);
  // (9 + 2 - 3) / 2 + 1 = 5, (9 - 3) / 2 + 1 = 4.
  EXPECT_EQ(shapeOf(avg), (Shape{1, 4, 5, 4}));

  // The builder helpers: same padding, stride 2 -> ceil(9 / 2) = 5.
  PoolOptions same;
  same.padType = "same";
  same.strides = {2, 2};
  Value p = pb.avgPool("ap", pb.input("x", {1, 4, 9, 9}), {3, 3}, same);
  EXPECT_EQ(shapeOf(p), (Shape{1, 4, 5, 5}));
  EXPECT_TRUE(succeeded(verify(p.getDefiningOp())));
  Value m = pb.maxPool("mp", p, {2, 2});
  EXPECT_EQ(shapeOf(m), (Shape{1, 4, 4, 4}));
}

} // namespace
