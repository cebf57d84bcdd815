//===- Passes.td - ane-mlir passes on the mil dialect ------*- tablegen -*-===//
//
// Every ane-mlir pass, grouped by family (cleanup, fusion, quantization, ANE
// shaping, device checks). Flags use the `mil-` prefix.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TRANSFORMS_PASSES_TD
#define ANE_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// Cleanup
//===----------------------------------------------------------------------===//

def MILConstDedup : Pass<"mil-const-dedup", "mlir::func::FuncOp"> {
  let summary = "merge mil.const ops holding the same value";
  let description = [{
    Replaces every `mil.const` whose value equals (by type and contents) an
    earlier `mil.const` in the same function with that earlier constant.
    Unlike CSE, values are compared by contents (two `dense_resource` blobs
    with the same bytes are equal) and discardable attributes such as the
    MIL op name are ignored. Numerics are unchanged. Constants smaller than
    `min-elements` are left alone.

    ```mlir
    %a = mil.const {val = dense<1.0> : tensor<64xf16>} : tensor<64xf16>
    %b = mil.const {val = dense<1.0> : tensor<64xf16>, mil.name = "b"} : tensor<64xf16>
    // → every use of %b uses %a
    ```
  }];
  let options = [
    Option<"minElements", "min-elements", "int64_t", "0",
           "Only deduplicate constants with at least this many elements">,
  ];
}

//===----------------------------------------------------------------------===//
// Fusion
//===----------------------------------------------------------------------===//

// (passes of this family go here)

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

// (passes of this family go here)

//===----------------------------------------------------------------------===//
// ANE shaping
//===----------------------------------------------------------------------===//

// (passes of this family go here)

//===----------------------------------------------------------------------===//
// Device checks
//===----------------------------------------------------------------------===//

// (passes of this family go here)

#endif // ANE_TRANSFORMS_PASSES_TD
