//===- QuantizeWeights.cpp - Constant weights to int8/uint8 --------------===//
//
// The mil-quantize-weights pass: fp16/fp32 constant weights of conv, linear
// and matmul become constexpr_affine_dequantize ops (per-tensor or
// per-output-channel, symmetric or asymmetric), with coremltools' math.
//
//===----------------------------------------------------------------------===//

#include "QuantCommon.h"

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILParams.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>

namespace ane::mil {
#define GEN_PASS_DEF_MILQUANTIZEWEIGHTS
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// How weights are quantized (the pass options, validated).
struct Scheme {
  bool isUnsigned = false, symmetric = true, perChannel = true;
  int qmin() const { return isUnsigned ? 0 : (symmetric ? -127 : -128); }
  int qmax() const { return isUnsigned ? (symmetric ? 254 : 255) : 127; }
};

/// The quantization of one weight tensor.
struct Quantized {
  std::vector<uint8_t> data; // int8 or uint8 bit patterns
  std::vector<float> scale;  // one per channel (one for per-tensor)
  std::vector<int> zeroPoint;
};

/// Scale and zero point of the values `w[i]` for one channel, as coremltools
/// computes them (`optimize/_utils.py: compute_qparams_by_dtype`).
std::pair<float, int> qparams(const Scheme &s, float lo, float hi,
                              Type scaleType) {
  if (s.symmetric) {
    float maxAbs = std::max(std::fabs(lo), std::fabs(hi));
    float scale =
        quant::storableScale(2 * maxAbs / (s.qmax() - s.qmin()), scaleType);
    return {scale, s.isUnsigned ? s.qmax() / 2 : 0};
  }
  lo = std::min(lo, 0.f);
  hi = std::max(hi, 0.f);
  float scale =
      quant::storableScale((hi - lo) / (s.qmax() - s.qmin()), scaleType);
  int zp = std::nearbyint(s.qmin() - lo / scale);
  return {scale, std::clamp(zp, s.qmin(), s.qmax())};
}

/// Quantizes `w` (shape `shape`) along `axis` (per-channel) or as a whole.
Quantized quantize(const Scheme &s, ArrayRef<float> w, ArrayRef<int64_t> shape,
                   int64_t axis, Type scaleType) {
  int64_t channels = s.perChannel ? shape[axis] : 1, inner = 1;
  if (s.perChannel)
    for (int64_t d = axis + 1; d < int64_t(shape.size()); ++d)
      inner *= shape[d];
  auto channelOf = [&](int64_t i) { return (i / inner) % channels; };
  std::vector<float> lo(channels, INFINITY), hi(channels, -INFINITY);
  for (int64_t i = 0; i < int64_t(w.size()); ++i) {
    lo[channelOf(i)] = std::min(lo[channelOf(i)], w[i]);
    hi[channelOf(i)] = std::max(hi[channelOf(i)], w[i]);
  }
  Quantized q;
  for (int64_t c = 0; c < channels; ++c) {
    auto [scale, zp] = qparams(s, lo[c], hi[c], scaleType);
    q.scale.push_back(scale);
    q.zeroPoint.push_back(zp);
  }
  q.data.resize(w.size());
  for (int64_t i = 0; i < int64_t(w.size()); ++i) {
    int64_t c = channelOf(i);
    // std::nearbyint rounds half to even in the default rounding mode.
    float v = std::nearbyint(w[i] / q.scale[c]) + q.zeroPoint[c];
    q.data[i] = uint8_t(int(std::clamp<float>(v, s.qmin(), s.qmax())));
  }
  return q;
}

/// The output-channel axis of the weight operand `index` of `op`, or
/// std::nullopt when it has none (a scalar, or a 1-D matmul operand whose
/// only axis is reduced): such weights get one scale.
std::optional<int64_t> outputAxis(Operation *op, unsigned index, int64_t rank) {
  auto matmul = dyn_cast<MatmulOp>(op);
  if (rank == 0 || (matmul && rank < 2))
    return std::nullopt;
  if (!matmul)
    return 0;
  bool isY = index == 1;
  bool transposed = isY ? matmul.getTransposeY() : matmul.getTransposeX();
  // y [.., K, N] -> N; x [.., M, K] -> M.
  return isY != transposed ? rank - 1 : rank - 2;
}

struct MILQuantizeWeightsPass
    : public ane::mil::impl::MILQuantizeWeightsBase<MILQuantizeWeightsPass> {
  using MILQuantizeWeightsBase::MILQuantizeWeightsBase;

  /// Reads the options; reports a bad one at the function.
  LogicalResult readScheme(Scheme &s, llvm::StringSet<> &kinds) {
    func::FuncOp fn = getOperation();
    auto bad = [&](StringRef option, StringRef value, StringRef expected) {
      return fn.emitError() << "mil-quantize-weights: " << option << " '"
                            << value << "' is not one of " << expected;
    };
    if (dtype != "int8" && dtype != "uint8")
      return bad("dtype", dtype, "int8, uint8");
    if (granularity != "per-channel" && granularity != "per-tensor")
      return bad("granularity", granularity, "per-channel, per-tensor");
    if (mode != "symmetric" && mode != "asymmetric")
      return bad("mode", mode, "symmetric, asymmetric");
    for (const std::string &k : opKinds) {
      if (k != "conv" && k != "linear" && k != "matmul")
        return bad("op-kinds entry", k, "conv, linear, matmul");
      kinds.insert(k);
    }
    if (kinds.empty())
      for (StringRef k : {"conv", "linear", "matmul"})
        kinds.insert(k);
    s.isUnsigned = dtype == "uint8";
    s.symmetric = mode == "symmetric";
    s.perChannel = granularity == "per-channel";
    return success();
  }

  /// The constexpr_affine_dequantize replacing `cst` for a weight whose
  /// output channels run along `channelAxis`, or null if `cst` is not
  /// quantized.
  Value quantizeConst(ConstOp cst, std::optional<int64_t> channelAxis,
                      const Scheme &s) {
    auto values = dyn_cast<ElementsAttr>(cst.getVal());
    auto type = dyn_cast<RankedTensorType>(cst.getType());
    if (!values || !type || !type.hasStaticShape() ||
        values.getNumElements() < minElements)
      return {};
    std::optional<SmallVector<float>> w = readFloatElements(values);
    // Weights holding inf or NaN have no finite scale: left alone.
    if (!w || !llvm::all_of(*w, [](float v) { return std::isfinite(v); }))
      return {};
    Type scaleType = type.getElementType();
    bool perChannel = s.perChannel && channelAxis;
    int64_t axis = channelAxis.value_or(0);
    Scheme scheme = s;
    scheme.perChannel = perChannel;
    Quantized q = quantize(scheme, *w, type.getShape(), axis, scaleType);

    MLIRContext *ctx = &getContext();
    Type qType = IntegerType::get(
        ctx, 8, s.isUnsigned ? IntegerType::Unsigned : IntegerType::Signless);
    auto dataType = RankedTensorType::get(type.getShape(), qType);
    ArrayRef<char> bytes(reinterpret_cast<const char *>(q.data.data()),
                         q.data.size());
    Attribute data;
    if (auto resource = dyn_cast<DenseResourceElementsAttr>(values)) {
      AsmResourceBlob blob =
          HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, alignof(int8_t));
      data = DenseResourceElementsAttr::get(
          dataType, (resource.getRawHandle().getKey() + "_q").str(),
          std::move(blob));
    } else {
      data = DenseElementsAttr::getFromRawBuffer(dataType, bytes);
    }
    SmallVector<int64_t> paramShape;
    if (perChannel)
      paramShape.push_back(type.getDimSize(axis));
    auto zpType = RankedTensorType::get(paramShape, qType);
    std::vector<uint8_t> zpBytes(q.zeroPoint.begin(), q.zeroPoint.end());
    auto zp = DenseElementsAttr::getFromRawBuffer(
        zpType, ArrayRef<char>(reinterpret_cast<const char *>(zpBytes.data()),
                               zpBytes.size()));
    auto scale = quant::floatsAttr(scaleType, paramShape, q.scale);

    OpBuilder b(cst);
    auto op = ConstexprAffineDequantizeOp::create(
        b, cst.getLoc(), type, data, zp, scale,
        b.getI32IntegerAttr(perChannel ? axis : 0));
    for (NamedAttribute attr : cst->getDiscardableAttrs())
      op->setAttr(attr.getName(), attr.getValue());
    return op.getResult();
  }

  void runOnOperation() override {
    Scheme s;
    llvm::StringSet<> kinds;
    if (failed(readScheme(s, kinds)))
      return signalPassFailure();

    // One replacement per (constant, axis): shared weights are quantized once.
    llvm::DenseMap<std::pair<Operation *, int64_t>, Value> replacement;
    llvm::SetVector<Operation *> maybeDead;
    // constexpr_affine_dequantize is an ios16 op.
    std::optional<Opset> opset = getEnclosingOpset(getOperation());
    bool tooOld = opset && *opset < Opset::ios16;
    WalkResult walked = getOperation().walk([&](Operation *op) {
      std::optional<StringRef> kind = quant::computeKind(op);
      if (!kind || !kinds.contains(*kind))
        return WalkResult::advance();
      SmallVector<unsigned, 2> weightOperands;
      if (isa<MatmulOp>(op))
        weightOperands = {0, 1};
      else
        weightOperands = {1}; // conv/linear: (x, weight, bias)
      for (unsigned i : weightOperands) {
        auto cst = op->getOperand(i).getDefiningOp<ConstOp>();
        if (!cst)
          continue;
        int64_t rank = cast<ShapedType>(cst.getType()).getRank();
        std::optional<int64_t> axis = outputAxis(op, i, rank);
        Value &q = replacement[{cst.getOperation(), axis.value_or(-1)}];
        if (!q)
          q = quantizeConst(cst, axis, s);
        if (!q)
          continue;
        if (tooOld) {
          q.getDefiningOp()->erase();
          getOperation().emitError()
              << "mil-quantize-weights: constexpr_affine_dequantize needs "
                 "opset ios16 or later, the function targets "
              << stringifyOpset(*opset);
          return WalkResult::interrupt();
        }
        op->setOperand(i, q);
        maybeDead.insert(cst);
      }
      return WalkResult::advance();
    });
    if (walked.wasInterrupted())
      return signalPassFailure();
    for (Operation *cst : maybeDead)
      if (cst->use_empty())
        cst->erase();
  }
};

} // namespace
