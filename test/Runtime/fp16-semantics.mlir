// fp16 storage semantics: every op computes in fp32 and rounds its result to
// fp16, so (x * 3) - x overflows to inf for large x and differs from 2x;
// a 32-op chain matches NumPy's per-op fp16 rounding bit for bit.

// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %npython %refs/ref.py fp16_rounding %t/a
// RUN: ane-run run %s --entry fp16_rounding --input x=%t/a/x.npy --output-dir %t/a | FileCheck %s
// RUN: %npython %refs/check_npy.py %t/a/output0.npy %t/a/expected_output0.npy --exact
// RUN: %npython %refs/ref.py chain_f16 %t/b
// RUN: ane-run run %s --entry chain_f16 --input x=%t/b/x.npy --output-dir %t/b
// RUN: %npython %refs/check_npy.py %t/b/output0.npy %t/b/expected_output0.npy --exact

// CHECK: output0: fp16 6  min {{.*}} non-finite 2

func.func @fp16_rounding(%x: tensor<6xf16> {mil.name = "x"}) -> tensor<6xf16> {
  %three = mil.const {val = dense<3.0> : tensor<f16>} : tensor<f16>
  %0 = mil.mul %x, %three : (tensor<6xf16>, tensor<f16>) -> tensor<6xf16>
  %1 = mil.sub %0, %x : (tensor<6xf16>, tensor<6xf16>) -> tensor<6xf16>
  return %1 : tensor<6xf16>
}

func.func @chain_f16(%x: tensor<1x32x1x64xf16> {mil.name = "x"}) -> tensor<1x32x1x64xf16> {
  %h = mil.const {val = dense<0.5> : tensor<1xf16>} : tensor<1xf16>
  %a0 = mil.add %x, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m0 = mil.mul %a0, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a1 = mil.add %m0, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m1 = mil.mul %a1, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a2 = mil.add %m1, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m2 = mil.mul %a2, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a3 = mil.add %m2, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m3 = mil.mul %a3, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a4 = mil.add %m3, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m4 = mil.mul %a4, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a5 = mil.add %m4, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m5 = mil.mul %a5, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a6 = mil.add %m5, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m6 = mil.mul %a6, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a7 = mil.add %m6, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m7 = mil.mul %a7, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a8 = mil.add %m7, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m8 = mil.mul %a8, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a9 = mil.add %m8, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m9 = mil.mul %a9, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a10 = mil.add %m9, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m10 = mil.mul %a10, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a11 = mil.add %m10, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m11 = mil.mul %a11, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a12 = mil.add %m11, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m12 = mil.mul %a12, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a13 = mil.add %m12, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m13 = mil.mul %a13, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a14 = mil.add %m13, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m14 = mil.mul %a14, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  %a15 = mil.add %m14, %x : (tensor<1x32x1x64xf16>, tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  %m15 = mil.mul %a15, %h : (tensor<1x32x1x64xf16>, tensor<1xf16>) -> tensor<1x32x1x64xf16>
  return %m15 : tensor<1x32x1x64xf16>
}
