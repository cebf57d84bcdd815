//===- Pipelines.cpp - Named ane-opt pipelines ----------------------------===//
//
// Registers the pipelines users run before emitting a program.
//
//===----------------------------------------------------------------------===//

#include "RewriteConfig.h"
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
  // See RewriteConfig.h: constants are not CSE'd or hoisted by the driver.
  GreedyRewriteConfig config = ane::mil::milRewriteConfig();
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
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILFoldNormScale());
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILSwiGLUAneForm());
  buildCleanupPipeline(pm);
}

/// Weight quantization options, shared by --mil-ane-w8 and --mil-ane-w8a8.
struct WeightQuantOptions : public virtual detail::PassOptions {
  Option<int64_t> minElements{
      *this, "min-elements",
      llvm::cl::desc("Only quantize weights with at least this many elements"),
      llvm::cl::init(2048)};
  Option<std::string> granularity{
      *this, "granularity",
      llvm::cl::desc("per-channel (default) or per-tensor weight scales"),
      llvm::cl::init("per-channel")};
};

/// Options of --mil-ane-w8 (weight quantization).
struct W8PipelineOptions : PassPipelineOptions<W8PipelineOptions>,
                           WeightQuantOptions {};

/// Options of --mil-ane-w8a8: those of --mil-ane-w8 plus calibration.
struct W8A8PipelineOptions : PassPipelineOptions<W8A8PipelineOptions>,
                             WeightQuantOptions {
  Option<std::string> calibrationInputs{
      *this, "calibration-inputs",
      llvm::cl::desc("Directory of <argument>.npy calibration samples")};
  Option<std::string> method{
      *this, "method",
      llvm::cl::desc("Activation range statistic: minmax or percentile"),
      llvm::cl::init("minmax")};
  Option<double> percentile{
      *this, "percentile",
      llvm::cl::desc("Percentile of |value| used by method=percentile"),
      llvm::cl::init(99.99)};
};

void addQuantizeWeights(OpPassManager &pm, const WeightQuantOptions &options) {
  ane::mil::MILQuantizeWeightsOptions o;
  o.minElements = options.minElements;
  o.granularity = options.granularity;
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILQuantizeWeights(o));
}

/// Weight-only int8: cleanup, int8 weights, cleanup.
void buildW8Pipeline(OpPassManager &pm, const W8PipelineOptions &options) {
  buildCleanupPipeline(pm);
  addQuantizeWeights(pm, options);
  buildCleanupPipeline(pm);
}

/// W8A8 as the public INT8 ANE benchmark: int8 weights through
/// constexpr_affine_dequantize and calibrated int8 quantize/dequantize
/// pairs between layers.
void buildW8A8Pipeline(OpPassManager &pm, const W8A8PipelineOptions &options) {
  buildCleanupPipeline(pm);
  addQuantizeWeights(pm, options);
  ane::mil::MILQuantizeActivationsOptions activations;
  activations.calibrationInputs = options.calibrationInputs;
  activations.method = options.method;
  activations.percentile = options.percentile;
  pm.addNestedPass<func::FuncOp>(
      ane::mil::createMILQuantizeActivations(activations));
  pm.addNestedPass<func::FuncOp>(ane::mil::createMILEliminateQuantPairs());
  buildCleanupPipeline(pm);
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
  PassPipelineRegistration<W8PipelineOptions>(
      "mil-ane-w8",
      "Cleanup, then int8 weights via constexpr_affine_dequantize (W8)",
      buildW8Pipeline);
  PassPipelineRegistration<W8A8PipelineOptions>(
      "mil-ane-w8a8",
      "Cleanup, int8 weights and calibrated int8 activations between ANE "
      "layers (W8A8; needs calibration-inputs=DIR)",
      buildW8A8Pipeline);
  PassPipelineRegistration<ANEShapeOptions>(
      "mil-ane-shape",
      "Shape a mil program for the ANE (cleanup, linear → 1×1 conv, "
      "[1, C, 1, S] layout, cleanup)",
      buildANEShapePipeline);
  PassPipelineRegistration<>(
      "mil-ane-default",
      "Clean up a mil program for the ANE (canonicalize, fold constants, "
      "dedup, CSE)",
      buildCleanupPipeline);
  PassPipelineRegistration<>(
      "mil-ane-fusion",
      "Cleanup, then matmul to linear, fold scale/batch_norm and bias into "
      "conv and linear, fuse layer norm, RMSNorm in ANE form, fold norm "
      "gammas into projections, SwiGLU in ANE form, then cleanup",
      buildFusionPipeline);
}
