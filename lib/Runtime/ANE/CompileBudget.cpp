//===- CompileBudget.cpp - Per-process ANE compile counter ----------------===//

#include "ane/Runtime/ANE/CompileBudget.h"

#include "llvm/ADT/StringRef.h"

#include <atomic>
#include <cstdlib>

using namespace ane::device;

namespace {
std::atomic<unsigned> gCount{0};

std::atomic<unsigned> &limitSlot() {
  static std::atomic<unsigned> slot{[] {
    unsigned limit = CompileBudget::kDefaultLimit;
    if (const char *env = std::getenv("ANE_COMPILE_LIMIT")) {
      unsigned v;
      if (!llvm::StringRef(env).getAsInteger(10, v) && v > 0)
        limit = v;
    }
    return limit;
  }()};
  return slot;
}
} // namespace

unsigned CompileBudget::count() { return gCount.load(); }
unsigned CompileBudget::limit() { return limitSlot().load(); }
void CompileBudget::setLimit(unsigned limit) { limitSlot().store(limit); }
void CompileBudget::reset() { gCount.store(0); }

llvm::Error CompileBudget::acquire() {
  unsigned lim = limit();
  unsigned cur = gCount.load();
  do {
    if (cur >= lim)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "ANE compile budget exhausted: %u compiles in this process "
          "(limit %u; the ANE compiler leaks resources and fails after about "
          "%u compiles per process). Save your state and restart the process "
          "(e.g. exec() yourself with a resume flag); raise the limit with "
          "ANE_COMPILE_LIMIT only below %u",
          cur, lim, kReportedLeak, kReportedLeak);
  } while (!gCount.compare_exchange_weak(cur, cur + 1));
  return llvm::Error::success();
}
