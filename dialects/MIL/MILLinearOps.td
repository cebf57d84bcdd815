//===- MILLinearOps.td - MIL linear algebra (matmul, linear) -*- tablegen -*-===//
//
// Op family: linear algebra (matmul, linear).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILLINEAROPS_TD
#define ANE_DIALECT_MIL_MILLINEAROPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILLINEAROPS_TD
