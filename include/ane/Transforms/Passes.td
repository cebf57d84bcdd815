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

def MILFoldScaleIntoConv : Pass<"mil-fold-scale-into-conv",
                                "mlir::func::FuncOp"> {
  let summary = "fold batch_norm and per-channel scales into conv / linear weights";
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
  let summary = "rewrite RMSNorm into the op sequence of the ANE training kernels";
  let description = [{
    Recognises the RMS normalisation of `x` over `axes` written as

    * `mul(x, rsqrt(mean + eps))` or `mul(x, rsqrt(mean))` (rsqrt's own
      `epsilon` is added to `eps`),
    * `mul(x, pow(mean + eps, -0.5))`,
    * `real_div(x, sqrt(mean + eps))`,

    (`mul` operands in either order) where `mean` is
    `reduce_mean(sq, axes, keep_dims = true)`, `sq` is `mul(x, x)`,
    `square(x)` or `pow(x, 2)`, `eps` is a one-element constant, and every
    intermediate value has a single use. It is rewritten into the sequence
    the public ANE training kernels use (no rsqrt, sqrt, real_div):

    ```mlir
    %sq = mil.mul %x, %x
    %ss = mil.reduce_sum %sq {axes = ..., keep_dims = true}
    %ms = mil.mul %ss, %invd      // 1/D, D = number of reduced elements
    %v  = mil.add %ms, %eps
    %r  = mil.pow %v, %nhalf      // -0.5
    %y  = mil.mul %x, %r
    ```

    A gamma multiply after it is already a `mul` and is left alone; the
    rewritten form itself is not matched again. Layer norm is not rewritten
    (`mil.layer_norm` is one MIL op).

    Numerics: the new constants (1/D, eps) are rounded to x's dtype; the
    sum is rounded before the 1/D scaling, and pow replaces rsqrt. In fp16
    the sum of squares must stay below 65504 (the kernels' own limit). The
    tests bound the elementwise difference by `4 ulp(|y|) + 4 ulp(max|y|)`
    of the output dtype (at most 2 + 2 measured over 30 random inputs), for
    fp16 and fp32 programs with a non-power-of-two D.

    fp16 overflow: the sum of D squares overflows fp16 (65504) when the
    mean square exceeds 65504 / D (e.g. rms(x) > 9.2 for D = 768), where
    the reduce_mean form did not overflow in the interpreter. With
    `prescale`, the pass emits `xs = mul(x, 1/sqrt(D)); sq = mul(xs, xs)`
    and no `mul(ss, 1/D)`: the sum is then the mean itself and stays in
    range whenever the mean does (one more elementwise mul; not the
    training kernels' form). Same tested bound.
  }];
  let options = [
    Option<"prescale", "prescale", "bool", "false",
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
    ```

    (`mul`/`add` operands in either order; both means over the same axes;
    `eps` a one-element constant; `m`, `sq`, `v` and the rsqrt used once, `d`
    only by the square and `y`) and replaces it with
    `mil.layer_norm(x, axes, gamma, beta, epsilon)`. A constant `gamma` /
    `beta` is folded when it is 1 on every dim outside `axes` and x's size
    on each of them (e.g. `[1, C, 1, 1]` for the ANE `[1, C, 1, S]` layer
    norm over axis 1); it becomes a `x.shape[axes]` constant. `epsilon` is
    an attribute of x's dtype. Layer norm is one MIL op that Apple's
    compiler runs on the ANE; coremltools' `fuse_layernorm_or_instancenorm`
    does the same for its pattern 1. Run it before `mil-rmsnorm-ane-form`,
    which would otherwise rewrite the normalisation of `d` as an RMSNorm.

    Numerics: layer_norm rounds once where the decomposed form rounds after
    every op. The tests bound the difference by `4 ulp(|y|) + 4 ulp(max|y|)`
    of the output dtype (at most 1 ulp(max|y|) measured over 30 random
    inputs), for fp16 and fp32 programs.
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
    uses.
  }];
  let options = [
    ListOption<"opKinds", "op-kinds", "std::string",
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
  let summary = "insert int8 quantize/dequantize pairs between ANE layers (W8A8)";
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
  let options = [
    Option<"calibrationInputs", "calibration-inputs", "std::string", "",
           "Directory of <argument>.npy calibration samples">,
    Option<"method", "method", "std::string", "\"minmax\"",
           "Range statistic: minmax or percentile">,
    Option<"percentile", "percentile", "double", "99.99",
           "Percentile of |value| used by method=percentile">,
  ];
}

def MILEliminateQuantPairs
    : Pass<"mil-eliminate-quant-pairs", "mlir::func::FuncOp"> {
  let summary = "remove dequantize→quantize and unneeded quantize→dequantize pairs";
  let description = [{
    Two rewrites, applied until nothing changes:

    * `quantize(dequantize(q))` with the same scale, zero point, axis and
      dtype is `q` (exact: an int8/uint8 value survives the fp16 round
      trip).
    * `dequantize(quantize(x))` whose result feeds no `conv`, `linear` or
      `matmul` (e.g. only the function result) is replaced by `x`: the
      W8A8 structure only needs int8 tensors between ANE layers, and such a
      pair only loses precision. This removes rounding, so outputs move
      closer to the float program; it never adds error.

    ```mlir
    %d = mil.dequantize %q scale = dense<s> ...
    %q2 = mil.quantize %d scale = dense<s> output_dtype = "int8" ...  // → %q
    ```
  }];
}

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
