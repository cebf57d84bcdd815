// matmul (transposes, batch broadcasting), linear with bias vs NumPy
// (Inputs/ref.py linear_f32): |err| <= 1e-5 + 1e-5 |ref|; an fp16 matmul
// within 1 fp16 ulp (rtol 1e-3).

// REQUIRES: mil-op-matmul, mil-op-linear

// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %npython %refs/ref.py linear_f32 %t/a
// RUN: ane-run run %s --entry linear_f32 --input a=%t/a/a.npy --input b=%t/a/b.npy --input at=%t/a/at.npy --input bt=%t/a/bt.npy --input ab=%t/a/ab.npy --input bb=%t/a/bb.npy --input w=%t/a/w.npy --input bias=%t/a/bias.npy --output-dir %t/a
// RUN: %npython %refs/check_npy.py --dir %t/a --atol 1e-5 --rtol 1e-5
// RUN: %npython %refs/ref.py matmul_f16 %t/b
// RUN: ane-run run %s --entry matmul_f16 --input x=%t/b/x.npy --input y=%t/b/y.npy --output-dir %t/b
// RUN: %npython %refs/check_npy.py --dir %t/b --atol 2e-3 --rtol 1e-3

func.func @linear_f32(%a: tensor<2x3x4xf32> {mil.name = "a"}, %b: tensor<4x5xf32> {mil.name = "b"},
                      %at: tensor<2x4x3xf32> {mil.name = "at"}, %bt: tensor<2x5x4xf32> {mil.name = "bt"},
                      %ab: tensor<3x1x2x4xf32> {mil.name = "ab"}, %bb: tensor<2x4x3xf32> {mil.name = "bb"},
                      %w: tensor<5x4xf32> {mil.name = "w"}, %bias: tensor<5xf32> {mil.name = "bias"}) -> (
    tensor<2x3x5xf32> {mil.name = "mm"}, tensor<2x3x5xf32> {mil.name = "mm_t"},
    tensor<3x2x2x3xf32> {mil.name = "mm_bcast"}, tensor<2x3x5xf32> {mil.name = "linear"}) {
  %0 = "mil.matmul"(%a, %b) : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  %1 = "mil.matmul"(%at, %bt) <{transpose_x = true, transpose_y = true}> : (tensor<2x4x3xf32>, tensor<2x5x4xf32>) -> tensor<2x3x5xf32>
  %2 = "mil.matmul"(%ab, %bb) : (tensor<3x1x2x4xf32>, tensor<2x4x3xf32>) -> tensor<3x2x2x3xf32>
  %3 = "mil.linear"(%a, %w, %bias) : (tensor<2x3x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<2x3x5xf32>
  return %0, %1, %2, %3 : tensor<2x3x5xf32>, tensor<2x3x5xf32>, tensor<3x2x2x3xf32>, tensor<2x3x5xf32>
}

func.func @matmul_f16(%x: tensor<16x64xf16> {mil.name = "x"}, %y: tensor<64x24xf16> {mil.name = "y"}) -> tensor<16x24xf16> {
  %0 = "mil.matmul"(%x, %y) : (tensor<16x64xf16>, tensor<64x24xf16>) -> tensor<16x24xf16>
  return %0 : tensor<16x24xf16>
}
