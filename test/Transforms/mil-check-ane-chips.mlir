// Rows for older families only: reported for M2 (h14), named with every
// selected family for chip=all, and not reported at all for M4 (h16).
// RUN: ane-opt %s -split-input-file -verify-diagnostics -mil-check-ane='chip=m2'
// RUN: ane-opt %s -split-input-file -verify-diagnostics -mil-check-ane='chip=h14'
// RUN: not ane-opt %s -split-input-file -mil-check-ane='chip=all' 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m4' -o /dev/null 2>&1 | FileCheck %s --check-prefix=M4 --implicit-check-not='error: [ane.' --implicit-check-not='warning: [ane.'

// ALL: error: [ane.cast-unsupported] h13 (M1), h14 (M2): uses cast; M1/M2 ANEs do not support cast (fp32<->fp16); use fp16 inputs and outputs (reported; source: https://github.com/maderix/ANE/pull/6)
func.func @cast_unsupported(%x: tensor<1x768x1x16xf32>) -> tensor<1x768x1x16xf32> {
  // expected-error @+1 {{[ane.cast-unsupported] h14 (M2): uses cast; M1/M2 ANEs do not support cast (fp32<->fp16); use fp16 inputs and outputs (reported; source: https://github.com/maderix/ANE/pull/6)}}
  %0 = mil.cast %x {dtype = "fp16"} : (tensor<1x768x1x16xf32>) -> tensor<1x768x1x16xf16>
  %1 = mil.relu %0 : tensor<1x768x1x16xf16>
  // expected-error @+1 {{[ane.cast-unsupported] h14 (M2)}}
  %2 = mil.cast %1 {dtype = "fp32"} : (tensor<1x768x1x16xf16>) -> tensor<1x768x1x16xf32>
  return %2 : tensor<1x768x1x16xf32>
}

// -----

// ALL: error: [ane.sdpa-unsupported] h13 (M1), h14 (M2): uses scaled_dot_product_attention
func.func @sdpa_unsupported(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  // expected-error @+1 {{[ane.sdpa-unsupported] h14 (M2): uses scaled_dot_product_attention; scaled_dot_product_attention fails to compile on M1/M2}}
  %0 = mil.scaled_dot_product_attention %x, %x, %x : (tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>, tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16>
  return %0 : tensor<1x768x1x32xf16>
}

// -----

// ALL: warning: [ane.matmul-m1-m2] h13 (M1), h14 (M2): uses matmul
func.func @matmul_m1_m2(%x: tensor<1x12x64x64xf16>) -> tensor<1x12x64x64xf16> {
  // expected-warning @+1 {{[ane.matmul-m1-m2] h14 (M2): uses matmul; matmul is reported to fail on M1/M2, while the Stories110M training kernels (which use matmul) run on M1 Pro/Max; prefer 1x1 conv for constant weights (unverified: sources conflict;}}
  %0 = mil.matmul %x, %x : (tensor<1x12x64x64xf16>, tensor<1x12x64x64xf16>) -> tensor<1x12x64x64xf16>
  return %0 : tensor<1x12x64x64xf16>
}

// -----

// ALL: warning: [ane.int8-compute] h13 (M1), h14 (M2), h15 (M3): uses quantize
func.func @int8_compute(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  // expected-warning @+1 {{[ane.int8-compute] h14 (M2): uses quantize; int8 activations (W8A8) use the int8-int8 path only from A17 Pro/M4 on; this family computes in fp16, so quantizing activations saves no time (verified;}}
  %q = mil.quantize %x scale = dense<0.125> : tensor<f16> output_dtype = "int8" : tensor<1x768x1x32xf16>
  %d = mil.dequantize %q scale = dense<0.125> : tensor<f16> : tensor<1x768x1x32xi8>
  return %d : tensor<1x768x1x32xf16>
}

// -----

// Spatial dims above 16384: an error on h13/h14, an unverified warning later.
// ALL: error: [ane.max-spatial-dim] h13 (M1), h14 (M2): input 0 tensor<1x16x1x20000xf16> has W = 20000 (limit 16384)
// ALL: warning: [ane.max-spatial-dim-late] h15 (M3), h16 (M4, base M5), h17 (M5 Max): input 0
// M4: warning: [ane.max-spatial-dim-late] h16 (M4, base M5)
// expected-error @+1 {{[ane.max-spatial-dim] h14 (M2): input 0 tensor<1x16x1x20000xf16> has W = 20000 (limit 16384); spatial dimensions (D, H, W) must be at most 16384 before A16-class ANEs; split the tensor (verified;}}
func.func @max_spatial_dim(%x: tensor<1x16x1x20000xf16>) -> tensor<1x16x1x20000xf16> {
  return %x : tensor<1x16x1x20000xf16>
}
