// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | FileCheck %s --check-prefix=TYPES

// Custom and generic forms round-trip; TYPES checks the inferred result
// types, which the custom form does not spell (except for reshape).

// CHECK-LABEL: func @reshape_ios17
// CHECK: mil.reshape %{{.*}} shape = [1, 0, -1, 0] : tensor<2x50xf16> -> tensor<1x1x2x50xf16>
// CHECK: mil.reshape %{{.*}} shape = [-1, 5] : tensor<2x50xf16> -> tensor<20x5xf16>
// CHECK: mil.reshape %{{.*}} shape = [0, -1] : tensor<?x50xf16> -> tensor<?x?xf16>
func.func @reshape_ios17(%x: tensor<2x50xf16>, %d: tensor<?x50xf16>) -> (tensor<1x1x2x50xf16>, tensor<20x5xf16>, tensor<?x?xf16>) {
  %0 = mil.reshape %x shape = [1, 0, -1, 0] : tensor<2x50xf16> -> tensor<1x1x2x50xf16>
  %1 = mil.reshape %x shape = [-1, 5] : tensor<2x50xf16> -> tensor<20x5xf16>
  %2 = mil.reshape %d shape = [0, -1] : tensor<?x50xf16> -> tensor<?x?xf16>
  return %0, %1, %2 : tensor<1x1x2x50xf16>, tensor<20x5xf16>, tensor<?x?xf16>
}

// iOS15 `0` is positional: with shape [0, 0, -1] on 2x5x10, dim 0 copies 2.
// CHECK-LABEL: func @reshape_ios15
// CHECK: mil.reshape %{{.*}} shape = [0, 0, -1] : tensor<2x5x10xf16> -> tensor<2x5x10xf16>
func.func @reshape_ios15(%x: tensor<2x5x10xf16>) -> tensor<2x5x10xf16> attributes {mil.opset = "ios15"} {
  %0 = mil.reshape %x shape = [0, 0, -1] : tensor<2x5x10xf16> -> tensor<2x5x10xf16>
  return %0 : tensor<2x5x10xf16>
}

// CHECK-LABEL: func @transpose
// CHECK: mil.transpose %{{.*}} perm = [0, 1, 3, 2] : tensor<1x1x64x32xf16>
// TYPES-LABEL: sym_name = "transpose"
// TYPES: "mil.transpose"{{.*}} -> tensor<1x1x32x64xf16>
// TYPES: "mil.transpose"{{.*}} -> tensor<?x4x3xi32>
func.func @transpose(%x: tensor<1x1x64x32xf16>, %d: tensor<3x4x?xi32>) -> (tensor<1x1x32x64xf16>, tensor<?x4x3xi32>) {
  %0 = mil.transpose %x perm = [0, 1, 3, 2] : tensor<1x1x64x32xf16>
  %1 = mil.transpose %d perm = [-1, 1, 0] : tensor<3x4x?xi32>
  return %0, %1 : tensor<1x1x32x64xf16>, tensor<?x4x3xi32>
}

// The packed-input unpacking of ANE training kernels.
// CHECK-LABEL: func @slice_by_size
// CHECK: mil.slice_by_size %{{.*}} begin = [0, 0, 0, 0] size = [1, 64, 1, 32] : tensor<1x64x1x96xf16>
// TYPES-LABEL: sym_name = "slice_by_size"
// TYPES: "mil.slice_by_size"{{.*}} -> tensor<1x64x1x32xf16>
// TYPES: "mil.slice_by_size"{{.*}} -> tensor<1x64x1x64xf16>
// TYPES: "mil.slice_by_size"{{.*}} -> tensor<2x?xf16>
func.func @slice_by_size(%x: tensor<1x64x1x96xf16>, %d: tensor<4x?xf16>) -> (tensor<1x64x1x32xf16>, tensor<1x64x1x64xf16>, tensor<2x?xf16>) {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 64, 1, 32] : tensor<1x64x1x96xf16>
  %1 = mil.slice_by_size %x begin = [0, 0, 0, -64] size = [-1, -1, -1, -1] : tensor<1x64x1x96xf16>
  %2 = mil.slice_by_size %d begin = [1, 3] size = [2, -1] : tensor<4x?xf16>
  return %0, %1, %2 : tensor<1x64x1x32xf16>, tensor<1x64x1x64xf16>, tensor<2x?xf16>
}

// CHECK-LABEL: func @slice_by_index
// CHECK: mil.slice_by_index %{{.*}} begin = [0, 0, 0, 1] end = [1, 4, 16, 32] stride = [1, 1, 1, 2] : tensor<1x4x16x32xf16>
// CHECK: mil.slice_by_index %{{.*}} begin = [0, 0, 0, 0] end = [0, 0, 0, 0] stride = [1, 1, -1, 1] begin_mask = [true, true, true, false] end_mask = [true, true, true, false] squeeze_mask = [false, false, false, true] : tensor<1x4x16x32xf16>
// TYPES-LABEL: sym_name = "slice_by_index"
// TYPES: "mil.slice_by_index"{{.*}} -> tensor<1x4x16x16xf16>
// TYPES: "mil.slice_by_index"{{.*}} -> tensor<1x4x16xf16>
// TYPES: "mil.slice_by_index"{{.*}} -> tensor<1x?x1xf16>
func.func @slice_by_index(%x: tensor<1x4x16x32xf16>, %d: tensor<5x?x8xf16>) -> (tensor<1x4x16x16xf16>, tensor<1x4x16xf16>, tensor<1x?x1xf16>) {
  %0 = mil.slice_by_index %x begin = [0, 0, 0, 1] end = [1, 4, 16, 32] stride = [1, 1, 1, 2] : tensor<1x4x16x32xf16>
  // Reverse dim 2, take element 0 of dim 3.
  %1 = mil.slice_by_index %x begin = [0, 0, 0, 0] end = [0, 0, 0, 0] stride = [1, 1, -1, 1] begin_mask = [true, true, true, false] end_mask = [true, true, true, false] squeeze_mask = [false, false, false, true] : tensor<1x4x16x32xf16>
  // Python clamping: 3:100 on 5 gives 2 elements; -1:-2:-1 on 8 gives 1.
  %2 = mil.slice_by_index %d begin = [4, 0, -1] end = [100, 7, -2] stride = [1, 1, -1] : tensor<5x?x8xf16>
  return %0, %1, %2 : tensor<1x4x16x16xf16>, tensor<1x4x16xf16>, tensor<1x?x1xf16>
}

// CHECK-LABEL: func @concat
// CHECK: mil.concat %{{.*}}, %{{.*}} axis = 1 : tensor<1x64x1x32xf16>, tensor<1x16x1x32xf16>
// CHECK: mil.concat %{{.*}}, %{{.*}} axis = -1 interleave = true : tensor<1x16x1x32xf16>, tensor<1x16x1x32xf16>
// TYPES-LABEL: sym_name = "concat"
// TYPES: "mil.concat"{{.*}} -> tensor<1x80x1x32xf16>
// TYPES: "mil.concat"{{.*}} -> tensor<1x16x1x64xf16>
// TYPES: "mil.concat"{{.*}} -> tensor<?x8xf16>
func.func @concat(%a: tensor<1x64x1x32xf16>, %b: tensor<1x16x1x32xf16>, %c: tensor<?x8xf16>, %e: tensor<3x?xf16>) -> (tensor<1x80x1x32xf16>, tensor<1x16x1x64xf16>, tensor<?x8xf16>) {
  %0 = mil.concat %a, %b axis = 1 : tensor<1x64x1x32xf16>, tensor<1x16x1x32xf16>
  %1 = mil.concat %b, %b axis = -1 interleave = true : tensor<1x16x1x32xf16>, tensor<1x16x1x32xf16>
  %2 = mil.concat %c, %e axis = 0 : tensor<?x8xf16>, tensor<3x?xf16>
  return %0, %1, %2 : tensor<1x80x1x32xf16>, tensor<1x16x1x64xf16>, tensor<?x8xf16>
}

// CHECK-LABEL: func @split
// CHECK: mil.split %{{.*}} axis = 1 num_splits = 2 : tensor<1x128x1x32xf16>
// CHECK: mil.split %{{.*}} axis = -1 split_sizes = [8, 24] : tensor<1x128x1x32xf16>
// TYPES-LABEL: sym_name = "split"
// TYPES: "mil.split"{{.*}} -> (tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>)
// TYPES: "mil.split"{{.*}} -> (tensor<1x128x1x8xf16>, tensor<1x128x1x24xf16>)
// TYPES: "mil.split"{{.*}} -> (tensor<?x2xf16>, tensor<?x2xf16>, tensor<?x2xf16>)
func.func @split(%x: tensor<1x128x1x32xf16>, %d: tensor<?x2xf16>) -> (tensor<1x64x1x32xf16>, tensor<1x128x1x24xf16>, tensor<?x2xf16>) {
  %0:2 = mil.split %x axis = 1 num_splits = 2 : tensor<1x128x1x32xf16>
  %1:2 = mil.split %x axis = -1 split_sizes = [8, 24] : tensor<1x128x1x32xf16>
  %2:3 = mil.split %d axis = 0 num_splits = 3 : tensor<?x2xf16>
  return %0#1, %1#1, %2#2 : tensor<1x64x1x32xf16>, tensor<1x128x1x24xf16>, tensor<?x2xf16>
}

// CHECK-LABEL: func @expand_squeeze
// CHECK: mil.expand_dims %{{.*}} axes = [0, -2] : tensor<64x32xf16>
// CHECK: mil.squeeze %{{.*}} axes = [0, 1] : tensor<1x64x1x32xf16>
// CHECK: mil.squeeze %{{.*}} : tensor<1x64x1x32xf16>
// TYPES-LABEL: sym_name = "expand_squeeze"
// TYPES: "mil.expand_dims"{{.*}} -> tensor<1x64x1x32xf16>
// TYPES: "mil.squeeze"{{.*}} -> tensor<64x1x32xf16>
// TYPES: "mil.squeeze"{{.*}} -> tensor<64x32xf16>
func.func @expand_squeeze(%x: tensor<64x32xf16>) -> (tensor<1x64x1x32xf16>, tensor<64x1x32xf16>, tensor<64x32xf16>) {
  %0 = mil.expand_dims %x axes = [0, -2] : tensor<64x32xf16>
  // Listed axis 1 has size 64: kept, as in PyTorch.
  %1 = mil.squeeze %0 axes = [0, 1] : tensor<1x64x1x32xf16>
  %2 = mil.squeeze %0 : tensor<1x64x1x32xf16>
  return %0, %1, %2 : tensor<1x64x1x32xf16>, tensor<64x1x32xf16>, tensor<64x32xf16>
}

// CHECK-LABEL: func @tile_pad
// CHECK: mil.tile %{{.*}} reps = [1, 4, 1, 1] : tensor<1x16x1x32xf16>
// CHECK: mil.pad %{{.*}} pad = [0, 0, 1, 2] mode = "reflect" : tensor<1x8x16x16xf16>
// CHECK: mil.pad %{{.*}} pad = [2, 2] constant_val = 1.000000e+00 : f32 : tensor<1x8x16x16xf16>
// TYPES-LABEL: sym_name = "tile_pad"
// TYPES: "mil.tile"{{.*}} -> tensor<1x64x1x32xf16>
// TYPES: "mil.pad"{{.*}} -> tensor<1x8x16x19xf16>
// TYPES: "mil.pad"{{.*}} -> tensor<1x8x16x20xf16>
func.func @tile_pad(%x: tensor<1x16x1x32xf16>, %y: tensor<1x8x16x16xf16>) -> (tensor<1x64x1x32xf16>, tensor<1x8x16x19xf16>, tensor<1x8x16x20xf16>) {
  %0 = mil.tile %x reps = [1, 4, 1, 1] : tensor<1x16x1x32xf16>
  %1 = mil.pad %y pad = [0, 0, 1, 2] mode = "reflect" : tensor<1x8x16x16xf16>
  %2 = mil.pad %y pad = [2, 2] constant_val = 1.0 : f32 : tensor<1x8x16x16xf16>
  return %0, %1, %2 : tensor<1x64x1x32xf16>, tensor<1x8x16x19xf16>, tensor<1x8x16x20xf16>
}

// CHECK-LABEL: func @gather_band_stack
// CHECK: mil.gather %{{.*}}, %{{.*}} : tensor<1000x64xf16>, tensor<1x8xi32>
// CHECK: mil.gather %{{.*}}, %{{.*}} axis = 1 batch_dims = 1 validate_indices = true : tensor<4x10x3xf16>, tensor<4x5xui16>
// CHECK: mil.band_part %{{.*}} upper = 0 : tensor<1x4x64x64xf16>
// CHECK: mil.stack %{{.*}}, %{{.*}} axis = -1 : tensor<64x32xf16>, tensor<64x32xf16>
// TYPES-LABEL: sym_name = "gather_band_stack"
// TYPES: "mil.gather"{{.*}} -> tensor<1x8x64xf16>
// TYPES: "mil.gather"{{.*}} -> tensor<4x5x3xf16>
// TYPES: "mil.band_part"{{.*}} -> tensor<1x4x64x64xf16>
// TYPES: "mil.stack"{{.*}} -> tensor<64x32x2xf16>
func.func @gather_band_stack(%t: tensor<1000x64xf16>, %i: tensor<1x8xi32>, %x: tensor<4x10x3xf16>, %j: tensor<4x5xui16>, %s: tensor<1x4x64x64xf16>, %a: tensor<64x32xf16>) -> (tensor<1x8x64xf16>, tensor<4x5x3xf16>, tensor<1x4x64x64xf16>, tensor<64x32x2xf16>) {
  %0 = mil.gather %t, %i : tensor<1000x64xf16>, tensor<1x8xi32>
  %1 = mil.gather %x, %j axis = 1 batch_dims = 1 validate_indices = true : tensor<4x10x3xf16>, tensor<4x5xui16>
  %2 = mil.band_part %s upper = 0 : tensor<1x4x64x64xf16>
  %3 = mil.stack %a, %a axis = -1 : tensor<64x32xf16>, tensor<64x32xf16>
  return %0, %1, %2, %3 : tensor<1x8x64xf16>, tensor<4x5x3xf16>, tensor<1x4x64x64xf16>, tensor<64x32x2xf16>
}
