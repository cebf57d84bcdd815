//===- TempDirs.cpp - Shared ownership of model temp directories ----------===//

#include "TempDirs.h"

#include "llvm/ADT/StringMap.h"

#include <mutex>

namespace {
std::mutex gMutex;
llvm::StringMap<unsigned> &users() {
  static llvm::StringMap<unsigned> map;
  return map;
}
} // namespace

void ane::device::detail::retainTempDir(llvm::StringRef dir) {
  std::lock_guard<std::mutex> lock(gMutex);
  ++users()[dir];
}

bool ane::device::detail::releaseTempDir(llvm::StringRef dir) {
  std::lock_guard<std::mutex> lock(gMutex);
  auto it = users().find(dir);
  if (it == users().end())
    return true;
  if (--it->second > 0)
    return false;
  users().erase(it);
  return true;
}
