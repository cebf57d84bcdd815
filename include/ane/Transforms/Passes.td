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
  let options =
      [Option<"minElements", "min-elements", "int64_t", "0",
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
  let options =
      [Option<
           "maxElements", "max-elements", "int64_t", "1024",
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

def MILFuseBias : Pass<"mil-fuse-bias", "mlir::func::FuncOp"> {
  let summary = "fold a constant bias add into conv, conv_transpose and linear";
  let description = [{
    Rewrites `add(op, c)`, `add(c, op)` and `sub(op, c)`, where `op` is a
    `mil.conv`, `mil.conv_transpose` or `mil.linear` whose result has no
    other use and `c` is a `mil.const` that varies only along the output
    channel, into `op` with the bias `b + c` (`b - c`; `b` is the existing
    constant bias or zeros). The output channel is dim 1 for conv and
    conv_transpose and the last dim for linear; `c` may be a scalar, or
    have any shape that right-aligns with the result and is 1 except on the
    channel axis (`[1, C, 1, 1]` or `[C, 1, 1]` for conv, `[C]` or `[1, C]`
    for linear; note that a `[C]` constant added to a conv result broadcasts
    along the last spatial dim and is not a bias). The op takes over the
    add's MIL name. Matmul results are handled after `mil-matmul-to-linear`.

    MIL has no fused-activation parameter: an activation after the add is
    left as the next op, so `conv → add(c) → relu` becomes
    `conv(bias) → relu` (the ANE compiler fuses the activation on the
    device).

    ```mlir
    %y = mil.conv %x, %w : (...) -> tensor<1x8x4x4xf16>
    %z = mil.add %y, %c : (tensor<1x8x4x4xf16>, tensor<1x8x1x1xf16>) -> tensor<1x8x4x4xf16>
    // → %z = mil.conv %x, %w bias %b : (...) with %b = c as tensor<8xf16>
    ```

    Numerics: the new bias is computed in fp32 from the two constants and
    rounded once to the bias dtype (the existing bias's, else the weight's),
    so it is within 0.5 ulp of `b + c`. The add is now done inside the op
    (one rounding of the result instead of two), so each output element
    moves by at most `1 ulp(|y|) + 1 ulp(max|y|)` of the output dtype; this
    bound is tested through the CPU interpreter on fp16 and fp32 programs
    (test/Transforms/mil-fuse-bias-numeric.mlir).
  }];
}

def MILFoldScaleIntoConv
    : Pass<"mil-fold-scale-into-conv", "mlir::func::FuncOp"> {
  let summary =
      "fold batch_norm and per-channel scales into conv / linear weights";
  let description = [{
    For a `mil.conv`, `mil.conv_transpose` (any groups, strides, padding)
    or `mil.linear` whose weight (and bias, if any) is a `mil.const` and
    whose result has no other use (`w * s` scales the weight elements of
    each output channel: dim 0 of conv `[C_out, C_in / groups, *K]` and
    linear `[D_out, D_in]`, dim 1 within each group of conv_transpose
    `[C_in, C_out / groups, *K]`):

    * `batch_norm(conv(x, w, b), mean, variance, gamma, beta)` with constant
      `[C]` parameters becomes `conv(x, w * s, (b - mean) * s + beta)` with
      `s = gamma / sqrt(variance + epsilon)` per output channel (not when
      some `variance + epsilon <= 0`); likewise after conv_transpose.
      (batch_norm normalizes dim 1, which is not linear's feature axis, so
      it is not folded into linear.)
    * `mul(op, c)` / `mul(c, op)` with a constant `c` varying only along the
      output channel (scalar, `[1, C, 1, 1]` for conv, `[C]` for linear)
      becomes `op(x, w * c, b * c)`; `real_div(op, c)` likewise with
      `1 / c` (computed in fp32; not when some `c` is 0).

    Per-channel constant adds are folded by `mil-fuse-bias`.

    Numerics: the folded weights and bias are computed in fp32 from the
    original constants and rounded once (to nearest even) to the weight's
    and bias's dtypes. Against the exact (float64) value, an fp16 folded
    weight is within 0.5 ulp plus the fp32 evaluation error (`2^-21`
    relative), an fp32 one within 0.5 ulp plus that error (at most 4 ulp; 1.4
    measured). The output changes by that rounding and by the removal of
    the intermediate rounding of the conv result: the tests bound it by
    `max|Δ| <= 4 ulp(max|y|)` of the output dtype (at most 2 measured over
    30 random inputs), for fp16 and fp32 programs
    (test/Transforms/mil-fold-scale-into-conv-numeric.mlir, which also checks
    the folded weights against a NumPy float64 reference).
  }];
}

def MILFoldNormScale : Pass<"mil-fold-norm-scale", "mlir::func::FuncOp"> {
  let summary =
      "fold a norm's per-feature gamma into the following projections' weights";
  let description = [{
    A `mil.mul` of a value `x` by a constant `g` that varies only along the
    feature axis (scalar, `[D]`, `[1, C, 1, 1]`...; typically the gamma of
    an RMSNorm or layer norm, `mul(norm_out, gamma)`), whose result feeds
    only projections with constant weights, each as its activation
    operand, is removed and `g` folded into those weights' input-feature
    columns (`w[o][i] *= g[i]`), as the public ANE training kernels do for
    inference:

    * `linear(x * g, w, b)` (`w` `[D_out, D_in]`, features on x's last axis)
      becomes `linear(x, w * g[None, :], b)`;
    * `conv(x * g, w, b)` (any kernel, strides, padding, groups; `w`
      `[C_out, C_in / groups, *K]`, features on x's dim 1) scales each
      weight element by `g` of the input channel it reads;
    * `matmul(x * g, y)` with a constant rank-2 `y` scales `y`'s rows
      (columns with `transpose_y`; with `transpose_x` the features are x's
      second-to-last axis).

    The mul is left alone when any of its users is something else, or uses
    it as a weight. Each consumer gets its own folded copy of its weight
    (the original stays if other ops use it). Runs after
    `mil-matmul-to-linear` in `--mil-ane-fusion`, so a matmul by a constant
    is normally already a linear.

    Numerics: the folded weights are computed in fp32 from the original
    constants and rounded once (to nearest even) to the weight's dtype
    (within 0.5 ulp plus `2^-21` relative of the float64 value); the
    rounding of `x * g` disappears. The tests bound the output change by
    `max|Δ| <= 4 ulp(max|y|)` of the output dtype (at most 2 measured over
    20 random inputs; per element it can be far larger where a sum
    cancels, e.g. 320 ulp(|y|) on a near-zero output), for fp16 and fp32
    programs (test/Transforms/mil-fold-norm-scale-numeric.mlir, which also
    checks the folded weights against a NumPy float64 reference).
  }];
}

def MILMatmulToLinear : Pass<"mil-matmul-to-linear", "mlir::func::FuncOp"> {
  let summary = "turn matmul by a constant matrix into linear";
  let description = [{
    Rewrites `matmul(x, W)` with `transpose_x = false`, a float `x` of
    rank >= 1 and a constant rank-2 `W` into `linear(x, W')`. MIL linear
    takes its weight as `[D_out, D_in]`: with `transpose_y = true`, `W` is
    already `[D_out, D_in]` and is used as is (any MIL constant, including
    `constexpr_*` ops); otherwise `W` is `[D_in, D_out]` and `W'` is its
    transpose, a new `mil.const` (so `W` must be a `mil.const`). Batched
    (rank > 2) or rank-1 `W`, `transpose_x`, integer matmuls and non-constant
    `W` are left alone. The pass also applies the `mil-fuse-bias` patterns,
    so `add(matmul(x, W), c)` becomes `linear(x, W', c)`.

    Numerics: the weight values are moved, not changed; linear and matmul
    compute the same dot products, and the CPU interpreter's outputs are
    bit-exact before and after (tested on fp16 and fp32). A folded bias
    follows `mil-fuse-bias`.
  }];
}

def MILRmsNormAneForm : Pass<"mil-rmsnorm-ane-form", "mlir::func::FuncOp"> {
  let summary =
      "rewrite RMSNorm into the op sequence of the ANE training kernels";
  let description = [{
    Recognises the RMS normalisation of `x` over `axes` written as

    * `mul(x, rsqrt(mean + eps))` or `mul(x, rsqrt(mean))` (rsqrt's own
      `epsilon` is added to `eps`),
    * `mul(x, pow(mean + eps, -0.5))`,
    * `real_div(x, sqrt(mean + eps))`,

    (`mul` operands in either order) where `mean` is
    `reduce_mean(sq, axes, keep_dims = true)` or
    `mul(reduce_sum(sq, axes, keep_dims = true), c)` with `c` a one-element
    constant within one ulp of 1/D (then kept as the emitted 1/D), `sq` is
    `mul(x, x)`, `square(x)` or `pow(x, 2)`, `eps` is a one-element
    constant, and every intermediate value has a single use. The reduction
    may also drop its axes (`keep_dims = false`) when one `expand_dims` or
    `reshape`, before or after the `+ eps`, restores exactly the kept-dims
    shape. It is rewritten into the sequence
    the public ANE training kernels use (no rsqrt, sqrt, real_div):

    ```mlir
    %sq = mil.mul %x, %x
    %ss = mil.reduce_sum %sq {axes = ..., keep_dims = true}
    %ms = mil.mul %ss, %invd      // 1/D, D = number of reduced elements
    %v  = mil.add %ms, %eps
    %r  = mil.pow %v, %nhalf      // -0.5
    %y  = mil.mul %x, %r
    ```

    A gamma multiply after it is already a `mul` and is left alone (see
    `mil-fold-norm-scale`); the rewritten form itself (reduce_sum, `* 1/D`,
    pow -0.5) is not matched again, also with `prescale` (so a program
    already in the kernel form is not prescaled). Layer norm is not rewritten
    (`mil.layer_norm` is one MIL op).

    Numerics: the new constants (1/D, eps) are rounded to x's dtype; the
    sum is rounded before the 1/D scaling, and pow replaces rsqrt. In fp16
    the sum of squares must stay below 65504 (the kernels' own limit). The
    tests bound the elementwise difference by `4 ulp(|y|) + 4 ulp(max|y|)`
    of the output dtype (at most 2 + 2 measured over 30 random inputs), for
    fp16 and fp32 programs with a non-power-of-two D; the same bound for
    the reshaped and sum forms (at most 3 + 2 measured over 20 random
    inputs; test/Transforms/mil-rmsnorm-ane-form-reshaped-numeric.mlir).

    fp16 overflow: the sum of D squares overflows fp16 (65504) when the
    mean square exceeds 65504 / D (e.g. rms(x) > 9.2 for D = 768), where
    the reduce_mean form did not overflow in the interpreter. With
    `prescale`, the pass emits `xs = mul(x, 1/sqrt(D)); sq = mul(xs, xs)`
    and no `mul(ss, 1/D)`: the sum is then the mean itself and stays in
    range whenever the mean does (one more elementwise mul; not the
    training kernels' form). Same tested bound.
  }];
  let options =
      [Option<"prescale", "prescale", "bool", "false",
              "Scale x by 1/sqrt(D) before squaring so the fp16 sum of squares "
              "cannot overflow where the mean does not">,
  ];
}

def MILFuseLayerNorm : Pass<"mil-fuse-layer-norm", "mlir::func::FuncOp"> {
  let summary = "fuse a decomposed layer norm into mil.layer_norm";
  let description = [{
    Recognises

    ```
    m = reduce_mean(x, axes, keep_dims = true); d = sub(x, m)
    v = reduce_mean(sq, axes, keep_dims = true)     // sq: mul(d, d), square(d), pow(d, 2)
    y = mul(d, rsqrt(v + eps))                      // or rsqrt(v) with its epsilon,
                                                    // or pow(v + eps, -0.5)
    [y = mul(y, gamma)] [y = add(y, beta)]
    or: y = mul(add(y, beta), gamma)               // LayerNormANE order
    ```

    (`mul`/`add` operands in either order; both means over the same axes;
    `eps` a one-element constant; `m`, `sq`, `v` and the rsqrt used once, `d`
    only by the square and `y`) and replaces it with
    `mil.layer_norm(x, axes, gamma, beta, epsilon)`. A constant `gamma` /
    `beta` is folded when it is 1 on every dim outside `axes` and x's size
    on each of them (e.g. `[1, C, 1, 1]` for the ANE `[1, C, 1, S]` layer
    norm over axis 1); it becomes a `x.shape[axes]` constant. `epsilon` is
    an attribute of x's dtype. The second order is the BC1S `LayerNormANE`
    of Apple's ml-ane-transformers (`(n + beta) * gamma`, coremltools'
    pattern 5); it becomes `layer_norm(x, axes, gamma, beta * gamma)` with
    `beta * gamma` computed in fp32 and rounded once (any axes, not only
    `[1]` of a rank-4 x). Layer norm is one MIL op that Apple's
    compiler runs on the ANE; coremltools' `fuse_layernorm_or_instancenorm`
    does the same for its pattern 1. Run it before `mil-rmsnorm-ane-form`,
    which would otherwise rewrite the normalisation of `d` as an RMSNorm.

    Numerics: layer_norm rounds once where the decomposed form rounds after
    every op. The tests bound the difference by `4 ulp(|y|) + 4 ulp(max|y|)`
    of the output dtype (at most 1 ulp(max|y|) measured over 30 random
    inputs; at most 2 in the LayerNormANE order over 20, where the
    rounding of `beta * gamma` adds to it), for fp16 and fp32 programs.
  }];
}

def MILSwiGLUAneForm : Pass<"mil-swiglu-ane-form", "mlir::func::FuncOp"> {
  let summary = "write the SwiGLU gate as the ANE training kernels do";
  let description = [{
    Recognises the SwiGLU gate `mul(silu(h1), h3)` (either operand order),
    where `h1` and `h3` are results of `linear`, `matmul` or `conv` ops on
    the same input `x` and have the same type, and the silu has no other
    use. The silu is rewritten into `mul(h1, sigmoid(h1))`, the form of the
    public ANE training kernels (`sig = sigmoid(h1); silu = h1 * sig;
    gate = silu * h3`). A gate already in that form is left alone.

    Numerics: silu is evaluated as one op before, and as sigmoid rounded
    to x's dtype followed by a mul after; the tests bound the difference by
    `2 ulp(|y|) + 1 ulp(max|y|)` of the output dtype (fp16; fp32 outputs
    were bit-exact).
  }];
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

def MILQuantizeWeights : Pass<"mil-quantize-weights", "mlir::func::FuncOp"> {
  let summary = "quantize constant conv/linear/matmul weights to int8 or uint8";
  let description = [{
    Replaces each fp16/fp32 `mil.const` used as the weight of a selected op
    kind (`conv` and `linear`: operand `weight`; `matmul`: a constant `x`
    or `y`) by a `mil.constexpr_affine_dequantize` (opset ios16) holding
    the quantized data, the scale (dtype of the weight) and the zero point
    (dtype of the data), as coremltools' `linear_quantize_weights` does for
    opsets before iOS18 and as the public INT8 ANE benchmark does:

    ```mlir
    %w = mil.const {val = dense<...> : tensor<64x64x1x1xf16>} : tensor<64x64x1x1xf16>
    // → (per-channel, symmetric int8)
    %w = mil.constexpr_affine_dequantize {axis = 0 : i32,
        quantized_data = dense<...> : tensor<64x64x1x1xi8>,
        scale = dense<...> : tensor<64xf16>, zero_point = dense<0> : tensor<64xi8>}
        : tensor<64x64x1x1xf16>
    ```

    Math (coremltools `optimize/_utils.py`): symmetric int8 uses
    [-127, 127], `scale = max|w| / 127`, zero point 0; symmetric uint8 uses
    [0, 254] with zero point 127; asymmetric extends [min, max] to include 0
    and uses the full range, `scale = (max - min) / (qmax - qmin)`,
    `zero_point = round(qmin - min / scale)`. `q = clip(round(w / scale) +
    zero_point)`, rounding half to even. Per-channel statistics run along
    the output-channel axis (dim 0 of conv/linear weights, the output
    feature dim of a matmul operand), per-tensor over the whole tensor. The
    scale is stored in the weight's dtype and, for fp16, rounded up so no
    weight is clipped.

    Tolerance: every dequantized weight is within `scale / 2` of the
    original (plus one rounding of the fp16 result); on the tests' 4-layer
    64-channel conv stack the outputs stay within 0.1 absolute (measured
    0.044 on values up to ~4) at cosine similarity >= 0.9999 (see
    docs/UserGuide.md). Constants with fewer than `min-elements` elements
    (default 2048, as in coremltools), non-float constants and weights
    already produced by constexpr ops are left alone, so a second run
    changes nothing. A constant also used by other ops stays for those
    uses. A function whose opset predates ios16 (no
    `constexpr_affine_dequantize`) and has a weight to quantize is an
    error.
  }];
  let options =
      [ListOption<"opKinds", "op-kinds", "std::string",
                  "Ops whose constant weights are quantized: conv, linear, "
                  "matmul (default: all three)">,
       Option<"minElements", "min-elements", "int64_t", "2048",
              "Only quantize weights with at least this many elements">,
       Option<"dtype", "dtype", "std::string", "\"int8\"",
              "Quantized dtype: int8 or uint8">,
       Option<"granularity", "granularity", "std::string", "\"per-channel\"",
              "per-channel (output-channel axis) or per-tensor">,
       Option<"mode", "mode", "std::string", "\"symmetric\"",
              "symmetric or asymmetric">,
  ];
}

def MILQuantizeActivations
    : Pass<"mil-quantize-activations", "mlir::func::FuncOp"> {
  let summary =
      "insert int8 quantize/dequantize pairs between ANE layers (W8A8)";
  let description = [{
    Puts a `mil.quantize` (int8, per-tensor symmetric, no zero point) and a
    `mil.dequantize` with the same scale on every result of a `conv`,
    `linear` or `matmul` that feeds another such op, and makes those
    consumers read the dequantized value. When the result goes through a
    single-use chain of activations the ANE fuses into the layer (`relu`,
    `leaky_relu`, `sigmoid`, `tanh`, `silu`, `gelu`, `clip`), the pair goes
    after the chain, as in coremltools' suffix pattern. This is the
    structure of the public INT8 W8A8 ANE benchmark (`ane_int8_bench.m`:
    quantize/dequantize after every conv but the last), where the int8
    tensors between layers halve the on-chip bandwidth. Needs opset ios17 (`quantize`, `dequantize`).

    ```mlir
    %c0 = mil.conv %x, %w0 ... ; %c1 = mil.conv %c0, %w1 ...
    // →
    %c0 = mil.conv %x, %w0 ...
    %q0 = mil.quantize %c0 scale = dense<s> : tensor<f16> output_dtype = "int8" : ...
    %d0 = mil.dequantize %q0 scale = dense<s> : tensor<f16> : ...
    %c1 = mil.conv %d0, %w1 ...
    ```

    Scales come from calibration: the function runs in the CPU interpreter
    on the samples in `calibration-inputs` (a directory holding one `.npy`
    per function argument, named after the argument's MIL name, with the
    argument's shape or a leading sample dimension `[N, ...]`; float files
    are converted to the argument's dtype). `scale = r / 127` where `r` is
    the largest |value| seen (`method=minmax`) or the `percentile`-th
    percentile of |value| over all samples (`method=percentile`;
    nearest rank, keeping only the largest values in memory; non-finite
    values are ignored). Missing or
    ill-shaped files are errors at the function.

    Tolerance: each quantized activation is within `scale / 2` of its
    float value inside the calibrated range (values beyond it saturate at
    `127 * scale`); on the tests' conv stack, W8A8 outputs stay within 0.2
    absolute (measured 0.076 on values up to ~4) at cosine similarity >=
    0.999 to the fp16 program. A second run finds
    no conv result feeding a conv directly and changes nothing.
  }];
  let options = [Option<"calibrationInputs", "calibration-inputs",
                        "std::string", "",
                        "Directory of <argument>.npy calibration samples">,
                 Option<"method", "method", "std::string", "\"minmax\"",
                        "Range statistic: minmax or percentile">,
                 Option<"percentile", "percentile", "double", "99.99",
                        "Percentile of |value| used by method=percentile">,
  ];
}

def MILEliminateQuantPairs
    : Pass<"mil-eliminate-quant-pairs", "mlir::func::FuncOp"> {
  let summary =
      "remove dequantize→quantize and unneeded quantize→dequantize pairs";
  let description = [{
    Two rewrites, applied until nothing changes:

    * `quantize(dequantize(q))` with the same scale, zero point, axis and
      dtype is `q` (exact: an int8/uint8 value survives the fp16 round
      trip).
    * `dequantize(quantize(x))` with the same scale, zero point and axis
      whose result feeds no `conv`, `linear` or
      `matmul` (e.g. only an elementwise op) is replaced by `x`: the
      W8A8 structure only needs int8 tensors between ANE layers, and such a
      pair only loses precision. This removes rounding, so outputs move
      closer to the float program; it never adds error.

    Neither rewrite renames a program output: a pair whose result is a
    named function result, or whose replacement is a function argument or
    an already returned value, stays (as for the dialect's folds).

    ```mlir
    %d = mil.dequantize %q scale = dense<s> ...
    %q2 = mil.quantize %d scale = dense<s> output_dtype = "int8" ...  // → %q
    ```
  }];
}

//===----------------------------------------------------------------------===//
// ANE shaping
//===----------------------------------------------------------------------===//

def MILLinearToConv : Pass<"mil-linear-to-conv", "mlir::func::FuncOp"> {
  let summary =
      "rewrite linear and constant-weight matmul as 1×1 conv on [1, C, 1, S]";
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
  let summary = "canonicalize activations to [1, C, 1, S] and remove redundant "
                "reshape/transpose pairs";
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
    all. The op that defines an output keeps the output's MIL name (the
    op that computed it before is renamed `<name>_channels_last`). Callers
    must pass inputs and read outputs in the new layout (the
    element `(c, s)` of the new tensor is element `s·C + c` of the old one
    in row-major order). Functions with a body of more than one block are
    left alone.

    ```mlir
    %0 = mil.transpose %x perm = [0, 2, 3, 1] : tensor<1x64x1x8xf16>
    %1 = mil.transpose %0 perm = [0, 3, 1, 2] : tensor<1x1x8x64xf16>
    // → %1 is replaced by %x
    ```
  }];
  let options =
      [Option<"ioLayout", "io-layout", "std::string", "\"keep\"",
              "Function input/result layout: `keep` (unchanged) or "
              "`channels-last` (rank 1-4 [*D, C] I/O become [1, C, 1, S])">,
  ];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILPackDynamicWeights
    : Pass<"mil-pack-dynamic-weights", "mlir::func::FuncOp"> {
  let summary =
      "turn matmul weight constants into slices of the single packed input";
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

    so callers know where each weight goes (`ane-run` takes the weights by
    name: `--input weight0=w.npy`, see `mil-pack-inputs`). Names come from
    the constant's `mil.name` attribute or name location, else
    `weight<i>`. On a function packed by `mil-pack-inputs` (the attribute
    has `inputs`), the inputs' slices stay on the widened input, `S` is
    its current width and `inputs` is kept. Numerics are unchanged
    (bit-exact): slices and reshapes move no values.
  }];
  let options = [Option<"minElements", "min-elements", "int64_t", "1",
                        "Only pack constants with at least this many elements">,
  ];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILUnpackDynamicWeights
    : Pass<"mil-unpack-dynamic-weights", "mlir::func::FuncOp"> {
  let summary = "inverse of mil-pack-dynamic-weights: packed weights become "
                "separate inputs";
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
    since the packed program no longer holds their values. When the
    attribute lists `inputs` (`mil-pack-inputs`), their slices stay, the
    input shrinks to `activation_width` and the attribute keeps `inputs`
    only. Any other use of the packed input is an error. Bit-exact.
  }];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILPackInputs : Pass<"mil-pack-inputs", "mlir::ModuleOp"> {
  let summary = "pack all inputs of a function into one [1, C, 1, S] input";
  let description = [{
    Some ANE devices reject requests with more than one input (status
    0x1d); the public training kernels therefore read everything from one
    `[1, C, 1, S]` input and cut it apart with `slice_by_size`. This pass
    gives a function with two or more inputs that single input.

    Each input of static shape `D` is first viewed as `[1, C_i, 1, S_i]`:
    itself when `D` is already `[1, C, 1, S]`, otherwise `C_i` = the
    product of all dims but the last and `S_i` = the last dim (`[N]` →
    `[1, 1, 1, N]`, a scalar → `[1, 1, 1, 1]`; a row-major reshape, no
    transpose). The packed input is `[1, C, 1, S]` with `C = max C_i`
    (inputs with fewer channels are padded with zeros: "pad to max C")
    and the inputs placed one after another on the spatial axis in
    argument order: input i occupies channels `[0, C_i)` and positions
    `[offset_i, offset_i + S_i)`, `offset_0 = 0`. With
    `min-surface-bytes=B`, S grows (zeros at the end) until
    `C · S · element bytes >= B` (one published project reports 49152
    bytes as the smallest surface that works; output surfaces are not
    padded by this pass). Every use of input i reads
    `slice_by_size(packed, [0, 0, 0, offset_i], [1, C_i, 1, S_i])`,
    reshaped back to `D` when `D` is not that view.

    The packed input is named `packed-name` (`mil.name`) and the function
    records the layout in the attribute that `mil-pack-dynamic-weights`
    also writes (one format, one reader: `ane/Runtime/PackedInput.h`):

    ```mlir
    mil_packed_input = {activation_width = S : i64,
                        inputs = [{name = "x", offset = 0 : i64,
                                   width = S_0 : i64, shape = array<i64: ...>
                                   [, channels = C_0 : i64]}, ...]}
    ```

    (`channels` is written where it differs from C.) Input names are the
    inputs' `mil.name`, else their name location, else `arg<i>`, as
    `ane-run --input NAME=...` knows them; `ane-run` packs tensors given
    under these names itself. `mil-pack-dynamic-weights` may run
    afterwards: it appends weights after S and keeps `inputs`.

    Functions with fewer than two inputs are left alone (so a second run
    changes nothing), and so are functions called by a `func.call` in the
    module (such as the parts of a `mil-split-program` chain): their
    callers pass the inputs separately. Errors: an input of dynamic or unranked shape or
    without elements, an element type other than f16/f32, inputs of
    different element types, or `packed-name` clashing with an input's
    name. Numerics are unchanged (bit-exact): slices and reshapes move no
    values.
  }];
  let options =
      [Option<"packedName", "packed-name", "std::string", "\"packed_input\"",
              "MIL name of the single packed input">,
       Option<"minSurfaceBytes", "min-surface-bytes", "int64_t", "0",
              "Pad the spatial axis until the packed input has at least this "
              "many bytes (0 = no padding)">,
  ];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILUnpackInputs : Pass<"mil-unpack-inputs", "mlir::func::FuncOp"> {
  let summary = "inverse of mil-pack-inputs: the packed inputs become separate "
                "inputs again";
  let description = [{
    For a function whose `mil_packed_input` lists `inputs`
    (`mil-pack-inputs`), every input entry becomes a function input again,
    of the entry's `shape` and named after it (`mil.name`; none for the
    `arg<i>` name of an unnamed input i), and its slice of the packed input
    (`slice_by_size` at `[0, 0, 0, offset]` of size `[1, channels, 1,
    width]`, and the `reshape` to `shape` after it) is replaced by that
    input. Without `weights` the packed input and the attribute are then
    removed: the function has its original inputs again (pack then unpack
    gives back the original function). With `weights`
    (`mil-pack-dynamic-weights` after `mil-pack-inputs`) the packed input
    stays first and keeps the weights, the restored inputs follow it, and
    the attribute keeps `activation_width` (the now unread activation
    region) and `weights`. Functions without `inputs` in the attribute are
    left alone (so a second run changes nothing). Errors: a malformed
    attribute or first input, a slice used other than through a reshape to
    its recorded shape, and any other read of the packed input. Bit-exact:
    slices and reshapes move no values.
  }];
  let dependentDialects = ["ane::mil::MILDialect"];
}

def MILSplitProgram : Pass<"mil-split-program", "mlir::ModuleOp"> {
  let summary =
      "split a function that exceeds device limits into a chain of functions";
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
    order and a `return` (`mil-merge-functions` merges such a chain;
    `ane-run` runs it: the interpreter executes the calls, the ane backend
    compiles one device program per part; MIL text has no calls, so the
    emitter rejects it and the parts are exported). With `chain=false` the
    original function is erased instead, leaving the parts as the
    program's functions, which the emitter writes into one multi-function
    program (run each with `--entry`). A function within the
    limits, or one that already calls other functions, is left unchanged;
    an op that alone exceeds a limit is an error.
    Numerics are unchanged (bit-exact).
  }];
  let options =
      [Option<"function", "function", "std::string", "\"main\"",
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
  let summary =
      "kernel-level merge: inline a func.call chain into fewer programs";
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
  let options =
      [ListOption<"functions", "functions", "std::string",
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
  let options =
      [Option<"chip", "chip", "std::string", "\"all\"",
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
