// A constexpr or constant whose weights were not read is a located error,
// not a crash. The corpus model ships without its weights/ directory, so it
// can only be imported with --mil-weights=symbolic.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-translate --import-mil-text --mil-weights=symbolic %shared/corpus/rebeckerspecialties__mlmodelc-export/tests__fixtures__quantized-constexpr__expected-macos.mlmodelc/model.mil -o %t/qc.mlir
// RUN: not ane-run run %t/qc.mlir --random-inputs 2>&1 | FileCheck %s --check-prefix=CORPUS
// CORPUS: model.mil:5:13: error: interpreter: weight blob '@model_path/weights/weights.bin' at offset 64 was not loaded; import the program with its weights
// CORPUS: ane-run: error: cannot interpret function @main

// The data of constexpr_affine_dequantize and constexpr_blockwise_shift_scale,
// the value of a mil.const, and the indices of an iOS18 constexpr_lut_to_dense.
// RUN: not ane-run run %s --random-inputs 2>&1 | FileCheck %s
// CHECK: unloaded-weights.mlir:[[@LINE+7]]:8: error: interpreter: weight blob '@model_path/weights/w.bin' at offset 64 was not loaded
// CHECK: unloaded-weights.mlir:[[@LINE+7]]:8: error: interpreter: weight blob '@model_path/weights/w.bin' at offset 128 was not loaded
// CHECK: unloaded-weights.mlir:[[@LINE+7]]:8: error: interpreter: weight blob '@model_path/weights/w.bin' at offset 192 was not loaded
// CHECK: unloaded-weights.mlir:[[@LINE+7]]:8: error: interpreter: weight blob '@model_path/weights/w.bin' at offset 256 was not loaded
// CHECK: ane-run: error: cannot interpret function @main

func.func @main(%x: tensor<4xf32> {mil.name = "x"}) -> tensor<4xf32> {
  %a = "mil.constexpr_affine_dequantize"() <{quantized_data = #mil.blob_file<"@model_path/weights/w.bin", 64>, scale = dense<5.000000e-01> : tensor<f32>, zero_point = dense<0> : tensor<i8>, axis = 0 : i32}> {mil_blob_types = {quantized_data = tensor<4xi8>}} : () -> tensor<4xf32>
  %b = "mil.constexpr_blockwise_shift_scale"() <{data = #mil.blob_file<"@model_path/weights/w.bin", 128>, scale = dense<[5.000000e-01]> : tensor<1xf32>}> {mil_blob_types = {data = tensor<4xi8>}} : () -> tensor<4xf32>
  %c = mil.const {val = #mil.blob_file<"@model_path/weights/w.bin", 192>} : tensor<4xf32>
  %d = mil.constexpr_lut_to_dense {indices = #mil.blob_file<"@model_path/weights/w.bin", 256>, lut = dense<[[[1.0], [2.0]]]> : tensor<1x2x1xf32>} : tensor<4xf32>
  %0 = mil.add %x, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = mil.add %0, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = mil.add %1, %c : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %3 = mil.add %2, %d : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}
