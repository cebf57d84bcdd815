// reduce_* with axes / keep_dims and reduce_argmax/argmin (ties take the
// first index; iOS17's output_dtype = "uint16") vs NumPy (Inputs/ref.py reduce_f32): |err| <= 1e-6 + 1e-5 |ref|.

// REQUIRES: mil-op-reduce_sum, mil-op-reduce_mean, mil-op-reduce_max, mil-op-reduce_prod, mil-op-reduce_l2_norm, mil-op-reduce_log_sum_exp, mil-op-reduce_sum_square, mil-op-reduce_min, mil-op-reduce_argmax, mil-op-reduce_argmin

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py reduce_f32 %t
// RUN: ane-run run %s --input x=%t/x.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --atol 1e-6 --rtol 1e-5

!t = tensor<2x3x4xf32>
func.func @main(%x: !t {mil.name = "x"}) -> (
    tensor<2x4xf32> {mil.name = "sum"}, tensor<2x3x1xf32> {mil.name = "mean"},
    tensor<f32> {mil.name = "max"}, tensor<3xf32> {mil.name = "prod"},
    tensor<2x3xf32> {mil.name = "l2"}, tensor<2x4xf32> {mil.name = "lse"},
    tensor<3x4xf32> {mil.name = "sumsq"}, tensor<2x3x1xf32> {mil.name = "min"},
    tensor<2x4xi32> {mil.name = "argmax"}, tensor<2x3xi32> {mil.name = "argmin"},
    tensor<2x3xui16> {mil.name = "argmax_u16"}) attributes {mil.opset = "ios17"} {
  %0 = "mil.reduce_sum"(%x) <{axes = array<i32: 1>}> : (!t) -> tensor<2x4xf32>
  %1 = "mil.reduce_mean"(%x) <{axes = array<i32: -1>, keep_dims = true}> : (!t) -> tensor<2x3x1xf32>
  %2 = "mil.reduce_max"(%x) : (!t) -> tensor<f32>
  %3 = "mil.reduce_prod"(%x) <{axes = array<i32: 0, 2>}> : (!t) -> tensor<3xf32>
  %4 = "mil.reduce_l2_norm"(%x) <{axes = array<i32: 2>}> : (!t) -> tensor<2x3xf32>
  %5 = "mil.reduce_log_sum_exp"(%x) <{axes = array<i32: 1>}> : (!t) -> tensor<2x4xf32>
  %6 = "mil.reduce_sum_square"(%x) <{axes = array<i32: 0>}> : (!t) -> tensor<3x4xf32>
  %7 = "mil.reduce_min"(%x) <{axes = array<i32: 2>, keep_dims = true}> : (!t) -> tensor<2x3x1xf32>
  %8 = "mil.reduce_argmax"(%x) <{axis = 1 : i32}> : (!t) -> tensor<2x4xi32>
  %9 = "mil.reduce_argmin"(%x) : (!t) -> tensor<2x3xi32>
  %10 = "mil.reduce_argmax"(%x) <{output_dtype = "uint16"}> : (!t) -> tensor<2x3xui16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10 : tensor<2x4xf32>, tensor<2x3x1xf32>, tensor<f32>, tensor<3xf32>, tensor<2x3xf32>, tensor<2x4xf32>, tensor<3x4xf32>, tensor<2x3x1xf32>, tensor<2x4xi32>, tensor<2x3xi32>, tensor<2x3xui16>
}
