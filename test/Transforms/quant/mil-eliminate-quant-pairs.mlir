// RUN: ane-opt %s -split-input-file -mil-eliminate-quant-pairs | FileCheck %s
// Idempotence.
// RUN: ane-opt %s -split-input-file -mil-eliminate-quant-pairs | ane-opt -split-input-file -mil-eliminate-quant-pairs | FileCheck %s

// dequantize -> quantize with the same scale and (absent) zero point
// is the identity on the int8 value.
// CHECK-LABEL: func @dq_q
// CHECK-NEXT: %[[Q:.*]] = mil.quantize %arg0 scale = dense<1.250000e-01>
// CHECK-NEXT: return %[[Q]]
func.func @dq_q(%x: tensor<1x4xf16>) -> tensor<1x4xi8> {
  %q = mil.quantize %x scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x4xf16>
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<1x4xi8>
  %q2 = mil.quantize %d scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x4xf16>
  return %q2 : tensor<1x4xi8>
}

// -----

// A program output does not become a function argument (MIL cannot name
// it as an output): the pair stays.
// CHECK-LABEL: func @dq_q_output_argument
// CHECK-NEXT: mil.dequantize %arg0
// CHECK-NEXT: %[[Q:.*]] = mil.quantize
// CHECK-NEXT: return %[[Q]]
func.func @dq_q_output_argument(%q: tensor<1x4xi8>) -> tensor<1x4xi8> {
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<1x4xi8>
  %q2 = mil.quantize %d scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x4xf16>
  return %q2 : tensor<1x4xi8>
}

// -----

// Different scale, zero point or dtype: kept.
// CHECK-LABEL: func @dq_q_differs
// CHECK-COUNT-3: mil.quantize
func.func @dq_q_differs(%q: tensor<1x4xi8>, %u: tensor<1x4xui8>) -> (tensor<1x4xi8>, tensor<1x4xui8>, tensor<1x4xi8>) {
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<1x4xi8>
  %a = mil.quantize %d scale = dense<0.25> : tensor<f16> output_dtype = "int8" : tensor<1x4xf16>
  %b = mil.quantize %d scale = dense<0.125> : tensor<f16> zero_point = dense<3> : tensor<ui8> output_dtype = "uint8" : tensor<1x4xf16>
  %du = mil.dequantize %u scale = dense<0.125> : tensor<f16> zero_point = dense<3> : tensor<ui8> : tensor<1x4xui8>
  %c = mil.quantize %du scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x4xf16>
  return %a, %b, %c : tensor<1x4xi8>, tensor<1x4xui8>, tensor<1x4xi8>
}

// -----

// quantize -> dequantize feeding only the result (or a non-compute op) is
// dropped; the pair feeding a conv is the W8A8 structure and stays.
// CHECK-LABEL: func @q_dq
// CHECK: %[[C0:.*]] = mil.conv %arg0
// CHECK-NEXT: %[[Q:.*]] = mil.quantize %[[C0]]
// CHECK-NEXT: %[[D:.*]] = mil.dequantize %[[Q]]
// CHECK-NEXT: %[[C1:.*]] = mil.conv %[[D]]
// CHECK-NEXT: %[[R:.*]] = mil.relu %[[C1]]
// CHECK-NEXT: return %[[R]], %[[C1]]
func.func @q_dq(%x: tensor<1x2x1x4xf16>) -> (tensor<1x2x1x4xf16>, tensor<1x2x1x4xf16>) {
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %q0 = mil.quantize %c0 scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x2x1x4xf16>
  %d0 = mil.dequantize %q0 scale = dense<0.125> : tensor<f16> : tensor<1x2x1x4xi8>
  %c1 = mil.conv %d0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %q1 = mil.quantize %c1 scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x2x1x4xf16>
  %d1 = mil.dequantize %q1 scale = dense<0.125> : tensor<f16> : tensor<1x2x1x4xi8>
  %r = mil.relu %d1 : tensor<1x2x1x4xf16>
  return %r, %d1 : tensor<1x2x1x4xf16>, tensor<1x2x1x4xf16>
}

// -----

// A pair that changes the float dtype (fp32 -> fp16) is a cast too: kept.
// CHECK-LABEL: func @q_dq_cast
// CHECK: mil.dequantize
func.func @q_dq_cast(%x: tensor<4xf32>) -> tensor<4xf16> {
  %q = mil.quantize %x scale = dense<0.125> : tensor<f32> output_dtype = "int8" : tensor<4xf32>
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<4xi8>
  return %d : tensor<4xf16>
}
