// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// Attention scores: Q · Kᵀ over [1, heads, seq, dim].
// CHECK-LABEL: func @matmul_transpose_y
func.func @matmul_transpose_y(%q: tensor<1x12x8x64xf16>, %k: tensor<1x12x8x64xf16>) -> tensor<1x12x8x8xf16> {
  // CHECK: mil.matmul %{{.*}}, %{{.*}} {transpose_y = true} : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x8xf16>
  %0 = mil.matmul %q, %k {transpose_y = true} : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x8xf16>
  return %0 : tensor<1x12x8x8xf16>
}

// CHECK-LABEL: func @matmul_transpose_x
func.func @matmul_transpose_x(%x: tensor<8x4xf32>, %y: tensor<8x5xf32>) -> tensor<4x5xf32> {
  // CHECK: mil.matmul {{.*}}transpose_x = true{{.*}} -> tensor<4x5xf32>
  %0 = mil.matmul %x, %y {transpose_x = true, transpose_y = false} : (tensor<8x4xf32>, tensor<8x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// Rank-1 operands: the promoted dim is dropped from the result.
// CHECK-LABEL: func @matmul_rank1
func.func @matmul_rank1(%v: tensor<64xf16>, %m: tensor<64x32xf16>, %b: tensor<2x3x64xf16>) -> (tensor<32xf16>, tensor<2x3xf16>, tensor<f16>) {
  // CHECK: mil.matmul {{.*}} -> tensor<32xf16>
  %0 = mil.matmul %v, %m : (tensor<64xf16>, tensor<64x32xf16>) -> tensor<32xf16>
  // CHECK: mil.matmul {{.*}} -> tensor<2x3xf16>
  %1 = mil.matmul %b, %v : (tensor<2x3x64xf16>, tensor<64xf16>) -> tensor<2x3xf16>
  // CHECK: mil.matmul {{.*}} -> tensor<f16>
  %2 = mil.matmul %v, %v : (tensor<64xf16>, tensor<64xf16>) -> tensor<f16>
  return %0, %1, %2 : tensor<32xf16>, tensor<2x3xf16>, tensor<f16>
}

// Batch dims broadcast: [2, 1] with [3] -> [2, 3].
// CHECK-LABEL: func @matmul_batch_broadcast
func.func @matmul_batch_broadcast(%x: tensor<2x1x4x8xi32>, %y: tensor<3x8x5xi32>) -> tensor<2x3x4x5xi32> {
  // CHECK: mil.matmul {{.*}} -> tensor<2x3x4x5xi32>
  %0 = mil.matmul %x, %y : (tensor<2x1x4x8xi32>, tensor<3x8x5xi32>) -> tensor<2x3x4x5xi32>
  return %0 : tensor<2x3x4x5xi32>
}

// iOS17: dtypes may differ when exactly one operand is a constant; the
// result takes the non-constant operand's dtype.
// CHECK-LABEL: func @matmul_const_mixed_dtype
func.func @matmul_const_mixed_dtype(%x: tensor<4x64xf16>) -> (tensor<4x32xf16>, tensor<32x64xf16>) {
  %w = mil.const {val = dense<0.5> : tensor<64x32xf32>} : tensor<64x32xf32>
  %c = mil.const {val = dense<0.5> : tensor<4x32xf32>} : tensor<4x32xf32>
  // CHECK: mil.matmul {{.*}} : (tensor<4x64xf16>, tensor<64x32xf32>) -> tensor<4x32xf16>
  %0 = mil.matmul %x, %w : (tensor<4x64xf16>, tensor<64x32xf32>) -> tensor<4x32xf16>
  // CHECK: mil.matmul {{.*}} : (tensor<4x32xf32>, tensor<4x64xf16>) -> tensor<32x64xf16>
  %1 = mil.matmul %c, %x {transpose_x = true} : (tensor<4x32xf32>, tensor<4x64xf16>) -> tensor<32x64xf16>
  return %0, %1 : tensor<4x32xf16>, tensor<32x64xf16>
}

// CHECK-LABEL: func @matmul_dynamic
func.func @matmul_dynamic(%x: tensor<?x?x64xf16>, %y: tensor<64x?xf16>) -> tensor<?x?x?xf16> {
  // CHECK: mil.matmul {{.*}} -> tensor<?x?x?xf16>
  %0 = mil.matmul %x, %y : (tensor<?x?x64xf16>, tensor<64x?xf16>) -> tensor<?x?x?xf16>
  return %0 : tensor<?x?x?xf16>
}

// CHECK-LABEL: func @linear
func.func @linear(%x: tensor<2x64xf16>, %v: tensor<64xf16>, %x3: tensor<1x8x64xf16>, %w: tensor<128x64xf16>, %b: tensor<128xf16>, %w32: tensor<128x64xf32>) -> (tensor<2x128xf16>, tensor<128xf16>, tensor<1x8x128xf16>) {
  // CHECK: mil.linear %{{.*}}, %{{.*}} bias %{{.*}} : (tensor<2x64xf16>, tensor<128x64xf16>, tensor<128xf16>) -> tensor<2x128xf16>
  %0 = mil.linear %x, %w bias %b : (tensor<2x64xf16>, tensor<128x64xf16>, tensor<128xf16>) -> tensor<2x128xf16>
  // CHECK: mil.linear %{{.*}}, %{{.*}} : (tensor<64xf16>, tensor<128x64xf16>) -> tensor<128xf16>
  %1 = mil.linear %v, %w : (tensor<64xf16>, tensor<128x64xf16>) -> tensor<128xf16>
  // CHECK: mil.linear {{.*}} : (tensor<1x8x64xf16>, tensor<128x64xf32>) -> tensor<1x8x128xf16>
  %2 = mil.linear %x3, %w32 : (tensor<1x8x64xf16>, tensor<128x64xf32>) -> tensor<1x8x128xf16>
  return %0, %1, %2 : tensor<2x128xf16>, tensor<128xf16>, tensor<1x8x128xf16>
}
