// RUN: ane-opt %s -mil-cse -split-input-file -mlir-print-debuginfo | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-cse -split-input-file -mlir-print-debuginfo | ane-opt -mil-cse -split-input-file -mlir-print-debuginfo | FileCheck %s

// Equivalent ops that are not program outputs merge into the first; an op
// whose result is returned takes no part (its location names the output).
// The marker attribute used while CSE runs is gone afterwards.
// CHECK-LABEL: func @outputs_kept
// CHECK-NOT: mil.cse_keep
// CHECK: %[[A:.*]] = mil.relu %arg0 : tensor<4xf16> loc(#[[LA:.*]])
// CHECK: %[[S:.*]] = mil.add %[[A]], %[[A]]
// CHECK: %[[B:.*]] = mil.relu %arg0 : tensor<4xf16> loc(#[[LB:.*]])
// CHECK-NOT: mil.relu
// CHECK: %[[T:.*]] = mil.add %[[A]], %[[A]]
// CHECK: return %[[S]], %[[B]], %[[T]]
// CHECK-NOT: mil.cse_keep
// CHECK-DAG: #[[LA]] = loc("a")
// CHECK-DAG: #[[LB]] = loc("b")
func.func @outputs_kept(%x: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>, tensor<4xf16>) {
  %a = mil.relu %x : tensor<4xf16> loc("a")
  %c = mil.relu %x : tensor<4xf16> loc("c")
  %s = mil.add %a, %c : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %b = mil.relu %x : tensor<4xf16> loc("b")
  %d = mil.relu %x : tensor<4xf16> loc("d")
  %t = mil.add %d, %d : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %s, %b, %t : tensor<4xf16>, tensor<4xf16>, tensor<4xf16>
}

// -----

// Two equal outputs stay two ops.
// CHECK-LABEL: func @equal_outputs
// CHECK: %[[P:.*]] = mil.sigmoid %arg0
// CHECK: %[[Q:.*]] = mil.sigmoid %arg0
// CHECK: return %[[P]], %[[Q]]
func.func @equal_outputs(%x: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>) {
  %p = mil.sigmoid %x : tensor<4xf16> loc("p")
  %q = mil.sigmoid %x : tensor<4xf16> loc("q")
  return %p, %q : tensor<4xf16>, tensor<4xf16>
}
