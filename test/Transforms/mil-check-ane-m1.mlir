// Rows for h13 (M1) only, checked with chip=m1; programs target ios16 so
// that only the row under test fires.
// RUN: ane-opt %s -split-input-file -verify-diagnostics -mil-check-ane='chip=m1'
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m2' -o /dev/null 2>&1 | FileCheck %s --allow-empty --implicit-check-not='error: [ane.' --implicit-check-not='warning: [ane.'

// Two weight-file constants in the default weights/weight.bin, and two
// symbolic references to one file; a constant with its own file is fine.
module attributes {mil.opset = "ios16"} {
  // expected-error @+1 {{[ane.per-matrix-weight-files] h13 (M1): @per_matrix_weight_files: weights/mask.bin holds 2, weights/weight.bin holds 2 tensors (limit 1 per file); M1 rejects weight files holding several tensors (single-blob weights) and compiles one file per matrix; give each constant its own mil_weight_file (reported; source: https://github.com/maderix/ANE/blob/main/benchmarks/ANE_BENCHMARK_REPORT.md and https://github.com/maderix/ANE/issues/3)}}
  func.func @per_matrix_weight_files(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
    %a = mil.const {val = dense<1.0> : tensor<16xf16>} : tensor<16xf16>
    %b = mil.const {val = dense<2.0> : tensor<16xf16>} : tensor<16xf16>
    %c = mil.const {val = dense<3.0> : tensor<16xf16>, mil_weight_file = "weights/c.bin"} : tensor<16xf16>
    %m0 = mil.const {val = #mil.blob_file<"@model_path/weights/mask.bin", 64>} : tensor<1x1x32x32xf16>
    %m1 = mil.const {val = #mil.blob_file<"@model_path/weights/mask.bin", 2240>} : tensor<1x1x32x32xf16>
    return %x : tensor<1x768x1x32xf16>
  }
}

// -----

module attributes {mil.opset = "ios16"} {
  func.func @one_weight_per_file(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
    %a = mil.const {val = dense<1.0> : tensor<16xf16>} : tensor<16xf16>
    %b = mil.const {val = dense<2.0> : tensor<16xf16>, mil_weight_file = "weights/b.bin"} : tensor<16xf16>
    %small = mil.const {val = dense<2.0> : tensor<4xf16>} : tensor<4xf16>
    return %x : tensor<1x768x1x32xf16>
  }
}

// -----

// expected-warning @+1 {{[ane.opset-m1] h13 (M1): @opset_m1 uses opset ios18 (newer than ios16); program(1.3)/ios18 programs only partly work on M1; target ios16 (ane-translate --mil-target=ios16) (reported;}}
func.func @opset_m1(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  return %x : tensor<1x768x1x32xf16>
}
