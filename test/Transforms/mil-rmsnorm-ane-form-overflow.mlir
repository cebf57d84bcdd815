// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -mil-rmsnorm-ane-form -o %t/sum.mlir
// RUN: ane-opt %s -mil-rmsnorm-ane-form=prescale=true -o %t/pre.mlir
// RUN: ane-run run %s --random-inputs --seed 16 --output-dir %t/before
// RUN: ane-run run %t/sum.mlir --random-inputs --seed 16 --output-dir %t/sum
// RUN: ane-run run %t/pre.mlir --random-inputs --seed 16 --output-dir %t/pre
// RUN: not %python3 %S/Inputs/compare_ulp.py %t/before %t/sum --elem-ulp 4 --max-ulp 4
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/pre --elem-ulp 4 --max-ulp 4 | FileCheck %s

// fp16 RMSNorm over D = 256 channels of x in [-30, 30): the mean square
// (~300) is in range but the sum of squares (~77000) overflows fp16. The
// training-kernel form (reduce_sum, then * 1/D) yields inf there and wrong
// outputs; with prescale=true the sum is the mean itself and the outputs
// stay within the pass's bound.

// CHECK: a.npy: ok: max err
func.func @main(%x: tensor<1x256x1x8xf16>) -> (tensor<1x256x1x8xf16> {mil.name = "a"}) {
  %k = mil.const {val = dense<30.0> : tensor<f16>} : tensor<f16>
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %x30 = mil.mul %x, %k : (tensor<1x256x1x8xf16>, tensor<f16>) -> tensor<1x256x1x8xf16>
  %sq = mil.mul %x30, %x30 : (tensor<1x256x1x8xf16>, tensor<1x256x1x8xf16>) -> tensor<1x256x1x8xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x256x1x8xf16>) -> tensor<1x1x1x8xf16>
  %v = mil.add %m, %eps : (tensor<1x1x1x8xf16>, tensor<f16>) -> tensor<1x1x1x8xf16>
  %r = mil.rsqrt %v : tensor<1x1x1x8xf16>
  %a = mil.mul %x30, %r : (tensor<1x256x1x8xf16>, tensor<1x1x1x8xf16>) -> tensor<1x256x1x8xf16>
  return %a : tensor<1x256x1x8xf16>
}
