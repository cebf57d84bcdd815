//===- MILReductionOps.td - MIL reductions (reduce_sum, reduce_mean, reduce_max, ...) -*- tablegen -*-===//
//
// Op family: reductions (reduce_sum, reduce_mean, reduce_max, ...).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILREDUCTIONOPS_TD
#define ANE_DIALECT_MIL_MILREDUCTIONOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILREDUCTIONOPS_TD
