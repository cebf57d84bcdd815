// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -mil-fuse-layer-norm -o %t/after.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file %t/after.mlir
// RUN: ane-run run %s --random-inputs --seed 17 --output-dir %t/before
// RUN: ane-run run %t/after.mlir --random-inputs --seed 17 --output-dir %t/after
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/after --elem-ulp 4 --max-ulp 4 | FileCheck %s

// Numeric check of mil-fuse-layer-norm through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Bound: 4 ulp(|y|) +
// 4 ulp(max |y|) of the output dtype.

// IR-NOT: mil.reduce_mean
// IR-COUNT-4: mil.layer_norm
// IR-NOT: mil.mul
// CHECK-COUNT-4: ok: max err
func.func @main(%x16: tensor<1x48x1x16xf16>, %x32: tensor<4x40xf32>) -> (tensor<1x48x1x16xf16> {mil.name = "a"}, tensor<4x40xf32> {mil.name = "b"}, tensor<1x48x1x16xf16> {mil.name = "c"}, tensor<4x40xf32> {mil.name = "d"}) {
  %g16 = mil.const {val = dense_resource<g16> : tensor<1x48x1x1xf16>} : tensor<1x48x1x1xf16>
  %b16 = mil.const {val = dense_resource<b16> : tensor<1x48x1x1xf16>} : tensor<1x48x1x1xf16>
  %g32 = mil.const {val = dense_resource<g32> : tensor<40xf32>} : tensor<40xf32>
  %eps16 = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %eps32 = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %nh = mil.const {val = dense<-0.5> : tensor<f32>} : tensor<f32>
  %m16 = mil.reduce_mean %x16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %d16 = mil.sub %x16, %m16 : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %sq16 = mil.mul %d16, %d16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x16xf16>) -> tensor<1x48x1x16xf16>
  %v16 = mil.reduce_mean %sq16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %ve16 = mil.add %v16, %eps16 : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %r16 = mil.rsqrt %ve16 : tensor<1x1x1x16xf16>
  %n16 = mil.mul %d16, %r16 : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %ng16 = mil.mul %n16, %g16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %a = mil.add %ng16, %b16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %m32 = mil.reduce_mean %x32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %d32 = mil.sub %x32, %m32 : (tensor<4x40xf32>, tensor<4x1xf32>) -> tensor<4x40xf32>
  %sq32 = mil.square %d32 : tensor<4x40xf32>
  %v32 = mil.reduce_mean %sq32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %ve32 = mil.add %v32, %eps32 : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %r32 = mil.pow %ve32, %nh : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %n32 = mil.mul %r32, %d32 : (tensor<4x1xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  %b = mil.mul %g32, %n32 : (tensor<40xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  // c, d: ml-ane-transformers' LayerNormANE order, (n + beta) * gamma.
  %cm = mil.reduce_mean %x16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %cd = mil.sub %x16, %cm : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %csq = mil.mul %cd, %cd : (tensor<1x48x1x16xf16>, tensor<1x48x1x16xf16>) -> tensor<1x48x1x16xf16>
  %cv = mil.reduce_mean %csq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %cve = mil.add %cv, %eps16 : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %cr = mil.rsqrt %cve : tensor<1x1x1x16xf16>
  %cn = mil.mul %cd, %cr : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %cnb = mil.add %cn, %b16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %c = mil.mul %cnb, %g16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %b32 = mil.const {val = dense<0.25> : tensor<40xf32>} : tensor<40xf32>
  %dm = mil.reduce_mean %x32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %dd = mil.sub %x32, %dm : (tensor<4x40xf32>, tensor<4x1xf32>) -> tensor<4x40xf32>
  %dsq = mil.mul %dd, %dd : (tensor<4x40xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  %dv = mil.reduce_mean %dsq {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %dve = mil.add %dv, %eps32 : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %dr = mil.rsqrt %dve : tensor<4x1xf32>
  %dn = mil.mul %dd, %dr : (tensor<4x40xf32>, tensor<4x1xf32>) -> tensor<4x40xf32>
  %dnb = mil.add %b32, %dn : (tensor<40xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  %d = mil.mul %g32, %dnb : (tensor<40xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  return %a, %b, %c, %d : tensor<1x48x1x16xf16>, tensor<4x40xf32>, tensor<1x48x1x16xf16>, tensor<4x40xf32>
}

{-#
  dialect_resources: {
    builtin: {
      g16: "0x02000000073a1c3c0b3d8a3ca2395e38183c9c395f3c50383c3d043b833aa63ca43dad392e3cb23d3d3a4739be3a9f39c03c423bdb3d1f3c9a3a1b3dcb3d053c903b843c143c5c3c2639173d743ccd3d8c3d9739ce3d5d39743c223d803b833d3e3cc239",
      b16: "0x020000006839e5bb4cb82cbae63611b6b1302bbbaeb6423b853adbb4df350cae6a240c305b38c92898384bb96d3b25ba3538562f0abb1eab23a6693bdab203b97cb0d6b5b0ae143afaba85bb91345b3be8b94a367ebb1ba6d8ae162eb5b450b73b39e838",
      g32: "0x04000000681d7e3f7fa94d3fdcc0443fa119be3fcb4a383fb331083fb766ad3f29bb2b3f51f3ab3f13939c3fd646143f88881a3fd1f1733f33189f3f68b21d3fcab82d3fcfd8a23f0719533f082ca73f95671d3fce99b83f80f7033f9893263fb8fc123f6d99963f061ab23f5edc143f3575653f4696af3f3e6a0f3fe744583fafb0653fee10663ff89eb63ff688a93f50cebe3fa65d0c3f862a703f0e079c3f0c1e983f"
    }
  }
#-}
