//===- MatmulToLinear.cpp - matmul by a constant matrix → linear ----------===//
//
// The mil-matmul-to-linear pass: `matmul(x, W)` with a constant rank-2 `W`
// becomes `linear(x, W')` with MIL linear's weight layout [D_out, D_in]:
// `W' = W` when `transpose_y` is true (W is already [D_out, D_in]), else
// `W' = Wᵀ` (a new constant; W is [D_in, D_out]). A following constant bias
// add is folded into the new linear by the mil-fuse-bias patterns, which
// this pass includes.
//
//===----------------------------------------------------------------------===//

#include "FusionPatterns.h"
#include "FusionUtils.h"
#include "MILNames.h"
#include "RewriteConfig.h"

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILTypeInference.h"
#include "ane/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILMATMULTOLINEAR
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

struct MatmulToLinear : OpRewritePattern<MatmulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MatmulOp matmul,
                                PatternRewriter &rewriter) const override {
    if (matmul.getTransposeX())
      return rewriter.notifyMatchFailure(matmul, "transpose_x is set");
    auto xType = cast<RankedTensorType>(matmul.getX().getType());
    auto yType = cast<RankedTensorType>(matmul.getY().getType());
    if (!isa<FloatType>(xType.getElementType()) ||
        !isa<FloatType>(yType.getElementType()))
      return rewriter.notifyMatchFailure(matmul, "linear is float only");
    if (yType.getRank() != 2 || !yType.hasStaticShape() || xType.getRank() < 1)
      return rewriter.notifyMatchFailure(matmul, "y is not a static matrix");
    if (!isMILConstant(matmul.getY()))
      return rewriter.notifyMatchFailure(matmul, "y is not a constant");

    Value weight = matmul.getY();
    if (!matmul.getTransposeY()) {
      // y is [D_in, D_out]; linear wants [D_out, D_in].
      std::optional<SmallVector<float>> y = readFloatConstant(weight);
      if (!y)
        return rewriter.notifyMatchFailure(matmul, "y cannot be transposed");
      int64_t rows = yType.getDimSize(0), cols = yType.getDimSize(1);
      SmallVector<float> transposed(y->size());
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
          transposed[c * rows + r] = (*y)[r * cols + c];
      weight = createFloatConstant(
          rewriter, matmul.getLoc(),
          derivedName(milNameOf(matmul), "_weight", "linear_weight"),
          RankedTensorType::get({cols, rows}, yType.getElementType()),
          transposed);
    }
    rewriter.replaceOpWithNewOp<LinearOp>(matmul, matmul.getType(),
                                          matmul.getX(), weight, Value());
    return success();
  }
};

struct MILMatmulToLinearPass
    : public ane::mil::impl::MILMatmulToLinearBase<MILMatmulToLinearPass> {
  using MILMatmulToLinearBase::MILMatmulToLinearBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToLinear>(&getContext());
    populateFuseBiasPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns),
                                     milRewriteConfig())))
      signalPassFailure();
  }
};

} // namespace
