// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @type_mismatch() -> tensor<3xf16> {
  // expected-error @+1 {{'mil.const' op value type 'tensor<2xf16>' does not match result type 'tensor<3xf16>'}}
  %0 = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf16>} : tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

func.func @not_a_tensor() -> tensor<2xf16> {
  // expected-error @+1 {{attribute 'val' failed to satisfy constraint}}
  %0 = mil.const {val = 3 : i32} : tensor<2xf16>
  return %0 : tensor<2xf16>
}
