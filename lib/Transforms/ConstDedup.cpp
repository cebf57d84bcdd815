//===- ConstDedup.cpp - Merge mil.const ops with equal values -------------===//
//
// The mil-const-dedup cleanup pass: constants are compared by type and
// contents, ignoring discardable attributes (names). A duplicate that is a
// program output is kept (the output is named after it).
//
//===----------------------------------------------------------------------===//

#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Dialect/MIL/MILFolding.h"
#include "ane/Transforms/Passes.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"

namespace ane::mil {
#define GEN_PASS_DEF_MILCONSTDEDUP
#include "ane/Transforms/Passes.h.inc"
} // namespace ane::mil

using namespace mlir;
using namespace ane::mil;

namespace {

/// The bytes behind a dense_resource value, or std::nullopt when the value is
/// not a resource (or its blob is not loaded).
std::optional<ArrayRef<char>> resourceBytes(Attribute value) {
  auto resource = dyn_cast<DenseResourceElementsAttr>(value);
  if (!resource)
    return std::nullopt;
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  if (!blob)
    return std::nullopt;
  return blob->getData();
}

/// A constant's identity for deduplication: its type plus its value, where
/// resource blobs are compared by contents.
struct ConstKey {
  Type type;
  Attribute value;                     // for non-resource values
  std::optional<ArrayRef<char>> bytes; // for resource values

  bool operator==(const ConstKey &other) const {
    if (type != other.type || bytes.has_value() != other.bytes.has_value())
      return false;
    if (bytes)
      return *bytes == *other.bytes;
    return value == other.value;
  }
};

struct ConstKeyInfo {
  static ConstKey getEmptyKey() {
    return {llvm::DenseMapInfo<Type>::getEmptyKey(), {}, std::nullopt};
  }
  static ConstKey getTombstoneKey() {
    return {llvm::DenseMapInfo<Type>::getTombstoneKey(), {}, std::nullopt};
  }
  static unsigned getHashValue(const ConstKey &key) {
    if (key.bytes)
      return llvm::hash_combine(
          key.type.getAsOpaquePointer(),
          llvm::hash_combine_range(key.bytes->begin(), key.bytes->end()));
    return llvm::hash_combine(key.type.getAsOpaquePointer(),
                              key.value.getAsOpaquePointer());
  }
  static bool isEqual(const ConstKey &a, const ConstKey &b) { return a == b; }
};

struct MILConstDedupPass
    : public ane::mil::impl::MILConstDedupBase<MILConstDedupPass> {
  using MILConstDedupBase::MILConstDedupBase;

  void runOnOperation() override {
    llvm::DenseMap<ConstKey, ConstOp, ConstKeyInfo> firstOf;
    SmallVector<ConstOp> duplicates;
    getOperation().walk([&](ConstOp op) {
      auto elements = dyn_cast<ElementsAttr>(op.getVal());
      if (elements && elements.getNumElements() < minElements)
        return;
      ConstKey key{op.getType(), op.getVal(), resourceBytes(op.getVal())};
      auto [it, inserted] = firstOf.try_emplace(key, op);
      // A returned constant is a program output named after it: kept.
      if (!inserted && it->second->getParentRegion() == op->getParentRegion() &&
          !isFunctionResult(op.getResult())) {
        op.getResult().replaceAllUsesWith(it->second.getResult());
        duplicates.push_back(op);
      }
    });
    for (ConstOp op : duplicates)
      op.erase();
  }
};

} // namespace
