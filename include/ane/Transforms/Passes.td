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
    `min-elements` are left alone, and so is a duplicate that a
    `func.return` uses (a program output is named after its op).

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

def MILFoldConstants : Pass<"mil-fold-constants", "mlir::func::FuncOp"> {
  let summary = "evaluate small ops on constants at compile time";
  let description = [{
    Replaces every mil op whose operands are all `mil.const` (with inline or
    `dense_resource` values) and whose results each have at most
    `max-elements` elements by `mil.const` ops holding the results. The ops
    are evaluated by the CPU reference interpreter (`ane-run`'s evaluators),
    so the constants are bit-exact with what the interpreter computes for the
    original program: fp16 results are computed in fp32 and rounded to fp16
    as the interpreter does. The new constants take the op's location (its
    MIL name); constants left without users are erased.

    Not folded: ops without operands (the `constexpr_*` ops, which keep
    their compressed form), `quantize` and `dequantize` (quantized weights
    stay for the quantization passes and the ANE to handle), ops the
    interpreter does not support, results
    with a dynamic shape, and values a `func.return` uses (a program output
    stays the result of its op, so that its name does not change).

    ```mlir
    %a = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf16>} : tensor<2xf16>
    %b = mil.mul %a, %a : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
    // → %b = mil.const {val = dense<[1.0, 4.0]> : tensor<2xf16>}
    ```
  }];
  let options = [
    Option<"maxElements", "max-elements", "int64_t", "1024",
           "Only fold ops whose every result has at most this many elements">,
  ];
}

def MILCSE : Pass<"mil-cse", "mlir::func::FuncOp"> {
  let summary = "common subexpression elimination that keeps program outputs";
  let description = [{
    MLIR's CSE (`-cse`), except that ops defining a value a `func.return`
    uses take no part: such an op is neither replaced by an equivalent op
    nor replaces one. A program output is named after the op that defines
    it, so a replacement would rename it (two equal outputs would even
    collapse into one name). Numerics are unchanged.

    ```mlir
    %a = mil.relu %x : tensor<4xf16> loc("a")
    %b = mil.relu %x : tensor<4xf16> loc("b")
    %c = mil.relu %x : tensor<4xf16> loc("c")
    %s = mil.add %a, %c : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
    return %s, %b : tensor<4xf16>, tensor<4xf16>
    // → %c is replaced by %a; %b (output "b") stays
    ```
  }];
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

def MILCheckANE : Pass<"mil-check-ane", "mlir::ModuleOp"> {
  let summary = "check a program against the catalogue of known ANE device "
                "constraints";
  let description = [{
    Checks every function of the module against each row of
    `include/ane/Transforms/ANEConstraints.def`, the catalogue of known
    Apple Neural Engine constraints (single input, IOSurface sizes, weight
    counts and bytes, dimension bounds, channel counts, ops unsupported on
    some chip families, ignored operands such as SDPA's `attn_mask`, opset
    versus OS, compile budget). Each row names its chip families (h13 = M1
    ... h17 = M5 Max), an OS range, a confidence and its public source;
    docs/ANEConstraints.md lists them all.

    A violated row is reported on the offending op (or function, or module)
    as `[rule-id] families: what was found; what goes wrong and what to do
    (confidence; source: link)`. Rows whose sources conflict are warnings
    marked `unverified`; the others are errors or warnings as the row says.
    The pass fails when it reports an error. Analysis only: the IR is never
    changed, so numerics are untouched.

    ```
    $ ane-opt --mil-check-ane='chip=m1' prog.mlir -o /dev/null
    prog.mlir:3:8: error: [ane.cast-unsupported] h13 (M1): uses cast;
    M1/M2 ANEs do not support cast (fp32<->fp16); use fp16 inputs and
    outputs (reported; source: https://github.com/maderix/ANE/pull/6)
    ```
  }];
  let options = [
    Option<"chip", "chip", "std::string", "\"all\"",
           "Chip families to check for: all, m1..m5, m5max, h13..h17, or a "
           "comma-separated list (m5 = h16 and h17)">,
    Option<"os", "os", "std::string", "\"\"",
           "Target OS such as macos15 or ios18; enables OS-specific rows "
           "(unset: only rows valid on every OS)">,
    Option<"warningsAsErrors", "warnings-as-errors", "bool", "false",
           "Report every violated row as an error">,
  ];
}

#endif // ANE_TRANSFORMS_PASSES_TD
