// ane-run runs a program directory (model.mil + weights/) and a model.mil
// emitted by ane-translate, with the same outputs, bit for bit, as the
// .mlir module they came from.

// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-translate --export-mil-text %s -o %t/prog/model.mil
// RUN: test -f %t/prog/weights/weight.bin
// RUN: ane-run run %s --random-inputs --seed 5 --output-dir %t/mlir
// RUN: ane-run run %t/prog --random-inputs --seed 5 --output-dir %t/dir | FileCheck %s
// RUN: ane-run run %t/prog/model.mil --random-inputs --seed 5 --output-dir %t/mil
// RUN: %npython %refs/check_npy.py %t/mlir/y.npy %t/dir/y.npy --exact
// RUN: %npython %refs/check_npy.py %t/mlir/y.npy %t/mil/y.npy --exact
// RUN: ane-run bench %t/prog --warmup 1 --iters 2 | FileCheck %s --check-prefix=BENCH

// CHECK: y: fp16 1x16x1x8
// BENCH: Config {{.*}}W(MB){{.*}}GFLOP{{.*}}ms/eval{{.*}}TFLOPS
// BENCH: prog @main [cpu]

module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x16x1x8xf16> {mil.name = "x"}) -> (tensor<1x16x1x8xf16> {mil.name = "y"}) {
    %w = mil.const {val = dense<0.125> : tensor<16x16x1x1xf16>} : tensor<16x16x1x1xf16>
    %c = mil.conv %x, %w : (tensor<1x16x1x8xf16>, tensor<16x16x1x1xf16>) -> tensor<1x16x1x8xf16>
    %r = mil.relu %c : tensor<1x16x1x8xf16>
    return %r : tensor<1x16x1x8xf16>
  }
}
