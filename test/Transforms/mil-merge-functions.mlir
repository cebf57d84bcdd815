// RUN: ane-opt %s -mil-merge-functions -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-merge-functions -split-input-file | ane-opt -mil-merge-functions -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-merge-functions=max-weight-tensors=2 -split-input-file | FileCheck %s --check-prefix=PART
// RUN: ane-opt %s -mil-merge-functions=max-sram-bytes=2000 -split-input-file | FileCheck %s --check-prefix=SRAM
// RUN: ane-opt %s -mil-merge-functions=functions=other -split-input-file | FileCheck %s --check-prefix=NAMED

// A chain of three one-conv parts (one weight tensor each) within every
// default limit is inlined into @main; the parts are erased.
// CHECK-LABEL: module
// CHECK-NOT: func.func @p
// CHECK: func.func @main(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"})
// CHECK-NOT: call
// CHECK: %[[C0:.*]] = mil.conv %arg0
// CHECK: %[[C1:.*]] = mil.conv %[[C0]]
// CHECK: %[[A:.*]] = mil.add %[[C1]], %arg0
// CHECK: %[[C2:.*]] = mil.conv %[[A]]
// CHECK: return %[[C2]]

// Two weight tensors per function: the first two parts merge into
// @main_merged0, the third stays.
// PART-NOT: func.func @p0
// PART-NOT: func.func @p1
// PART: func.func @p2(
// PART: func.func @main_merged0(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "h1"})
// PART-COUNT-2: mil.conv
// PART: func.func @main(
// PART-NEXT: %[[M:.*]] = call @main_merged0(%arg0)
// PART-NEXT: %[[Y:.*]] = call @p2(%[[M]])
// PART-NEXT: return %[[Y]]

// SRAM estimate: each part alone is 512 weight bytes + 2 live 256-byte
// activations (1024 bytes); merging p0 and p1 keeps x live across p0
// (1024 + 768 = 1792 <= 2000), adding p2 brings a third weight (2304).
// SRAM: func.func @main_merged0(
// SRAM: func.func @main(
// SRAM-NEXT: call @main_merged0
// SRAM-NEXT: call @p2

// Only the chains named by `functions` merge.
// NAMED: func.func @p0(
// NAMED: func.func @main(
// NAMED-NEXT: call @p0
func.func @p0(%x: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "h0"}) {
  %w = mil.const {val = dense<0.5> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  return %0 : tensor<1x16x1x8xf16>
}
func.func @p1(%h: tensor<1x16x1x8xf16> {mil.name = "h0"}, %x: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "h1"}) {
  %w = mil.const {val = dense<0.25> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %0 = mil.conv %h, %w : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  %1 = mil.add %0, %x : (tensor<1x16x1x8xf16>, tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16>
  return %1 : tensor<1x16x1x8xf16>
}
func.func @p2(%h: tensor<1x16x1x8xf16> {mil.name = "h1"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"}) {
  %w = mil.const {val = dense<0.125> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %0 = mil.conv %h, %w : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  return %0 : tensor<1x16x1x8xf16>
}
func.func @main(%x: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"}) {
  %0 = call @p0(%x) : (tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16>
  %1 = call @p1(%0, %x) : (tensor<1x16x1x8xf16>, tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16>
  %2 = call @p2(%1) : (tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16>
  return %2 : tensor<1x16x1x8xf16>
}

// -----

// Negative: merging two single-input parts that read two different chain
// inputs would need two inputs (0x1d); a function that is not a pure
// chain (it computes besides calling) is left alone.
// CHECK-LABEL: func.func @q0
// CHECK-LABEL: func.func @q1
// CHECK-LABEL: func.func @two_inputs
// CHECK-NEXT: call @q0
// CHECK-NEXT: call @q1
// CHECK-LABEL: func.func @not_a_chain
// CHECK-NEXT: call @q0
// CHECK-NEXT: mil.relu
// CHECK-NEXT: call @q0
func.func @q0(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = mil.relu %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}
func.func @q1(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = mil.exp %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}
func.func @two_inputs(%a: tensor<4xf16>, %b: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>) {
  %0 = call @q0(%a) : (tensor<4xf16>) -> tensor<4xf16>
  %1 = call @q1(%b) : (tensor<4xf16>) -> tensor<4xf16>
  return %0, %1 : tensor<4xf16>, tensor<4xf16>
}
func.func @not_a_chain(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = call @q0(%a) : (tensor<4xf16>) -> tensor<4xf16>
  %1 = mil.relu %0 : tensor<4xf16>
  %2 = call @q0(%1) : (tensor<4xf16>) -> tensor<4xf16>
  return %2 : tensor<4xf16>
}
