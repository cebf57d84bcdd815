// layer_norm (with and without gamma/beta, several axes), batch_norm,
// instance_norm, l2_norm vs NumPy (Inputs/ref.py norm_f32): |err| <= 1e-5 +
// 1e-5 |ref|.

// REQUIRES: mil-op-layer_norm, mil-op-batch_norm, mil-op-instance_norm, mil-op-l2_norm

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py norm_f32 %t
// RUN: ane-run run %s --input x=%t/x.npy --input g=%t/g.npy --input b=%t/b.npy --input x4=%t/x4.npy --input mean=%t/mean.npy --input var=%t/var.npy --input g3=%t/g3.npy --input b3=%t/b3.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --atol 1e-5 --rtol 1e-5

!t = tensor<2x3x4xf32>
!t4 = tensor<2x3x2x2xf32>
!c = tensor<3xf32>
func.func @main(%x: !t {mil.name = "x"}, %g: tensor<4xf32> {mil.name = "g"}, %b: tensor<4xf32> {mil.name = "b"},
                %x4: !t4 {mil.name = "x4"}, %mean: !c {mil.name = "mean"}, %var: !c {mil.name = "var"},
                %g3: !c {mil.name = "g3"}, %b3: !c {mil.name = "b3"}) -> (
    !t {mil.name = "ln_last"}, !t {mil.name = "ln_12"}, !t4 {mil.name = "bn"},
    !t4 {mil.name = "inorm"}, !t {mil.name = "l2"}) {
  %0 = "mil.layer_norm"(%x, %g, %b) <{axes = array<i32: -1>, epsilon = 1.000000e-05 : f32, operandSegmentSizes = array<i32: 1, 1, 1>}> : (!t, tensor<4xf32>, tensor<4xf32>) -> !t
  %1 = "mil.layer_norm"(%x) <{axes = array<i32: 1, 2>, epsilon = 1.000000e-03 : f32, operandSegmentSizes = array<i32: 1, 0, 0>}> : (!t) -> !t
  %2 = "mil.batch_norm"(%x4, %mean, %var, %g3, %b3) <{epsilon = 1.000000e-05 : f32, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (!t4, !c, !c, !c, !c) -> !t4
  %3 = "mil.instance_norm"(%x4, %g3, %b3) <{epsilon = 1.000000e-05 : f32, operandSegmentSizes = array<i32: 1, 1, 1>}> : (!t4, !c, !c) -> !t4
  %4 = "mil.l2_norm"(%x) <{epsilon = 1.000000e-06 : f32}> : (!t) -> !t
  return %0, %1, %2, %3, %4 : !t, !t, !t4, !t4, !t
}
