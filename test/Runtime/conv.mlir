// conv (groups, strides, dilations with a constant weight, custom / same padding, bias, 1-D) and
// conv_transpose (with and without groups and padding) vs direct loops in
// NumPy (Inputs/ref.py conv_f32): |err| <= 1e-5 + 1e-5 |ref|. The fp16 1x1
// conv (the ANE's workhorse, 1x1-as-GEMM path) is within 1 fp16 ulp.

// REQUIRES: mil-op-conv, mil-op-conv_transpose

// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %npython %refs/ref.py conv_f32 %t/a
// RUN: ane-run run %s --entry conv_f32 --input x=%t/a/x.npy --input w=%t/a/w.npy --input b=%t/a/b.npy --input xs=%t/a/xs.npy --input ws=%t/a/ws.npy --input x1=%t/a/x1.npy --input w1=%t/a/w1.npy --input xt=%t/a/xt.npy --input wt=%t/a/wt.npy --input wtg=%t/a/wtg.npy --input xd=%t/a/xd.npy --output-dir %t/a
// RUN: %npython %refs/check_npy.py --dir %t/a --atol 1e-5 --rtol 1e-5
// RUN: %npython %refs/ref.py conv1x1_f16 %t/b
// RUN: ane-run run %s --entry conv1x1_f16 --input x=%t/b/x.npy --input w=%t/b/w.npy --output-dir %t/b
// RUN: %npython %refs/check_npy.py --dir %t/b --atol 1e-3 --rtol 1e-3

func.func @conv_f32(%x: tensor<1x4x7x8xf32> {mil.name = "x"}, %w: tensor<6x2x3x3xf32> {mil.name = "w"}, %b: tensor<6xf32> {mil.name = "b"},
                    %xs: tensor<1x3x5x5xf32> {mil.name = "xs"}, %ws: tensor<4x3x3x3xf32> {mil.name = "ws"},
                    %x1: tensor<1x4x10xf32> {mil.name = "x1"}, %w1: tensor<5x4x3xf32> {mil.name = "w1"},
                    %xt: tensor<1x4x3x3xf32> {mil.name = "xt"}, %wt: tensor<4x3x3x3xf32> {mil.name = "wt"},
                    %wtg: tensor<4x1x3x3xf32> {mil.name = "wtg"}, %xd: tensor<1x1x6x6xf32> {mil.name = "xd"}) -> (
    tensor<1x6x3x9xf32> {mil.name = "grouped"}, tensor<1x1x4x4xf32> {mil.name = "dilated"}, tensor<1x4x3x3xf32> {mil.name = "same"},
    tensor<1x5x8xf32> {mil.name = "conv1d"}, tensor<1x3x7x7xf32> {mil.name = "convt"},
    tensor<1x2x5x5xf32> {mil.name = "convt_g"}) {
  %0 = "mil.conv"(%x, %w, %b) <{strides = array<i32: 2, 1>, pad_type = "custom", pad = array<i32: 1, 0, 2, 1>, groups = 2 : i32}> : (tensor<1x4x7x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x3x9xf32>
  %wd = mil.const {val = dense<[[[[1.0, -2.0], [0.5, 0.25]]]]> : tensor<1x1x2x2xf32>} : tensor<1x1x2x2xf32>
  %d = "mil.conv"(%xd, %wd) <{pad_type = "valid", dilations = array<i32: 2, 2>}> : (tensor<1x1x6x6xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  %1 = "mil.conv"(%xs, %ws) <{strides = array<i32: 2, 2>, pad_type = "same"}> : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  %2 = "mil.conv"(%x1, %w1) <{pad_type = "valid"}> : (tensor<1x4x10xf32>, tensor<5x4x3xf32>) -> tensor<1x5x8xf32>
  %3 = "mil.conv_transpose"(%xt, %wt) <{strides = array<i32: 2, 2>, pad_type = "valid"}> : (tensor<1x4x3x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x7x7xf32>
  %4 = "mil.conv_transpose"(%xt, %wtg) <{strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 1, 1, 1>, groups = 2 : i32}> : (tensor<1x4x3x3xf32>, tensor<4x1x3x3xf32>) -> tensor<1x2x5x5xf32>
  return %0, %d, %1, %2, %3, %4 : tensor<1x6x3x9xf32>, tensor<1x1x4x4xf32>, tensor<1x4x3x3xf32>, tensor<1x5x8xf32>, tensor<1x3x7x7xf32>, tensor<1x2x5x5xf32>
}

func.func @conv1x1_f16(%x: tensor<1x64x1x32xf16> {mil.name = "x"}, %w: tensor<64x64x1x1xf16> {mil.name = "w"}) -> tensor<1x64x1x32xf16> {
  %0 = "mil.conv"(%x, %w) <{pad_type = "valid"}> : (tensor<1x64x1x32xf16>, tensor<64x64x1x1xf16>) -> tensor<1x64x1x32xf16>
  return %0 : tensor<1x64x1x32xf16>
}
