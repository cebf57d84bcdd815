//===- CompileBudget.h - Per-process ANE compile counter --------*- C++ -*-===//
//
// The ANE compiler leaks resources: after about 119 in-memory compiles in
// one process, further compiles fail (reported by the public training
// projects, which restart the process with exec() after 100 compiles).
// The backend counts every compile attempt in the process and refuses to
// start one once the count reaches the limit, with an error that tells the
// caller to save its state and restart the process. The limit defaults to
// 100 and can be set with `setLimit` or the ANE_COMPILE_LIMIT environment
// variable (read once, at first use).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_COMPILEBUDGET_H
#define ANE_RUNTIME_ANE_COMPILEBUDGET_H

#include "llvm/Support/Error.h"

namespace ane::device {

class CompileBudget {
public:
  static constexpr unsigned kDefaultLimit = 100;
  /// The compile count at which the device is reported to start failing.
  static constexpr unsigned kReportedLeak = 119;

  /// Compiles attempted in this process since start or the last reset.
  static unsigned count();
  static unsigned limit();
  static void setLimit(unsigned limit);
  /// Forgets the count (after an exec() restart the count starts at 0
  /// anyway; resetting in-process does not free the leaked resources).
  static void reset();
  /// Takes one compile from the budget, or fails with the restart advice.
  static llvm::Error acquire();
};

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_COMPILEBUDGET_H
