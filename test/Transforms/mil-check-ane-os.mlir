// Rows tied to an OS are checked only when os= names one.
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m4' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOOS --implicit-check-not='error: [ane.' --allow-empty
// RUN: not ane-opt %s -split-input-file -mil-check-ane='chip=m4 os=macos14' -o /dev/null 2>&1 | FileCheck %s --check-prefix=MACOS14 --implicit-check-not='error: [ane.'
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m4 os=macos15' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOOS --implicit-check-not='error: [ane.' --allow-empty
// RUN: not ane-opt %s -split-input-file -mil-check-ane='chip=m4 os=ios18' -o /dev/null 2>&1 | FileCheck %s --check-prefix=IOS18 --implicit-check-not='error: [ane.'
// RUN: not ane-opt %s -split-input-file -mil-check-ane='chip=m4 os=ios17.4' -o /dev/null 2>&1 | FileCheck %s --check-prefix=IOS17 --implicit-check-not='error: [ane.'

// NOOS-NOT: error
// MACOS14: error: [ane.opset-needs-os] h16 (M4, base M5): @ios18_program uses opset ios18, the target is macos14; the program's opset is newer than the target OS
// MACOS14: error: [ane.opset-needs-os] h16 (M4, base M5): @big_ios_weights uses opset ios18, the target is macos14
// IOS18: error: [ane.max-weight-bytes-ios] h16 (M4, base M5): @big_ios_weights has 1610612736 bytes of constants (limit 1073741824); Neural Engine models on iPhone must stay under 1 GB of weights
// IOS17: error: [ane.opset-needs-os] h16 (M4, base M5): @ios18_program uses opset ios18, the target is ios17
// IOS17: error: [ane.max-weight-bytes-ios] h16 (M4, base M5): @big_ios_weights
// IOS17: error: [ane.opset-needs-os] h16 (M4, base M5): @big_ios_weights uses opset ios18, the target is ios17

module attributes {mil.opset = "ios18"} {
  func.func @ios18_program(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
    return %x : tensor<1x768x1x32xf16>
  }
}

// -----

// The ios17 opset is fine on every target above.
module attributes {mil.opset = "ios17"} {
  func.func @ios17_program(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
    return %x : tensor<1x768x1x32xf16>
  }
}

// -----

// 1.5 GB of weights (768 x 1024 x 1024 fp16): fine on macOS (under ~2 GB),
// too much for an iPhone. No mil.opset: exported as ios18.
func.func @big_ios_weights(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
  %w = mil.const {val = dense<1.0> : tensor<768x1024x1024xf16>} : tensor<768x1024x1024xf16>
  return %x : tensor<1x768x1x32xf16>
}
