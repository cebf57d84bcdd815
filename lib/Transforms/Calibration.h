//===- Calibration.h - Activation ranges from sample inputs --- -*- C++ -*-===//
//
// Runs a mil function in the CPU interpreter on calibration samples (.npy
// files named after its arguments) and measures the range of chosen values.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TRANSFORMS_CALIBRATION_H
#define ANE_LIB_TRANSFORMS_CALIBRATION_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"

#include <optional>

namespace ane::mil {

struct CalibrationOptions {
  std::string directory; ///< holds <argument name>.npy
  /// std::nullopt: the largest |value|; else this percentile (in (0, 100])
  /// of |value|.
  std::optional<double> percentile;
};

/// The range r (|value| <= r for the chosen statistic) of each of `values`
/// over every sample in the calibration directory. Problems (missing or
/// ill-shaped files, a function the interpreter cannot run) are reported as
/// errors at `fn`, prefixed with `pass`.
mlir::FailureOr<llvm::DenseMap<mlir::Value, float>>
calibrateRanges(mlir::func::FuncOp fn, llvm::ArrayRef<mlir::Value> values,
                const CalibrationOptions &options, llvm::StringRef pass);

} // namespace ane::mil

#endif // ANE_LIB_TRANSFORMS_CALIBRATION_H
