// RUN: ane-opt %s -mil-split-program=max-weight-tensors=2 -split-input-file | FileCheck %s
// Idempotence: the chain is not split again.
// RUN: ane-opt %s -mil-split-program=max-weight-tensors=2 -split-input-file | ane-opt -mil-split-program=max-weight-tensors=2 -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-split-program="max-ops=2" -split-input-file | FileCheck %s --check-prefix=OPS
// RUN: ane-opt %s -mil-split-program="max-weight-bytes=1024" -split-input-file | FileCheck %s --check-prefix=BYTES
// RUN: ane-opt %s -mil-split-program="max-weight-tensors=2 chain=false" -split-input-file | FileCheck %s --check-prefix=NOCHAIN

// Three 16x16 conv weights (512 bytes each; w0 used twice): with two weight
// tensors per part the convs split after the residual add, w0 is copied
// into both parts, and the value crossing the cut is named on both sides.
// CHECK-LABEL: func.func @main_0(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "main_0_0"})
// CHECK: mil.const {val = dense<5.000000e-01>
// CHECK: mil.conv
// CHECK: mil.relu
// CHECK: mil.const {val = dense<2.500000e-01>
// CHECK: mil.conv
// CHECK: mil.add
// CHECK-LABEL: func.func @main_1(%arg0: tensor<1x16x1x8xf16> {mil.name = "main_0_0"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"})
// CHECK: mil.const {val = dense<1.250000e-01>
// CHECK: mil.conv
// CHECK: mil.const {val = dense<5.000000e-01>
// CHECK: mil.conv
// CHECK-LABEL: func.func @main(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"})
// CHECK-NEXT: %[[A:.*]] = call @main_0(%arg0)
// CHECK-NEXT: %[[B:.*]] = call @main_1(%[[A]])
// CHECK-NEXT: return %[[B]]

// chain=false: only the parts remain.
// NOCHAIN: func.func @main_0(
// NOCHAIN: func.func @main_1(
// NOCHAIN-NOT: func.func @main(%arg0: tensor<1x16x1x8xf16>
// NOCHAIN-NOT: call

// max-ops=2: parts of at most two non-constant ops; the input x is read by
// the first and second part.
// OPS: func.func @main_0(%arg0: {{.*}}) -> ({{.*}} {mil.name = "main_0_0"})
// OPS: func.func @main_1(%arg0: {{.*}} {mil.name = "main_0_0"}, %arg1: {{.*}} {mil.name = "x"})
// OPS: func.func @main_2(
// OPS-NOT: func.func @main_3
// OPS: func.func @main(
// OPS-COUNT-3: call

// max-weight-bytes=1024: at most two 512-byte weights per part.
// BYTES: func.func @main_0(
// BYTES: func.func @main_1(
// BYTES-NOT: func.func @main_2
func.func @main(%x: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"}) {
  %w0 = mil.const {val = dense<0.5> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %w1 = mil.const {val = dense<0.25> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %w2 = mil.const {val = dense<0.125> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %c0 = mil.conv %x, %w0 : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  %r0 = mil.relu %c0 : tensor<1x16x1x8xf16>
  %c1 = mil.conv %r0, %w1 : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  %a = mil.add %c1, %x : (tensor<1x16x1x8xf16>, tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16>
  %c2 = mil.conv %a, %w2 : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  %c3 = mil.conv %c2, %w0 : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  return %c3 : tensor<1x16x1x8xf16>
}

// -----

// Negative: within the limits (small constants below the inline threshold
// are no weight tensors), nothing changes.
// CHECK-LABEL: func.func @main(%arg0: tensor<1x4x1x8xf16>)
// CHECK-NOT: call
// CHECK-NOT: func.func
// OPS-LABEL: func.func @main(%arg0: tensor<1x4x1x8xf16>)
// OPS-NOT: call
func.func @main(%x: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16> {
  %a = mil.const {val = dense<0.5> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %b = mil.const {val = dense<0.5> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %c = mil.const {val = dense<0.5> : tensor<1x4x1x1xf16>} : tensor<1x4x1x1xf16>
  %0 = mil.mul %x, %a : (tensor<1x4x1x8xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x8xf16>
  %1 = mil.mul %0, %b : (tensor<1x4x1x8xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x8xf16>
  return %1 : tensor<1x4x1x8xf16>
}
