// Calibration failures past the sample files' names and shapes, each an
// error at the function: a sample file that is not a .npy, a function the
// interpreter cannot run, and a sample whose evaluation fails.
// RUN: rm -rf %t && mkdir -p %t/garbage %t/range
// RUN: printf 'not a npy file' > %t/garbage/x.npy
// RUN: %npython -c "import numpy as np; np.save('%t/range/x.npy', np.zeros((1, 2, 1, 4), np.float16)); np.save('%t/range/i.npy', np.array([[0, 7]], np.int32))"
// RUN: not ane-opt %s -split-input-file -mil-quantize-activations="calibration-inputs=%t/garbage" -o /dev/null 2>&1 | FileCheck %s --check-prefixes=GARBAGE,NOINTERP
// RUN: not ane-opt %s -split-input-file -mil-quantize-activations="calibration-inputs=%t/range" -o /dev/null 2>&1 | FileCheck %s --check-prefixes=NOINTERP,RANGE

// GARBAGE: mil-quantize-activations-calibration-errors.mlir:[[@LINE+1]]:1: error: mil-quantize-activations: calibration input {{[^ ]*}}garbage/x.npy: not a .npy file (bad magic)
func.func @unreadable(%x: tensor<1x2x1x4xf16> {mil.name = "x"}) -> tensor<1x2x1x4xf16> {
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c1 = mil.conv %c0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  return %c1 : tensor<1x2x1x4xf16>
}

// -----

func.func private @callee(tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16>

// The interpreter reports the op it cannot run, then the pass the function.
// NOINTERP: mil-quantize-activations-calibration-errors.mlir:[[@LINE+3]]:8: error: unsupported op 'func.constant'
// NOINTERP: mil-quantize-activations-calibration-errors.mlir:[[@LINE+1]]:1: error: mil-quantize-activations: cannot run @unsupported in the interpreter to calibrate
func.func @unsupported(%x: tensor<1x2x1x4xf16> {mil.name = "x"}) -> tensor<1x2x1x4xf16> {
  %f = func.constant @callee : (tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16>
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c1 = mil.conv %c0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  return %c1 : tensor<1x2x1x4xf16>
}

// -----

// The gather index 7 is out of range for the conv result's axis 1 of size 2.
// RANGE: mil-quantize-activations-calibration-errors.mlir:[[@LINE+1]]:1: error: mil-quantize-activations: calibration sample 0 failed: {{.*}}'mil.gather': index 7 is out of range for axis of size 2
func.func @eval(%x: tensor<1x2x1x4xf16> {mil.name = "x"}, %i: tensor<1x2xi32> {mil.name = "i"}) -> tensor<1x1x2x1x4xf16> {
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c1 = mil.conv %c0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %g = mil.gather %c1, %i axis = 1 : tensor<1x2x1x4xf16>, tensor<1x2xi32>
  return %g : tensor<1x1x2x1x4xf16>
}
