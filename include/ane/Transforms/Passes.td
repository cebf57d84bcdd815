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

def MILLinearToConv : Pass<"mil-linear-to-conv", "mlir::func::FuncOp"> {
  let summary = "rewrite linear and constant-weight matmul as 1×1 conv on [1, C, 1, S]";
  let description = [{
    The ANE runs linear layers as 1×1 convolutions over activations laid out
    `[1, C, 1, S]` (channels, then sequence on the last axis; this is how the
    public ANE training kernels express every projection). This pass
    rewrites

    - `mil.linear %x, %w [bias %b]` with `%w` (and `%b`) produced by
      `mil.const`, and
    - `mil.matmul %x, %y` where `%y` is a rank-2 `mil.const`, `transpose_x`
      is false and `%y`'s dtype equals `%x`'s (`y` is `[D_in, D_out]`, or
      `[D_out, D_in]` with `transpose_y`),

    where `%x` is `[*D, D_in]` of rank 1 to 4, into

    ```mlir
    %a = mil.reshape %x shape = [1, 1, S, D_in]          // S = prod(*D)
    %b = mil.transpose %a perm = [0, 3, 1, 2]            // [1, D_in, 1, S]
    %c = mil.conv %b, %w4 [bias %b]                      // w4: [D_out, D_in, 1, 1]
    %d = mil.transpose %c perm = [0, 2, 3, 1]            // [1, 1, S, D_out]
    %y = mil.reshape %d shape = [*D, D_out]
    ```

    The weight becomes a new `mil.const` holding the same bytes reshaped to
    `[D_out, D_in, 1, 1]` (transposed first for a matmul without
    `transpose_y`); inline `dense` and `dense_resource` values are handled,
    `BLOBFILE` references are left alone. Weights that are not constants,
    batched (rank > 2) matmul weights and mixed dtypes are not rewritten.

    Tolerance: both forms compute fp32 dot products of the same terms and
    round once to the result dtype; only the summation order (and where the
    bias is added) may differ, so results agree within 1 ulp of the result
    dtype (tested bit-for-bit-or-1-ulp through the CPU interpreter).
  }];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILANELayout : Pass<"mil-ane-layout", "mlir::func::FuncOp"> {
  let summary = "canonicalize activations to [1, C, 1, S] and remove redundant reshape/transpose pairs";
  let description = [{
    Cleans up the layout changes that `mil-linear-to-conv` and similar
    rewrites leave between ops, and optionally moves function inputs and
    outputs to the ANE's `[1, C, 1, S]` layout. Every rewrite moves no
    data, so numerics are unchanged (bit-exact).

    Always applied:
    - `transpose(transpose(x, p), q)` becomes one `transpose(x, p∘q)`
      (an identity permutation then folds away);
    - a `transpose` that keeps the relative order of all dims of size > 1
      (it only moves unit dims) becomes a `reshape`;
    - a `reshape`/`transpose` whose only user is an elementwise unary op
      without axis parameters (relu, sigmoid, tanh, silu, gelu, leaky_relu,
      exp, sqrt, floor, ceil, round, erf, abs, square, log, rsqrt, inverse,
      clip) moves below that op, so it can meet its inverse;
    - the dialect's reshape canonicalizations (`reshape(reshape(x))` →
      `reshape(x)`, reshape to the same type → `x`).

    With `io-layout=channels-last`, every function input and result of
    rank 1 to 4 whose shape is not already `[1, C, 1, S]` is treated as
    `[*D, C]` (channels last, `S = prod(*D)`, `S = 1` for rank 1) and
    changed to type `[1, C, 1, S]` at the boundary: an input `%a` is
    replaced by `reshape(transpose(%a', [0, 2, 3, 1]), [*D, C])` and a
    result `%r` by `transpose(reshape(%r, [1, 1, S, C]), [0, 3, 1, 2])`, so
    after the pair removal a program of 1×1 convs keeps no layout ops at
    all. Callers must pass inputs and read outputs in the new layout (the
    element `(c, s)` of the new tensor is element `s·C + c` of the old one
    in row-major order). Functions with a body of more than one block are
    left alone.

    ```mlir
    %0 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
    %1 = mil.transpose %0 perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
    // → %1 is replaced by %x
    ```
  }];
  let options = [
    Option<"ioLayout", "io-layout", "std::string", "\"keep\"",
           "Function input/result layout: `keep` (unchanged) or "
           "`channels-last` (rank 1-4 [*D, C] I/O become [1, C, 1, S])">,
  ];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILPackDynamicWeights : Pass<"mil-pack-dynamic-weights", "mlir::func::FuncOp"> {
  let summary = "turn matmul weight constants into slices of the single packed input";
  let description = [{
    The public ANE training pipeline compiles each kernel once and feeds
    the weights at run time: the program has one fp16 input `[1, C, 1, S + W]`
    whose spatial axis holds the activations (`[0, S)`) followed by every
    weight, sliced out in the kernel with `slice_by_size` and `reshape`
    (several inputs per request fail on the device with error 0x1d, so
    weights cannot be separate inputs).

    A `mil.const` is packed when every use is an operand of `mil.matmul`
    (the ANE needs constant conv/linear weights), its dtype is the input's,
    it has at least `min-elements` elements and its element count N is a
    multiple of C. The function must then have exactly one input, of shape
    `[1, C, 1, S]`; otherwise the pass reports an error. Packed weights are
    placed in definition order: weight i occupies spatial positions
    `[offset_i, offset_i + N_i / C)` (`offset_0 = S`), and its row-major
    elements fill that `[1, C, 1, N_i / C]` block row by row (channel c,
    position k holds element `c · N_i / C + k`). The function's input
    becomes `[1, C, 1, S + Σ N_i / C]` and the function gets the attribute

    ```mlir
    mil_packed_input = {activation_width = S : i64,
                        weights = [{name = "w", offset = S : i64,
                                    width = N / C : i64,
                                    shape = array<i64: ...>}, ...]}
    ```

    so callers know where each weight goes. Names come from the constant's
    `mil.name` attribute or name location, else `weight<i>`. Numerics are
    unchanged (bit-exact): slices and reshapes move no values.
  }];
  let options = [
    Option<"minElements", "min-elements", "int64_t", "1",
           "Only pack constants with at least this many elements">,
  ];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILUnpackDynamicWeights : Pass<"mil-unpack-dynamic-weights", "mlir::func::FuncOp"> {
  let summary = "inverse of mil-pack-dynamic-weights: packed weights become separate inputs";
  let description = [{
    For a function carrying `mil_packed_input` (see
    `mil-pack-dynamic-weights`), every recorded weight slice (a
    `slice_by_size` of the input at `[0, 0, 0, offset]` of size
    `[1, C, 1, width]`, possibly followed by a `reshape`) is replaced by a
    new function input of the weight's original shape named after it
    (`mil.name`), appended after the activation input; the activation
    slice is replaced by the input itself, which shrinks to
    `[1, C, 1, activation_width]`, and the attribute is removed. The result
    is the multi-input form for hosts and tests that accept several inputs
    (the CPU interpreter); weights are not turned back into constants,
    since the packed program no longer holds their values. Any other use of
    the packed input is an error. Bit-exact.
  }];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILSplitProgram : Pass<"mil-split-program", "mlir::ModuleOp"> {
  let summary = "split a function that exceeds device limits into a chain of functions";
  let description = [{
    Splits function `function` (default `@main`) when it holds more weight
    tensors, weight bytes or ops than the limits allow. Limits and their
    sources (../shared/reference/ecosystem-peers-hardware.md):

    - `max-weight-tensors` (16): "max 16 BLOBFILE weight tensors per
      program" (Orion `docs/ane_constraints.md`);
    - `max-weight-bytes` (2 GiB): "~2 GB baked weights per program"
      (sbryngelson/ANEForge PR #45);
    - `max-ops` (0 = no limit).

    A weight tensor is a constant of at least `inline-threshold` elements
    (default 10, the emitter's `MILExportOptions::inlineThreshold`, below
    which constants are written inline) or a BLOBFILE reference, counted
    once per function that uses it.

    The body is cut greedily in program order: each non-constant op joins
    the current part unless that would exceed a limit, in which case a new
    part starts. Constants (ops without operands: `mil.const`,
    `constexpr_*`) are copied into every part that uses them. Part `k`
    becomes the public function `@<function>_<k>`, whose inputs are the
    values it reads from earlier parts or from the original inputs, and
    whose results are the values later parts or the original results need;
    each part is a program of its own (`ane-run run --entry main_0`,
    exported separately). Values crossing a cut are named (`mil.name` on
    the producing part's result and on the consuming part's input; the
    name of the producing op's name location, else
    `<function>_<k>_<i>`), so one part's output files feed the next part's
    inputs by name. Original inputs keep their `mil.name` (or get
    `arg<i>`), original results their result attributes.

    `@<function>` itself becomes the chain: `func.call`s of the parts in
    order and a `return` (`mil-merge-functions` merges such a chain; the
    emitter and the interpreter do not execute `func.call`, so the chain
    is for the compiler, the parts for the device). With `chain=false` the
    original function is erased instead, leaving the parts as the
    program's functions, which the emitter writes into one multi-function
    program (run each with `--entry`). A function within the
    limits, or one that already calls other functions, is left unchanged;
    an op that alone exceeds a limit is an error.
    Numerics are unchanged (bit-exact).
  }];
  let options = [
    Option<"function", "function", "std::string", "\"main\"",
           "Name of the function to split">,
    Option<"maxWeightTensors", "max-weight-tensors", "int64_t", "16",
           "Most weight (BLOBFILE) tensors per part (Orion: 16)">,
    Option<"maxWeightBytes", "max-weight-bytes", "int64_t", "2147483648",
           "Most weight bytes per part (ANEForge: ~2 GB)">,
    Option<"maxOps", "max-ops", "int64_t", "0",
           "Most non-constant ops per part (0: no limit)">,
    Option<"inlineThreshold", "inline-threshold", "int64_t", "10",
           "Constants with at least this many elements are weight tensors">,
    Option<"chain", "chain", "bool", "true",
           "Keep the original function as the func.call chain of the parts "
           "(false: erase it)">,
  ];
  let dependentDialects = ["ane::mil::MILDialect", "mlir::func::FuncDialect"];
}

def MILMergeFunctions : Pass<"mil-merge-functions", "mlir::ModuleOp"> {
  let summary = "kernel-level merge: inline a func.call chain into fewer programs";
  let description = [{
    Every dispatch to the ANE costs a fixed overhead (0.07–0.23 ms per
    eval, and deep graphs run far closer to peak than single ops;
    ../shared/reference/ecosystem-peers-hardware.md), so a chain of small
    programs is faster as one. A chain is a function whose body holds
    only `func.call`s of single-block functions in the module and a
    `return` (the form `mil-split-program` produces); with `functions`
    set, only the chains so named are merged.

    Calls are merged greedily in order: a run of consecutive calls grows
    while the merged function stays within every limit, then a new run
    starts. Limits (defaults from ../shared/reference/):

    - `max-inputs` (1): "multi-input ANE requests cause 0x1d error"
      (maderix/ANE README; ane-public-training-and-probes.md §3.4). A
      merge may keep as many inputs as its largest member already has;
    - `max-weight-tensors` (16, Orion `docs/ane_constraints.md`),
      `max-weight-bytes` (2 GiB, ANEForge PR #45), counted as in
      `mil-split-program` (`inline-threshold`);
    - `max-sram-bytes` (32 MiB: "~32 MB SRAM on M4", maderix Part 2,
      Orion Table 1): the working-set estimate, weight bytes plus the
      peak bytes of simultaneously live activations in program order.

    A run covering the whole chain is inlined into the chain function
    itself; a shorter run of two or more calls becomes a new public
    function `@<chain>_merged<k>` called once. Callees left without any
    call are erased. Numerics are unchanged (bit-exact).

    With `sequence=f0,f1,...`, the named functions (separate programs, each
    result list equal in number and types to the next function's inputs)
    are first chained into a new function `@<sequence-name>` (inputs and
    result attributes from the first and last function) that feeds each
    function's results to the next, and that chain is merged as above; the
    named functions themselves stay. A missing function or a type mismatch
    is an error.
  }];
  let options = [
    ListOption<"functions", "functions", "std::string",
               "Chain functions to merge (default: every chain)">,
    ListOption<"sequence", "sequence", "std::string",
               "Functions to chain in this order and merge">,
    Option<"sequenceName", "sequence-name", "std::string", "\"merged\"",
           "Name of the function built from `sequence`">,
    Option<"maxInputs", "max-inputs", "int64_t", "1",
           "Most inputs per merged function (0x1d: 1)">,
    Option<"maxWeightTensors", "max-weight-tensors", "int64_t", "16",
           "Most weight (BLOBFILE) tensors per merged function">,
    Option<"maxWeightBytes", "max-weight-bytes", "int64_t", "2147483648",
           "Most weight bytes per merged function">,
    Option<"maxSramBytes", "max-sram-bytes", "int64_t", "33554432",
           "Largest working-set estimate per merged function (0: no limit)">,
    Option<"inlineThreshold", "inline-threshold", "int64_t", "10",
           "Constants with at least this many elements are weight tensors">,
  ];
  let dependentDialects = ["ane::mil::MILDialect", "mlir::func::FuncDialect"];
}

// (passes of this family go here)

//===----------------------------------------------------------------------===//
// Device checks
//===----------------------------------------------------------------------===//

// (passes of this family go here)

#endif // ANE_TRANSFORMS_PASSES_TD
