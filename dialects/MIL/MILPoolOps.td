//===- MILPoolOps.td - MIL pooling (avg_pool, max_pool) -*- tablegen -*-===//
//
// Op family: pooling (avg_pool, max_pool).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILPOOLOPS_TD
#define ANE_DIALECT_MIL_MILPOOLOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILPOOLOPS_TD
