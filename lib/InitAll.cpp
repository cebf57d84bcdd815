//===- InitAll.cpp - Register every dialect and pass of ane-mlir ----------===//

#include "ane/InitAll.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILOpaqueDialects.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/Passes.h"

void ane::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<ane::mil::MILDialect, ane::mil::MILTextDialect,
                  ane::mil::MILGenericDialect, mlir::func::FuncDialect>();
}

void ane::registerAllPasses() {
  mlir::registerTransformsPasses();
  ane::mil::registerANEPasses();
  ane::mil::registerPipelines();
}
