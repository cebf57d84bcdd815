//===- MILConstOps.td - mil.const ---------------------------*- tablegen -*-===//
//
// Constants: immediate values and weights (inline, dense_resource or a
// symbolic BLOBFILE reference).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILCONSTOPS_TD
#define ANE_DIALECT_MIL_MILCONSTOPS_TD

include "MILBase.td"
include "MILAttrs.td"

def MIL_ConstOp : MIL_Op<"const", "ios15", [ConstantLike, Pure]> {
  let summary = "a constant tensor or weight";
  let description = [{
    MIL `const` (iOS15): produces `val`. Small values are printed inline in
    MIL text; large ones live in a weight file. In MLIR, `val` is a dense
    elements attribute, a `dense_resource` blob (large weights), or a
    `#mil.blob_file` reference whose contents were not loaded. The result
    type must equal the type of `val`.

    ```mlir
    %w = mil.const {val = dense<1.0> : tensor<64x64x1x1xf16>} : tensor<64x64x1x1xf16>
    ```
  }];
  let arguments = (ins AnyAttrOf<[ElementsAttr, MIL_BlobFileAttr]>:$val);
  let results = (outs MIL_Tensor:$output);
  let assemblyFormat = "attr-dict `:` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "::mlir::ElementsAttr":$val), [{
      build($_builder, $_state, ::llvm::cast<::mlir::RankedTensorType>(val.getType()), val);
    }]>
  ];
}

#endif // ANE_DIALECT_MIL_MILCONSTOPS_TD
