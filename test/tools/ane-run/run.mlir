// ane-run run: outputs named after the results (mil.name or output<i>),
// written as .npy; random inputs are reproducible with --seed.

// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-run run %s --random-inputs --seed 3 --output-dir %t/a | FileCheck %s
// RUN: ane-run run %s --random-inputs --seed 3 --output-dir %t/b
// RUN: %npython %refs/check_npy.py %t/a/sum.npy %t/b/sum.npy --exact
// RUN: %npython %refs/check_npy.py %t/a/output1.npy %t/b/output1.npy --exact

// CHECK: sum: fp32 4x4  min {{.*}}  max {{.*}}  mean {{.*}}  -> {{.*}}sum.npy
// CHECK: output1: int32 4  min {{.*}}  -> {{.*}}output1.npy

func.func @main(%a: tensor<4x4xf32>, %b: tensor<4xi32>) -> (tensor<4x4xf32> {mil.name = "sum"}, tensor<4xi32>) {
  %0 = mil.add %a, %a : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = mil.mul %b, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0, %1 : tensor<4x4xf32>, tensor<4xi32>
}
