// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -mil-rmsnorm-ane-form -o %t/after.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file %t/after.mlir
// RUN: ane-run run %s --random-inputs --seed 15 --output-dir %t/before
// RUN: ane-run run %t/after.mlir --random-inputs --seed 15 --output-dir %t/after
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/after --elem-ulp 4 --max-ulp 4 | FileCheck %s

// Numeric check of mil-rmsnorm-ane-form on the reshaped and sum forms
// through the CPU interpreter: a reduce_mean without keep_dims restored by
// expand_dims (fp16) or reshape (fp32), and reduce_sum * (1/D) under an
// rsqrt (fp16). Same bound as the keep_dims forms: 4 ulp(|y|) +
// 4 ulp(max |y|) of the output dtype.

// IR-NOT: mil.rsqrt
// IR-NOT: mil.reduce_mean
// IR-NOT: mil.expand_dims
// IR-NOT: mil.reshape
// CHECK-COUNT-3: ok: max err
func.func @main(%x16: tensor<4x64xf16>, %x32: tensor<1x48x1x16xf32>) -> (tensor<4x64xf16> {mil.name = "a"}, tensor<1x48x1x16xf32> {mil.name = "b"}, tensor<4x64xf16> {mil.name = "c"}) {
  %eps16 = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %eps32 = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %invd = mil.const {val = dense<0.015625> : tensor<f16>} : tensor<f16>
  %sq = mil.mul %x16, %x16 : (tensor<4x64xf16>, tensor<4x64xf16>) -> tensor<4x64xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: -1>} : (tensor<4x64xf16>) -> tensor<4xf16>
  %me = mil.expand_dims %m axes = [-1] : tensor<4xf16>
  %v = mil.add %me, %eps16 : (tensor<4x1xf16>, tensor<f16>) -> tensor<4x1xf16>
  %r = mil.rsqrt %v : tensor<4x1xf16>
  %a = mil.mul %x16, %r : (tensor<4x64xf16>, tensor<4x1xf16>) -> tensor<4x64xf16>
  %sq2 = mil.mul %x32, %x32 : (tensor<1x48x1x16xf32>, tensor<1x48x1x16xf32>) -> tensor<1x48x1x16xf32>
  %m2 = mil.reduce_mean %sq2 {axes = array<i32: 1>} : (tensor<1x48x1x16xf32>) -> tensor<1x1x16xf32>
  %v2 = mil.add %m2, %eps32 : (tensor<1x1x16xf32>, tensor<f32>) -> tensor<1x1x16xf32>
  %v2r = mil.reshape %v2 shape = [1, 1, 1, 16] : tensor<1x1x16xf32> -> tensor<1x1x1x16xf32>
  %r2 = mil.rsqrt %v2r : tensor<1x1x1x16xf32>
  %b = mil.mul %r2, %x32 : (tensor<1x1x1x16xf32>, tensor<1x48x1x16xf32>) -> tensor<1x48x1x16xf32>
  %sq3 = mil.mul %x16, %x16 : (tensor<4x64xf16>, tensor<4x64xf16>) -> tensor<4x64xf16>
  %s3 = mil.reduce_sum %sq3 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x64xf16>) -> tensor<4x1xf16>
  %m3 = mil.mul %s3, %invd : (tensor<4x1xf16>, tensor<f16>) -> tensor<4x1xf16>
  %v3 = mil.add %m3, %eps16 : (tensor<4x1xf16>, tensor<f16>) -> tensor<4x1xf16>
  %r3 = mil.rsqrt %v3 : tensor<4x1xf16>
  %c = mil.mul %x16, %r3 : (tensor<4x64xf16>, tensor<4x1xf16>) -> tensor<4x64xf16>
  return %a, %b, %c : tensor<4x64xf16>, tensor<1x48x1x16xf32>, tensor<4x64xf16>
}
