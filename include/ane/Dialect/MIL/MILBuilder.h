//===- MILBuilder.h - A C++ API for writing MIL programs ------ -*- C++ -*-===//
//
// ProgramBuilder creates a `builtin.module` carrying the MIL program
// attributes and a `func.func @main`, and offers one call per MIL statement
// so that an ANE kernel written in C++ is about as long as the MIL it
// produces. Every value it creates carries its MIL name in a NameLoc.
//
//   ProgramBuilder pb(&ctx);
//   Value x = pb.input("x", {1, 64, 1, 32});
//   Value w = pb.constF16("w", {128, 64, 1, 1}, weights);
//   pb.output({pb.conv1x1("y", x, w)});
//   llvm::Expected<OwningOpRef<ModuleOp>> module = pb.finish();
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILBUILDER_H
#define ANE_DIALECT_MIL_MILBUILDER_H

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace ane::mil {

/// Program-level attributes of the module.
struct ProgramOptions {
  /// `mil.program_version`: "1.0" .. "1.3".
  std::string programVersion = "1.3";
  /// `mil.opset`: "ios15" .. "ios18".
  std::string opset = "ios18";
  /// `mil.build_info`: string pairs (empty: the attribute is omitted).
  std::vector<std::pair<std::string, std::string>> buildInfo = {
      {"coremltools-version", "ane-mlir"}};
  /// Constants with more elements than this become `dense_resource` blobs;
  /// smaller ones are inline dense attributes.
  int64_t inlineConstantLimit = kDefaultInlineConstantLimit;
};

/// MIL conv parameters; empty vectors mean MIL's defaults (all 1s / zeros).
struct ConvOptions {
  std::vector<int32_t> strides;
  std::string padType = "valid";
  std::vector<int32_t> pad;
  std::vector<int32_t> dilations;
  int32_t groups = 1;
};

/// MIL pooling parameters; empty vectors mean MIL's defaults.
struct PoolOptions {
  std::vector<int32_t> strides;
  std::string padType = "valid";
  std::vector<int32_t> pad;
  bool ceilMode = false;
  /// avg_pool only.
  bool excludePaddingFromAverage = false;
};

/// Builds one MIL program (a module with `func.func @main`).
class ProgramBuilder {
public:
  explicit ProgramBuilder(mlir::MLIRContext *context,
                          ProgramOptions options = {});

  mlir::MLIRContext *getContext() { return context; }
  /// The builder, positioned at the end of @main's body.
  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::ModuleOp getModule() { return *module; }
  mlir::func::FuncOp getMain() { return main; }

  /// A NameLoc carrying a MIL variable name.
  mlir::Location loc(llvm::StringRef name);

  mlir::Type f16() { return builder.getF16Type(); }
  mlir::Type f32() { return builder.getF32Type(); }
  mlir::Type i8() { return builder.getIntegerType(8); }
  mlir::RankedTensorType tensor(llvm::ArrayRef<int64_t> shape,
                                mlir::Type element) {
    return mlir::RankedTensorType::get(shape, element);
  }

  /// Appends an input of @main named `name` (fp16 unless given).
  mlir::Value input(llvm::StringRef name, llvm::ArrayRef<int64_t> shape,
                    mlir::Type element = {});

  /// Constants. `values` holds one value per element, or a single value to
  /// splat. Above ProgramOptions::inlineConstantLimit elements the data is
  /// stored as a `dense_resource` blob named after the constant.
  mlir::Value constF16(llvm::StringRef name, llvm::ArrayRef<int64_t> shape,
                       llvm::ArrayRef<float> values);
  mlir::Value constF32(llvm::StringRef name, llvm::ArrayRef<int64_t> shape,
                       llvm::ArrayRef<float> values);
  mlir::Value constI8(llvm::StringRef name, llvm::ArrayRef<int64_t> shape,
                      llvm::ArrayRef<int8_t> values);
  /// A constant from any elements attribute.
  mlir::Value constant(llvm::StringRef name, mlir::ElementsAttr value);

  /// conv (result type inferred).
  mlir::Value conv(llvm::StringRef name, mlir::Value x, mlir::Value weight,
                   mlir::Value bias = {}, const ConvOptions &options = {});
  /// The ANE linear layer: a 1×1 conv, stride 1, no padding, over
  /// [1, C_in, 1, S] with weight [C_out, C_in, 1, 1].
  mlir::Value conv1x1(llvm::StringRef name, mlir::Value x, mlir::Value weight,
                      mlir::Value bias = {});
  mlir::Value matmul(llvm::StringRef name, mlir::Value x, mlir::Value y,
                     bool transposeX = false, bool transposeY = false);
  mlir::Value linear(llvm::StringRef name, mlir::Value x, mlir::Value weight,
                     mlir::Value bias = {});
  mlir::Value maxPool(llvm::StringRef name, mlir::Value x,
                      llvm::ArrayRef<int32_t> kernelSizes,
                      const PoolOptions &options = {});
  mlir::Value avgPool(llvm::StringRef name, mlir::Value x,
                      llvm::ArrayRef<int32_t> kernelSizes,
                      const PoolOptions &options = {});
  /// scaled_dot_product_attention (iOS18); `attnMask` is optional.
  mlir::Value sdpa(llvm::StringRef name, mlir::Value query, mlir::Value key,
                   mlir::Value value, mlir::Value attnMask = {});
  mlir::Value add(llvm::StringRef name, mlir::Value x, mlir::Value y);
  mlir::Value mul(llvm::StringRef name, mlir::Value x, mlir::Value y);

  /// Returns `values` from @main and sets its function type. Call once.
  void output(llvm::ArrayRef<mlir::Value> values);

  /// Verifies the module and hands it over; the error holds the
  /// verifier's diagnostics. The builder must not be used afterwards.
  llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>> finish();

private:
  mlir::MLIRContext *context;
  ProgramOptions options;
  mlir::OpBuilder builder;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::func::FuncOp main;
  bool returned = false;
};

} // namespace ane::mil

#endif // ANE_DIALECT_MIL_MILBUILDER_H
