// RUN: ane-opt %s -canonicalize -split-input-file | FileCheck %s
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -canonicalize -split-input-file | ane-opt -canonicalize -split-input-file | FileCheck %s

// Folds and patterns of the shape ops added for the cleanup pipeline:
// transpose composition, reshape/squeeze/expand_dims chains, reshaped
// constants, tile identity; and program outputs keeping their op. Each case
// feeds a relu so that the folded value is not a function result.

// [1, 2, 0] then [0, 2, 1]: output dim i is dim p[q[i]] of x.
// The composed op is the outer one: it keeps its attributes (MIL op name).
// CHECK-LABEL: func @transpose_compose
// CHECK: %[[T:.*]] = mil.transpose %arg0 perm = [1, 0, 2] {mil.name = "outer"} : tensor<2x3x4xf16>
// CHECK-NOT: mil.transpose
// CHECK: mil.relu %[[T]] : tensor<3x2x4xf16>
func.func @transpose_compose(%x: tensor<2x3x4xf16>) -> tensor<3x2x4xf16> {
  %0 = mil.transpose %x perm = [1, 2, 0] {mil.name = "inner"} : tensor<2x3x4xf16>
  %1 = mil.transpose %0 perm = [0, 2, 1] {mil.name = "outer"} : tensor<3x4x2xf16>
  %r = mil.relu %1 : tensor<3x2x4xf16>
  return %r : tensor<3x2x4xf16>
}

// Inverse permutations (written with negative entries) cancel.
// CHECK-LABEL: func @transpose_inverse
// CHECK-NOT: mil.transpose
// CHECK: mil.relu %arg0
func.func @transpose_inverse(%x: tensor<1x2x3x4xf16>) -> tensor<1x2x3x4xf16> {
  %0 = mil.transpose %x perm = [0, 2, -1, 1] : tensor<1x2x3x4xf16>
  %1 = mil.transpose %0 perm = [0, 3, 1, 2] : tensor<1x3x4x2xf16>
  %r = mil.relu %1 : tensor<1x2x3x4xf16>
  return %r : tensor<1x2x3x4xf16>
}

// A transpose whose input is no transpose is left alone.
// CHECK-LABEL: func @transpose_single
// CHECK: mil.transpose %arg0 perm = [1, 0]
func.func @transpose_single(%x: tensor<2x3xf16>) -> tensor<3x2xf16> {
  %0 = mil.transpose %x perm = [1, 0] : tensor<2x3xf16>
  %r = mil.relu %0 : tensor<3x2xf16>
  return %r : tensor<3x2xf16>
}

// -----

// CHECK-LABEL: func @expand_then_squeeze
// CHECK-NOT: mil.expand_dims
// CHECK-NOT: mil.squeeze
// CHECK: mil.relu %arg0
func.func @expand_then_squeeze(%x: tensor<64x32xf16>) -> tensor<64x32xf16> {
  %0 = mil.expand_dims %x axes = [0, 2] : tensor<64x32xf16>
  %1 = mil.squeeze %0 axes = [0, 2] : tensor<1x64x1x32xf16>
  %r = mil.relu %1 : tensor<64x32xf16>
  return %r : tensor<64x32xf16>
}

// CHECK-LABEL: func @squeeze_then_expand
// CHECK-NOT: mil.squeeze
// CHECK-NOT: mil.expand_dims
// CHECK: mil.relu %arg0
func.func @squeeze_then_expand(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  %0 = mil.squeeze %x : tensor<1x64x1x32xf16>
  %1 = mil.expand_dims %0 axes = [0, 2] : tensor<64x32xf16>
  %r = mil.relu %1 : tensor<1x64x1x32xf16>
  return %r : tensor<1x64x1x32xf16>
}

// Only the shape matters: putting the unit dim back elsewhere is the same
// row-major data, and a reshape in the chain is one more reshape.
// CHECK-LABEL: func @reshape_like_chain_identity
// CHECK-NOT: mil.reshape
// CHECK-NOT: mil.squeeze
// CHECK: mil.relu %arg0
func.func @reshape_like_chain_identity(%x: tensor<1x64x32xf16>) -> tensor<1x64x32xf16> {
  %0 = mil.reshape %x shape = [64, 1, 32] : tensor<1x64x32xf16> -> tensor<64x1x32xf16>
  %1 = mil.squeeze %0 axes = [1] : tensor<64x1x32xf16>
  %2 = mil.expand_dims %1 axes = [0] : tensor<64x32xf16>
  %r = mil.relu %2 : tensor<1x64x32xf16>
  return %r : tensor<1x64x32xf16>
}

// A reshape of a squeeze reads the squeeze's input directly.
// CHECK-LABEL: func @reshape_of_squeeze
// CHECK: %[[R:.*]] = mil.reshape %arg0 shape = [2, 32, 32] {mil.name = "r"} : tensor<1x64x1x32xf16> -> tensor<2x32x32xf16>
// CHECK-NOT: mil.squeeze
// CHECK: mil.relu %[[R]]
func.func @reshape_of_squeeze(%x: tensor<1x64x1x32xf16>) -> tensor<2x32x32xf16> {
  %0 = mil.squeeze %x axes = [0, 2] : tensor<1x64x1x32xf16>
  %1 = mil.reshape %0 shape = [2, 32, 32] {mil.name = "r"} : tensor<64x32xf16> -> tensor<2x32x32xf16>
  %r = mil.relu %1 : tensor<2x32x32xf16>
  return %r : tensor<2x32x32xf16>
}

// A pair that changes the shape stays.
// CHECK-LABEL: func @expand_then_squeeze_other
// CHECK: mil.expand_dims
// CHECK: mil.squeeze
func.func @expand_then_squeeze_other(%x: tensor<1x32xf16>) -> tensor<32xf16> {
  %0 = mil.expand_dims %x axes = [0] : tensor<1x32xf16>
  %1 = mil.squeeze %0 : tensor<1x1x32xf16>
  %r = mil.relu %1 : tensor<32xf16>
  return %r : tensor<32xf16>
}

// -----

// CHECK-LABEL: func @reshape_of_const
// CHECK: %[[C:.*]] = mil.const {val = dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf16>} : tensor<2x2xf16>
// CHECK-NOT: mil.reshape
// CHECK-NOT: mil.expand_dims
// CHECK: mil.add %arg0, %[[C]]
func.func @reshape_of_const(%x: tensor<2x2xf16>) -> tensor<2x2xf16> {
  %c = mil.const {val = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>} : tensor<4xf16>
  %0 = mil.expand_dims %c axes = [0] : tensor<4xf16>
  %1 = mil.reshape %0 shape = [2, 2] : tensor<1x4xf16> -> tensor<2x2xf16>
  %2 = mil.add %x, %1 : (tensor<2x2xf16>, tensor<2x2xf16>) -> tensor<2x2xf16>
  return %2 : tensor<2x2xf16>
}

// Weights in a resource blob are not copied.
// CHECK-LABEL: func @reshape_of_resource_kept
// CHECK: mil.reshape
func.func @reshape_of_resource_kept(%x: tensor<2x2xf16>) -> tensor<2x2xf16> {
  %c = mil.const {val = dense_resource<w> : tensor<4xf16>} : tensor<4xf16>
  %0 = mil.reshape %c shape = [2, 2] : tensor<4xf16> -> tensor<2x2xf16>
  %1 = mil.add %x, %0 : (tensor<2x2xf16>, tensor<2x2xf16>) -> tensor<2x2xf16>
  return %1 : tensor<2x2xf16>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x02000000003C004000420044"
    }
  }
#-}

// -----

// CHECK-LABEL: func @tile_ones
// CHECK-NOT: mil.tile
// CHECK: mil.relu %arg0
func.func @tile_ones(%x: tensor<1x16x1x32xf16>) -> tensor<1x16x1x32xf16> {
  %0 = mil.tile %x reps = [1, 1, 1, 1] : tensor<1x16x1x32xf16>
  %r = mil.relu %0 : tensor<1x16x1x32xf16>
  return %r : tensor<1x16x1x32xf16>
}

// CHECK-LABEL: func @tile_repeats
// CHECK: mil.tile %arg0 reps = [1, 2, 1, 1]
func.func @tile_repeats(%x: tensor<1x16x1x32xf16>) -> tensor<1x32x1x32xf16> {
  %0 = mil.tile %x reps = [1, 2, 1, 1] : tensor<1x16x1x32xf16>
  %r = mil.relu %0 : tensor<1x32x1x32xf16>
  return %r : tensor<1x32x1x32xf16>
}

// -----

// A program output is named after the op that defines it: an identity op
// whose result is returned stays, so the output keeps its name.
// CHECK-LABEL: func @outputs_keep_their_op
// CHECK: mil.transpose %arg0 perm = [0, 1]
// CHECK: mil.reshape %arg0 shape = [2, 3]
// CHECK: mil.tile %arg0 reps = [1, 1]
// CHECK: mil.cast %arg0
// CHECK: mil.reshape %{{.*}} shape = [3, 2]
// CHECK: return
func.func @outputs_keep_their_op(%x: tensor<2x3xf16>)
    -> (tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<3x2xf16>) {
  %0 = mil.transpose %x perm = [0, 1] : tensor<2x3xf16>
  %1 = mil.reshape %x shape = [2, 3] : tensor<2x3xf16> -> tensor<2x3xf16>
  %2 = mil.tile %x reps = [1, 1] : tensor<2x3xf16>
  %3 = mil.cast %x {dtype = "fp16"} : (tensor<2x3xf16>) -> tensor<2x3xf16>
  %c = mil.const {val = dense<1.0> : tensor<6xf16>} : tensor<6xf16>
  %4 = mil.reshape %c shape = [3, 2] : tensor<6xf16> -> tensor<3x2xf16>
  return %0, %1, %2, %3, %4 : tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<3x2xf16>
}

// -----

// A returned identity op folds into an op result when nothing names it; a
// MIL name (NameLoc or mil.name) on the returned op, or a value that is
// already returned, keeps it.
// CHECK-LABEL: func @outputs_fold_unnamed
// CHECK: %[[R:.*]] = mil.relu %arg0
// CHECK: %[[KEEP1:.*]] = mil.reshape %[[R]] shape = [2, 3] {mil.name = "y"}
// CHECK: %[[KEEP2:.*]] = mil.reshape %[[R]] shape = [2, 3] :
// CHECK: %[[KEEP3:.*]] = mil.tile %[[R]]
// CHECK: %[[KEEP4:.*]] = mil.transpose %[[R]] perm = [0, 1]
// CHECK: return %[[R]], %[[KEEP1]], %[[KEEP2]], %[[KEEP3]], %[[KEEP4]]
func.func @outputs_fold_unnamed(%x: tensor<2x3xf16>)
    -> (tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>) {
  %r = mil.relu %x : tensor<2x3xf16>
  %0 = mil.reshape %r shape = [2, 3] : tensor<2x3xf16> -> tensor<2x3xf16>
  %1 = mil.reshape %r shape = [2, 3] {mil.name = "y"} : tensor<2x3xf16> -> tensor<2x3xf16>
  %2 = mil.reshape %r shape = [2, 3] : tensor<2x3xf16> -> tensor<2x3xf16> loc("z")
  %3 = mil.tile %r reps = [1, 1] : tensor<2x3xf16>
  %4 = mil.transpose %r perm = [0, 1] : tensor<2x3xf16>
  return %0, %1, %2, %3, %4 : tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>, tensor<2x3xf16>
}
