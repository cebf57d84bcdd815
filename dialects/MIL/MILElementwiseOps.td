//===- MILElementwiseOps.td - Elementwise binary ops -------*- tablegen -*-===//
//
// MIL's elementwise binary ops (iOS15, defs/iOS15/elementwise_binary.py):
// NumPy broadcasting, x and y of the same dtype.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILELEMENTWISEOPS_TD
#define ANE_DIALECT_MIL_MILELEMENTWISEOPS_TD

include "MILBase.td"

/// A binary op with NumPy broadcasting whose result has the operands' dtype.
class MIL_BinaryOp<string mnemonic, string semantics,
                   Type operandType = MIL_NumericTensor>
    : MIL_Op<mnemonic, "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "elementwise " # semantics # " with broadcasting";
  let description = [{
    MIL `}] # mnemonic # [{` (iOS15): `}] # semantics # [{`, elementwise,
    with NumPy broadcasting (shapes are right-aligned; each pair of dims must
    match or one of them must be 1). `x` and `y` must have the same dtype;
    the result has that dtype and the broadcast shape.

    ```mlir
    %z = mil.}] # mnemonic # [{ %x, %y : (tensor<1x64x1x32xf16>, tensor<1x64x1x1xf16>) -> tensor<1x64x1x32xf16>
    ```
  }];
  let arguments = (ins operandType:$x, operandType:$y);
  let results = (outs operandType:$output);
  let assemblyFormat = "$x `,` $y attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &results) {
      return ::ane::mil::inferBroadcastResult(loc, adaptor.getX().getType(),
                                              adaptor.getY().getType(),
                                              /*resultElement=*/nullptr, results);
    }
  }];
}

def MIL_AddOp : MIL_BinaryOp<"add", "x + y">;
def MIL_SubOp : MIL_BinaryOp<"sub", "x - y">;
def MIL_MulOp : MIL_BinaryOp<"mul", "x * y">;

#endif // ANE_DIALECT_MIL_MILELEMENTWISEOPS_TD
