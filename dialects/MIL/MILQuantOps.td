//===- MILQuantOps.td - MIL quantization and constexpr decompression (quantize, dequantize, constexpr_*) -*- tablegen -*-===//
//
// Op family: quantization and constexpr decompression (quantize, dequantize, constexpr_*).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILQUANTOPS_TD
#define ANE_DIALECT_MIL_MILQUANTOPS_TD

include "MILBase.td"

#endif // ANE_DIALECT_MIL_MILQUANTOPS_TD
