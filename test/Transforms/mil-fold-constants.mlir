// RUN: ane-opt %s -mil-fold-constants -split-input-file | FileCheck %s --implicit-check-not=mil.real_div
// Idempotence: a second run changes nothing.
// RUN: ane-opt %s -mil-fold-constants -split-input-file | ane-opt -mil-fold-constants -split-input-file | FileCheck %s
// RUN: ane-opt %s -mil-fold-constants="max-elements=2" -split-input-file | FileCheck %s --check-prefix=LIMIT

// Expected values are computed by hand. fp16 results are computed in fp32
// and rounded to fp16 (round to nearest even), as the interpreter does.

// A chain folds in program order; its constants are erased once unused.
// CHECK-LABEL: func @chain
// CHECK-NEXT: %[[C:.*]] = mil.const {val = dense<[2.000000e+00, 8.750000e+00]> : tensor<2xf16>}
// CHECK-NEXT: %[[R:.*]] = mil.add %arg0, %[[C]]
// CHECK-NEXT: return %[[R]]
// LIMIT-LABEL: func @chain
// LIMIT-NEXT: mil.const {val = dense<[2.000000e+00, 8.750000e+00]> : tensor<2xf16>}
func.func @chain(%x: tensor<2xf16>) -> tensor<2xf16> {
  %a = mil.const {val = dense<[1.0, 2.5]> : tensor<2xf16>} : tensor<2xf16>
  %b = mil.mul %a, %a : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %c = mil.add %b, %a : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %r = mil.add %x, %c : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  return %r : tensor<2xf16>
}

// -----

// 1/3 in fp32 is 0.3333333; the nearest fp16 is 0x3555 = 0.333251953125.
// Equal results become a splat.
// CHECK-LABEL: func @rounding_and_splat
// CHECK-DAG: mil.const {val = dense<3.332520e-01> : tensor<f16>}
// CHECK-DAG: mil.const {val = dense<6.000000e+00> : tensor<3xf32>}
// CHECK-DAG: mil.mul %arg0
// CHECK-DAG: mil.mul %arg1
// CHECK-NOT: mil.mul
func.func @rounding_and_splat(%x: tensor<f16>, %y: tensor<3xf32>) -> (tensor<f16>, tensor<3xf32>) {
  %one = mil.const {val = dense<1.0> : tensor<f16>} : tensor<f16>
  %three = mil.const {val = dense<3.0> : tensor<f16>} : tensor<f16>
  %q = mil.real_div %one, %three : (tensor<f16>, tensor<f16>) -> tensor<f16>
  %r0 = mil.mul %x, %q : (tensor<f16>, tensor<f16>) -> tensor<f16>
  %two = mil.const {val = dense<[2.0, 2.0, 2.0]> : tensor<3xf32>} : tensor<3xf32>
  %t = mil.const {val = dense<3.0> : tensor<f32>} : tensor<f32>
  %six = mil.mul %two, %t : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %r1 = mil.mul %y, %six : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %r0, %r1 : tensor<f16>, tensor<3xf32>
}

// -----

// int32, bool and broadcasting ops, and a multi-result op.
// CHECK-LABEL: func @dtypes_and_multi_result
// CHECK-DAG: mil.const {val = dense<[4, 6]> : tensor<2xi32>}
// CHECK-DAG: mil.const {val = dense<[true, false]> : tensor<2xi1>}
// CHECK-DAG: mil.const {val = dense<{{\[}}[1.100000e+01, 2.100000e+01, 3.100000e+01], [1.200000e+01, 2.200000e+01, 3.200000e+01]]> : tensor<2x3xf32>}
// CHECK-DAG: mil.const {val = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf16>}
// CHECK-DAG: mil.const {val = dense<[3.000000e+00, 4.000000e+00]> : tensor<2xf16>}
// CHECK-NOT: mil.split
// CHECK-NOT: mil.logical_and
func.func @dtypes_and_multi_result(%i: tensor<2xi32>, %b: tensor<2xi1>, %f: tensor<2x3xf32>, %h: tensor<2xf16>)
    -> (tensor<2xi32>, tensor<2xi1>, tensor<2x3xf32>, tensor<2xf16>) {
  %i1 = mil.const {val = dense<[1, 2]> : tensor<2xi32>} : tensor<2xi32>
  %i2 = mil.const {val = dense<[3, 4]> : tensor<2xi32>} : tensor<2xi32>
  %isum = mil.add %i1, %i2 : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %r0 = mil.mul %i, %isum : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %b1 = mil.const {val = dense<[true, true]> : tensor<2xi1>} : tensor<2xi1>
  %b2 = mil.const {val = dense<[true, false]> : tensor<2xi1>} : tensor<2xi1>
  %band = mil.logical_and %b1, %b2 : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  %r1 = mil.logical_or %b, %band : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  %col = mil.const {val = dense<[[1.0], [2.0]]> : tensor<2x1xf32>} : tensor<2x1xf32>
  %row = mil.const {val = dense<[10.0, 20.0, 30.0]> : tensor<3xf32>} : tensor<3xf32>
  %grid = mil.add %col, %row : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %r2 = mil.add %f, %grid : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %v = mil.const {val = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>} : tensor<4xf16>
  %lo, %hi = mil.split %v axis = 0 num_splits = 2 : tensor<4xf16>
  %s = mil.add %h, %lo : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %r3 = mil.add %s, %hi : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  return %r0, %r1, %r2, %r3 : tensor<2xi32>, tensor<2xi1>, tensor<2x3xf32>, tensor<2xf16>
}

// -----

// Not folded: an operand that is no constant; a program output; an op
// without operands (constexpr_* keep their compressed form); dequantize of
// quantized weights.
// CHECK-LABEL: func @not_folded
// CHECK: mil.add %arg0
// CHECK: mil.mul
// CHECK: mil.constexpr_cast
// CHECK: mil.dequantize
// CHECK: return
func.func @not_folded(%x: tensor<2xf16>) -> (tensor<2xf16>, tensor<2xf16>, tensor<4xf32>, tensor<2xf16>) {
  %a = mil.const {val = dense<[1.0, 2.0]> : tensor<2xf16>} : tensor<2xf16>
  %0 = mil.add %x, %a : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %1 = mil.mul %a, %a : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %2 = mil.constexpr_cast {output_dtype = "fp32", source_val = dense<1.0> : tensor<4xf16>} : tensor<4xf32>
  %3 = mil.add %2, %2 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %q = mil.const {val = dense<[4, -8]> : tensor<2xi8>} : tensor<2xi8>
  %d = mil.dequantize %q scale = dense<1.250000e-01> : tensor<f16> : tensor<2xi8>
  %4 = mil.add %x, %d : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  return %0, %1, %3, %4 : tensor<2xf16>, tensor<2xf16>, tensor<4xf32>, tensor<2xf16>
}

// -----

// Results larger than max-elements stay.
// CHECK-LABEL: func @size_limit
// CHECK-NOT: mil.mul %
// LIMIT-LABEL: func @size_limit
// LIMIT: mil.mul %{{.*}}, %{{.*}} : (tensor<4xf16>, tensor<4xf16>)
func.func @size_limit(%x: tensor<4xf16>) -> tensor<4xf16> {
  %a = mil.const {val = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf16>} : tensor<4xf16>
  %b = mil.mul %a, %a : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %r = mil.add %x, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %r : tensor<4xf16>
}

// -----

// Operands in resource blobs are read like inline ones: int32 [1, 2, 3, 4]
// plus itself.
// CHECK-LABEL: func @resource_operand
// CHECK: mil.const {val = dense<[2, 4, 6, 8]> : tensor<4xi32>}
// CHECK-NOT: mil.add %
func.func @resource_operand(%x: tensor<4xi32>) -> tensor<4xi32> {
  %r = mil.const {val = dense_resource<r> : tensor<4xi32>} : tensor<4xi32>
  %s = mil.add %r, %r : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %y = mil.mul %x, %s : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %y : tensor<4xi32>
}

{-#
  dialect_resources: {
    builtin: {
      r: "0x0400000001000000020000000300000004000000"
    }
  }
#-}
