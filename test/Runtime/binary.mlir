// Binary arithmetic, comparisons, logical ops, select (fp32 and exact int32)
// vs NumPy (Inputs/ref.py binary_f32): |err| <= 1e-6 + 1e-6 |ref|; bool and
// int32 results exactly (the checker compares them as numbers).

// REQUIRES: mil-op-real_div, mil-op-floor_div, mil-op-mod, mil-op-pow, mil-op-maximum, mil-op-minimum, mil-op-less, mil-op-greater_equal, mil-op-equal, mil-op-greater, mil-op-logical_and, mil-op-logical_xor, mil-op-select, mil-op-slice_by_size

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py binary_f32 %t
// RUN: ane-run run %s --input x=%t/x.npy --input y=%t/y.npy --input ix=%t/ix.npy --input iy=%t/iy.npy --input px=%t/px.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --atol 1e-6 --rtol 1e-6

!t = tensor<3x4xf32>
!v = tensor<4xf32>
!b = tensor<3x4xi1>
!i = tensor<3x4xi32>
func.func @main(%x: !t {mil.name = "x"}, %y: !v {mil.name = "y"}, %ix: !i {mil.name = "ix"}, %iy: tensor<4xi32> {mil.name = "iy"}, %px: !t {mil.name = "px"}) -> (
    !t {mil.name = "real_div"}, !t {mil.name = "floor_div"}, !t {mil.name = "mod"},
    !t {mil.name = "pow"}, !t {mil.name = "maximum"}, !t {mil.name = "minimum"},
    !b {mil.name = "less"}, !b {mil.name = "greater_equal"}, !b {mil.name = "equal"},
    !b {mil.name = "logical_and"}, !b {mil.name = "logical_xor"}, !t {mil.name = "select"},
    !i {mil.name = "ifloor_div"}, !i {mil.name = "imod"}, !i {mil.name = "isub"}) {
  %0 = "mil.real_div"(%x, %y) : (!t, !v) -> !t
  %1 = "mil.floor_div"(%x, %y) : (!t, !v) -> !t
  %2 = "mil.mod"(%x, %y) : (!t, !v) -> !t
  %3 = "mil.pow"(%px, %y) : (!t, !v) -> !t
  %4 = "mil.maximum"(%x, %y) : (!t, !v) -> !t
  %5 = "mil.minimum"(%x, %y) : (!t, !v) -> !t
  %6 = "mil.less"(%x, %y) : (!t, !v) -> !b
  %7 = "mil.greater_equal"(%x, %y) : (!t, !v) -> !b
  %row = "mil.slice_by_size"(%x) <{begin = array<i32: 0, 0>, size = array<i32: 1, 4>}> : (!t) -> tensor<1x4xf32>
  %8 = "mil.equal"(%x, %row) : (!t, tensor<1x4xf32>) -> !b
  %zero = mil.const {val = dense<0.0> : tensor<1xf32>} : tensor<1xf32>
  %pos = "mil.greater"(%x, %zero) : (!t, tensor<1xf32>) -> !b
  %9 = "mil.logical_and"(%6, %pos) : (!b, !b) -> !b
  %10 = "mil.logical_xor"(%6, %pos) : (!b, !b) -> !b
  %11 = "mil.select"(%6, %x, %y) : (!b, !t, !v) -> !t
  %12 = "mil.floor_div"(%ix, %iy) : (!i, tensor<4xi32>) -> !i
  %13 = "mil.mod"(%ix, %iy) : (!i, tensor<4xi32>) -> !i
  %14 = "mil.sub"(%ix, %iy) : (!i, tensor<4xi32>) -> !i
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14
    : !t, !t, !t, !t, !t, !t, !b, !b, !b, !b, !b, !t, !i, !i, !i
}
