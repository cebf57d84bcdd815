//===- MILDialect.td - The mil dialect definition ----------*- tablegen -*-===//
//
// The `mil` dialect record: Core ML's Model Intermediate Language as MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILDIALECT_TD
#define ANE_DIALECT_MIL_MILDIALECT_TD

include "mlir/IR/OpBase.td"

def MIL_Dialect : Dialect {
  let name = "mil";
  let summary = "Core ML Model Intermediate Language (MIL) for the Apple Neural Engine";
  let description = [{
    The `mil` dialect models the operations of Core ML's Model Intermediate
    Language as Apple's compiler prints them in `model.mil` (`program(1.0)`
    to `program(1.3)`, opsets `ios15` to `ios18`). One MLIR op stands for one
    MIL op, with MIL's op name and parameter names, so that the MIL text
    emitter and importer are mechanical.

    Tensors are builtin ranked tensors of `f16`, `f32`, `i8`, `ui8`, `i16`,
    `ui16`, `i32` and `i1`; MIL scalars are rank-0 tensors. Parameters that
    must be compile-time constants (strides, pad, axes, epsilon, ...) are
    attributes named after the MIL parameter; weights are `mil.const` values.

    Programs are `builtin.module`s holding `func.func`s. The module carries
    `mil.program_version` (e.g. `"1.3"`), `mil.opset` (default opset of its
    functions, e.g. `"ios18"`) and `mil.build_info` (a dictionary of strings);
    a function may override the opset with its own `mil.opset`.
  }];
  let cppNamespace = "::ane::mil";
  let dependentDialects = ["::mlir::func::FuncDialect"];
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Module attribute naming the MIL program version ("1.0" .. "1.3").
    static constexpr ::llvm::StringLiteral kProgramVersionAttr = "mil.program_version";
    /// Module or function attribute naming the opset ("ios15" .. "ios18").
    static constexpr ::llvm::StringLiteral kOpsetAttr = "mil.opset";
    /// Module attribute holding buildInfo as a dictionary of strings.
    static constexpr ::llvm::StringLiteral kBuildInfoAttr = "mil.build_info";

    void registerAttributes();
  }];
}

#endif // ANE_DIALECT_MIL_MILDIALECT_TD
