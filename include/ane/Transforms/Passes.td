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

// (passes of this family go here)

//===----------------------------------------------------------------------===//
// Device checks
//===----------------------------------------------------------------------===//

// (passes of this family go here)

#endif // ANE_TRANSFORMS_PASSES_TD
