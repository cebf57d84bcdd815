//===- MILAttentionOps.td - MIL attention (scaled_dot_product_attention) -*- tablegen -*-===//
//
// Op family: attention (scaled_dot_product_attention).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILATTENTIONOPS_TD
#define ANE_DIALECT_MIL_MILATTENTIONOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILATTENTIONOPS_TD
