// RUN: ane-opt %s -mil-split-program="max-weight-tensors=1" -split-input-file -verify-diagnostics
// RUN: not ane-opt %s -mil-split-program="max-weight-bytes=100" 2>&1 | FileCheck %s --check-prefix=BYTES

// The byte limit: the weight (512 bytes) and bias (32 bytes) together.
// BYTES: error: 'mil.conv' op mil-split-program: this op alone needs 544 weight bytes (max-weight-bytes = 100); no split can respect the limits

// A conv with a weight and a bias needs two weight tensors: no split fits.
func.func @main(%x: tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16> {
  %w = mil.const {val = dense<0.5> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
  %b = mil.const {val = dense<0.5> : tensor<16xf16>} : tensor<16xf16>
  // expected-error @+1 {{mil-split-program: this op alone needs 2 weight tensors (max-weight-tensors = 1); no split can respect the limits}}
  %0 = mil.conv %x, %w bias %b : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>, tensor<16xf16>) -> tensor<1x16x1x8xf16>
  return %0 : tensor<1x16x1x8xf16>
}
