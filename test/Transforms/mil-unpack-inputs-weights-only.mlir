// RUN: ane-opt %s -mil-unpack-inputs | FileCheck %s
// Negative: an attribute without `inputs` (mil-pack-dynamic-weights alone)
// is mil-unpack-dynamic-weights' business; the function stays as it is.
// CHECK-LABEL: func.func @weights_only(%arg0: tensor<1x4x1x12xf16>) -> tensor<1x4x1x4xf16>
// CHECK-SAME: mil_packed_input = {activation_width = 8 : i64, weights = [{name = "w", offset = 8 : i64, shape = array<i64: 4, 4>, width = 4 : i64}]}
// CHECK-NEXT: mil.slice_by_size %arg0 begin = [0, 0, 0, 8]
func.func @weights_only(%x: tensor<1x4x1x12xf16>) -> tensor<1x4x1x4xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = [{name = "w", offset = 8 : i64, width = 4 : i64, shape = array<i64: 4, 4>}]}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 8] size = [1, 4, 1, 4] : tensor<1x4x1x12xf16>
  return %0 : tensor<1x4x1x4xf16>
}
