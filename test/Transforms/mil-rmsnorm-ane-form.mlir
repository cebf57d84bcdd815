// RUN: ane-opt %s -mil-rmsnorm-ane-form -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-rmsnorm-ane-form -split-input-file | ane-opt -mil-rmsnorm-ane-form -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-rmsnorm-ane-form -split-input-file | FileCheck %s --check-prefix=CONSTS
// RUN: ane-opt %s -mil-rmsnorm-ane-form=prescale=true -split-input-file | FileCheck %s --check-prefix=PRE
// RUN: ane-opt %s -mil-rmsnorm-ane-form=prescale=true -split-input-file | ane-opt -mil-rmsnorm-ane-form=prescale=true -split-input-file | FileCheck %s --check-prefix=PRE

// reduce_mean(x * x) + eps → rsqrt → mul x → mul gamma, over the channels
// of [1, C, 1, S] (D = 8): the training-kernel sequence, gamma untouched.
// CHECK-LABEL: func @rsqrt_form
func.func @rsqrt_form(%x: tensor<1x8x1x4xf16>) -> tensor<1x8x1x4xf16> {
  // The new constants sit right before their use (program order is kept).
  // CHECK: %[[SQ:.*]] = mil.mul %[[X:.*]], %[[X]]
  // CHECK: %[[SS:.*]] = mil.reduce_sum %[[SQ]] {axes = array<i32: 1>, keep_dims = true}
  // CHECK: %[[INVD:.*]] = mil.const {val = dense<1.250000e-01> : tensor<f16>}
  // CHECK: %[[MS:.*]] = mil.mul %[[SS]], %[[INVD]]
  // CHECK: %[[EPS:.*]] = mil.const {val = dense<1.001360e-05> : tensor<f16>}
  // CHECK: %[[V:.*]] = mil.add %[[MS]], %[[EPS]]
  // CHECK: %[[NHALF:.*]] = mil.const {val = dense<-5.000000e-01> : tensor<f16>}
  // CHECK: %[[R:.*]] = mil.pow %[[V]], %[[NHALF]]
  // CHECK: %[[Y:.*]] = mil.mul %[[X]], %[[R]]
  // CHECK: %[[G:.*]] = mil.mul %[[Y]], %{{.*}}
  // CHECK: return %[[G]]
  // CHECK-NOT: mil.rsqrt
  // With prescale, x * (1/sqrt(8)) is squared and summed; no 1/D mul.
  // PRE-LABEL: func @rsqrt_form
  // PRE: %[[RSQRTD:.*]] = mil.const {val = dense<3.535160e-01> : tensor<f16>}
  // PRE: %[[XS:.*]] = mil.mul %[[X:.*]], %[[RSQRTD]]
  // PRE: %[[SQ:.*]] = mil.mul %[[XS]], %[[XS]]
  // PRE: %[[SS:.*]] = mil.reduce_sum %[[SQ]] {axes = array<i32: 1>, keep_dims = true}
  // PRE: %[[EPS:.*]] = mil.const {val = dense<1.001360e-05> : tensor<f16>}
  // PRE: %[[V:.*]] = mil.add %[[SS]], %[[EPS]]
  // PRE: %[[NHALF:.*]] = mil.const {val = dense<-5.000000e-01> : tensor<f16>}
  // PRE: %[[R:.*]] = mil.pow %[[V]], %[[NHALF]]
  // PRE: %[[Y:.*]] = mil.mul %[[X]], %[[R]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %g = mil.const {val = dense<2.0> : tensor<1x8x1x1xf16>} : tensor<1x8x1x1xf16>
  %sq = mil.mul %x, %x : (tensor<1x8x1x4xf16>, tensor<1x8x1x4xf16>) -> tensor<1x8x1x4xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x8x1x4xf16>) -> tensor<1x1x1x4xf16>
  %v = mil.add %m, %eps : (tensor<1x1x1x4xf16>, tensor<f16>) -> tensor<1x1x1x4xf16>
  %r = mil.rsqrt %v : tensor<1x1x1x4xf16>
  %y = mil.mul %x, %r : (tensor<1x8x1x4xf16>, tensor<1x1x1x4xf16>) -> tensor<1x8x1x4xf16>
  %z = mil.mul %y, %g : (tensor<1x8x1x4xf16>, tensor<1x8x1x1xf16>) -> tensor<1x8x1x4xf16>
  return %z : tensor<1x8x1x4xf16>
}

// -----

// x / sqrt(mean(square(x)) + eps) over the last dim; rsqrt operand order
// swapped; pow(x, 2) with pow(., -0.5); rsqrt's own epsilon (no add).
// CHECK-LABEL: func @other_forms
func.func @other_forms(%x: tensor<2x16xf32>) -> (tensor<2x16xf32>, tensor<2x16xf32>, tensor<2x16xf32>) {
  // CONSTS-LABEL: func @other_forms
  // CONSTS-DAG: mil.const {val = dense<6.250000e-02> : tensor<f32>}
  // CONSTS-DAG: mil.const {val = dense<9.99999997E-7> : tensor<f32>}
  // CONSTS-DAG: mil.const {val = dense<2.500000e-01> : tensor<f32>}
  // CONSTS-DAG: mil.const {val = dense<1.000000e-03> : tensor<f32>}
  // CHECK-COUNT-3: mil.reduce_sum %{{.*}} {axes = array<i32: -1>, keep_dims = true}
  // CHECK-NOT: mil.reduce_mean
  // CHECK-NOT: mil.rsqrt
  // CHECK-NOT: mil.sqrt
  // CHECK-NOT: mil.real_div
  // CHECK-NOT: mil.square
  %eps = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %two = mil.const {val = dense<2.0> : tensor<f32>} : tensor<f32>
  %nh = mil.const {val = dense<-0.5> : tensor<f32>} : tensor<f32>
  %eps2 = mil.const {val = dense<0.25> : tensor<1xf32>} : tensor<1xf32>
  %sq = mil.square %x : tensor<2x16xf32>
  %m = mil.reduce_mean %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf32>) -> tensor<2x1xf32>
  %v = mil.add %eps, %m : (tensor<f32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  %s = mil.sqrt %v : tensor<2x1xf32>
  %a = mil.real_div %x, %s : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  %sq2 = mil.pow %x, %two : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x16xf32>
  %m2 = mil.reduce_mean %sq2 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf32>) -> tensor<2x1xf32>
  %v2 = mil.add %m2, %eps2 : (tensor<2x1xf32>, tensor<1xf32>) -> tensor<2x1xf32>
  %r2 = mil.pow %v2, %nh : (tensor<2x1xf32>, tensor<f32>) -> tensor<2x1xf32>
  %b = mil.mul %r2, %x : (tensor<2x1xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %sq3 = mil.mul %x, %x : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %m3 = mil.reduce_mean %sq3 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf32>) -> tensor<2x1xf32>
  %r3 = mil.rsqrt %m3 {epsilon = 1.0e-3 : f32} : tensor<2x1xf32>
  %c = mil.mul %x, %r3 : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  return %a, %b, %c : tensor<2x16xf32>, tensor<2x16xf32>, tensor<2x16xf32>
}

// -----

// A reduction without keep_dims restored by expand_dims (before the add) or
// reshape (after it), and the sum form reduce_sum(x²) * (1/D) under an
// rsqrt: all become the kernel form (keeping the program's 1/D constant).
// CHECK-LABEL: func @reshaped_and_sum_forms
func.func @reshaped_and_sum_forms(%x: tensor<2x16xf16>, %y: tensor<1x8x1x4xf32>) -> (tensor<2x16xf16>, tensor<1x8x1x4xf32>, tensor<2x16xf16>) {
  // CHECK: %[[SS1:.*]] = mil.reduce_sum %{{.*}} {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  // CHECK: mil.const {val = dense<6.250000e-02> : tensor<f16>}
  // CHECK: mil.pow
  // CHECK: %[[SS2:.*]] = mil.reduce_sum %{{.*}} {axes = array<i32: 1>, keep_dims = true} : (tensor<1x8x1x4xf32>) -> tensor<1x1x1x4xf32>
  // CHECK: mil.const {val = dense<1.250000e-01> : tensor<f32>}
  // CHECK: mil.pow
  // CHECK: mil.reduce_sum %{{.*}} {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  // CHECK: mil.const {val = dense<6.250000e-02> : tensor<f16>}
  // CHECK: mil.pow
  // CHECK-NOT: mil.rsqrt
  // CHECK-NOT: mil.reduce_mean
  // CHECK-NOT: mil.expand_dims
  // CHECK-NOT: mil.reshape
  %eps16 = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %eps32 = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %invd = mil.const {val = dense<0.0625> : tensor<f16>} : tensor<f16>
  %sq = mil.mul %x, %x : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: -1>} : (tensor<2x16xf16>) -> tensor<2xf16>
  %me = mil.expand_dims %m axes = [-1] : tensor<2xf16>
  %v = mil.add %me, %eps16 : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r = mil.rsqrt %v : tensor<2x1xf16>
  %a = mil.mul %x, %r : (tensor<2x16xf16>, tensor<2x1xf16>) -> tensor<2x16xf16>
  %sq2 = mil.mul %y, %y : (tensor<1x8x1x4xf32>, tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32>
  %m2 = mil.reduce_mean %sq2 {axes = array<i32: 1>} : (tensor<1x8x1x4xf32>) -> tensor<1x1x4xf32>
  %v2 = mil.add %m2, %eps32 : (tensor<1x1x4xf32>, tensor<f32>) -> tensor<1x1x4xf32>
  %v2r = mil.reshape %v2 shape = [1, 1, 1, 4] : tensor<1x1x4xf32> -> tensor<1x1x1x4xf32>
  %r2 = mil.rsqrt %v2r : tensor<1x1x1x4xf32>
  %b = mil.mul %r2, %y : (tensor<1x1x1x4xf32>, tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32>
  %sq3 = mil.mul %x, %x : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %s3 = mil.reduce_sum %sq3 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  %m3 = mil.mul %invd, %s3 : (tensor<f16>, tensor<2x1xf16>) -> tensor<2x1xf16>
  %v3 = mil.add %m3, %eps16 : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r3 = mil.rsqrt %v3 : tensor<2x1xf16>
  %c = mil.mul %x, %r3 : (tensor<2x16xf16>, tensor<2x1xf16>) -> tensor<2x16xf16>
  return %a, %b, %c : tensor<2x16xf16>, tensor<1x8x1x4xf32>, tensor<2x16xf16>
}

// -----

// Already the kernel form (reduce_sum, * 1/D, + eps, pow -0.5): unchanged,
// with or without prescale.
// CHECK-LABEL: func @kernel_form
// PRE-LABEL: func @kernel_form
func.func @kernel_form(%x: tensor<2x16xf16>) -> tensor<2x16xf16> {
  // CHECK: %[[SQ:.*]] = mil.mul %arg0, %arg0
  // CHECK: %[[SS:.*]] = mil.reduce_sum %[[SQ]]
  // CHECK: %[[MS:.*]] = mil.mul %[[SS]], %{{.*}}
  // CHECK: %[[V:.*]] = mil.add %[[MS]], %{{.*}}
  // CHECK: %[[R:.*]] = mil.pow %[[V]], %{{.*}}
  // CHECK: %[[Y:.*]] = mil.mul %arg0, %[[R]]
  // CHECK: return %[[Y]]
  // PRE: %[[SQ:.*]] = mil.mul %arg0, %arg0
  // PRE: mil.reduce_sum %[[SQ]]
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %invd = mil.const {val = dense<0.0625> : tensor<f16>} : tensor<f16>
  %nh = mil.const {val = dense<-0.5> : tensor<f16>} : tensor<f16>
  %sq = mil.mul %x, %x : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %ss = mil.reduce_sum %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  %ms = mil.mul %ss, %invd : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %v = mil.add %ms, %eps : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r = mil.pow %v, %nh : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %y = mil.mul %x, %r : (tensor<2x16xf16>, tensor<2x1xf16>) -> tensor<2x16xf16>
  return %y : tensor<2x16xf16>
}

// -----

// Negative: the restoring expand_dims puts the reduced dim back on the
// wrong axis (reduced over dim 0 of [2, 2], restored as [2, 1]), and a sum
// scaled by something other than 1/D.
// CHECK-LABEL: func @not_restored
func.func @not_restored(%x: tensor<2x2xf16>, %z: tensor<2x16xf16>) -> (tensor<2x2xf16>, tensor<2x16xf16>) {
  // CHECK: mil.reduce_mean
  // CHECK: mil.expand_dims
  // CHECK: mil.rsqrt
  // CHECK: mil.reduce_sum
  // CHECK: mil.rsqrt
  // CHECK-NOT: mil.pow
  %c = mil.const {val = dense<0.1> : tensor<f16>} : tensor<f16>
  %sq = mil.mul %x, %x : (tensor<2x2xf16>, tensor<2x2xf16>) -> tensor<2x2xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: 0>} : (tensor<2x2xf16>) -> tensor<2xf16>
  %me = mil.expand_dims %m axes = [-1] : tensor<2xf16>
  %r = mil.rsqrt %me : tensor<2x1xf16>
  %a = mil.mul %x, %r : (tensor<2x2xf16>, tensor<2x1xf16>) -> tensor<2x2xf16>
  %sq2 = mil.mul %z, %z : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %s2 = mil.reduce_sum %sq2 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  %m2 = mil.mul %s2, %c : (tensor<2x1xf16>, tensor<f16>) -> tensor<2x1xf16>
  %r2 = mil.rsqrt %m2 : tensor<2x1xf16>
  %b = mil.mul %z, %r2 : (tensor<2x16xf16>, tensor<2x1xf16>) -> tensor<2x16xf16>
  return %a, %b : tensor<2x2xf16>, tensor<2x16xf16>
}

// -----

// Negative: the squares are of another value, keep_dims is false, and an
// intermediate has a second use.
// CHECK-LABEL: func @not_rmsnorm
func.func @not_rmsnorm(%x: tensor<2x16xf16>, %o: tensor<2x16xf16>) -> (tensor<2x16xf16>, tensor<2x16xf16>, tensor<2x16xf16>, tensor<2x1xf16>) {
  // CHECK-COUNT-3: mil.reduce_mean
  // CHECK-NOT: mil.reduce_sum
  // CHECK-NOT: mil.pow
  %sq = mil.mul %o, %o : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  %r = mil.rsqrt %m : tensor<2x1xf16>
  %a = mil.mul %x, %r : (tensor<2x16xf16>, tensor<2x1xf16>) -> tensor<2x16xf16>
  %sq2 = mil.mul %x, %x : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %m2 = mil.reduce_mean %sq2 {axes = array<i32: 0>} : (tensor<2x16xf16>) -> tensor<16xf16>
  %r2 = mil.rsqrt %m2 : tensor<16xf16>
  %b = mil.mul %x, %r2 : (tensor<2x16xf16>, tensor<16xf16>) -> tensor<2x16xf16>
  %sq3 = mil.mul %x, %x : (tensor<2x16xf16>, tensor<2x16xf16>) -> tensor<2x16xf16>
  %m3 = mil.reduce_mean %sq3 {axes = array<i32: -1>, keep_dims = true} : (tensor<2x16xf16>) -> tensor<2x1xf16>
  %r3 = mil.rsqrt %m3 : tensor<2x1xf16>
  %c = mil.mul %x, %r3 : (tensor<2x16xf16>, tensor<2x1xf16>) -> tensor<2x16xf16>
  return %a, %b, %c, %r3 : tensor<2x16xf16>, tensor<2x16xf16>, tensor<2x16xf16>, tensor<2x1xf16>
}
