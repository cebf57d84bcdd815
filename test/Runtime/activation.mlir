// Unary ops, activations, softmax and cast vs NumPy (Inputs/ref.py
// unary_f32, unary_f16). fp32: |err| <= 1e-6 + 1e-5 |ref|; NaN (sqrt/log of
// negatives) must be NaN. fp16: within 1 fp16 ulp (rtol 1e-3).

// REQUIRES: mil-op-relu, mil-op-sigmoid, mil-op-tanh, mil-op-silu, mil-op-gelu, mil-op-leaky_relu, mil-op-exp, mil-op-sqrt, mil-op-floor, mil-op-ceil, mil-op-round, mil-op-erf, mil-op-abs, mil-op-square, mil-op-log, mil-op-rsqrt, mil-op-inverse, mil-op-clip, mil-op-softmax, mil-op-cast

// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %npython %refs/ref.py unary_f32 %t/a
// RUN: ane-run run %s --entry unary_f32 --input x=%t/a/x.npy --output-dir %t/a
// RUN: %npython %refs/check_npy.py --dir %t/a --atol 1e-6 --rtol 1e-5
// RUN: %npython %refs/ref.py unary_f16 %t/b
// RUN: ane-run run %s --entry unary_f16 --input x=%t/b/x.npy --output-dir %t/b
// RUN: %npython %refs/check_npy.py --dir %t/b --atol 1e-3 --rtol 1e-3

!t = tensor<4x16xf32>
func.func @unary_f32(%x: !t {mil.name = "x"}) -> (
    !t {mil.name = "relu"}, !t {mil.name = "sigmoid"}, !t {mil.name = "tanh"},
    !t {mil.name = "silu"}, !t {mil.name = "gelu"}, !t {mil.name = "gelu_tanh"},
    !t {mil.name = "leaky_relu"}, !t {mil.name = "exp"}, !t {mil.name = "sqrt"},
    !t {mil.name = "floor"}, !t {mil.name = "ceil"}, !t {mil.name = "round"},
    !t {mil.name = "erf"}, !t {mil.name = "abs"}, !t {mil.name = "square"},
    !t {mil.name = "log"}, !t {mil.name = "rsqrt"}, !t {mil.name = "inverse"},
    !t {mil.name = "clip"}, !t {mil.name = "softmax"}, !t {mil.name = "softmax0"},
    tensor<4x16xi32> {mil.name = "cast_i32"}, tensor<4x16xf16> {mil.name = "cast_f16"}) {
  %0 = "mil.relu"(%x) : (!t) -> !t
  %1 = "mil.sigmoid"(%x) : (!t) -> !t
  %2 = "mil.tanh"(%x) : (!t) -> !t
  %3 = "mil.silu"(%x) : (!t) -> !t
  %4 = "mil.gelu"(%x) <{mode = "EXACT"}> : (!t) -> !t
  %5 = "mil.gelu"(%x) <{mode = "TANH_APPROXIMATION"}> : (!t) -> !t
  %6 = "mil.leaky_relu"(%x) <{alpha = 1.000000e-01 : f32}> : (!t) -> !t
  %7 = "mil.exp"(%x) : (!t) -> !t
  %8 = "mil.sqrt"(%x) : (!t) -> !t
  %9 = "mil.floor"(%x) : (!t) -> !t
  %10 = "mil.ceil"(%x) : (!t) -> !t
  %11 = "mil.round"(%x) : (!t) -> !t
  %12 = "mil.erf"(%x) : (!t) -> !t
  %13 = "mil.abs"(%x) : (!t) -> !t
  %14 = "mil.square"(%x) : (!t) -> !t
  %15 = "mil.log"(%x) : (!t) -> !t
  %16 = "mil.rsqrt"(%x) : (!t) -> !t
  %17 = "mil.inverse"(%x) : (!t) -> !t
  %18 = "mil.clip"(%x) <{alpha = -1.000000e+00 : f32, beta = 2.000000e+00 : f32}> : (!t) -> !t
  %19 = "mil.softmax"(%x) : (!t) -> !t
  %20 = "mil.softmax"(%x) <{axis = 0 : i32}> : (!t) -> !t
  %21 = "mil.cast"(%x) <{dtype = "int32"}> : (!t) -> tensor<4x16xi32>
  %22 = "mil.cast"(%x) <{dtype = "fp16"}> : (!t) -> tensor<4x16xf16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, %16, %17, %18, %19, %20, %21, %22
    : !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, !t, tensor<4x16xi32>, tensor<4x16xf16>
}

func.func @unary_f16(%x: tensor<2x64xf16> {mil.name = "x"}) -> (tensor<2x64xf16> {mil.name = "sigmoid"}, tensor<2x64xf16> {mil.name = "softmax"}) {
  %0 = "mil.sigmoid"(%x) : (tensor<2x64xf16>) -> tensor<2x64xf16>
  %1 = "mil.softmax"(%x) <{axis = -1 : i32}> : (tensor<2x64xf16>) -> tensor<2x64xf16>
  return %0, %1 : tensor<2x64xf16>, tensor<2x64xf16>
}
