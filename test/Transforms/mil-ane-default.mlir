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

// Program outputs keep their own ops (and so their names, the ops'
// locations) through the whole pipeline: equal returned constants and equal
// returned ops are not merged; non-output duplicates are.
// RUN: ane-opt %s -mil-ane-default -mlir-print-debuginfo | FileCheck %s --check-prefix=NAMES
// NAMES-LABEL: func @outputs_keep_names
// NAMES-DAG: %[[A:.*]] = mil.const {{.*}} loc(#[[LA:[a-z0-9]*]])
// NAMES-DAG: %[[B:.*]] = mil.const {{.*}} loc(#[[LB:[a-z0-9]*]])
// NAMES-DAG: %[[P:.*]] = mil.relu %arg0 {{.*}} loc(#[[LP:[a-z0-9]*]])
// NAMES-DAG: %[[Q:.*]] = mil.relu %arg0 {{.*}} loc(#[[LQ:[a-z0-9]*]])
// NAMES: return %[[A]], %[[B]], %[[P]], %[[Q]]
// NAMES-DAG: #[[LA]] = loc("a")
// NAMES-DAG: #[[LB]] = loc("b")
// NAMES-DAG: #[[LP]] = loc("p")
// NAMES-DAG: #[[LQ]] = loc("q")
func.func @outputs_keep_names(%x: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>) {
  %a = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16> loc("a")
  %b = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16> loc("b")
  %p = mil.relu %x : tensor<4xf16> loc("p")
  %q = mil.relu %x : tensor<4xf16> loc("q")
  return %a, %b, %p, %q : tensor<4xf16>, tensor<4xf16>, tensor<4xf16>, tensor<4xf16>
}
