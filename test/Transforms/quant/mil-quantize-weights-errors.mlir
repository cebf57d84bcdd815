// Invalid options are reported at the function.
// RUN: ane-opt %s -mil-quantize-weights="dtype=int4" -verify-diagnostics -split-input-file
// RUN: not ane-opt %s -mil-quantize-weights="mode=linear" 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: not ane-opt %s -mil-quantize-weights="granularity=per-block" 2>&1 | FileCheck %s --check-prefix=GRAN
// RUN: not ane-opt %s -mil-quantize-weights="op-kinds=conv,add" 2>&1 | FileCheck %s --check-prefix=KINDS

// MODE: error: mil-quantize-weights: mode 'linear' is not one of symmetric, asymmetric
// GRAN: error: mil-quantize-weights: granularity 'per-block' is not one of per-channel, per-tensor
// KINDS: error: mil-quantize-weights: op-kinds entry 'add' is not one of conv, linear, matmul

// expected-error@+1 {{mil-quantize-weights: dtype 'int4' is not one of int8, uint8}}
func.func @f(%x: tensor<1x1x1x4xf16>) -> tensor<1x1x1x4xf16> {
  return %x : tensor<1x1x1x4xf16>
}
