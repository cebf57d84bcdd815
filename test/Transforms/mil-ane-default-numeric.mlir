// --mil-ane-default keeps a program's results bit for bit: the program runs
// through the CPU interpreter before and after the pipeline with the same
// random inputs, and the outputs are compared bit-exact by NumPy
// (test/Runtime/Inputs/check_npy.py --exact). The program exercises the
// cleanup folds: a constant subgraph (mil-fold-constants), transpose
// composition, reshape/squeeze/expand_dims chains, identity operands and
// identity ops, a reshaped constant, dead values.

// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s --mil-ane-default -mlir-print-debuginfo -o %t/opt.mlir
// RUN: FileCheck %s --implicit-check-not=mil.exp < %t/opt.mlir
// RUN: ane-run run %s --random-inputs --seed 7 --output-dir %t/before | FileCheck %s --check-prefix=OUT
// RUN: ane-run run %t/opt.mlir --random-inputs --seed 7 --output-dir %t/after | FileCheck %s --check-prefix=OUT
// RUN: /usr/bin/python3 %S/../Runtime/Inputs/check_npy.py %t/before/y.npy %t/after/y.npy --exact
// RUN: /usr/bin/python3 %S/../Runtime/Inputs/check_npy.py %t/before/z.npy %t/after/z.npy --exact
// RUN: /usr/bin/python3 %S/../Runtime/Inputs/check_npy.py %t/before/t.npy %t/after/t.npy --exact
// The optimized program still exports to MIL text.
// RUN: ane-translate --export-mil-text %t/opt.mlir -o %t/prog/model.mil
// Idempotence: the pipeline changes nothing in its own output.
// RUN: ane-opt %t/opt.mlir --mil-ane-default -mlir-print-debuginfo -o %t/opt2.mlir
// RUN: diff %t/opt.mlir %t/opt2.mlir
// The example programs of docs/examples give the same outputs too.
// RUN: for f in %S/../../docs/examples/*.mlir; do n=$(basename $f .mlir); \
// RUN:   ane-opt $f --mil-ane-default -mlir-print-debuginfo -o %t/$n.opt.mlir && \
// RUN:   ane-run run $f --random-inputs --seed 3 --output-dir %t/$n.before > /dev/null && \
// RUN:   ane-run run %t/$n.opt.mlir --random-inputs --seed 3 --output-dir %t/$n.after > /dev/null || exit 1; \
// RUN:   for o in %t/$n.before/*.npy; do \
// RUN:     /usr/bin/python3 %S/../Runtime/Inputs/check_npy.py $o %t/$n.after/$(basename $o) --exact || exit 1; \
// RUN:   done; \
// RUN: done

// Output names survive (they are the names of the ops defining them).
// OUT-DAG: y: fp16 1x8x1x16
// OUT-DAG: z: fp16 1x16x1x8
// OUT-DAG: t: fp16 1x8x1x16

// CHECK-LABEL: func @main
// CHECK-NOT: mil.real_div
// CHECK-NOT: mil.sqrt
// CHECK-NOT: mil.squeeze
// CHECK-NOT: mil.expand_dims
// CHECK-NOT: mil.tile
// CHECK-NOT: mil.reshape
// CHECK: mil.mul
// CHECK: mil.add
// CHECK: mil.transpose %{{.*}} perm = [0, 3, 2, 1]
// CHECK-NOT: mil.transpose
// CHECK: mil.transpose {{.*}}loc(#[[T:.*]])
// CHECK: return
// CHECK: #[[T]] = loc("t")

module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x8x1x16xf16> {mil.name = "x"})
      -> (tensor<1x8x1x16xf16> {mil.name = "y"}, tensor<1x16x1x8xf16> {mil.name = "z"},
          tensor<1x8x1x16xf16> {mil.name = "t"}) {
    // scale = 1 / sqrt(8), computed from constants (folded to one constant).
    %d = mil.const {val = dense<8.0> : tensor<1xf16>} : tensor<1xf16>
    %one = mil.const {val = dense<1.0> : tensor<1xf16>} : tensor<1xf16>
    %sd = mil.sqrt %d : tensor<1xf16>
    %scale = mil.real_div %one, %sd : (tensor<1xf16>, tensor<1xf16>) -> tensor<1xf16>
    // A bias given flat and reshaped to [1, 8, 1, 1] (folded to a constant).
    %bflat = mil.const {val = dense<[0.5, -1.0, 2.0, 0.25, -0.125, 3.0, -2.5, 1.5]> : tensor<8xf16>} : tensor<8xf16>
    %bias = mil.reshape %bflat shape = [1, 8, 1, 1] : tensor<8xf16> -> tensor<1x8x1x1xf16>
    %s = mil.mul %x, %scale : (tensor<1x8x1x16xf16>, tensor<1xf16>) -> tensor<1x8x1x16xf16>
    %b = mil.add %s, %bias : (tensor<1x8x1x16xf16>, tensor<1x8x1x1xf16>) -> tensor<1x8x1x16xf16>
    // Identities: *1, +(-0), tile by ones, squeeze/expand_dims round trip.
    %nz = mil.const {val = dense<-0.0> : tensor<f16>} : tensor<f16>
    %m1 = mil.mul %b, %one : (tensor<1x8x1x16xf16>, tensor<1xf16>) -> tensor<1x8x1x16xf16>
    %a0 = mil.add %m1, %nz : (tensor<1x8x1x16xf16>, tensor<f16>) -> tensor<1x8x1x16xf16>
    %tl = mil.tile %a0 reps = [1, 1, 1, 1] : tensor<1x8x1x16xf16>
    %sq = mil.squeeze %tl axes = [0, 2] : tensor<1x8x1x16xf16>
    %ex = mil.expand_dims %sq axes = [0, 2] : tensor<8x16xf16>
    %y = mil.relu %ex : tensor<1x8x1x16xf16> loc("y")
    // Two transposes compose into one; a transpose back is an identity.
    %t1 = mil.transpose %y perm = [0, 2, 1, 3] : tensor<1x8x1x16xf16>
    %t2 = mil.transpose %t1 perm = [0, 3, 1, 2] : tensor<1x1x8x16xf16>
    %z = mil.sigmoid %t2 : tensor<1x16x1x8xf16> loc("z")
    // A returned identity transpose stays: it names the output.
    %t = mil.transpose %y perm = [0, 1, 2, 3] : tensor<1x8x1x16xf16> loc("t")
    // A dead value.
    %dead = mil.exp %x : tensor<1x8x1x16xf16>
    return %y, %z, %t : tensor<1x8x1x16xf16>, tensor<1x16x1x8xf16>, tensor<1x8x1x16xf16>
  }
}
