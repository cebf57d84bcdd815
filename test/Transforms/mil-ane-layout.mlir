// RUN: ane-opt %s -mil-ane-layout -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-ane-layout=io-layout=channels-last -split-input-file | FileCheck %s --check-prefix=IO
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-ane-layout -split-input-file | ane-opt -mil-ane-layout -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-ane-layout=io-layout=channels-last -split-input-file | ane-opt -mil-ane-layout=io-layout=channels-last -split-input-file | FileCheck %s --check-prefix=IO
// RUN: not ane-opt %s -mil-ane-layout=io-layout=nchw -split-input-file 2>&1 | FileCheck %s --check-prefix=ERR

// ERR: unknown io-layout 'nchw' (expected keep or channels-last)

// Inverse transposes cancel; the I/O is already [1, C, 1, S]. An identity
// reshape stays between the input and the output (MIL outputs are op results).
// CHECK-LABEL: func @inverse_pair
// IO-LABEL: func @inverse_pair(%{{.*}}: tensor<1x64x1x8xf16>) -> tensor<1x64x1x8xf16>
func.func @inverse_pair(%x: tensor<1x64x1x8xf16>) -> tensor<1x64x1x8xf16> {
  // CHECK-NOT: mil.transpose
  // CHECK: %[[R:.*]] = mil.reshape %arg0 shape = [1, 64, 1, 8]
  // CHECK-NEXT: return %[[R]]
  %0 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
  %1 = mil.transpose %0 perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
  return %1 : tensor<1x64x1x8xf16>
}

// -----

// Two transposes compose into one; negative indices are normalized.
// CHECK-LABEL: func @compose
func.func @compose(%x: tensor<2x3x4xf16>) -> tensor<4x3x2xf16> {
  // CHECK: %[[T:.*]] = mil.transpose %arg0 perm = [2, 1, 0] : tensor<2x3x4xf16>
  // CHECK-NEXT: return %[[T]]
  %0 = mil.transpose %x perm = [0, 2, 1] : tensor<2x3x4xf16>
  %1 = mil.transpose %0 perm = [-2, 2, 0] : tensor<2x4x3xf16>
  return %1 : tensor<4x3x2xf16>
}

// -----

// A transpose moving only unit dims becomes a reshape, which then merges
// with the neighbouring reshape.
// CHECK-LABEL: func @unit_dims
func.func @unit_dims(%x: tensor<6x8xf16>) -> tensor<1x6x1x8xf16> {
  // CHECK-NOT: mil.transpose
  // CHECK: %[[R:.*]] = mil.reshape %arg0 shape = [1, 6, 1, 8] : tensor<6x8xf16> -> tensor<1x6x1x8xf16>
  // CHECK-NEXT: return %[[R]]
  %0 = mil.reshape %x shape = [1, 1, 6, 8] : tensor<6x8xf16> -> tensor<1x1x6x8xf16>
  %1 = mil.transpose %0 perm = [0, 2, 1, 3] : tensor<1x1x6x8xf16>
  return %1 : tensor<1x6x1x8xf16>
}

// -----

// Negative: a real data movement stays.
// CHECK-LABEL: func @real_transpose
func.func @real_transpose(%x: tensor<1x64x1x8xf16>) -> tensor<1x1x8x64xf16> {
  // CHECK: mil.transpose %arg0 perm = [0, 2, 3, 1]
  %0 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
  return %0 : tensor<1x1x8x64xf16>
}

// -----

// channels-last I/O: [S, C] input and output become [1, C, 1, S]; the
// boundary ops are inserted (the keep mode leaves the function alone).
// CHECK-LABEL: func @io(%arg0: tensor<8x64xf16>) -> tensor<8x64xf16>
// IO-LABEL: func @io(%arg0: tensor<1x64x1x8xf16>) -> tensor<1x64x1x8xf16>
func.func @io(%x: tensor<8x64xf16>) -> tensor<8x64xf16> {
  // IO: %[[T:.*]] = mil.transpose %arg0 perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
  // IO: %[[X:.*]] = mil.reshape %[[T]] shape = [8, 64] : tensor<1x1x8x64xf16> -> tensor<8x64xf16>
  // IO: %[[Y:.*]] = mil.softmax %[[X]]
  // IO: %[[R:.*]] = mil.reshape %[[Y]] shape = [1, 1, 8, 64] : tensor<8x64xf16> -> tensor<1x1x8x64xf16>
  // IO: %[[O:.*]] = mil.transpose %[[R]] perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
  // IO: return %[[O]] : tensor<1x64x1x8xf16>
  %0 = mil.softmax %x {axis = -1 : i32} : tensor<8x64xf16>
  return %0 : tensor<8x64xf16>
}

// -----

// channels-last I/O around a linear already in conv form: every layout op
// cancels, leaving the bare conv.
// IO-LABEL: func @conv_io(%arg0: tensor<1x8x1x6xf16>) -> tensor<1x4x1x6xf16>
func.func @conv_io(%x: tensor<2x3x8xf16>) -> tensor<2x3x4xf16> {
  // IO-NEXT: mil.const
  // IO-NEXT: %[[C:.*]] = mil.conv %arg0
  // IO-NEXT: return %[[C]]
  %w = mil.const {val = dense<0.5> : tensor<4x8x1x1xf16>} : tensor<4x8x1x1xf16>
  %0 = mil.reshape %x shape = [1, 1, 6, 8] : tensor<2x3x8xf16> -> tensor<1x1x6x8xf16>
  %1 = mil.transpose %0 perm = [0, 3, 1, 2] : tensor<1x1x6x8xf16>
  %2 = mil.conv %1, %w : (tensor<1x8x1x6xf16>, tensor<4x8x1x1xf16>) -> tensor<1x4x1x6xf16>
  %3 = mil.transpose %2 perm = [0, 2, 3, 1] : tensor<1x4x1x6xf16>
  %4 = mil.reshape %3 shape = [2, 3, 4] : tensor<1x1x6x4xf16> -> tensor<2x3x4xf16>
  return %4 : tensor<2x3x4xf16>
}

// -----

// Negative for the I/O rewrite: rank 0 and rank > 4 I/O keep their types.
// IO-LABEL: func @io_untouched(%arg0: tensor<f16>, %arg1: tensor<1x2x3x4x5xf16>) -> (tensor<f16>, tensor<1x2x3x4x5xf16>)
func.func @io_untouched(%x: tensor<f16>, %y: tensor<1x2x3x4x5xf16>) -> (tensor<f16>, tensor<1x2x3x4x5xf16>) {
  // IO-NOT: mil.transpose
  return %x, %y : tensor<f16>, tensor<1x2x3x4x5xf16>
}

// -----

// Layout ops sink through elementwise unary ops and cancel with their
// inverse; softmax (an axis op) and a layout op with two users block it.
// CHECK-LABEL: func @sink
// IO-LABEL: func @sink
func.func @sink(%x: tensor<1x64x1x8xf16>) -> (tensor<1x64x1x8xf16>, tensor<1x64x1x8xf16>, tensor<1x1x8x64xf16>, tensor<1x64x1x8xf16>) {
  // CHECK: %[[R:.*]] = mil.relu %arg0 : tensor<1x64x1x8xf16>
  // CHECK: %[[T1:.*]] = mil.transpose %arg0 perm = [0, 2, 3, 1]
  // CHECK: %[[S:.*]] = mil.softmax %[[T1]]{{.*}}
  // CHECK: %[[T2:.*]] = mil.transpose %[[S]] perm = [0, 3, 1, 2]
  // CHECK: %[[T3:.*]] = mil.transpose %arg0 perm = [0, 2, 3, 1]
  // CHECK: %[[E:.*]] = mil.exp %[[T3]]
  // CHECK: %[[T4:.*]] = mil.transpose %[[E]] perm = [0, 3, 1, 2]
  // CHECK: return %[[R]], %[[T2]], %[[T3]], %[[T4]]
  %0 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
  %1 = mil.relu %0 : tensor<1x1x8x64xf16>
  %2 = mil.transpose %1 perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
  %3 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
  %4 = mil.softmax %3 {axis = -1 : i32} : tensor<1x1x8x64xf16>
  %5 = mil.transpose %4 perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
  %6 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
  %7 = mil.exp %6 : tensor<1x1x8x64xf16>
  %8 = mil.transpose %7 perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
  return %2, %5, %6, %8 : tensor<1x64x1x8xf16>, tensor<1x64x1x8xf16>, tensor<1x1x8x64xf16>, tensor<1x64x1x8xf16>
}
