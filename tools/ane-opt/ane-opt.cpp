//===- ane-opt.cpp - The ane-mlir optimizer driver -----------------------===//
//
// mlir-opt for the mil dialect: parses, verifies, runs passes and pipelines,
// prints. All registration lives in ane/InitAll.h.
//
//===----------------------------------------------------------------------===//

#include "ane/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  ane::registerAllDialects(registry);
  ane::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "ane-mlir optimizer driver\n", registry));
}
