//===- MILAttentionOps.td - MIL attention (scaled_dot_product_attention) -*- tablegen -*-===//
//
// Op family: attention (scaled_dot_product_attention),
// defs/iOS18/transformers.py. Checks live in
// lib/Dialect/MIL/MILAttentionOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILATTENTIONOPS_TD
#define ANE_DIALECT_MIL_MILATTENTIONOPS_TD

include "MILBase.td"

def MIL_ScaledDotProductAttentionOp
    : MIL_Op<"scaled_dot_product_attention", "ios18",
             [Pure, InferTypeOpAdaptor]> {
  let summary = "fused softmax(Q·Kᵀ/√E + mask)·V";
  let description = [{
    MIL `scaled_dot_product_attention` (iOS18):
    `softmax(query · keyᵀ / sqrt(E) + attn_mask) · value` along the last
    dim. `query` is `[B, *, L, E]`, `key` `[B, *, S, E]`, `value`
    `[B, *, S, EV]`: rank ≥ 3, equal ranks, equal batch dims, one fp16 or
    fp32 dtype. The optional `attn_mask` (bool, fp16 or fp32) broadcasts to
    `[B, *, L, S]`; a bool mask blocks positions where it is false, a float
    mask is added. There is no scale, dropout or causal parameter. The
    result is `[B, *, L, EV]` with `query`'s dtype.

    ```mlir
    %o = mil.scaled_dot_product_attention %q, %k, %v attn_mask %m
        : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>, tensor<8x8xi1>)
        -> tensor<1x12x8x64xf16>
    ```
  }];
  let arguments = (ins
    MIL_FloatTensor:$query,
    MIL_FloatTensor:$key,
    MIL_FloatTensor:$value,
    Optional<RankedTensorOf<[MIL_Bool, MIL_Fp16, MIL_Fp32]>>:$attn_mask
  );
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = [{
    $query `,` $key `,` $value (`attn_mask` $attn_mask^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = milBaseDecls # [{
    /// Inferred `?` dims (used where a parameter is inconsistent, which the
    /// verifier reports) are compatible with any declared dim.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                        ::mlir::TypeRange actual) {
      return ::ane::mil::areCompatibleResultTypes(inferred, actual);
    }
  }];
}

#endif // ANE_DIALECT_MIL_MILATTENTIONOPS_TD
