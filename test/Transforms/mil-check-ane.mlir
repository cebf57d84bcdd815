// RUN: ane-opt %s -split-input-file -verify-diagnostics -mil-check-ane='chip=m4'

// One function per catalogued rule that applies to h16 (M4), each built to
// break that rule only: every other input/output is >= 49152 bytes with an
// innermost dim that is a multiple of 16. The h13/h14/h15-only rules are in
// mil-check-ane-chips.mlir, the OS rules and options in
// mil-check-ane-options.mlir.

// A program that breaks no rule: no diagnostic at all.
func.func @passing(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %w = mil.const {val = dense<1.0> : tensor<768x768x1x1xf16>} : tensor<768x768x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x768x1x32xf16>, tensor<768x768x1x1xf16>) -> tensor<1x768x1x32xf16>
  %1 = mil.relu %0 : tensor<1x768x1x32xf16>
  %2 = mil.softmax %1 {axis = 3 : i32} : tensor<1x768x1x32xf16>
  return %2 : tensor<1x768x1x32xf16>
}

// -----

// expected-warning @+1 {{[ane.single-input] h16 (M4, base M5): @single_input has 2 inputs (limit 1); requests with more than one input are reported to fail with error 0x1d}}
func.func @single_input(%x: tensor<1x768x1x32xf16>, %y: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %0 = mil.add %x, %y : (tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16>
  return %0 : tensor<1x768x1x32xf16>
}

// -----

// expected-error @+2 {{[ane.uniform-input-bytes] h16 (M4, base M5): @uniform_input_bytes inputs have 49152, 98304 bytes; every input IOSurface of a multi-input program must have the same byte size}}
// expected-warning @+1 {{[ane.single-input]}}
func.func @uniform_input_bytes(%x: tensor<1x768x1x32xf16>, %y: tensor<1x768x1x64xf16>) -> tensor<1x768x1x32xf16> {
  return %x : tensor<1x768x1x32xf16>
}

// -----

// expected-error @+1 {{[ane.uniform-output-bytes] h16 (M4, base M5): @uniform_output_bytes outputs have 49152, 98304 bytes}}
func.func @uniform_output_bytes(%x: tensor<1x768x1x64xf16>) -> (tensor<1x768x1x32xf16>, tensor<1x768x1x64xf16>) {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 768, 1, 32] : tensor<1x768x1x64xf16>
  return %0, %x : tensor<1x768x1x32xf16>, tensor<1x768x1x64xf16>
}

// -----

// Unverified rows are warnings that say so.
// expected-warning @+1 {{[ane.min-iosurface-bytes] h16 (M4, base M5): @min_iosurface_bytes input 0 has 4096 bytes, output 0 has 4096 bytes (minimum 49152); Orion rejects IOSurfaces under 49152 bytes (pad the sequence to at least 16), while maderix runs 8 KB surfaces on M5 (unverified: sources conflict; source: https://github.com/mechramc/Orion/blob/main/compiler/pass_ane_validate.c vs https://github.com/maderix/ANE/blob/main/training/m5result.md)}}
func.func @min_iosurface_bytes(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  return %x : tensor<1x64x1x32xf16>
}

// -----

// expected-error @+1 {{[ane.iosurface-width-multiple] h16 (M4, base M5): @iosurface_width_multiple input 0 has innermost dim 40, output 0 has innermost dim 40 (multiple of 16); the innermost (spatial) dimension of every input and output IOSurface must be a multiple of 16; pad the sequence (reported; source: https://github.com/ncdrone/rustane/blob/main/README.md)}}
func.func @iosurface_width_multiple(%x: tensor<1x768x1x40xf16>) -> tensor<1x768x1x40xf16> {
  return %x : tensor<1x768x1x40xf16>
}

// -----

// 17 constants big enough for the weight file (>= 10 elements), one more
// than Orion's limit; the 9-element one stays inline and does not count.
// expected-warning @+1 {{[ane.max-blobfile-tensors] h16 (M4, base M5): @max_blobfile_tensors has 17 weight-file tensors (limit 16); Orion reports at most 16 BLOBFILE weight tensors per program}}
func.func @max_blobfile_tensors(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %c0 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c1 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c2 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c3 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c4 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c5 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c6 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c7 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c8 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c9 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c10 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c11 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c12 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c13 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c14 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c15 = mil.const {val = dense<1.0> : tensor<10xf16>} : tensor<10xf16>
  %c16 = mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>} : tensor<1x768x1x32xf16>
  %small = mil.const {val = dense<1.0> : tensor<9xf16>} : tensor<9xf16>
  return %x : tensor<1x768x1x32xf16>
}

// -----

// 16384 x 16384 x 16 fp16 = 8 GiB of weights (a splat: cheap to hold).
// expected-error @+1 {{[ane.max-weight-bytes] h16 (M4, base M5): @max_weight_bytes has 8589934592 bytes of constants (limit 2147483648)}}
func.func @max_weight_bytes(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %w = mil.const {val = dense<1.0> : tensor<16384x16384x16xf16>} : tensor<16384x16384x16xf16>
  return %x : tensor<1x768x1x32xf16>
}

// -----

func.func @blockwise_quantization(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  // expected-error @+1 {{[ane.blockwise-quantization] h16 (M4, base M5): scale of shape 768x2x1x1 is per-block; the ANE compiler only supports per-tensor and per-output-channel quantization scales}}
  %w = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<768x768x1x1xi8>, scale = dense<1.0> : tensor<768x2x1x1xf16>} : tensor<768x768x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x768x1x32xf16>, tensor<768x768x1x1xf16>) -> tensor<1x768x1x32xf16>
  return %0 : tensor<1x768x1x32xf16>
}

// -----

// Per-channel and per-tensor scales are fine.
func.func @blockwise_quantization_per_channel(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %w = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<768x768x1x1xi8>, scale = dense<1.0> : tensor<768x1x1x1xf16>} : tensor<768x768x1x1xf16>
  %v = mil.constexpr_blockwise_shift_scale {data = dense<1> : tensor<768x768x1x1xi8>, scale = dense<1.0> : tensor<1x1x1x1xf16>} : tensor<768x768x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x768x1x32xf16>, tensor<768x768x1x1xf16>) -> tensor<1x768x1x32xf16>
  %1 = mil.conv %0, %v : (tensor<1x768x1x32xf16>, tensor<768x768x1x1xf16>) -> tensor<1x768x1x32xf16>
  return %1 : tensor<1x768x1x32xf16>
}

// -----

// expected-error @+1 {{[ane.max-rank] h16 (M4, base M5): input 0 tensor<1x1x1x2x768x32xf16> has rank 6 (limit 5); tensors of rank above 5 are rejected}}
func.func @max_rank(%x: tensor<1x1x1x2x768x32xf16>) -> tensor<1x1x1x2x768x32xf16> {
  return %x : tensor<1x1x1x2x768x32xf16>
}

// -----

// expected-error @+1 {{[ane.max-dim] h16 (M4, base M5): input 0 tensor<1x70000x1x16xf16> has C = 70000 (limit 65536)}}
func.func @max_dim(%x: tensor<1x70000x1x16xf16>) -> tensor<1x70000x1x16xf16> {
  // expected-error @+1 {{[ane.max-dim] h16 (M4, base M5): relu result tensor<1x70000x1x16xf16> has C = 70000 (limit 65536)}}
  %0 = mil.relu %x : tensor<1x70000x1x16xf16>
  return %0 : tensor<1x70000x1x16xf16>
}

// -----

// The MPSGraph bound on D, H, W (16384) is unverified from h15 on.
// expected-warning @+1 {{[ane.max-spatial-dim-late] h16 (M4, base M5): input 0 tensor<1x16x1x20000xf16> has W = 20000 (limit 16384); MPSGraph's anec bound for D, H, W is 16384, ANEForge reports 65536 from A16 on; split the tensor if compilation fails (unverified: sources conflict;}}
func.func @max_spatial_dim_late(%x: tensor<1x16x1x20000xf16>) -> tensor<1x16x1x20000xf16> {
  return %x : tensor<1x16x1x20000xf16>
}

// -----

func.func @max_batch_add(%x: tensor<5000x1x1x16xf16>) -> tensor<5000x1x1x16xf16> {
  // expected-error @+1 {{[ane.max-batch-add] h16 (M4, base M5): add operand 0 tensor<5000x1x1x16xf16> has N = 5000 (limit 4096)}}
  %0 = mil.add %x, %x : (tensor<5000x1x1x16xf16>, tensor<5000x1x1x16xf16>) -> tensor<5000x1x1x16xf16>
  // Other ops may have a larger batch.
  %1 = mil.mul %0, %x : (tensor<5000x1x1x16xf16>, tensor<5000x1x1x16xf16>) -> tensor<5000x1x1x16xf16>
  return %1 : tensor<5000x1x1x16xf16>
}

// -----

// 32000 input channels are rejected; 32000 output channels are not.
func.func @conv_max_input_channels(%x: tensor<1x32000x1x16xf16>) -> tensor<1x32000x1x16xf16> {
  %w = mil.const {val = dense<1.0> : tensor<1536x32000x1x1xf16>} : tensor<1536x32000x1x1xf16>
  // expected-error @+1 {{[ane.conv-max-input-channels] h16 (M4, base M5): conv operand 0 tensor<1x32000x1x16xf16> has C = 32000 (limit 31999)}}
  %0 = mil.conv %x, %w : (tensor<1x32000x1x16xf16>, tensor<1536x32000x1x1xf16>) -> tensor<1x1536x1x16xf16>
  %v = mil.const {val = dense<1.0> : tensor<32000x1536x1x1xf16>} : tensor<32000x1536x1x1xf16>
  %1 = mil.conv %0, %v : (tensor<1x1536x1x16xf16>, tensor<32000x1536x1x1xf16>) -> tensor<1x32000x1x16xf16>
  return %1 : tensor<1x32000x1x16xf16>
}

// -----

func.func @conv_kernel_width(%x: tensor<1x768x1x48xf16>) -> tensor<1x768x1x32xf16> {
  %w = mil.const {val = dense<1.0> : tensor<768x768x1x17xf16>} : tensor<768x768x1x17xf16>
  // expected-error @+1 {{[ane.conv-kernel-width] h16 (M4, base M5): conv operand 1 tensor<768x768x1x17xf16> has W = 17 (limit 15)}}
  %0 = mil.conv %x, %w : (tensor<1x768x1x48xf16>, tensor<768x768x1x17xf16>) -> tensor<1x768x1x32xf16>
  return %0 : tensor<1x768x1x32xf16>
}

// -----

func.func @channel_multiple(%x: tensor<1x768x1x384xf16>) -> tensor<1x64x1x384xf16> {
  %w = mil.const {val = dense<1.0> : tensor<64x768x1x1xf16>} : tensor<64x768x1x1xf16>
  // expected-warning @+1 {{[ane.channel-multiple] h16 (M4, base M5): conv has 64 output channels (multiple of 128); rustane reports channel counts must be multiples of 128}}
  %0 = mil.conv %x, %w : (tensor<1x768x1x384xf16>, tensor<64x768x1x1xf16>) -> tensor<1x64x1x384xf16>
  return %0 : tensor<1x64x1x384xf16>
}

// -----

func.func @softmax_power_of_two(%x: tensor<1x768x1x48xf16>) -> tensor<1x768x1x48xf16> {
  // expected-warning @+1 {{[ane.softmax-power-of-two] h16 (M4, base M5): softmax over axis 3 of extent 48; softmax over a non-power-of-two axis is reported to give InvalidMILProgram}}
  %0 = mil.softmax %x : tensor<1x768x1x48xf16>
  return %0 : tensor<1x768x1x48xf16>
}

// -----

func.func @reduce_exact_extent(%x: tensor<1x4096x1536x16xf16>) -> tensor<1x1x1536x16xf16> {
  // expected-warning @+1 {{[ane.reduce-exact-extent] h16 (M4, base M5): reduce_sum sums 4096 elements into each output (limit 2048); fp16 reductions are exact only over at most 2048 elements}}
  %0 = mil.reduce_sum %x {axes = array<i32: 1>, keep_dims = true} : (tensor<1x4096x1536x16xf16>) -> tensor<1x1x1536x16xf16>
  return %0 : tensor<1x1x1536x16xf16>
}

// -----

func.func @concat_rsqrt_gelu_reduce_mean(%x: tensor<1x768x2x32xf16>) -> tensor<1x768x1x32xf16> {
  // expected-warning @+1 {{[ane.concat] h16 (M4, base M5): uses concat; Orion reports concat is rejected by the ANE compiler}}
  %0 = mil.concat %x, %x axis = 1 : tensor<1x768x2x32xf16>, tensor<1x768x2x32xf16>
  // expected-warning @+1 {{[ane.rsqrt] h16 (M4, base M5): uses rsqrt;}}
  %1 = mil.rsqrt %x : tensor<1x768x2x32xf16>
  // expected-warning @+1 {{[ane.gelu] h16 (M4, base M5): uses gelu;}}
  %2 = mil.gelu %1 : tensor<1x768x2x32xf16>
  // expected-warning @+1 {{[ane.reduce-mean] h16 (M4, base M5): uses reduce_mean;}}
  %3 = mil.reduce_mean %2 {axes = array<i32: 2>, keep_dims = true} : (tensor<1x768x2x32xf16>) -> tensor<1x768x1x32xf16>
  return %3 : tensor<1x768x1x32xf16>
}

// -----

func.func @slice_by_index_input(%x: tensor<1x768x1x64xf16>) -> tensor<1x768x1x32xf16> {
  // expected-error @+1 {{[ane.slice-by-index-input] h16 (M4, base M5): slice_by_index reads function input 0; slice_by_index applied directly to a function input fails; use slice_by_size}}
  %0 = mil.slice_by_index %x begin = [0, 0, 0, 0] end = [1, 768, 1, 32] : tensor<1x768x1x64xf16>
  // On a computed value it is fine.
  %1 = mil.relu %x : tensor<1x768x1x64xf16>
  %2 = mil.slice_by_index %1 begin = [0, 0, 0, 32] end = [1, 768, 1, 64] : tensor<1x768x1x64xf16>
  %3 = mil.add %0, %2 : (tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16>
  return %3 : tensor<1x768x1x32xf16>
}

// -----

func.func @sdpa_attn_mask_ignored(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %m = mil.const {val = dense<true> : tensor<1x1xi1>} : tensor<1x1xi1>
  // expected-error @+1 {{[ane.sdpa-attn-mask-ignored] h16 (M4, base M5): scaled_dot_product_attention has attn_mask; the device silently ignores attn_mask (inline, BLOBFILE or input), giving unmasked results; decompose into matmul, mul, add mask, softmax, matmul (verified; source: https://github.com/maderix/ANE/blob/main/README.md and https://github.com/mechramc/Orion/blob/main/docs/ane_constraints.md)}}
  %0 = mil.scaled_dot_product_attention %x, %x, %x attn_mask %m : (tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>, tensor<1x1xi1>) -> tensor<1x768x1x32xf16>
  // Without a mask: nothing to report on h16.
  %1 = mil.scaled_dot_product_attention %0, %0, %0 : (tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16>
  return %1 : tensor<1x768x1x32xf16>
}

// -----

func.func @conv_bias(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %w = mil.const {val = dense<1.0> : tensor<768x768x1x1xf16>} : tensor<768x768x1x1xf16>
  %b = mil.const {val = dense<1.0> : tensor<768xf16>} : tensor<768xf16>
  // expected-warning @+1 {{[ane.conv-bias] h16 (M4, base M5): conv has bias; Orion reports conv with bias= is rejected}}
  %0 = mil.conv %x, %w bias %b : (tensor<1x768x1x32xf16>, tensor<768x768x1x1xf16>, tensor<768xf16>) -> tensor<1x768x1x32xf16>
  return %0 : tensor<1x768x1x32xf16>
}
