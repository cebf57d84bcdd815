// Options of mil-check-ane: warnings-as-errors, chip aliases (m1, m3, m5,
// lists), OS-specific rows, bad option values, and the IR left unchanged.

// Unverified rows are warnings (the pass succeeds) unless
// warnings-as-errors turns them into errors (the pass fails).
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m4' -o /dev/null 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: not ane-opt %s -split-input-file -mil-check-ane='chip=m4 warnings-as-errors' -o /dev/null 2>&1 | FileCheck %s --check-prefix=WERROR
// WARN: warning: [ane.min-iosurface-bytes] h16 (M4, base M5): @small input 0 has 4096 bytes, output 0 has 4096 bytes (minimum 49152); {{.*}} (unverified: sources conflict; source:
// WERROR: error: [ane.min-iosurface-bytes] h16 (M4, base M5): @small input 0 has 4096 bytes

// chip=m1 adds the M1-only opset row; a program targeting ios16 passes it.
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m1' -o /dev/null 2>&1 | FileCheck %s --check-prefix=M1
// M1: warning: [ane.opset-m1] h13 (M1): @small uses opset ios18 (newer than ios16); program(1.3)/ios18 programs only partly work on M1
// M1-NOT: @ios16_program uses opset

// m3 checks the M3 channel report; m5 is both h16 (base M5) and h17 (M5 Max);
// chip lists combine families.
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m3' -o /dev/null 2>&1 | FileCheck %s --check-prefix=M3
// M3: warning: [ane.channels-m3] h15 (M3): conv has 256 input channels and 256 output channels (only 512)
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m5' -o /dev/null 2>&1 | FileCheck %s --check-prefix=M5
// M5: warning: [ane.min-iosurface-bytes] h16 (M4, base M5), h17 (M5 Max): @small
// RUN: ane-opt %s -split-input-file -mil-check-ane='chip=m1,h17' -o /dev/null 2>&1 | FileCheck %s --check-prefix=LIST
// LIST: warning: [ane.min-iosurface-bytes] h13 (M1), h17 (M5 Max): @small
// RUN: ane-opt %s -split-input-file -mil-check-ane -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL
// ALL: warning: [ane.min-iosurface-bytes] h13-h17 (M1-M5): @small

// Bad option values are errors.
// RUN: not ane-opt %s -split-input-file -mil-check-ane='chip=m9' -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADCHIP
// BADCHIP: error: mil-check-ane: unknown chip 'm9' (expected all, m1..m5, m5max, h13..h17)
// RUN: not ane-opt %s -split-input-file -mil-check-ane='os=windows11' -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADOS
// BADOS: error: mil-check-ane: unknown os 'windows11' (expected e.g. macos15 or ios18)

// Analysis only: the printed IR is the same with and without the pass.
// RUN: ane-opt %s -split-input-file > %t.before.mlir
// RUN: ane-opt %s -split-input-file -mil-check-ane > %t.after.mlir
// RUN: diff %t.before.mlir %t.after.mlir

func.func @small(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  return %x : tensor<1x64x1x32xf16>
}

// -----

module attributes {mil.opset = "ios16"} {
  func.func @ios16_program(%x: tensor<1x768x1x32xf16>) -> tensor<1x768x1x32xf16> {
    return %x : tensor<1x768x1x32xf16>
  }
}

// -----

func.func @conv256(%x: tensor<1x256x1x192xf16>) -> tensor<1x256x1x192xf16> {
  %w = mil.const {val = dense<1.0> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
  %0 = mil.conv %x, %w : (tensor<1x256x1x192xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x192xf16>
  return %0 : tensor<1x256x1x192xf16>
}
