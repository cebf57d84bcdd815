//===- MILActivationOps.td - MIL unary math, activations, softmax, clip and cast -*- tablegen -*-===//
//
// Op family: unary math, activations, softmax, clip and cast
// (defs/iOS15/elementwise_unary.py and activation.py; iOS17 re-registers
// some of them with wider dtypes).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILACTIVATIONOPS_TD
#define ANE_DIALECT_MIL_MILACTIVATIONOPS_TD

include "MILBase.td"

/// An elementwise unary op whose result has x's type (ODS generates the
/// inference from SameOperandsAndResultType). `params` are the
/// op's compile-time parameters after `x`; `paramDoc` documents them.
class MIL_UnaryOp<string mnemonic, string semantics,
                  Type tensorType = MIL_FloatTensor, dag params = (ins),
                  string paramDoc = "",
                  string dtypeDoc = "fp16 or fp32",
                  string exampleAttrs = "",
                  list<Trait> traits = []>
    : MIL_Op<mnemonic, "ios15",
             !listconcat([Pure, SameOperandsAndResultType, InferTypeOpInterface],
                         traits)> {
  let summary = "elementwise " # semantics;
  let description = [{
    MIL `}] # mnemonic # [{` (iOS15): `}] # semantics # [{`, elementwise.
    `x` is }] # dtypeDoc # [{; the result has the type of `x`.}] # paramDoc # [{

    ```mlir
    %y = mil.}] # mnemonic # [{ %x}] # exampleAttrs # [{ : tensor<1x64x1x32xf16>
    ```
  }];
  let arguments = !con((ins tensorType:$x), params);
  let results = (outs tensorType:$output);
  let assemblyFormat = "$x attr-dict `:` type($output)";
}

//===----------------------------------------------------------------------===//
// Activations (defs/iOS15/activation.py).
//===----------------------------------------------------------------------===//

def MIL_ReluOp : MIL_UnaryOp<"relu", "max(x, 0)">;
def MIL_SigmoidOp : MIL_UnaryOp<"sigmoid", "1 / (1 + exp(-x))">;
def MIL_TanhOp : MIL_UnaryOp<"tanh", "tanh(x)">;
def MIL_SiluOp : MIL_UnaryOp<"silu", "x * sigmoid(x)">;

def MIL_GeluOp : MIL_UnaryOp<"gelu", "GELU(x)", MIL_FloatTensor,
    (ins DefaultValuedAttr<MIL_StrEnumAttr<["EXACT", "TANH_APPROXIMATION",
                                            "SIGMOID_APPROXIMATION"]>,
                           "\"EXACT\"">:$mode),
    [{ `mode` (default `"EXACT"`) picks the formula:
    `EXACT` is `0.5 * x * (1 + erf(x / sqrt(2)))`, `TANH_APPROXIMATION` is
    `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`,
    `SIGMOID_APPROXIMATION` is `x * sigmoid(1.702 * x)`.}],
    "fp16 or fp32", " {mode = \"TANH_APPROXIMATION\"}">;

def MIL_LeakyReluOp : MIL_UnaryOp<"leaky_relu", "x >= 0 ? x : alpha * x",
    MIL_FloatTensor, (ins DefaultValuedAttr<MIL_FloatAttr, "0.01">:$alpha),
    [{ `alpha` defaults to 0.01 (iOS17 lets its dtype differ
    from x's).}], "fp16 or fp32", " {alpha = 2.0e-01 : f16}"> {
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Unary math (defs/iOS15/elementwise_unary.py).
//===----------------------------------------------------------------------===//

def MIL_ExpOp : MIL_UnaryOp<"exp", "e^x">;
def MIL_SqrtOp : MIL_UnaryOp<"sqrt", "sqrt(x)">;
def MIL_FloorOp : MIL_UnaryOp<"floor", "floor(x)">;
def MIL_CeilOp : MIL_UnaryOp<"ceil", "ceil(x)">;
def MIL_RoundOp : MIL_UnaryOp<"round", "round(x), halves to even">;
def MIL_ErfOp : MIL_UnaryOp<"erf", "erf(x)">;
def MIL_AbsOp : MIL_UnaryOp<"abs", "|x|", MIL_NumericTensor, (ins), "",
                            "fp16, fp32 or int32">;
def MIL_SquareOp : MIL_UnaryOp<"square", "x * x", MIL_NumericTensor, (ins), "",
                               "fp16, fp32 or int32">;

def MIL_LogOp : MIL_UnaryOp<"log", "log(x + epsilon)", MIL_FloatTensor,
    (ins DefaultValuedAttr<MIL_FloatAttr, "1e-45">:$epsilon),
    [{ `epsilon` defaults to 1e-45 (which is 0 in fp16; iOS17
    lets its dtype differ from x's).}], "fp16 or fp32",
    " {epsilon = 1.0e-06 : f32}"> {
  let hasVerifier = 1;
}
def MIL_RsqrtOp : MIL_UnaryOp<"rsqrt", "1 / sqrt(x + epsilon)",
    MIL_FloatTensor, (ins DefaultValuedAttr<MIL_FloatAttr, "1e-12">:$epsilon),
    [{ `epsilon` defaults to 1e-12 (iOS17 lets its dtype differ
    from x's).}], "fp16 or fp32", " {epsilon = 1.0e-05 : f16}"> {
  let hasVerifier = 1;
}
def MIL_InverseOp : MIL_UnaryOp<"inverse", "1 / (x + epsilon)",
    MIL_FloatTensor, (ins DefaultValuedAttr<MIL_FloatAttr, "1e-4">:$epsilon),
    [{ `epsilon` defaults to 1e-4 (iOS17 lets its dtype differ
    from x's).}]> {
  let hasVerifier = 1;
}

def MIL_ClipOp : MIL_UnaryOp<"clip", "min(max(x, alpha), beta)",
    MIL_FloatTensor, (ins MIL_FloatAttr:$alpha, MIL_FloatAttr:$beta),
    [{ `alpha` and `beta` are required; the verifier requires
    `alpha < beta` (iOS17 rejects `alpha >= beta`).}], "fp16 or fp32",
    " {alpha = 0.0 : f16, beta = 6.0 : f16}"> {
  let hasVerifier = 1;
}

def MIL_SoftmaxOp : MIL_UnaryOp<"softmax",
    "exp(x - max(x)) / sum(exp(x - max(x))) along axis", MIL_FloatTensor,
    (ins DefaultValuedAttr<I32Attr, "-1">:$axis),
    [{ `axis` defaults to -1 and must satisfy
    `-rank <= axis < rank`.}], "fp16 or fp32", " {axis = 1 : i32}"> {
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// cast.
//===----------------------------------------------------------------------===//

def MIL_CastOp : MIL_Op<"cast", "ios15", [Pure]> {
  let summary = "elementwise conversion to the dtype named by `dtype`";
  let description = [{
    MIL `cast` (iOS15): converts `x` to `dtype` elementwise, as NumPy
    `astype` does (float to int truncates toward zero; to bool is `x != 0`).
    The result has the shape of `x` and the element type `dtype` names.
    iOS15 allows `int32`, `fp16`, `fp32` and `bool` (for `x` and `dtype`);
    iOS17 adds `int8`, `uint8`, `int16` and `uint16`, which the verifier
    rejects when the enclosing `mil.opset` is older. Casting to `x`'s own
    dtype folds to `x`.

    ```mlir
    %y = mil.cast %x {dtype = "fp16"} : (tensor<1x64xf32>) -> tensor<1x64xf16>
    ```
  }];
  let arguments = (ins MIL_Tensor:$x, MIL_DTypeNameAttr:$dtype);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "$x attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "::mlir::Value":$x, "::llvm::StringRef":$dtype)>
  ];
}

#endif // ANE_DIALECT_MIL_MILACTIVATIONOPS_TD
