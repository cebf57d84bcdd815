//===- Pipelines.cpp - Named ane-opt pipelines ----------------------------===//
//
// Registers the pipelines users run before emitting a program.
//
//===----------------------------------------------------------------------===//

#include "ane/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace {

/// Cleanup every pipeline starts with: canonicalize, dedup constants, CSE.
void buildCleanupPipeline(OpPassManager &pm) {
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILConstDedup());
  pm.addPass(createCSEPass());
}

/// Options of --mil-ane-shape.
struct ANEShapeOptions : PassPipelineOptions<ANEShapeOptions> {
  Option<std::string> ioLayout{
      *this, "io-layout",
      llvm::cl::desc("Function I/O layout (mil-ane-layout's io-layout): keep "
                     "or channels-last"),
      llvm::cl::init("keep")};
};

/// ANE shaping: cleanup, linear/matmul → 1×1 conv, [1, C, 1, S] layout,
/// cleanup.
void buildANEShapePipeline(OpPassManager &pm, const ANEShapeOptions &opts) {
  buildCleanupPipeline(pm);
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILLinearToConv());
  ane::mil::MILANELayoutOptions layout;
  layout.ioLayout = opts.ioLayout;
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILANELayout(layout));
  buildCleanupPipeline(pm);
}

} // namespace

void ane::mil::registerPipelines() {
  PassPipelineRegistration<ANEShapeOptions>(
      "mil-ane-shape",
      "Shape a mil program for the ANE (cleanup, linear → 1×1 conv, "
      "[1, C, 1, S] layout, cleanup)",
      buildANEShapePipeline);
  PassPipelineRegistration<>(
      "mil-ane-default",
      "Clean up a mil program for the ANE (canonicalize, dedup, CSE)",
      buildCleanupPipeline);
}
