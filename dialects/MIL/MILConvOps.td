//===- MILConvOps.td - MIL convolution (conv, conv_transpose) -*- tablegen -*-===//
//
// Op family: convolution (conv, conv_transpose).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILCONVOPS_TD
#define ANE_DIALECT_MIL_MILCONVOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILCONVOPS_TD
