// RUN: ane-opt %s -split-input-file -verify-diagnostics

func.func @scaled_dot_product_attention_query_rank(%q: tensor<8x64xf16>, %k: tensor<8x64xf16>, %v: tensor<8x64xf16>) -> tensor<8x64xf16> {
  // expected-error @+1 {{'query' must have rank >= 3 ([B, *, L, E]), got rank 2}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<8x64xf16>, tensor<8x64xf16>, tensor<8x64xf16>) -> tensor<8x64xf16>
  return %0 : tensor<8x64xf16>
}

// -----

func.func @scaled_dot_product_attention_equal_ranks(%q: tensor<1x8x64xf16>, %k: tensor<1x1x8x64xf16>, %v: tensor<1x8x64xf16>) -> tensor<1x8x64xf16> {
  // expected-error @+1 {{'key' must have the rank of 'query' (3), got rank 4}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x8x64xf16>, tensor<1x1x8x64xf16>, tensor<1x8x64xf16>) -> tensor<1x8x64xf16>
  return %0 : tensor<1x8x64xf16>
}

// -----

func.func @scaled_dot_product_attention_dtype(%q: tensor<1x8x64xf16>, %k: tensor<1x8x64xf16>, %v: tensor<1x8x64xf32>) -> tensor<1x8x64xf16> {
  // expected-error @+1 {{'value' dtype must match 'query' dtype 'f16', got 'f32'}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x8x64xf16>, tensor<1x8x64xf16>, tensor<1x8x64xf32>) -> tensor<1x8x64xf16>
  return %0 : tensor<1x8x64xf16>
}

// -----

func.func @scaled_dot_product_attention_batch_dims(%q: tensor<1x12x8x64xf16>, %k: tensor<1x6x8x64xf16>, %v: tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16> {
  // expected-error @+1 {{batch dims of 'key' [1, 6] must equal those of 'query' [1, 12]}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x12x8x64xf16>, tensor<1x6x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x64xf16>
  return %0 : tensor<1x12x8x64xf16>
}

// -----

func.func @scaled_dot_product_attention_key_embed(%q: tensor<1x8x64xf16>, %k: tensor<1x8x32xf16>, %v: tensor<1x8x64xf16>) -> tensor<1x8x64xf16> {
  // expected-error @+1 {{'key' last dim must be the embedding size E = 64 of 'query', got 32}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x8x64xf16>, tensor<1x8x32xf16>, tensor<1x8x64xf16>) -> tensor<1x8x64xf16>
  return %0 : tensor<1x8x64xf16>
}

// -----

func.func @scaled_dot_product_attention_value_seq(%q: tensor<1x8x64xf16>, %k: tensor<1x16x64xf16>, %v: tensor<1x8x64xf16>) -> tensor<1x8x64xf16> {
  // expected-error @+1 {{'value' dim 1 must be the key sequence length S = 16, got 8}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x8x64xf16>, tensor<1x16x64xf16>, tensor<1x8x64xf16>) -> tensor<1x8x64xf16>
  return %0 : tensor<1x8x64xf16>
}

// -----

func.func @scaled_dot_product_attention_mask_broadcast(%q: tensor<1x4x64xf16>, %k: tensor<1x16x64xf16>, %v: tensor<1x16x64xf16>, %m: tensor<4x4xi1>) -> tensor<1x4x64xf16> {
  // expected-error @+1 {{'attn_mask' of shape [4, 4] must broadcast to [B, *, L, S] = [1, 4, 16]}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m : (tensor<1x4x64xf16>, tensor<1x16x64xf16>, tensor<1x16x64xf16>, tensor<4x4xi1>) -> tensor<1x4x64xf16>
  return %0 : tensor<1x4x64xf16>
}

// -----

// The mask may not have more dims than [B, *, L, S].
func.func @scaled_dot_product_attention_mask_broadcast_grow(%q: tensor<1x4x64xf16>, %k: tensor<1x16x64xf16>, %v: tensor<1x16x64xf16>, %m: tensor<2x4x16xf16>) -> tensor<1x4x64xf16> {
  // expected-error @+1 {{'attn_mask' of shape [2, 4, 16] must broadcast to [B, *, L, S] = [1, 4, 16]}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m : (tensor<1x4x64xf16>, tensor<1x16x64xf16>, tensor<1x16x64xf16>, tensor<2x4x16xf16>) -> tensor<1x4x64xf16>
  return %0 : tensor<1x4x64xf16>
}

// -----

func.func @scaled_dot_product_attention_mask_dtype(%q: tensor<1x4x64xf16>, %k: tensor<1x16x64xf16>, %v: tensor<1x16x64xf16>, %m: tensor<4x16xi32>) -> tensor<1x4x64xf16> {
  // expected-error @+1 {{operand #3 must be ranked tensor of bool or fp16 or fp32 values}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m : (tensor<1x4x64xf16>, tensor<1x16x64xf16>, tensor<1x16x64xf16>, tensor<4x16xi32>) -> tensor<1x4x64xf16>
  return %0 : tensor<1x4x64xf16>
}

// -----

// Inference: the result is [B, *, L, EV] = [1, 4, 32].
func.func @scaled_dot_product_attention_result_type(%q: tensor<1x4x64xf16>, %k: tensor<1x16x64xf16>, %v: tensor<1x16x32xf16>) -> tensor<1x4x64xf16> {
  // expected-error @+2 {{inferred type(s) 'tensor<1x4x32xf16>' are incompatible with return type(s) of operation 'tensor<1x4x64xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.scaled_dot_product_attention %q, %k, %v : (tensor<1x4x64xf16>, tensor<1x16x64xf16>, tensor<1x16x32xf16>) -> tensor<1x4x64xf16>
  return %0 : tensor<1x4x64xf16>
}
