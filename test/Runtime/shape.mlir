// Data movement on fp16 (bit-exact): reshape, transpose, slice_by_index
// (negative stride, end/squeeze masks), slice_by_size, concat (+interleave),
// split, expand_dims, squeeze, tile, pad (3 modes), gather (+batch_dims),
// band_part, stack
// vs NumPy (Inputs/ref.py shape_f16).

// REQUIRES: mil-op-reshape, mil-op-transpose, mil-op-slice_by_index, mil-op-slice_by_size, mil-op-concat, mil-op-tile, mil-op-split, mil-op-expand_dims, mil-op-squeeze, mil-op-pad, mil-op-gather, mil-op-band_part, mil-op-stack

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py shape_f16 %t
// RUN: ane-run run %s --input x=%t/x.npy --input x2=%t/x2.npy --input idx=%t/idx.npy --input bidx=%t/bidx.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --exact

!t = tensor<2x3x4xf16>
func.func @main(%x: !t {mil.name = "x"}, %x2: tensor<2x1x4xf16> {mil.name = "x2"}, %idx: tensor<2xi32> {mil.name = "idx"},
    %bidx: tensor<2x2xi32> {mil.name = "bidx"}) -> (
    tensor<4x6xf16> {mil.name = "reshape"}, tensor<4x2x3xf16> {mil.name = "transpose"},
    tensor<2x4xf16> {mil.name = "slice_index"}, tensor<2x2x2xf16> {mil.name = "slice_size"},
    tensor<2x4x4xf16> {mil.name = "concat"}, tensor<2x3x8xf16> {mil.name = "interleave"},
    tensor<2x1x4xf16> {mil.name = "split0"}, tensor<2x2x4xf16> {mil.name = "split1"},
    tensor<1x2x3x4xf16> {mil.name = "expand"}, tensor<2x4xf16> {mil.name = "squeeze"},
    tensor<2x6x4xf16> {mil.name = "tile"}, tensor<2x3x7xf16> {mil.name = "pad_reflect"},
    tensor<2x4x6xf16> {mil.name = "pad_constant"}, tensor<2x3x7xf16> {mil.name = "pad_replicate"},
    tensor<2x2x4xf16> {mil.name = "gather"}, tensor<2x2x4xf16> {mil.name = "gather_batch"},
    !t {mil.name = "band"},
    tensor<2x2x3x4xf16> {mil.name = "stack"}) {
  %0 = "mil.reshape"(%x) <{shape = array<i32: 4, 6>}> : (!t) -> tensor<4x6xf16>
  %1 = "mil.transpose"(%x) <{perm = array<i32: 2, 0, 1>}> : (!t) -> tensor<4x2x3xf16>
  %2 = "mil.slice_by_index"(%x) <{begin = array<i32: 1, 0, 3>, end = array<i32: 2, 3, 0>, stride = array<i32: 1, 2, -1>, end_mask = array<i1: false, false, true>, squeeze_mask = array<i1: true, false, false>}> : (!t) -> tensor<2x4xf16>
  %3 = "mil.slice_by_size"(%x) <{begin = array<i32: 0, 1, 1>, size = array<i32: 2, -1, 2>}> : (!t) -> tensor<2x2x2xf16>
  %4 = "mil.concat"(%x, %x2) <{axis = 1 : i32}> : (!t, tensor<2x1x4xf16>) -> tensor<2x4x4xf16>
  %x2r = "mil.tile"(%x2) <{reps = array<i32: 1, 3, 1>}> : (tensor<2x1x4xf16>) -> !t
  %5 = "mil.concat"(%x, %x2r) <{axis = 2 : i32, interleave = true}> : (!t, !t) -> tensor<2x3x8xf16>
  %6:2 = "mil.split"(%x) <{axis = 1 : i32, split_sizes = array<i32: 1, 2>}> : (!t) -> (tensor<2x1x4xf16>, tensor<2x2x4xf16>)
  %7 = "mil.expand_dims"(%x) <{axes = array<i32: 0>}> : (!t) -> tensor<1x2x3x4xf16>
  %8 = "mil.squeeze"(%x2) <{axes = array<i32: 1>}> : (tensor<2x1x4xf16>) -> tensor<2x4xf16>
  %9 = "mil.tile"(%x) <{reps = array<i32: 1, 2, 1>}> : (!t) -> tensor<2x6x4xf16>
  %10 = "mil.pad"(%x) <{pad = array<i32: 1, 2>, mode = "reflect"}> : (!t) -> tensor<2x3x7xf16>
  %11 = "mil.pad"(%x) <{pad = array<i32: 0, 1, 2, 0>, mode = "constant", constant_val = 9.000000e+00 : f32}> : (!t) -> tensor<2x4x6xf16>
  %12 = "mil.pad"(%x) <{pad = array<i32: 1, 2>, mode = "replicate"}> : (!t) -> tensor<2x3x7xf16>
  %13 = "mil.gather"(%x, %idx) <{axis = 1 : i32}> : (!t, tensor<2xi32>) -> tensor<2x2x4xf16>
  %gb = "mil.gather"(%x, %bidx) <{axis = 1 : i32, batch_dims = 1 : i32}> : (!t, tensor<2x2xi32>) -> tensor<2x2x4xf16>
  %14 = "mil.band_part"(%x) <{lower = 1 : i32, upper = 0 : i32}> : (!t) -> !t
  %15 = "mil.stack"(%x, %x) <{axis = 1 : i32}> : (!t, !t) -> tensor<2x2x3x4xf16>
  return %0, %1, %2, %3, %4, %5, %6#0, %6#1, %7, %8, %9, %10, %11, %12, %13, %gb, %14, %15
    : tensor<4x6xf16>, tensor<4x2x3xf16>, tensor<2x4xf16>, tensor<2x2x2xf16>, tensor<2x4x4xf16>, tensor<2x3x8xf16>, tensor<2x1x4xf16>, tensor<2x2x4xf16>, tensor<1x2x3x4xf16>, tensor<2x4xf16>, tensor<2x6x4xf16>, tensor<2x3x7xf16>, tensor<2x4x6xf16>, tensor<2x3x7xf16>, tensor<2x2x4xf16>, tensor<2x2x4xf16>, !t, tensor<2x2x3x4xf16>
}
