// RUN: ane-opt %s -mil-linear-to-conv | FileCheck %s
// RUN: ane-opt %s --mil-ane-shape | FileCheck %s

// A linear whose weight is a symbolic BLOBFILE reference (imported with
// --mil-weights=symbolic) has no values to reshape: mil-linear-to-conv
// leaves it alone instead of crashing (found by --mil-ane-shape on the
// ParakeetEOU joint_decision corpus model, pipelines-corpus-cleanup.test).

// CHECK-LABEL: func @symbolic_weight
// CHECK: mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>}
// CHECK: mil.linear
// CHECK-NOT: mil.conv
func.func @symbolic_weight(%x: tensor<2x8xf16>) -> tensor<2x4xf16> {
  %w = mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>} : tensor<4x8xf16>
  %y = mil.linear %x, %w : (tensor<2x8xf16>, tensor<4x8xf16>) -> tensor<2x4xf16>
  return %y : tensor<2x4xf16>
}
