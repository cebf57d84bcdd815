// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -mil-rmsnorm-ane-form -o %t/after.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file %t/after.mlir
// RUN: ane-run run %s --random-inputs --seed 14 --output-dir %t/before
// RUN: ane-run run %t/after.mlir --random-inputs --seed 14 --output-dir %t/after
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/after --elem-ulp 4 --max-ulp 4 | FileCheck %s

// Numeric check of mil-rmsnorm-ane-form through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Bound: 4 ulp(|y|) +
// 4 ulp(max |y|) of the output dtype.

// IR-NOT: mil.rsqrt
// IR-NOT: mil.sqrt
// IR-NOT: mil.reduce_mean
// CHECK-COUNT-2: ok: max err

// The same bound with the prescale option.
// RUN: ane-opt %s -mil-rmsnorm-ane-form=prescale=true -o %t/pre.mlir
// RUN: ane-run run %t/pre.mlir --random-inputs --seed 14 --output-dir %t/pre
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/pre --elem-ulp 4 --max-ulp 4 | FileCheck %s
func.func @main(%x16: tensor<1x48x1x16xf16>, %x32: tensor<4x40xf32>) -> (tensor<1x48x1x16xf16> {mil.name = "a"}, tensor<4x40xf32> {mil.name = "b"}) {
  %g16 = mil.const {val = dense_resource<g16> : tensor<1x48x1x1xf16>} : tensor<1x48x1x1xf16>
  %eps16 = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %eps32 = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %sq16 = mil.mul %x16, %x16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x16xf16>) -> tensor<1x48x1x16xf16>
  %m16 = mil.reduce_mean %sq16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %v16 = mil.add %m16, %eps16 : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %r16 = mil.rsqrt %v16 : tensor<1x1x1x16xf16>
  %n16 = mil.mul %x16, %r16 : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %a = mil.mul %n16, %g16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %sq32 = mil.square %x32 : tensor<4x40xf32>
  %m32 = mil.reduce_mean %sq32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %v32 = mil.add %m32, %eps32 : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s32 = mil.sqrt %v32 : tensor<4x1xf32>
  %b = mil.real_div %x32, %s32 : (tensor<4x40xf32>, tensor<4x1xf32>) -> tensor<4x40xf32>
  return %a, %b : tensor<1x48x1x16xf16>, tensor<4x40xf32>
}

{-#
  dialect_resources: {
    builtin: {
      g16: "0x02000000c53d753a0a3ac839253dbc39393dee3c603bef3ba33d2a3d3b39ff3c393bf73db139493bc63d523cf13c6b3cda397038c338e23abd385c39e33bd73a403cbf3a393c923c6b3d4538013dfd3afe39e438283cd33c003e7c3aee3d1c3c943db938"
    }
  }
#-}
