//===- MILShapeOps.td - MIL tensor shape and data movement (reshape, transpose, slice_*, concat, split, ...) -*- tablegen -*-===//
//
// Op family: tensor shape and data movement (reshape, transpose, slice_*, concat, split, ...).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILSHAPEOPS_TD
#define ANE_DIALECT_MIL_MILSHAPEOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILSHAPEOPS_TD
