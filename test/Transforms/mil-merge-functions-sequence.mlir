// RUN: ane-opt %s -mil-merge-functions="sequence=a,b,c sequence-name=abc" | FileCheck %s
// RUN: ane-opt %s -mil-merge-functions="sequence=a,b,c sequence-name=abc max-weight-tensors=1" | FileCheck %s --check-prefix=LIMIT
// RUN: not ane-opt %s -mil-merge-functions="sequence=a,c" 2>&1 | FileCheck %s --check-prefix=TYPES
// RUN: not ane-opt %s -mil-merge-functions="sequence=a,nope" 2>&1 | FileCheck %s --check-prefix=MISSING

// Three separate programs merged in the named order into @abc; they stay.
// CHECK: func.func @a(
// CHECK: func.func @b(
// CHECK: func.func @c(
// CHECK: func.func @abc(%arg0: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x4xf16> {mil.name = "y"})
// CHECK-NOT: call
// CHECK: %[[A:.*]] = mil.conv %arg0
// CHECK: %[[B:.*]] = mil.relu %[[A]]
// CHECK: %[[C:.*]] = mil.slice_by_size %[[B]]
// CHECK: return %[[C]]

// One weight tensor per function (@a and @b hold one each, @c none): @a and
// @b cannot merge, @b and @c can.
// LIMIT: func.func @abc_merged0(
// LIMIT: func.func @abc(
// LIMIT-NEXT: call @a(
// LIMIT-NEXT: call @abc_merged0(
// LIMIT-NEXT: return

// TYPES: error: mil-merge-functions: the results of @a ('tensor<1x16x1x8xf16>') do not match the inputs of @c ('tensor<1x16x1x8xf16>', 'tensor<1x16x1x8xf16>')
// MISSING: error: mil-merge-functions: no function @nope with a body of one block
func.func @a(%x: tensor<1x16x1x8xf16> {mil.name = "x"}) -> tensor<1x16x1x8xf16> {
  %w = mil.const {val = dense<0.5> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
  return %0 : tensor<1x16x1x8xf16>
}
func.func @b(%x: tensor<1x16x1x8xf16>) -> (tensor<1x16x1x8xf16>, tensor<1x16x1x8xf16>) {
  %w = mil.const {val = dense<0.5> : tensor<16xf16>} : tensor<16xf16>
  %0 = mil.relu %x : tensor<1x16x1x8xf16>
  return %0, %x : tensor<1x16x1x8xf16>, tensor<1x16x1x8xf16>
}
func.func @c(%x: tensor<1x16x1x8xf16>, %y: tensor<1x16x1x8xf16>) -> (tensor<1x16x1x4xf16> {mil.name = "y"}) {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 16, 1, 4] : tensor<1x16x1x8xf16>
  return %0 : tensor<1x16x1x4xf16>
}
