//===- MILOps.td - All ops of the mil dialect ---------------*- tablegen -*-===//
//
// Umbrella file: includes one file per op family. Add a family here.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILOPS_TD
#define ANE_DIALECT_MIL_MILOPS_TD

include "MILBase.td"
include "MILAttrs.td"
include "MILConstOps.td"
include "MILElementwiseOps.td"
include "MILActivationOps.td"
include "MILReductionOps.td"
include "MILNormOps.td"
include "MILConvOps.td"
include "MILPoolOps.td"
include "MILLinearOps.td"
include "MILAttentionOps.td"
include "MILShapeOps.td"
include "MILQuantOps.td"

#endif // ANE_DIALECT_MIL_MILOPS_TD
