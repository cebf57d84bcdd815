// RUN: ane-opt %s --mil-ane-shape | FileCheck %s
// RUN: ane-opt %s --mil-ane-shape="io-layout=channels-last" | FileCheck %s --check-prefix=IO

// The shaping pipeline turns a linear stack into 1×1 convs; with
// channels-last I/O no layout op is left.
// CHECK-LABEL: func @main(%arg0: tensor<8x64xf16>) -> tensor<8x16xf16>
// CHECK-COUNT-2: mil.conv
// CHECK-NOT: mil.linear
// IO-LABEL: func @main(%arg0: tensor<1x64x1x8xf16>) -> tensor<1x16x1x8xf16>
// IO-NOT: mil.transpose
// IO-NOT: mil.reshape
// IO: %[[C0:.*]] = mil.conv %arg0
// IO: %[[A:.*]] = mil.relu %[[C0]] : tensor<1x32x1x8xf16>
// IO: %[[C1:.*]] = mil.conv %[[A]]
// IO: return %[[C1]]
func.func @main(%x: tensor<8x64xf16>) -> tensor<8x16xf16> {
  %w0 = mil.const {val = dense<0.5> : tensor<32x64xf16>} : tensor<32x64xf16>
  %w1 = mil.const {val = dense<0.25> : tensor<16x32xf16>} : tensor<16x32xf16>
  %h = mil.linear %x, %w0 : (tensor<8x64xf16>, tensor<32x64xf16>) -> tensor<8x32xf16>
  %a = mil.relu %h : tensor<8x32xf16>
  %y = mil.linear %a, %w1 : (tensor<8x32xf16>, tensor<16x32xf16>) -> tensor<8x16xf16>
  return %y : tensor<8x16xf16>
}
