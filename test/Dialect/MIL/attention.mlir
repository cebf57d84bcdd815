// RUN: ane-opt %s | ane-opt | FileCheck %s
// RUN: ane-opt %s -mlir-print-op-generic | ane-opt | FileCheck %s

// CHECK-LABEL: func @sdpa
func.func @sdpa(%q: tensor<1x12x8x64xf16>, %k: tensor<1x12x8x64xf16>, %v: tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16> {
  // CHECK: mil.scaled_dot_product_attention %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16>
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16>
  return %0 : tensor<1x12x8x64xf16>
}

// L = 4 queries over S = 16 keys, EV = 32: result [2, 4, 32]; masks of each
// dtype broadcast to [2, 4, 16].
// CHECK-LABEL: func @sdpa_masks
func.func @sdpa_masks(%q: tensor<2x4x64xf32>, %k: tensor<2x16x64xf32>, %v: tensor<2x16x32xf32>, %m1: tensor<4x16xi1>, %m2: tensor<2x1x16xf16>, %m3: tensor<16xf32>) -> (tensor<2x4x32xf32>, tensor<2x4x32xf32>, tensor<2x4x32xf32>) {
  // CHECK: mil.scaled_dot_product_attention %{{.*}}, %{{.*}}, %{{.*}} attn_mask %{{.*}} : (tensor<2x4x64xf32>, tensor<2x16x64xf32>, tensor<2x16x32xf32>, tensor<4x16xi1>) -> tensor<2x4x32xf32>
  %0 = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m1 : (tensor<2x4x64xf32>, tensor<2x16x64xf32>, tensor<2x16x32xf32>, tensor<4x16xi1>) -> tensor<2x4x32xf32>
  // CHECK: mil.scaled_dot_product_attention {{.*}}tensor<2x1x16xf16>) -> tensor<2x4x32xf32>
  %1 = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m2 : (tensor<2x4x64xf32>, tensor<2x16x64xf32>, tensor<2x16x32xf32>, tensor<2x1x16xf16>) -> tensor<2x4x32xf32>
  // CHECK: mil.scaled_dot_product_attention {{.*}}tensor<16xf32>) -> tensor<2x4x32xf32>
  %2 = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m3 : (tensor<2x4x64xf32>, tensor<2x16x64xf32>, tensor<2x16x32xf32>, tensor<16xf32>) -> tensor<2x4x32xf32>
  return %0, %1, %2 : tensor<2x4x32xf32>, tensor<2x4x32xf32>, tensor<2x4x32xf32>
}

// CHECK-LABEL: func @sdpa_dynamic
func.func @sdpa_dynamic(%q: tensor<1x?x?x64xf16>, %k: tensor<1x?x?x64xf16>, %v: tensor<1x?x?x?xf16>) -> tensor<1x?x?x?xf16> {
  // CHECK: mil.scaled_dot_product_attention {{.*}} -> tensor<1x?x?x?xf16>
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x?x?x64xf16>, tensor<1x?x?x64xf16>, tensor<1x?x?x?xf16>) -> tensor<1x?x?x?xf16>
  return %0 : tensor<1x?x?x?xf16>
}
