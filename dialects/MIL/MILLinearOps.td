//===- MILLinearOps.td - MIL linear algebra (matmul, linear) -*- tablegen -*-===//
//
// Op family: linear algebra (matmul, linear), defs/iOS15/linear.py and
// defs/iOS17/linear.py. Checks live in lib/Dialect/MIL/MILLinearOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILLINEAROPS_TD
#define ANE_DIALECT_MIL_MILLINEAROPS_TD

include "MILBase.td"

def MIL_MatmulOp : MIL_Op<"matmul", "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "batched matrix product with NumPy matmul semantics";
  let description = [{
    MIL `matmul` (iOS15): the product of `x` and `y` (both may be runtime
    values) with NumPy `matmul` semantics. `transpose_x` / `transpose_y`
    (default false) swap the last two dims of a rank ≥ 2 operand first. A
    rank-1 `x` is treated as `[1, K]` and a rank-1 `y` as `[K, 1]`, and the
    added dim is dropped from the result; all dims but the last two are
    batch dims and broadcast. The inner dims must match. The dtype is fp16,
    fp32 or int32; `x` and `y` share it, except that from iOS17 they may
    differ when exactly one of them is a constant, and the result then has
    the non-constant operand's dtype.

    ```mlir
    %s = mil.matmul %q, %k {transpose_y = true}
        : (tensor<1x12x8x64xf16>, tensor<1x12x8x64xf16>) -> tensor<1x12x8x8xf16>
    ```
  }];
  let arguments = (ins
    MIL_NumericTensor:$x,
    MIL_NumericTensor:$y,
    DefaultValuedAttr<BoolAttr, "false">:$transpose_x,
    DefaultValuedAttr<BoolAttr, "false">:$transpose_y
  );
  let results = (outs MIL_NumericTensor:$output);
  let assemblyFormat = "$x `,` $y attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let extraClassDeclaration = milBaseDecls # [{
    /// Inferred `?` dims (used where a parameter is inconsistent, which the
    /// verifier reports) are compatible with any declared dim.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                        ::mlir::TypeRange actual) {
      return ::ane::mil::areCompatibleResultTypes(inferred, actual);
    }
  }];
}

def MIL_LinearOp : MIL_Op<"linear", "ios15", [Pure, InferTypeOpAdaptor]> {
  let summary = "fully connected layer: x · weightᵀ + bias";
  let description = [{
    MIL `linear` (iOS15; iOS17 lets `weight`/`bias` have a float dtype other
    than `x`'s): `x` is `[*D, D_in]` of rank >= 1 (coremltools documents 1 to 3; Apple's
    compiler accepts rank 4), `weight` is
    `[D_out, D_in]` and the optional `bias` (default zeros) is `[D_out]`;
    MIL requires `weight` and `bias` to be constants. The result is
    `[*D, D_out]` with `x`'s dtype.

    ```mlir
    %y = mil.linear %x, %w bias %b
        : (tensor<2x64xf16>, tensor<128x64xf16>, tensor<128xf16>) -> tensor<2x128xf16>
    ```
  }];
  let arguments = (ins
    MIL_FloatTensor:$x,
    MIL_FloatTensor:$weight,
    Optional<MIL_FloatTensor>:$bias
  );
  let results = (outs MIL_FloatTensor:$output);
  let assemblyFormat = [{
    $x `,` $weight (`bias` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = milBaseDecls # [{
    /// Inferred `?` dims (used where a parameter is inconsistent, which the
    /// verifier reports) are compatible with any declared dim.
    static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                        ::mlir::TypeRange actual) {
      return ::ane::mil::areCompatibleResultTypes(inferred, actual);
    }
  }];
}

#endif // ANE_DIALECT_MIL_MILLINEAROPS_TD
