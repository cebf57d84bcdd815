//===- MILElementwiseOps.td - Elementwise binary ops -------*- tablegen -*-===//
//
// MIL's elementwise binary ops (iOS15, defs/iOS15/elementwise_binary.py):
// arithmetic, comparisons and logical ops with NumPy broadcasting, x and y of
// the same dtype; and `select` (defs/iOS15/control_flow.py), which
// broadcasts three ways.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILELEMENTWISEOPS_TD
#define ANE_DIALECT_MIL_MILELEMENTWISEOPS_TD

include "MILBase.td"

/// A binary op with NumPy broadcasting. `resultElement` is C++ building the
/// result element type from `context` (nullptr: the operands' dtype);
/// `dtypeDoc` describes the domain and the result dtype.
class MIL_BinaryOp<
    string mnemonic, string semantics, Type operandType = MIL_NumericTensor,
    Type resultType = operandType, string resultElement = "nullptr",
    string dtypeDoc =
        "`x` and `y` are fp16, fp32 or int32 of the "#"same dtype; the result "
        "has that dtype",
    string exampleType = "f16">
    : MIL_Op<mnemonic, "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "elementwise "#semantics#" with broadcasting";
  let description = [{
    MIL `}]#mnemonic#[{` (iOS15): `}]#semantics#[{`, elementwise,
    with NumPy broadcasting (shapes are right-aligned; each pair of dims must
    match or one of them must be 1). }]#dtypeDoc#[{, and the broadcast
    shape.

    ```mlir
    %z = mil.}]#mnemonic#[{ %x, %y : (tensor<1x64x1x32xf16>, tensor<1x64x1x1xf16>) -> tensor<1x64x1x32x}]#exampleType#[{>
    ```
  }];
  let arguments = (ins operandType:$x, operandType:$y);
  let results = (outs resultType:$output);
  let assemblyFormat =
      "$x `,` $y attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &results) {
      (void)context;
      return ::ane::mil::inferBroadcastResult(loc, adaptor.getX().getType(),
                                              adaptor.getY().getType(),
                                              }]#resultElement#[{, results);
    }
  }];
}

/// Arithmetic: T = fp16/fp32/int32, result T.
def MIL_AddOp : MIL_BinaryOp<"add", "x + y"> { let hasFolder = 1; }
def MIL_SubOp : MIL_BinaryOp<"sub", "x - y"> { let hasFolder = 1; }
def MIL_MulOp : MIL_BinaryOp<"mul", "x * y"> { let hasFolder = 1; }
def MIL_RealDivOp : MIL_BinaryOp<"real_div", "x / y (true division)"> {
  let hasFolder = 1;
}
def MIL_FloorDivOp : MIL_BinaryOp<"floor_div", "floor(x / y)">;
def MIL_ModOp : MIL_BinaryOp<"mod", "x % y (Python modulo: the sign of y)">;
def MIL_PowOp : MIL_BinaryOp<"pow", "x ^ y">;
def MIL_MaximumOp : MIL_BinaryOp<"maximum", "max(x, y)">;
def MIL_MinimumOp : MIL_BinaryOp<"minimum", "min(x, y)">;

/// Comparisons: T = fp16/fp32/int32, result bool.
class MIL_CompareOp<string mnemonic, string semantics>
    : MIL_BinaryOp<mnemonic, semantics, MIL_NumericTensor, MIL_BoolTensor,
                   "::mlir::IntegerType::get(context, 1)",
                   "`x` and `y` are fp16, fp32 or int32 of "
                   "the same dtype; "#"the result is bool "
                   "(`i1`)",
                   "i1">;

def MIL_EqualOp : MIL_CompareOp<"equal", "x == y">;
def MIL_NotEqualOp : MIL_CompareOp<"not_equal", "x != y">;
def MIL_GreaterOp : MIL_CompareOp<"greater", "x > y">;
def MIL_GreaterEqualOp : MIL_CompareOp<"greater_equal", "x >= y">;
def MIL_LessOp : MIL_CompareOp<"less", "x < y">;
def MIL_LessEqualOp : MIL_CompareOp<"less_equal", "x <= y">;

/// Logical ops: T = bool, result bool.
class MIL_LogicalOp<string mnemonic, string semantics>
    : MIL_BinaryOp<mnemonic, semantics, MIL_BoolTensor, MIL_BoolTensor,
                   "nullptr", "`x` and `y` are bool (`i1`); the result is bool",
                   "i1">;

def MIL_LogicalAndOp : MIL_LogicalOp<"logical_and", "x AND y">;
def MIL_LogicalOrOp : MIL_LogicalOp<"logical_or", "x OR y">;
def MIL_LogicalXorOp : MIL_LogicalOp<"logical_xor", "x XOR y">;

/// Domain of `select`'s branches.
def MIL_SelectTensor
    : RankedTensorOf<[MIL_Fp16, MIL_Fp32, MIL_Int32, MIL_Bool]>;

def MIL_SelectOp : MIL_Op<"select", "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "elementwise choice between a and b by cond, with broadcasting";
  let description = [{
    MIL `select` (iOS15, defs/iOS15/control_flow.py): `cond ? a : b`,
    elementwise. `cond` is bool; `a` and `b` have the same dtype (fp16,
    fp32, int32 or bool). The three shapes broadcast together NumPy-style;
    the result has the broadcast shape and the dtype of `a` and `b`.

    ```mlir
    %r = mil.select %cond, %a, %b : (tensor<1x8xi1>, tensor<4x8xf16>, tensor<f16>) -> tensor<4x8xf16>
    ```
  }];
  let arguments = (ins MIL_BoolTensor:$cond, MIL_SelectTensor:$a,
      MIL_SelectTensor:$b);
  let results = (outs MIL_SelectTensor:$output);
  let assemblyFormat = [{
    $cond `,` $a `,` $b attr-dict `:` functional-type(operands, results)
  }];
}

#endif // ANE_DIALECT_MIL_MILELEMENTWISEOPS_TD
