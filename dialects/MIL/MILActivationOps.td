//===- MILActivationOps.td - MIL unary math, activations, softmax, clip and cast -*- tablegen -*-===//
//
// Op family: unary math, activations, softmax, clip and cast.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILACTIVATIONOPS_TD
#define ANE_DIALECT_MIL_MILACTIVATIONOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILACTIVATIONOPS_TD
