// RUN: ane-opt %s -canonicalize -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -canonicalize -split-input-file | ane-opt -canonicalize -split-input-file | FileCheck %s

// Identity operands of add/sub/mul/real_div fold to the other operand only
// when the result is bit for bit that operand: a splat constant of the
// identity, no broadcasting to a larger shape. Each case feeds a relu so
// that the folded value is not a function result.

// CHECK-LABEL: func @identities_fold
// CHECK-NOT: mil.add
// CHECK-NOT: mil.sub
// CHECK-NOT: mil.mul
// CHECK-NOT: mil.real_div
// CHECK-COUNT-6: mil.relu %arg0
func.func @identities_fold(%x: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>) {
  %nz = mil.const {val = dense<-0.0> : tensor<4xf16>} : tensor<4xf16>
  %z = mil.const {val = dense<0.0> : tensor<f16>} : tensor<f16>
  %one = mil.const {val = dense<1.0> : tensor<1xf16>} : tensor<1xf16>
  %0 = mil.add %x, %nz : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = mil.add %nz, %x : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %2 = mil.sub %x, %z : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  %3 = mil.mul %x, %one : (tensor<4xf16>, tensor<1xf16>) -> tensor<4xf16>
  %4 = mil.mul %one, %x : (tensor<1xf16>, tensor<4xf16>) -> tensor<4xf16>
  %5 = mil.real_div %x, %one : (tensor<4xf16>, tensor<1xf16>) -> tensor<4xf16>
  %r0 = mil.relu %0 : tensor<4xf16>
  %r1 = mil.relu %1 : tensor<4xf16>
  %r2 = mil.relu %2 : tensor<4xf16>
  %r3 = mil.relu %3 : tensor<4xf16>
  %r4 = mil.relu %4 : tensor<4xf16>
  %r5 = mil.relu %5 : tensor<4xf16>
  return %r0, %r1, %r2, %r3, %r4, %r5 : tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>
}

// int32: 0 and 1 are exact identities of add, sub and mul.
// CHECK-LABEL: func @int_identities_fold
// CHECK-NOT: mil.add
// CHECK-NOT: mil.sub
// CHECK-NOT: mil.mul
// CHECK: mil.floor_div %arg0, %arg0
// CHECK: mil.floor_div %arg0, %arg0
// CHECK: mil.floor_div %arg0, %arg0
func.func @int_identities_fold(%x: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %z = mil.const {val = dense<0> : tensor<4xi32>} : tensor<4xi32>
  %one = mil.const {val = dense<1> : tensor<i32>} : tensor<i32>
  %0 = mil.add %z, %x : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = mil.sub %x, %z : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %2 = mil.mul %x, %one : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %r0 = mil.floor_div %0, %0 : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %r1 = mil.floor_div %1, %1 : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %r2 = mil.floor_div %2, %2 : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %r0, %r1, %r2 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// -----

// Not identities: x + (+0.0) turns -0.0 into +0.0; x - (-0.0) likewise;
// 0 - x negates; a non-splat or non-identity constant; integer real_div.
// CHECK-LABEL: func @not_identities_kept
// CHECK: mil.add %arg0
// CHECK: mil.sub %arg0
// CHECK: mil.sub %{{.*}}, %arg0
// CHECK: mil.mul %arg0
// CHECK: mil.real_div %arg0
// CHECK: mil.real_div %arg1
func.func @not_identities_kept(%x: tensor<4xf16>, %i: tensor<4xi32>) -> (tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xi32>) {
  %pz = mil.const {val = dense<0.0> : tensor<4xf16>} : tensor<4xf16>
  %nz = mil.const {val = dense<-0.0> : tensor<4xf16>} : tensor<4xf16>
  %v = mil.const {val = dense<[1.0, 1.0, 1.0, 2.0]> : tensor<4xf16>} : tensor<4xf16>
  %two = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16>
  %ione = mil.const {val = dense<1> : tensor<4xi32>} : tensor<4xi32>
  %0 = mil.add %x, %pz : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = mil.sub %x, %nz : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %2 = mil.sub %pz, %x : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %3 = mil.mul %x, %v : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %4 = mil.real_div %x, %two : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %5 = mil.real_div %i, %ione : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %r0 = mil.relu %0 : tensor<4xf16>
  %r1 = mil.relu %1 : tensor<4xf16>
  %r2 = mil.relu %2 : tensor<4xf16>
  %r3 = mil.relu %3 : tensor<4xf16>
  %r4 = mil.relu %4 : tensor<4xf16>
  return %r0, %r1, %r2, %r3, %r4, %5 : tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xi32>
}

// -----

// Broadcasting to a larger shape (or returning the value) keeps the op.
// CHECK-LABEL: func @broadcast_and_outputs_kept
// CHECK: mil.mul %arg0, %{{.*}} : (tensor<4xf16>, tensor<2x4xf16>) -> tensor<2x4xf16>
// CHECK: mil.add %arg0, %{{.*}} : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
func.func @broadcast_and_outputs_kept(%x: tensor<4xf16>) -> (tensor<2x4xf16>, tensor<4xf16>) {
  %one = mil.const {val = dense<1.0> : tensor<2x4xf16>} : tensor<2x4xf16>
  %nz = mil.const {val = dense<-0.0> : tensor<4xf16>} : tensor<4xf16>
  %0 = mil.mul %x, %one : (tensor<4xf16>, tensor<2x4xf16>) -> tensor<2x4xf16>
  %r0 = mil.relu %0 : tensor<2x4xf16>
  %1 = mil.add %x, %nz : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %r0, %1 : tensor<2x4xf16>, tensor<4xf16>
}

// -----

// A constant whose value is a #mil.blob_file reference (weights not loaded)
// is a constant of unknown value: nothing folds, nothing breaks.
// CHECK-LABEL: func @blob_file_operand
// CHECK: mil.mul %arg0, %{{.*}} : (tensor<4xf32>, tensor<4xf32>)
// CHECK: mil.add %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>)
func.func @blob_file_operand(%x: tensor<4xf32>) -> tensor<4xf32> {
  %w = mil.const {val = #mil.blob_file<"@model_path/weights/weights.bin", 64>} : tensor<4xf32>
  %0 = mil.mul %x, %w : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = mil.add %0, %w : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
