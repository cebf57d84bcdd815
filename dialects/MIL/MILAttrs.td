//===- MILAttrs.td - Attributes of the mil dialect ---------*- tablegen -*-===//
//
// Dialect attributes: symbolic references to weight blobs.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILATTRS_TD
#define ANE_DIALECT_MIL_MILATTRS_TD

include "mlir/IR/AttrTypeBase.td"
include "MILDialect.td"

def MIL_BlobFileAttr : AttrDef<MIL_Dialect, "BlobFile"> {
  let mnemonic = "blob_file";
  let summary = "a weight blob referenced by path and offset, contents unknown";
  let description = [{
    A `BLOBFILE(path = ..., offset = ...)` reference kept symbolic: the value
    of a `mil.const` (or a constexpr's data) whose weight file was not read
    (`ane-translate --mil-weights=symbolic`). `path` is the MIL path
    (`@model_path/weights/weight.bin`); `offset` is the byte offset of the
    blob's 64-byte metadata record in that file. The tensor type is the
    type of the value that holds it.

    ```mlir
    %w = mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>}
        : tensor<512x512x1x1xf16>
    ```
  }];
  let parameters = (ins StringRefParameter<"MIL path of the weight file">:$path,
                        "uint64_t":$offset);
  let assemblyFormat = "`<` $path `,` $offset `>`";
}

#endif // ANE_DIALECT_MIL_MILATTRS_TD
