// RUN: ane-opt %s -mil-const-dedup -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-const-dedup -split-input-file | ane-opt -mil-const-dedup -split-input-file | FileCheck %s

// CHECK-LABEL: func @equal_values_merge
func.func @equal_values_merge(%x: tensor<4xf16>) -> tensor<4xf16> {
  // CHECK: %[[C:.*]] = mil.const {val = dense<1.000000e+00> : tensor<4xf16>}
  // CHECK-NOT: mil.const
  %a = mil.const {val = dense<1.0> : tensor<4xf16>} : tensor<4xf16>
  %b = mil.const {val = dense<1.0> : tensor<4xf16>} : tensor<4xf16>
  // CHECK: mil.add %{{.*}}, %[[C]]
  // CHECK: mil.add %{{.*}}, %[[C]]
  %0 = mil.add %x, %a : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = mil.add %0, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %1 : tensor<4xf16>
}

// -----

// Different values or types must not merge.
// CHECK-LABEL: func @different_values_stay
func.func @different_values_stay() -> (tensor<4xf16>, tensor<4xf16>, tensor<4xf32>) {
  // CHECK-COUNT-3: mil.const
  %a = mil.const {val = dense<1.0> : tensor<4xf16>} : tensor<4xf16>
  %b = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16>
  %c = mil.const {val = dense<1.0> : tensor<4xf32>} : tensor<4xf32>
  return %a, %b, %c : tensor<4xf16>, tensor<4xf16>, tensor<4xf32>
}

// -----

// Resource blobs with the same bytes merge although their handles differ.
// CHECK-LABEL: func @equal_resources_merge
func.func @equal_resources_merge() -> tensor<8xi8> {
  // CHECK: %[[R:.*]] = mil.const {val = dense_resource<r1>
  // CHECK-NEXT: mil.concat %[[R]], %[[R]]
  %a = mil.const {val = dense_resource<r1> : tensor<4xi8>} : tensor<4xi8>
  %b = mil.const {val = dense_resource<r2> : tensor<4xi8>} : tensor<4xi8>
  %c = mil.concat %a, %b axis = 0 : tensor<4xi8>, tensor<4xi8>
  return %c : tensor<8xi8>
}

{-#
  dialect_resources: {
    builtin: {
      r1: "0x0100000001020304",
      r2: "0x0100000001020304"
    }
  }
#-}

// -----

// A duplicate that is a program output keeps its own op (and name).
// CHECK-LABEL: func @returned_duplicate_kept
// CHECK: %[[A:.*]] = mil.const {val = dense<2.000000e+00> : tensor<4xf16>}
// CHECK: %[[B:.*]] = mil.const {val = dense<2.000000e+00> : tensor<4xf16>}
// CHECK: return %{{.*}}, %[[B]]
func.func @returned_duplicate_kept(%x: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>) {
  %a = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16>
  %b = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16>
  %0 = mil.mul %x, %a : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0, %b : tensor<4xf16>, tensor<4xf16>
}
