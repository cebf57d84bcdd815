// RUN: ane-opt %s | ane-opt | FileCheck %s

// CHECK-LABEL: func @consts
func.func @consts() -> (tensor<2xf16>, tensor<4x4xi8>, tensor<8xf16>) {
  // CHECK: mil.const {val = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf16>} : tensor<2xf16>
  %0 = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf16>} : tensor<2xf16>
  // CHECK: mil.const {val = dense_resource<w> : tensor<4x4xi8>}
  %1 = mil.const {val = dense_resource<w> : tensor<4x4xi8>} : tensor<4x4xi8>
  // CHECK: mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>} : tensor<8xf16>
  %2 = mil.const {val = #mil.blob_file<"@model_path/weights/weight.bin", 64>} : tensor<8xf16>
  return %0, %1, %2 : tensor<2xf16>, tensor<4x4xi8>, tensor<8xf16>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x010000000102030405060708090A0B0C0D0E0F10"
    }
  }
#-}
