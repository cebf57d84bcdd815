//===- Pipelines.cpp - Named ane-opt pipelines ----------------------------===//
//
// Registers the pipelines users run before emitting a program.
//
//===----------------------------------------------------------------------===//

#include "ane/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace {

/// Cleanup every pipeline starts with: canonicalize (folds, dead values),
/// fold small constant subgraphs, canonicalize what that exposes, dedup
/// constants, CSE (keeping program outputs, whose names are their ops').
void buildCleanupPipeline(OpPassManager &pm) {
  // The canonicalizer's own constant CSE would merge (and unname) constants
  // that are program outputs; mil-const-dedup and mil-cse merge the others.
  GreedyRewriteConfig config;
  config.enableConstantCSE(false);
  pm.addPass(createCanonicalizerPass(config));
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILFoldConstants());
  pm.addPass(createCanonicalizerPass(config));
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILConstDedup());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILCSE());
}

/// Fusion: cleanup, the fusion passes, cleanup (mil-ane-fusion).
void buildFusionPipeline(OpPassManager &pm) {
  buildCleanupPipeline(pm);
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILMatmulToLinear());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILFoldScaleIntoConv());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILFuseBias());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILFuseLayerNorm());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILRmsNormAneForm());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILSwiGLUAneForm());
  buildCleanupPipeline(pm);
}

} // namespace

void ane::mil::registerPipelines() {
  PassPipelineRegistration<>(
      "mil-ane-default",
      "Clean up a mil program for the ANE (canonicalize, fold constants, "
      "dedup, CSE)",
      buildCleanupPipeline);
  PassPipelineRegistration<>(
      "mil-ane-fusion",
      "Cleanup, then fold bias/scale/batch_norm into conv and linear, "
      "matmul to linear, RMSNorm and SwiGLU in ANE form, then cleanup",
      buildFusionPipeline);
}
