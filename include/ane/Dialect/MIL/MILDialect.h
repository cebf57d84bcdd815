//===- MILDialect.h - The mil dialect ----------------------------*- C++ -*-===//
//
// Include this header to use the mil dialect: the dialect class, its
// attributes, the MIL op interface and every op.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILDIALECT_H
#define ANE_DIALECT_MIL_MILDIALECT_H

#include "ane/Dialect/MIL/MILParams.h"
#include "ane/Dialect/MIL/MILTypeInference.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "ane/Dialect/MIL/MILDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "ane/Dialect/MIL/MILAttrs.h.inc"

#include "ane/Dialect/MIL/MILInterfaces.h.inc"

#define GET_OP_CLASSES
#include "ane/Dialect/MIL/MILOps.h.inc"

#endif // ANE_DIALECT_MIL_MILDIALECT_H
