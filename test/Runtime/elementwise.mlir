// Elementwise ops through ane-run against NumPy references (Inputs/ref.py):
// fp16 results must match NumPy's fp16 arithmetic (fp32 compute, round to
// fp16 at each op) exactly; fp32 within 1e-6; int32 exactly.

// RUN: rm -rf %t && mkdir -p %t/a %t/b %t/c
// RUN: %npython %refs/ref.py add_broadcast_f16 %t/a
// RUN: ane-run run %s --entry add_broadcast_f16 --input x=%t/a/x.npy --input y=%t/a/y.npy --output-dir %t/a
// RUN: %npython %refs/check_npy.py %t/a/output0.npy %t/a/expected_output0.npy --exact
// RUN: %npython %refs/ref.py sub_mul_f32 %t/b
// RUN: ane-run run %s --entry sub_mul_f32 --input x=%t/b/x.npy --input y=%t/b/y.npy --output-dir %t/b
// RUN: %npython %refs/check_npy.py %t/b/output0.npy %t/b/expected_output0.npy --atol 1e-6 --rtol 1e-6
// RUN: %npython %refs/ref.py mul_i32 %t/c
// RUN: ane-run run %s --entry mul_i32 --input x=%t/c/x.npy --input y=%t/c/y.npy --output-dir %t/c
// RUN: %npython %refs/check_npy.py %t/c/output0.npy %t/c/expected_output0.npy --exact

func.func @add_broadcast_f16(%x: tensor<1x8x1x16xf16> {mil.name = "x"}, %y: tensor<1x8x1x1xf16> {mil.name = "y"}) -> tensor<1x8x1x16xf16> {
  %0 = mil.add %x, %y : (tensor<1x8x1x16xf16>, tensor<1x8x1x1xf16>) -> tensor<1x8x1x16xf16>
  return %0 : tensor<1x8x1x16xf16>
}

func.func @sub_mul_f32(%x: tensor<3x5xf32> {mil.name = "x"}, %y: tensor<5xf32> {mil.name = "y"}) -> tensor<3x5xf32> {
  %0 = mil.sub %x, %y : (tensor<3x5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  %1 = mil.mul %0, %x : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  return %1 : tensor<3x5xf32>
}

func.func @mul_i32(%x: tensor<2x3xi32> {mil.name = "x"}, %y: tensor<3xi32> {mil.name = "y"}) -> tensor<2x3xi32> {
  %0 = mil.mul %x, %y : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %1 = mil.add %0, %x : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return %1 : tensor<2x3xi32>
}
