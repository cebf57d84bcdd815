//===- MILAttentionOps.cpp - Verifiers and type inference: SDPA ---------===//
//
// scaled_dot_product_attention: query [B, *, L, E], key [B, *, S, E],
// value [B, *, S, EV], optional attn_mask broadcastable to [B, *, L, S];
// the result is [B, *, L, EV].
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"

using namespace mlir;
using namespace ane::mil;

LogicalResult ScaledDotProductAttentionOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &results) {
  auto query = cast<RankedTensorType>(adaptor.getQuery().getType());
  auto value = cast<RankedTensorType>(adaptor.getValue().getType());
  SmallVector<int64_t> shape(query.getShape());
  if (!shape.empty())
    shape.pop_back();
  shape.push_back(value.getRank() >= 1 ? value.getShape().back()
                                       : ShapedType::kDynamic);
  results.push_back(RankedTensorType::get(shape, query.getElementType()));
  return success();
}

/// True when dims a and b agree (or one is dynamic).
static bool dimsAgree(int64_t a, int64_t b) {
  return a == b || ShapedType::isDynamic(a) || ShapedType::isDynamic(b);
}

LogicalResult ScaledDotProductAttentionOp::verify() {
  auto query = cast<RankedTensorType>(getQuery().getType());
  auto key = cast<RankedTensorType>(getKey().getType());
  auto value = cast<RankedTensorType>(getValue().getType());
  int64_t rank = query.getRank();
  // scaled_dot_product_attention.query-rank
  if (rank < 3)
    return emitOpError("'query' must have rank >= 3 ([B, *, L, E]), got rank ")
           << rank;
  // scaled_dot_product_attention.equal-ranks
  for (auto [name, type] :
       {std::pair<StringRef, RankedTensorType>{"key", key}, {"value", value}})
    if (type.getRank() != rank)
      return emitOpError("'") << name << "' must have the rank of 'query' ("
                              << rank << "), got rank " << type.getRank();
  // scaled_dot_product_attention.dtype
  for (auto [name, type] :
       {std::pair<StringRef, RankedTensorType>{"key", key}, {"value", value}})
    if (type.getElementType() != query.getElementType())
      return emitOpError("'")
             << name << "' dtype must match 'query' dtype "
             << query.getElementType() << ", got " << type.getElementType();
  // scaled_dot_product_attention.batch-dims
  for (int64_t i = 0; i < rank - 2; ++i)
    for (auto [name, type] :
         {std::pair<StringRef, RankedTensorType>{"key", key}, {"value", value}})
      if (!dimsAgree(type.getDimSize(i), query.getDimSize(i)))
        return emitOpError("batch dims of '")
               << name << "' " << formatShape(type.getShape().drop_back(2))
               << " must equal those of 'query' "
               << formatShape(query.getShape().drop_back(2));
  // scaled_dot_product_attention.key-embed
  int64_t e = query.getDimSize(rank - 1);
  if (!dimsAgree(key.getDimSize(rank - 1), e))
    return emitOpError("'key' last dim must be the embedding size E = ")
           << e << " of 'query', got " << key.getDimSize(rank - 1);
  // scaled_dot_product_attention.value-seq
  int64_t s = key.getDimSize(rank - 2);
  if (!dimsAgree(value.getDimSize(rank - 2), s))
    return emitOpError("'value' dim ")
           << rank - 2 << " must be the key sequence length S = " << s
           << ", got " << value.getDimSize(rank - 2);
  if (Value mask = getAttnMask()) {
    auto maskType = cast<RankedTensorType>(mask.getType());
    SmallVector<int64_t> scores(query.getShape());
    scores.back() = s;
    // scaled_dot_product_attention.mask-broadcast
    auto joined = broadcastShapes(std::nullopt, maskType.getShape(), scores);
    bool ok = joined && maskType.getRank() <= rank;
    for (int64_t i = 0; ok && i < rank; ++i)
      ok = dimsAgree((*joined)[i], scores[i]);
    if (!ok)
      return emitOpError("'attn_mask' of shape ")
             << formatShape(maskType.getShape())
             << " must broadcast to [B, *, L, S] = " << formatShape(scores);
  }
  return success();
}
