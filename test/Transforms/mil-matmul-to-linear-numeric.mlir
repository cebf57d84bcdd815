// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -mil-matmul-to-linear -o %t/after.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file %t/after.mlir
// RUN: ane-run run %s --random-inputs --seed 13 --output-dir %t/before
// RUN: ane-run run %t/after.mlir --random-inputs --seed 13 --output-dir %t/after
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/after --exact | FileCheck %s

// Numeric check of mil-matmul-to-linear through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Weights are only
// moved: the outputs are bit-exact. (The third output has its bias add
// folded too, see mil-fuse-bias-numeric.mlir for that bound.)

// IR-NOT: mil.matmul
// CHECK-COUNT-2: ok: exact
func.func @main(%v16: tensor<5x8xf16>, %x32: tensor<2x5x8xf32>) -> (tensor<5x12xf16> {mil.name = "a"}, tensor<2x5x12xf32> {mil.name = "b"}) {
  %y16 = mil.const {val = dense_resource<y16> : tensor<8x12xf16>} : tensor<8x12xf16>
  %yt32 = mil.const {val = dense_resource<yt32> : tensor<12x8xf32>} : tensor<12x8xf32>
  %a = mil.matmul %v16, %y16 : (tensor<5x8xf16>, tensor<8x12xf16>) -> tensor<5x12xf16>
  %b = mil.matmul %x32, %yt32 {transpose_y = true} : (tensor<2x5x8xf32>, tensor<12x8xf32>) -> tensor<2x5x12xf32>
  return %a, %b : tensor<5x12xf16>, tensor<2x5x12xf32>
}

{-#
  dialect_resources: {
    builtin: {
      y16: "0x0200000044374934fcb53b359635cfb0d7218f2e28b1cc2f7133c73531b187ac072e9c37d93610b73e347bb51eb35a2d78343ab5d436dab066355a365ab462b50e36a8b5a234e937b2b6442cbdb0b2321436b1b182b1feb39e353d34c935512b3736ecb51e3622b07cad5135453328b7eab3c13652b61f33b8b2d5ae5035ef3445b73e3675b7dd2f952a74b69e37aa303d3748321331dbb525ae252de0b6f5b5e730c32d16a8df357323ca3249b51234763784302aaad932e7b63935629969b0792482b4",
      yt32: "0x04000000f8438c3e9a5a7abd269ab73ed81a4a3efdc7cfbec684f33e1ab4853e0577923ee467bebe1d384bbd864d04bef180da3e6151133e0341a53e83c667bd5ea78bbe4c945f3d5853dfbe46bfa73e08d3063e1424843e25f714be55fff03e2c47c93e48888e3e51589cbe8f4f08bd8e92e9bef800b1be2f713b3eeea27a3e705def3ed65a32be36a604be1766f9bc9cfd9ebeee7abdbe7606c7bc8ad28bbeb8e32d3e7fb680bdcc54aa3e4b124d3ef62240bef51daa3e130a9c3ebc71e6bd84c058be1ae03a3e5d72b8bea2a599be033bfcbec1e7923eaace283edf16523eb7bb8f3eef4728bd2fc88c3d876cb8be505cc5bed3712c3ea6c7ecbc829a853deead873e99f3093e13765b3d3583723d4ec148bea538f0be509a81bdf52192be5655bbbd3ff1b43e153988be2526e2bee7dc5fbe285c53be71cd253e8c9a693d1b5b913ecf41283e3fb8bfbd48c7a03e8782aabe155ff4be3fe5d1be2bb2633e9f261cbdc96dadbed6f0883a2604b2be3508493e3d8b5cbd25abf3bd6a404bbecd68053e"
    }
  }
#-}
