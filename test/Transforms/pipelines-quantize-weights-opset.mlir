// RUN: ane-opt %s -split-input-file -mil-quantize-weights="min-elements=4" -verify-diagnostics | FileCheck %s

// mil-quantize-weights inserts constexpr_affine_dequantize (ios16): on an
// older program it stops with an error at the function instead of emitting
// a program the exporter rejects (found by --mil-ane-w8 on the ios15
// silero-vad corpus model, pipelines-corpus-quant.test).

module attributes {mil.opset = "ios15"} {
  // expected-error@+1 {{mil-quantize-weights: constexpr_affine_dequantize needs opset ios16 or later, the function targets ios15}}
  func.func @old(%x: tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16> {
    %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
    %c = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
    return %c : tensor<1x2x1x4xf16>
  }
}

// -----

// Nothing to quantize (the weight is below min-elements): no error.
// CHECK-LABEL: func @old_small
// CHECK-NOT: constexpr_affine_dequantize
module attributes {mil.opset = "ios15"} {
  func.func @old_small(%x: tensor<1x1x1x4xf16>) -> tensor<1x1x1x4xf16> {
    %w = mil.const {val = dense<1.0> : tensor<1x1x1x1xf16>} : tensor<1x1x1x1xf16>
    %c = mil.conv %x, %w : (tensor<1x1x1x4xf16>, tensor<1x1x1x1xf16>) -> tensor<1x1x1x4xf16>
    return %c : tensor<1x1x1x4xf16>
  }
}

// -----

// ios16: quantized.
// CHECK-LABEL: func @new
// CHECK: mil.constexpr_affine_dequantize
module attributes {mil.opset = "ios16"} {
  func.func @new(%x: tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16> {
    %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
    %c = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
    return %c : tensor<1x2x1x4xf16>
  }
}
