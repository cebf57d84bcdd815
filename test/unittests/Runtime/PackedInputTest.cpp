//===- PackedInputTest.cpp - Host-side packing of mil_packed_input -------===//
//
// The attribute reader against the documented format (pieces, defaults,
// malformed entries), packing and unpacking host tensors element by element,
// and the Kernel wrapper that takes the original inputs.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/PackedInput.h"
#include "DialectTest.h"

#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace ane::runtime;

namespace {

class PackedInputTest : public ane::test::DialectTest {
protected:
  mlir::func::FuncOp main(mlir::ModuleOp m) {
    return m.lookupSymbol<mlir::func::FuncOp>("main");
  }
};

/// A [1, 4, 1, 9] fp32 input holding a [1, 2, 1, 3] input "a" (channels 0-1,
/// positions 0-2), a [6] input "b" (channel 0, positions 3-8) and, after
/// activation_width 9, nothing; "y" = a + 1 is returned.
constexpr const char *kProgram = R"mlir(
func.func @main(%p: tensor<1x4x1x9xf32> {mil.name = "p"}) -> tensor<1x2x1x3xf32>
    attributes {mil_packed_input = {activation_width = 9 : i64, inputs = [
      {name = "a", offset = 0 : i64, width = 3 : i64, channels = 2 : i64, shape = array<i64: 1, 2, 1, 3>},
      {name = "b", offset = 3 : i64, width = 6 : i64, channels = 1 : i64, shape = array<i64: 6>}]}} {
  %a = mil.slice_by_size %p begin = [0, 0, 0, 0] size = [1, 2, 1, 3] : tensor<1x4x1x9xf32>
  %one = mil.const {val = dense<1.0> : tensor<1x1x1x1xf32>} : tensor<1x1x1x1xf32>
  %y = mil.add %a, %one : (tensor<1x2x1x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x2x1x3xf32>
  return %y : tensor<1x2x1x3xf32>
}
)mlir";

Tensor iota(llvm::ArrayRef<int64_t> shape, float start) {
  Tensor t(DType::F32, shape);
  for (int64_t i = 0; i < t.numElements(); ++i)
    t.data<float>()[i] = start + i;
  return t;
}

TEST_F(PackedInputTest, PacksAndUnpacksPerTheDocumentedLayout) {
  auto m = parse(kProgram);
  ASSERT_TRUE(m);
  auto packed = readPackedInput(main(*m));
  ASSERT_TRUE(bool(packed)) << llvm::toString(packed.takeError());
  ASSERT_TRUE(packed->has_value());
  const PackedInput &p = **packed;
  EXPECT_EQ(p.packed.name, "p");
  std::vector<TensorSpec> specs = p.pieceSpecs();
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].name, "a");
  EXPECT_EQ(specs[1].name, "b");
  EXPECT_EQ(specs[1].shape, Shape{6});

  Tensor a = iota({1, 2, 1, 3}, 1), b = iota({6}, 10);
  auto t = packTensors(p, {&a, &b});
  ASSERT_TRUE(bool(t)) << llvm::toString(t.takeError());
  // Element (c, s) of [1, 4, 1, 9] is at c * 9 + s.
  std::vector<float> expected(36, 0.f);
  for (int c = 0; c < 2; ++c)
    for (int s = 0; s < 3; ++s)
      expected[c * 9 + s] = 1 + c * 3 + s;
  for (int s = 0; s < 6; ++s)
    expected[3 + s] = 10 + s;
  EXPECT_EQ(std::vector<float>(t->data<float>(), t->data<float>() + 36),
            expected);

  auto back = unpackTensor(p, *t);
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  ASSERT_EQ(back->size(), 2u);
  for (auto [orig, got] :
       llvm::zip(std::vector<const Tensor *>{&a, &b}, *back)) {
    ASSERT_EQ(got.shape(), orig->shape());
    EXPECT_EQ(0, std::memcmp(got.raw(), orig->raw(), orig->byteSize()));
  }

  Tensor wrong = iota({1, 3, 1, 2}, 0);
  auto bad = packTensors(p, {&wrong, &b});
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()),
            "packed piece 'a' expects fp32 1x2x1x3, got fp32 1x3x1x2");
  auto few = packTensors(p, {&a});
  ASSERT_FALSE(bool(few));
  EXPECT_EQ(llvm::toString(few.takeError()), "packing needs 2 tensors, got 1");
  auto notPacked = unpackTensor(p, a);
  ASSERT_FALSE(bool(notPacked));
  EXPECT_EQ(llvm::toString(notPacked.takeError()),
            "packed input 'p' expects fp32 1x4x1x9, got fp32 1x2x1x3");
}

TEST_F(PackedInputTest, KernelTakesTheOriginalInputs) {
  auto m = parse(kProgram);
  ASSERT_TRUE(m);
  auto kernel = createCpuBackend()->compile(*m, "main");
  ASSERT_TRUE(bool(kernel)) << llvm::toString(kernel.takeError());
  auto k = withOriginalInputs(std::move(*kernel), *m, "main");
  ASSERT_TRUE(bool(k)) << llvm::toString(k.takeError());
  ASSERT_EQ((*k)->inputs().size(), 2u);
  Tensor a = iota({1, 2, 1, 3}, 5), b = iota({6}, 0);
  ASSERT_FALSE(bool((*k)->setInput(0, a)));
  ASSERT_FALSE(bool((*k)->setInput(1, b)));
  ASSERT_FALSE(bool((*k)->eval()));
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ((*k)->output(0).data<float>()[i], 6 + i);
  // A new value is packed again before the next eval.
  Tensor a2 = iota({1, 2, 1, 3}, -3);
  ASSERT_FALSE(bool((*k)->setInput(0, a2)));
  ASSERT_FALSE(bool((*k)->eval()));
  EXPECT_EQ((*k)->output(0).data<float>()[0], -2);
  // Each piece is checked against its own spec.
  EXPECT_EQ(llvm::toString((*k)->setInput(0, b)),
            "input 'a' expects fp32 1x2x1x3, got fp32 6");
}

TEST_F(PackedInputTest, WithoutAttributeAndWithActivationOnly) {
  auto plain = parse("func.func @main(%x: tensor<1x2x1x4xf16>) -> "
                     "tensor<1x2x1x4xf16> { return %x : tensor<1x2x1x4xf16> }");
  ASSERT_TRUE(plain);
  auto none = readPackedInput(main(*plain));
  ASSERT_TRUE(bool(none));
  EXPECT_FALSE(none->has_value());

  // mil-pack-dynamic-weights' form: the activation is named like the input.
  auto m = parse(R"mlir(
func.func @main(%x: tensor<1x2x1x7xf16>) -> tensor<1x2x1x7xf16>
    attributes {mil_packed_input = {activation_width = 4 : i64, weights = [
      {name = "w", offset = 4 : i64, width = 3 : i64, shape = array<i64: 3, 2>}]}} {
  return %x : tensor<1x2x1x7xf16>
}
)mlir");
  ASSERT_TRUE(m);
  auto p = readPackedInput(main(*m));
  ASSERT_TRUE(bool(p)) << llvm::toString(p.takeError());
  std::vector<TensorSpec> specs = (*p)->pieceSpecs();
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].name, "arg0");
  EXPECT_EQ(specs[0].shape, (Shape{1, 2, 1, 4}));
  EXPECT_EQ(specs[1].name, "w");
  EXPECT_EQ((*p)->pieces()[1].channels, 2);
}

TEST_F(PackedInputTest, MalformedAttributes) {
  auto error = [&](llvm::StringRef attr) {
    std::string text = "func.func @main(%x: tensor<1x4x1x8xf16>) -> "
                       "tensor<1x4x1x8xf16> attributes {mil_packed_input = " +
                       attr.str() + "} { return %x : tensor<1x4x1x8xf16> }";
    auto m = parse(text);
    EXPECT_TRUE(m);
    auto p = readPackedInput(main(*m));
    EXPECT_FALSE(bool(p));
    return p ? std::string() : llvm::toString(p.takeError());
  };
  EXPECT_EQ(error("{weights = []}"),
            "malformed 'mil_packed_input': no integer activation_width");
  EXPECT_EQ(error("{activation_width = 9 : i64}"),
            "malformed 'mil_packed_input': activation_width 9 exceeds the "
            "input width 8");
  EXPECT_EQ(
      error("{activation_width = 8 : i64, inputs = [{name = \"a\", "
            "offset = 6 : i64, width = 4 : i64, shape = array<i64: 16>}]}"),
      "malformed 'mil_packed_input': input 'a' at offset 6 of width 4 "
      "and 4 channels lies outside the packed input [1, 4, 1, 8]");
  EXPECT_EQ(error("{activation_width = 8 : i64, inputs = [{name = \"a\", "
                  "offset = 0 : i64, width = 4 : i64, channels = 2 : i64, "
                  "shape = array<i64: 4>}]}"),
            "malformed 'mil_packed_input': input 'a' has shape 4 but width 4 "
            "at C = 2");
  EXPECT_EQ(error("{activation_width = 8 : i64, inputs = [{name = \"a\"}]}"),
            "malformed 'mil_packed_input': input entry {name = \"a\"} needs "
            "name, offset, width, shape (and integer channels)");
}

} // namespace
