//===- MILNormOps.td - MIL normalization (layer_norm, batch_norm) -*- tablegen -*-===//
//
// Op family: normalization (layer_norm, batch_norm).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILNORMOPS_TD
#define ANE_DIALECT_MIL_MILNORMOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILNORMOPS_TD
