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

// (passes of this family go here)

#endif // ANE_TRANSFORMS_PASSES_TD
