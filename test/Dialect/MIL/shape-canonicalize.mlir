// RUN: ane-opt %s -canonicalize -split-input-file | FileCheck %s

// Each folder/pattern of the shape ops: one case where it fires, one where
// it must not.

// CHECK-LABEL: func @transpose_identity
// CHECK-NOT: mil.transpose
// CHECK: mil.relu %arg0
func.func @transpose_identity(%x: tensor<2x3x4xf16>) -> tensor<2x3x4xf16> {
  %0 = mil.transpose %x perm = [0, 1, -1] : tensor<2x3x4xf16>
  %r = mil.relu %0 : tensor<2x3x4xf16>
  return %r : tensor<2x3x4xf16>
}

// A non-identity permutation of equal dims keeps the op although the type
// does not change.
// CHECK-LABEL: func @transpose_not_identity
// CHECK: mil.transpose %arg0 perm = [1, 0]
func.func @transpose_not_identity(%x: tensor<3x3xf16>) -> tensor<3x3xf16> {
  %0 = mil.transpose %x perm = [1, 0] : tensor<3x3xf16>
  return %0 : tensor<3x3xf16>
}

// -----

// CHECK-LABEL: func @reshape_same_type
// CHECK-NOT: mil.reshape
// CHECK: mil.relu %arg0
func.func @reshape_same_type(%x: tensor<2x50xf16>) -> tensor<2x50xf16> {
  %0 = mil.reshape %x shape = [0, -1] : tensor<2x50xf16> -> tensor<2x50xf16>
  %r = mil.relu %0 : tensor<2x50xf16>
  return %r : tensor<2x50xf16>
}

// `?` to `?` is not known to be the same shape.
// CHECK-LABEL: func @reshape_dynamic_kept
// CHECK: mil.reshape %arg0 shape = [0, -1]
func.func @reshape_dynamic_kept(%x: tensor<?x50xf16>) -> tensor<?x?xf16> {
  %0 = mil.reshape %x shape = [0, -1] : tensor<?x50xf16> -> tensor<?x?xf16>
  return %0 : tensor<?x?xf16>
}

// -----

// CHECK-LABEL: func @reshape_chain
// CHECK: %[[R:.*]] = mil.reshape %arg0 shape = [1, 64, 1, 32] : tensor<64x32xf16> -> tensor<1x64x1x32xf16>
// CHECK-NOT: mil.reshape
// CHECK: return %[[R]]
func.func @reshape_chain(%x: tensor<64x32xf16>) -> tensor<1x64x1x32xf16> {
  %0 = mil.reshape %x shape = [1, 1, 64, 32] : tensor<64x32xf16> -> tensor<1x1x64x32xf16>
  %1 = mil.reshape %0 shape = [1, 64, 1, 32] : tensor<1x1x64x32xf16> -> tensor<1x64x1x32xf16>
  return %1 : tensor<1x64x1x32xf16>
}

// A transpose in between is not a reshape chain.
// CHECK-LABEL: func @reshape_chain_through_transpose
// CHECK: mil.reshape
// CHECK: mil.transpose
// CHECK: mil.reshape
func.func @reshape_chain_through_transpose(%x: tensor<64x32xf16>) -> tensor<1x32x1x64xf16> {
  %0 = mil.reshape %x shape = [1, 1, 64, 32] : tensor<64x32xf16> -> tensor<1x1x64x32xf16>
  %1 = mil.transpose %0 perm = [0, 1, 3, 2] : tensor<1x1x64x32xf16>
  %2 = mil.reshape %1 shape = [1, 32, 1, 64] : tensor<1x1x32x64xf16> -> tensor<1x32x1x64xf16>
  return %2 : tensor<1x32x1x64xf16>
}

// -----

// CHECK-LABEL: func @slice_by_size_whole
// CHECK-NOT: mil.slice_by_size
// CHECK: mil.relu %arg0
func.func @slice_by_size_whole(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, -1, 1, 32] : tensor<1x64x1x32xf16>
  %r = mil.relu %0 : tensor<1x64x1x32xf16>
  return %r : tensor<1x64x1x32xf16>
}

// CHECK-LABEL: func @slice_by_size_part
// CHECK: mil.slice_by_size
func.func @slice_by_size_part(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x16xf16> {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 16] size = [1, 64, 1, 16] : tensor<1x64x1x32xf16>
  return %0 : tensor<1x64x1x16xf16>
}

// -----

// CHECK-LABEL: func @slice_by_index_whole
// CHECK-NOT: mil.slice_by_index
// CHECK: mil.relu %arg0
func.func @slice_by_index_whole(%x: tensor<4x8xf16>) -> tensor<4x8xf16> {
  %0 = mil.slice_by_index %x begin = [0, 5] end = [100, 0] begin_mask = [false, true] end_mask = [false, true] : tensor<4x8xf16>
  %r = mil.relu %0 : tensor<4x8xf16>
  return %r : tensor<4x8xf16>
}

// Reversing keeps the shape but not the value.
// CHECK-LABEL: func @slice_by_index_reverse
// CHECK: mil.slice_by_index
func.func @slice_by_index_reverse(%x: tensor<4x8xf16>) -> tensor<4x8xf16> {
  %0 = mil.slice_by_index %x begin = [0, 0] end = [0, 0] stride = [1, -1] begin_mask = [true, true] end_mask = [true, true] : tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// -----

// CHECK-LABEL: func @concat_one
// CHECK-NOT: mil.concat
// CHECK: mil.relu %arg0
func.func @concat_one(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  %0 = mil.concat %x axis = 1 : tensor<1x64x1x32xf16>
  %r = mil.relu %0 : tensor<1x64x1x32xf16>
  return %r : tensor<1x64x1x32xf16>
}

// CHECK-LABEL: func @concat_two
// CHECK: mil.concat
func.func @concat_two(%x: tensor<1x64x1x32xf16>) -> tensor<1x128x1x32xf16> {
  %0 = mil.concat %x, %x axis = 1 : tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>
  return %0 : tensor<1x128x1x32xf16>
}

// -----

// CHECK-LABEL: func @squeeze_nothing
// CHECK-NOT: mil.squeeze
// CHECK: mil.relu %arg0
func.func @squeeze_nothing(%x: tensor<2x64xf16>) -> tensor<2x64xf16> {
  %0 = mil.squeeze %x axes = [1] : tensor<2x64xf16>
  %r = mil.relu %0 : tensor<2x64xf16>
  return %r : tensor<2x64xf16>
}

// Without axes a dynamic dim might be 1 at run time: keep the op.
// CHECK-LABEL: func @squeeze_dynamic_kept
// CHECK: mil.squeeze %arg0 :
func.func @squeeze_dynamic_kept(%x: tensor<?x64xf16>) -> tensor<?x64xf16> {
  %0 = mil.squeeze %x : tensor<?x64xf16>
  return %0 : tensor<?x64xf16>
}

// CHECK-LABEL: func @squeeze_something
// CHECK: mil.squeeze
func.func @squeeze_something(%x: tensor<1x64xf16>) -> tensor<64xf16> {
  %0 = mil.squeeze %x : tensor<1x64xf16>
  return %0 : tensor<64xf16>
}

// -----

// CHECK-LABEL: func @expand_dims_nothing
// CHECK-NOT: mil.expand_dims
// CHECK: mil.relu %arg0
func.func @expand_dims_nothing(%x: tensor<2x64xf16>) -> tensor<2x64xf16> {
  %0 = mil.expand_dims %x axes = [] : tensor<2x64xf16>
  %r = mil.relu %0 : tensor<2x64xf16>
  return %r : tensor<2x64xf16>
}

// CHECK-LABEL: func @expand_dims_something
// CHECK: mil.expand_dims
func.func @expand_dims_something(%x: tensor<2x64xf16>) -> tensor<1x2x64xf16> {
  %0 = mil.expand_dims %x axes = [0] : tensor<2x64xf16>
  return %0 : tensor<1x2x64xf16>
}
