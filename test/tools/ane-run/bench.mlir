// ane-run bench prints the seed report's columns; GFLOP counts 2 per MAC of
// the program's matmul/conv ops and W(MB) the bytes of its constants.

// RUN: ane-run bench %s --warmup 1 --iters 3 | FileCheck %s
// CHECK: Config {{ *}}W(MB) {{ *}}GFLOP {{ *}}ms/eval {{ *}}TFLOPS
// CHECK-NEXT: ---
// CHECK-NEXT: bench.mlir @main [cpu] {{ *}}0.0 {{ *}}0.00 {{ *}}{{[0-9.]+}} ms {{ *}}{{[0-9.]+}}

// RUN: ane-run bench %s --warmup 0 --iters 2 --json --seed 7 | FileCheck %s --check-prefix=JSON
// JSON: {"program": "bench.mlir", "entry": "main", "backend": "cpu", "weight_mb": 0.000, "gflop": 0.0000, "ms_per_eval": {{[0-9.]+}}, "tflops": {{[0-9.]+}}, "warmup": 0, "iters": 2, "peak_live_mb": {{[0-9.]+}}, "programs": 1, "dispatches_per_eval": 1}

func.func @main(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
  %two = mil.const {val = dense<2.0> : tensor<1xf16>} : tensor<1xf16>
  %0 = mil.mul %x, %two : (tensor<1x64x1x32xf16>, tensor<1xf16>) -> tensor<1x64x1x32xf16>
  return %0 : tensor<1x64x1x32xf16>
}
