// RUN: ane-opt %s -mil-ane-default | FileCheck %s

// The default pipeline removes dead values and merges equal constants.
// CHECK-LABEL: func @main
func.func @main(%x: tensor<4xf16>) -> tensor<4xf16> {
  // CHECK-COUNT-1: mil.const
  // CHECK-NOT: mil.const
  %a = mil.const {val = dense<1.0> : tensor<4xf16>} : tensor<4xf16>
  %b = mil.const {val = dense<1.0> : tensor<4xf16>} : tensor<4xf16>
  %dead = mil.mul %x, %x : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  // CHECK-NOT: mil.mul
  // CHECK: mil.add
  // CHECK: mil.add
  %0 = mil.add %x, %a : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = mil.add %0, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %1 : tensor<4xf16>
}
