//===- MILNames.cpp - MIL names of the ops passes create ------------------===//
//
// Implementation of the helpers declared in MILNames.h.
//
//===----------------------------------------------------------------------===//

#include "MILNames.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;

StringRef ane::mil::milNameOf(Operation *op) {
  Location loc = op->getLoc();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location l : fused.getLocations())
      if (auto name = dyn_cast<NameLoc>(l))
        return name.getName().getValue();
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().getValue();
  return "";
}

std::string ane::mil::derivedName(StringRef base, StringRef suffix,
                                  StringRef fallback) {
  return base.empty() ? fallback.str() : (base + suffix).str();
}

Location ane::mil::suffixedLoc(Location loc, StringRef suffix) {
  if (auto named = dyn_cast<NameLoc>(loc))
    return NameLoc::get(
        StringAttr::get(loc.getContext(), named.getName().str() + suffix),
        named.getChildLoc());
  return loc;
}
