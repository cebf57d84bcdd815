// Calibration problems are errors at the function, naming the file.
// RUN: rm -rf %t && mkdir -p %t/empty %t/shape %t/int %t/count %t/ok
// RUN: %npython -c "import numpy as np; np.save('%t/shape/x.npy', np.zeros((2, 4), np.float16))"
// RUN: %npython -c "import numpy as np; np.save('%t/int/x.npy', np.zeros((1, 2, 1, 4), np.int32))"
// RUN: %npython -c "import numpy as np; np.save('%t/count/x.npy', np.zeros((3, 1, 2, 1, 4), np.float16)); np.save('%t/count/y.npy', np.zeros((2, 1, 2, 1, 4), np.float16))"
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/empty" 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/nodir" 2>&1 | FileCheck %s --check-prefix=NODIR
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/shape" 2>&1 | FileCheck %s --check-prefix=SHAPE
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/int" 2>&1 | FileCheck %s --check-prefix=DTYPE
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/count" 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/ok method=mean" 2>&1 | FileCheck %s --check-prefix=METHOD
// RUN: not ane-opt %s -mil-quantize-activations="calibration-inputs=%t/ok method=percentile percentile=0" 2>&1 | FileCheck %s --check-prefix=PCT
// No calibration-inputs at all, and an opset without quantize:
// RUN: ane-opt %s -split-input-file -mil-quantize-activations -verify-diagnostics --mlir-disable-threading 2>&1 -o /dev/null

// METHOD: error: mil-quantize-activations: method 'mean' is not one of minmax, percentile
// PCT: error: mil-quantize-activations: percentile 0 is not in (0, 100]
// DTYPE: error: mil-quantize-activations: calibration input {{.*}}int/x.npy is int32 1x2x1x4; argument 'x' needs fp16 1x2x1x4
// COUNT: error: mil-quantize-activations: calibration input {{.*}}count/y.npy holds 2 samples, the other arguments' files 3
// The errors point at the function:
// MISSING: mil-quantize-activations-errors.mlir:[[@LINE+5]]:1: error: mil-quantize-activations: no calibration input for argument 'x': {{.*}}empty/x.npy does not exist
// NODIR: mil-quantize-activations-errors.mlir:[[@LINE+4]]:1: error: mil-quantize-activations: calibration-inputs '{{.*}}nodir' is not a directory
// SHAPE: mil-quantize-activations-errors.mlir:[[@LINE+3]]:1: error: mil-quantize-activations: calibration input {{.*}}shape/x.npy is fp16 2x4; argument 'x' needs fp16 1x2x1x4 or N samples of it (Nx1x2x1x4)
// Without calibration-inputs:
// expected-error@+1 {{mil-quantize-activations: activation scales need calibration samples; pass calibration-inputs=DIR with one .npy per argument}}
func.func @f(%x: tensor<1x2x1x4xf16> {mil.name = "x"}, %y: tensor<1x2x1x4xf16> {mil.name = "y"}) -> tensor<1x2x1x4xf16> {
  %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
  %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %c1 = mil.conv %c0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
  %s = mil.add %c1, %y : (tensor<1x2x1x4xf16>, tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16>
  return %s : tensor<1x2x1x4xf16>
}

// -----

module attributes {mil.opset = "ios16"} {
  // expected-error@+1 {{mil-quantize-activations: quantize and dequantize need opset ios17 or later, the function targets ios16}}
  func.func @old(%x: tensor<1x2x1x4xf16>) -> tensor<1x2x1x4xf16> {
    %w = mil.const {val = dense<1.0> : tensor<2x2x1x1xf16>} : tensor<2x2x1x1xf16>
    %c0 = mil.conv %x, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
    %c1 = mil.conv %c0, %w : (tensor<1x2x1x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x1x4xf16>
    return %c1 : tensor<1x2x1x4xf16>
  }
}
