// RUN: rm -rf %t && mkdir -p %t/one %t/two %t/two32
// x (one sample): channel 0 = [0.125 .. 0.5], channel 1 = [0.625 .. 1.0].
// RUN: %npython -c "import numpy as np; np.save('%t/one/x.npy', (np.arange(1, 9, dtype=np.float32) / 8).reshape(1, 2, 1, 4))"
// Two samples as [2, 1, 2, 1, 4] fp16; the second one's largest |x| is 1.5.
// RUN: %npython -c "import numpy as np; a = np.arange(1, 9) / 8; np.save('%t/two/x.npy', np.stack([a, -1.5 * a]).reshape(2, 1, 2, 1, 4).astype(np.float16))"
// RUN: ane-opt %s -mil-quantize-activations="calibration-inputs=%t/one" | FileCheck %s
// RUN: ane-opt %s -mil-quantize-activations="calibration-inputs=%t/two" | FileCheck %s --check-prefix=TWO
// The same samples as fp32 are converted sample by sample: same scales.
// RUN: %npython -c "import numpy as np; a = np.arange(1, 9) / 8; np.save('%t/two32/x.npy', np.stack([a, -1.5 * a]).reshape(2, 1, 2, 1, 4).astype(np.float32))"
// RUN: ane-opt %s -mil-quantize-activations="calibration-inputs=%t/two32" | FileCheck %s --check-prefix=TWO
// RUN: ane-opt %s -mil-quantize-activations="calibration-inputs=%t/one method=percentile percentile=50" | FileCheck %s --check-prefix=PCT
// Idempotence: no conv result feeds a conv any more, so a second run (even
// without calibration samples) changes nothing.
// RUN: ane-opt %s -mil-quantize-activations="calibration-inputs=%t/one" | ane-opt -mil-quantize-activations | FileCheck %s

// The weights are 2 * identity, so c0 = 2x and c1 = 2 dequantize(c0).
// Scales are r / 127 rounded up to fp16 (computed by hand): one sample,
// r0 = 2 -> 1.576230e-02 (= 1033 * 2^-16); dequantized c0 reaches
// 127 * 1.576230e-02, so r1 = 4.0036 -> 3.152470e-02. Two samples: r0 = 3
// -> 2.363590e-02, r1 = 2 * 127 * r0 / 127 -> 4.727170e-02. Percentile 50
// of |c0| (nearest rank, the 4th of 8 values) is 1.0 -> 7.881160e-03.

// CHECK-LABEL: func @chain
// CHECK: %[[C0:.*]] = mil.conv %arg0, %[[W:[^ ]*]]
// CHECK-NEXT: %[[Q0:.*]] = mil.quantize %[[C0]] scale = dense<1.576230e-02> : tensor<f16> output_dtype = "int8" : tensor<1x2x1x4xf16>
// CHECK-NEXT: %[[D0:.*]] = mil.dequantize %[[Q0]] scale = dense<1.576230e-02> : tensor<f16> : tensor<1x2x1x4xi8>
// CHECK-NEXT: %[[C1:.*]] = mil.conv %[[D0]], %[[W]]
// CHECK-NEXT: %[[Q1:.*]] = mil.quantize %[[C1]] scale = dense<3.152470e-02> : tensor<f16>
// CHECK-NEXT: %[[D1:.*]] = mil.dequantize %[[Q1]] scale = dense<3.152470e-02> : tensor<f16>
// CHECK-NEXT: %[[C2:.*]] = mil.conv %[[D1]], %[[W]]
// The last conv feeds only the result: no pair (as in the INT8 benchmark).
// CHECK-NEXT: return %[[C2]]
// TWO-LABEL: func @chain
// TWO: mil.quantize %{{.*}} scale = dense<2.363590e-02> : tensor<f16>
// TWO: mil.quantize %{{.*}} scale = dense<4.727170e-02> : tensor<f16>
// PCT-LABEL: func @chain
// PCT: mil.quantize %{{.*}} scale = dense<7.881160e-03> : tensor<f16>
func.func @chain(%x: tensor<1x2x1x4xf16> {mil.name = "x"}) -> tensor<1x2x1x4xf16> {
  %w = mil.const {val = dense<[[[[2.0]], [[0.0]]], [[[0.0]], [[2.0]]]]> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c1 = mil.conv %c0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c2 = mil.conv %c1, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  return %c2 : tensor<1x2x1x4xf16>
}

// A fused activation chain (relu, then sigmoid) moves the pair after it; a
// conv feeding a non-activation (add) gets no pair; a result read by both a
// conv and the return keeps the float value for the return.
// CHECK-LABEL: func @mixed
// CHECK: %[[A:.*]] = mil.conv %arg0
// CHECK-NEXT: %[[R:.*]] = mil.relu %[[A]]
// CHECK-NEXT: %[[S:.*]] = mil.sigmoid %[[R]]
// CHECK-NEXT: %[[Q0:.*]] = mil.quantize %[[S]]
// CHECK-NEXT: %[[D0:.*]] = mil.dequantize %[[Q0]]
// CHECK-NEXT: %[[B:.*]] = mil.conv %[[D0]]
// CHECK-NEXT: %[[Q:.*]] = mil.quantize %[[B]]
// CHECK-NEXT: %[[D:.*]] = mil.dequantize %[[Q]]
// CHECK-NEXT: %[[C:.*]] = mil.conv %[[D]]
// CHECK-NEXT: %[[E:.*]] = mil.add %[[C]], %[[C]]
// CHECK-NEXT: %[[F:.*]] = mil.conv %[[E]]
// CHECK-NEXT: return %[[F]], %[[B]]
func.func @mixed(%x: tensor<1x2x1x4xf16> {mil.name = "x"}) -> (tensor<1x2x1x4xf16>, tensor<1x2x1x4xf16>) {
  %w = mil.const {val = dense<[[[[2.0]], [[0.0]]], [[[0.0]], [[2.0]]]]> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %a = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %r = mil.relu %a : tensor<1x2x1x4xf16>
  %s = mil.sigmoid %r : tensor<1x2x1x4xf16>
  %b = mil.conv %s, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c = mil.conv %b, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %e = mil.add %c, %c : (tensor<1x2x1x4xf16>, tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16>
  %f = mil.conv %e, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  return %f, %b : tensor<1x2x1x4xf16>, tensor<1x2x1x4xf16>
}

// Nothing to quantize: no calibration needed, nothing changes.
// CHECK-LABEL: func @single
// CHECK-NOT: mil.quantize
func.func @single(%x: tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16> {
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  return %c0 : tensor<1x2x1x4xf16>
}
