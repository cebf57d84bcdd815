// RUN: ane-opt %s -canonicalize | FileCheck %s

// CHECK-LABEL: func @cast_to_same_dtype
// CHECK-SAME: (%[[X:.*]]: tensor<4xf16>)
func.func @cast_to_same_dtype(%x: tensor<4xf16>) -> tensor<4xf16> {
  // CHECK-NOT: mil.cast
  // CHECK: mil.relu %[[X]]
  %0 = mil.cast %x {dtype = "fp16"} : (tensor<4xf16>) -> tensor<4xf16>
  %r = mil.relu %0 : tensor<4xf16>
  return %r : tensor<4xf16>
}

// CHECK-LABEL: func @cast_to_other_dtype
func.func @cast_to_other_dtype(%x: tensor<4xf16>) -> tensor<4xf32> {
  // CHECK: mil.cast %{{.*}} {dtype = "fp32"}
  %0 = mil.cast %x {dtype = "fp32"} : (tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
