// RUN: ane-opt %s -mil-pack-inputs -split-input-file | FileCheck %s
// Idempotence: the packed function has one input, so a second run changes nothing.
// RUN: ane-opt %s -mil-pack-inputs -split-input-file | ane-opt -mil-pack-inputs -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-pack-inputs="min-surface-bytes=49152 packed-name=xin" -split-input-file | FileCheck %s --check-prefix=PAD
// Weights packed after the inputs keep the inputs' slices; unpacking the
// weights restores the mil-pack-inputs form.
// RUN: ane-opt %s -mil-pack-inputs -mil-pack-dynamic-weights -split-input-file | FileCheck %s --check-prefix=WEIGHTS
// RUN: ane-opt %s -mil-pack-inputs -mil-pack-dynamic-weights -mil-unpack-dynamic-weights -split-input-file | FileCheck %s --check-prefix=UNPACK

// Three layouts: [1, C, 1, S] (x), rank 4 of another form (mask, viewed as
// [1, 8, 1, 8]) and rank 1 (bias, [1, 1, 1, 16]); C = 16, the inputs follow
// each other on the spatial axis in argument order; the unnamed input is
// arg1 as ane-run names it.
// CHECK-LABEL: func.func @main(%arg0: tensor<1x16x1x32xf16> {mil.name = "packed_input"}) -> tensor<1x1x8x16xf16>
// CHECK-SAME: attributes {mil_packed_input = {activation_width = 32 : i64, inputs = [{name = "x", offset = 0 : i64, shape = array<i64: 1, 16, 1, 8>, width = 8 : i64}, {channels = 8 : i64, name = "arg1", offset = 8 : i64, shape = array<i64: 1, 1, 8, 8>, width = 8 : i64}, {channels = 1 : i64, name = "bias", offset = 16 : i64, shape = array<i64: 16>, width = 16 : i64}]}}
// CHECK-NEXT: %[[X:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 0] size = [1, 16, 1, 8] : tensor<1x16x1x32xf16>
// CHECK-NEXT: %[[M0:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 8] size = [1, 8, 1, 8] : tensor<1x16x1x32xf16>
// CHECK-NEXT: %[[M:.*]] = mil.reshape %[[M0]] shape = [1, 1, 8, 8] : tensor<1x8x1x8xf16> -> tensor<1x1x8x8xf16>
// CHECK-NEXT: %[[B0:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 16] size = [1, 1, 1, 16] : tensor<1x16x1x32xf16>
// CHECK-NEXT: %[[B:.*]] = mil.reshape %[[B0]] shape = [16] : tensor<1x1x1x16xf16> -> tensor<16xf16>
// CHECK: mil.reshape %[[X]] shape = [1, 1, 16, 8]
// CHECK: mil.add %{{.*}}, %[[M]]
// CHECK: mil.add %{{.*}}, %[[B]]

// With min-surface-bytes=49152: 49152 / (16 channels * 2 bytes) = 1536.
// PAD-LABEL: func.func @main(%arg0: tensor<1x16x1x1536xf16> {mil.name = "xin"})
// PAD-SAME: activation_width = 1536 : i64
// PAD: mil.slice_by_size %arg0 begin = [0, 0, 0, 16] size = [1, 1, 1, 16] : tensor<1x16x1x1536xf16>

// WEIGHTS-LABEL: func.func @main(%arg0: tensor<1x16x1x48xf16> {mil.name = "packed_input"})
// WEIGHTS-SAME: mil_packed_input = {activation_width = 32 : i64, inputs = [{name = "x", {{.*}}}, {channels = 8 : i64, name = "arg1", {{.*}}}, {channels = 1 : i64, name = "bias", {{.*}}}], weights = [{name = "w", offset = 32 : i64, shape = array<i64: 16, 16>, width = 16 : i64}]}
// WEIGHTS-NEXT: mil.slice_by_size %arg0 begin = [0, 0, 0, 32] size = [1, 16, 1, 16] : tensor<1x16x1x48xf16>
// WEIGHTS-NEXT: mil.reshape %{{.*}} shape = [16, 16]
// WEIGHTS-NEXT: mil.slice_by_size %arg0 begin = [0, 0, 0, 0] size = [1, 16, 1, 8] : tensor<1x16x1x48xf16>
// WEIGHTS-NOT: mil.slice_by_size %{{[0-9]+}}
// UNPACK-LABEL: func.func @main(%arg0: tensor<1x16x1x32xf16> {mil.name = "packed_input"}, %arg1: tensor<16x16xf16> {mil.name = "w"})
// UNPACK-SAME: mil_packed_input = {activation_width = 32 : i64, inputs = [{name = "x", {{.*}}}, {channels = 8 : i64, name = "arg1", {{.*}}}, {channels = 1 : i64, name = "bias", {{.*}}}]}}
// UNPACK-NEXT: mil.slice_by_size %arg0 begin = [0, 0, 0, 0] size = [1, 16, 1, 8] : tensor<1x16x1x32xf16>
// UNPACK: mil.matmul %{{.*}}, %arg1
func.func @main(%x: tensor<1x16x1x8xf16> {mil.name = "x"}, %mask: tensor<1x1x8x8xf16>, %bias: tensor<16xf16> {mil.name = "bias"}) -> tensor<1x1x8x16xf16> {
  %w = mil.const {val = dense<0.25> : tensor<16x16xf16>, mil.name = "w"} : tensor<16x16xf16>
  %r = mil.reshape %x shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
  %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
  %s = mil.matmul %a, %r : (tensor<1x1x8x16xf16>, tensor<1x1x16x8xf16>) -> tensor<1x1x8x8xf16>
  %m = mil.add %s, %mask : (tensor<1x1x8x8xf16>, tensor<1x1x8x8xf16>) -> tensor<1x1x8x8xf16>
  %o = mil.matmul %m, %a : (tensor<1x1x8x8xf16>, tensor<1x1x8x16xf16>) -> tensor<1x1x8x16xf16>
  %ow = mil.matmul %o, %w : (tensor<1x1x8x16xf16>, tensor<16x16xf16>) -> tensor<1x1x8x16xf16>
  %y = mil.add %ow, %bias : (tensor<1x1x8x16xf16>, tensor<16xf16>) -> tensor<1x1x8x16xf16>
  return %y : tensor<1x1x8x16xf16>
}

// -----

// fp32 inputs, a scalar (one element) and an input no op reads: all are
// recorded, only the read ones are sliced.
// CHECK-LABEL: func.func @fp32(%arg0: tensor<1x4x1x8xf32> {mil.name = "packed_input"})
// CHECK-SAME: inputs = [{name = "a", offset = 0 : i64, shape = array<i64: 1, 4, 1, 6>, width = 6 : i64}, {channels = 1 : i64, name = "s", offset = 6 : i64, shape = array<i64>, width = 1 : i64}, {channels = 1 : i64, name = "unused", offset = 7 : i64, shape = array<i64: 1>, width = 1 : i64}]
// CHECK: mil.slice_by_size %arg0 begin = [0, 0, 0, 6] size = [1, 1, 1, 1]
// CHECK-NEXT: mil.reshape %{{.*}} shape = [] : tensor<1x1x1x1xf32> -> tensor<f32>
// CHECK-NOT: mil.slice_by_size
// CHECK: return
// PAD-LABEL: func.func @fp32(%arg0: tensor<1x4x1x3072xf32> {mil.name = "xin"})
func.func @fp32(%a: tensor<1x4x1x6xf32> {mil.name = "a"}, %s: tensor<f32> {mil.name = "s"}, %u: tensor<1xf32> {mil.name = "unused"}) -> tensor<1x4x1x6xf32> {
  %0 = mil.mul %a, %s : (tensor<1x4x1x6xf32>, tensor<f32>) -> tensor<1x4x1x6xf32>
  return %0 : tensor<1x4x1x6xf32>
}

// -----

// Negative: one input (or none) stays as it is, without the attribute.
// CHECK-LABEL: func.func @single(%arg0: tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16> {
// CHECK-NOT: mil_packed_input
// CHECK-NOT: mil.slice_by_size
// CHECK: return %arg0
func.func @single(%x: tensor<1x16x1x8xf16>) -> tensor<1x16x1x8xf16> {
  return %x : tensor<1x16x1x8xf16>
}

// CHECK-LABEL: func.func @none() -> tensor<1x1x1x1xf16> {
// CHECK-NOT: mil_packed_input
func.func @none() -> tensor<1x1x1x1xf16> {
  %c = mil.const {val = dense<1.0> : tensor<1x1x1x1xf16>} : tensor<1x1x1x1xf16>
  return %c : tensor<1x1x1x1xf16>
}

// -----

// A chain: @part is called, so it keeps its two inputs; @chain, the entry,
// is packed and passes slices to the call.
// CHECK-LABEL: func.func @part(%arg0: tensor<1x4x1x8xf16>, %arg1: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16> {
// CHECK-NEXT: mil.add %arg0, %arg1
// CHECK-LABEL: func.func @chain(%arg0: tensor<1x4x1x16xf16> {mil.name = "packed_input"})
// CHECK-DAG: %[[A:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 0] size = [1, 4, 1, 8]
// CHECK-DAG: %[[B:.*]] = mil.slice_by_size %arg0 begin = [0, 0, 0, 8] size = [1, 4, 1, 8]
// CHECK: call @part(%[[A]], %[[B]])
func.func @part(%a: tensor<1x4x1x8xf16>, %b: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16> {
  %0 = mil.add %a, %b : (tensor<1x4x1x8xf16>, tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
  return %0 : tensor<1x4x1x8xf16>
}
func.func @chain(%a: tensor<1x4x1x8xf16>, %b: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16> {
  %0 = func.call @part(%a, %b) : (tensor<1x4x1x8xf16>, tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
  return %0 : tensor<1x4x1x8xf16>
}
