//===- Evaluator.h - What op evaluators are made of -------------*- C++ -*-===//
//
// Private to the interpreter. An evaluator factory runs once per op when a
// function is prepared: it reads the op's MIL parameters (by their MIL names,
// through the ODS-generated parameter table, see OpParams), checks what it
// needs, and returns a StepFn closure over slot numbers, static shapes and
// attribute values. At eval time a StepFn reads operands from the Frame and
// writes its results there. No per-element dispatch happens outside the
// kernels.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_RUNTIME_INTERPRETER_EVALUATOR_H
#define ANE_LIB_RUNTIME_INTERPRETER_EVALUATOR_H

#include "ane/Runtime/Interpreter.h"
#include "ane/Runtime/Kernels.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <vector>

namespace ane::runtime::detail {

/// Static description of a value slot.
struct SlotInfo {
  DType dtype = DType::F32;
  Shape shape;
  bool isConst = false;
  bool isInput = false;
  int64_t numElements() const { return numElementsOf(shape); }
};

/// The run-time state of a prepared function: value slots, the buffer pool,
/// conversion and kernel scratch.
class Frame {
public:
  std::vector<SlotInfo> info;
  std::vector<Tensor> slots;

  const Tensor &get(int slot) const { return slots[slot]; }
  /// fp32 view of a slot's value: the value itself if fp32, a cached copy
  /// for constants, else converted into a per-step scratch buffer.
  const float *f32(int slot);
  /// int32 view of an integer (or bool) slot, converted as needed.
  const int32_t *i32(int slot);
  /// Allocates the slot's buffer (its static dtype and shape) from the pool.
  Tensor &alloc(int slot);
  /// fp32 buffer to write the slot's value into; when the slot is not fp32
  /// the value is rounded to its dtype after the step.
  float *outF32(int slot);
  /// Kernel scratch `id` with room for `n` floats, kept across evals.
  float *scratch(unsigned id, int64_t n);

  /// Called by the interpreter around each step.
  void beginStep() { convUsed = 0; }
  void finishStep();
  /// Returns a slot's buffer to the pool.
  void release(int slot);

  size_t liveBytes = 0, peakBytes = 0, constBytes = 0;

private:
  Tensor &convBuffer(int64_t n);
  std::vector<Tensor> pool;
  std::vector<Tensor> convBufs;
  unsigned convUsed = 0;
  std::vector<Tensor> scratchBufs;
  llvm::DenseMap<int, Tensor> constCache; // fp32 / int32 copies of constants
  struct Pending {
    int slot;
    unsigned buf;
  };
  llvm::SmallVector<Pending, 2> pending;
};

using StepFn = std::function<llvm::Error(Frame &)>;

/// MIL parameters of an op by name, with MIL's defaults where absent.
class OpParams {
public:
  explicit OpParams(mlir::Operation *op);
  mlir::Operation *getOp() const { return op; }
  /// Operand values of a parameter (empty for an absent optional one).
  llvm::ArrayRef<mlir::Value> operands(llvm::StringRef name) const;
  /// The single operand of a parameter, or null.
  mlir::Value operand(llvm::StringRef name) const;
  mlir::Attribute attr(llvm::StringRef name) const;
  int64_t getInt(llvm::StringRef name, int64_t dflt) const;
  bool getBool(llvm::StringRef name, bool dflt) const;
  float getFloat(llvm::StringRef name, float dflt) const;
  std::string getStr(llvm::StringRef name, llvm::StringRef dflt) const;
  /// An int vector attribute; nullopt if absent.
  std::optional<Shape> getInts(llvm::StringRef name) const;
  std::optional<llvm::SmallVector<bool>> getBools(llvm::StringRef name) const;

private:
  mlir::Operation *op;
  llvm::StringMap<llvm::SmallVector<mlir::Value, 1>> operandMap;
};

/// What a factory may use while preparing one op.
class PrepareContext {
public:
  virtual ~PrepareContext() = default;
  /// The slot of a value (-1 for a null value).
  virtual int slot(mlir::Value v) = 0;
  virtual const SlotInfo &info(int slot) = 0;
  /// The value of a constant slot (for ops that need compile-time data),
  /// or null if the value is not a constant.
  virtual const Tensor *constant(mlir::Value v) = 0;
  /// Turns `slot` into a constant holding `value` (constexpr_* ops, whose
  /// results are computed once when the function is prepared).
  virtual void defineConstant(int slot, Tensor value) = 0;
  /// Adds to the program's weight bytes (data held in op attributes).
  virtual void addWeightBytes(int64_t bytes) = 0;
  /// Adds to the FLOP count of one eval.
  virtual void addFlops(int64_t flops) = 0;
  /// Reports an error at the op; returns failure for convenience.
  mlir::InFlightDiagnostic error(mlir::Operation *op) {
    return op->emitError();
  }
};

/// Prepares one op: a StepFn (empty if the op was folded into a constant
/// at prepare time), or failure after a diagnostic.
using EvaluatorFactory =
    std::function<mlir::FailureOr<StepFn>(OpParams &, PrepareContext &)>;
using EvaluatorTable = llvm::StringMap<EvaluatorFactory>;

/// One registration function per op family (Eval<Family>.cpp).
void registerElementwiseEvaluators(EvaluatorTable &table);
void registerActivationEvaluators(EvaluatorTable &table);
void registerReductionEvaluators(EvaluatorTable &table);
void registerNormEvaluators(EvaluatorTable &table);
void registerConvEvaluators(EvaluatorTable &table);
void registerLinearEvaluators(EvaluatorTable &table);
void registerShapeEvaluators(EvaluatorTable &table);
void registerQuantEvaluators(EvaluatorTable &table);
void registerAttentionEvaluators(EvaluatorTable &table);

/// The table of every evaluator, keyed by op name ("mil.conv").
const EvaluatorTable &getEvaluatorTable();

/// Copies a dense / dense_resource elements attribute into `t`, which has
/// the attribute's dtype and shape; diagnoses other attributes at `op`.
mlir::LogicalResult elementsToTensor(mlir::Operation *op, mlir::Attribute val,
                                     Tensor &t);
/// If `val` is a weight blob the import did not read (#mil.blob_file: the
/// program was imported with --mil-weights=symbolic), reports it at `op` and
/// returns true.
bool diagnoseUnloadedBlob(mlir::Operation *op, mlir::Attribute val);
/// A float vector from a parameter that is either a constant operand or an
/// elements/float attribute (scale, zero_point, ...). nullopt if absent;
/// failure is diagnosed.
mlir::FailureOr<std::optional<std::vector<float>>>
constFloats(OpParams &params, PrepareContext &ctx, llvm::StringRef name);

/// Shared helpers.
inline int64_t normAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}
/// [outer, axis, inner] sizes of a shape around `axis`.
void splitAround(llvm::ArrayRef<int64_t> shape, int64_t axis, int64_t &outer,
                 int64_t &mid, int64_t &inner);
/// "x" operand missing etc.: a located error and failure.
mlir::FailureOr<StepFn> missingParam(mlir::Operation *op, llvm::StringRef name);
/// An error for a problem found while running a step.
llvm::Error stepError(const llvm::Twine &msg);

} // namespace ane::runtime::detail

#endif // ANE_LIB_RUNTIME_INTERPRETER_EVALUATOR_H
