// Bad invocations give a message naming the input/op and a non-zero exit.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython -c "import numpy as np; np.save('%t/x.npy', np.zeros((2, 3), np.float16)); np.save('%t/x32.npy', np.zeros((2, 3), np.float32)); np.save('%t/x43.npy', np.zeros((4, 3), np.float16))"
// RUN: printf 'not an npy' > %t/garbage.npy

// RUN: not ane-run run %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: ane-run: error: missing input 'x' (fp16 2x3); pass --input x=FILE.npy or --random-inputs

// RUN: not ane-run run %s --input x=%t/x.npy --input w=%t/x.npy 2>&1 | FileCheck %s --check-prefix=EXTRA
// EXTRA: ane-run: error: unknown input 'w'; the program's inputs are: x

// RUN: not ane-run run %s --input x=%t/x32.npy 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: ane-run: error: input 'x' expects fp16 2x3, got fp32 2x3

// RUN: not ane-run run %s --input x=%t/x43.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: ane-run: error: input 'x' expects fp16 2x3, got fp16 4x3

// RUN: not ane-run run %s --input x=%t/nope.npy 2>&1 | FileCheck %s --check-prefix=UNREADABLE
// UNREADABLE: ane-run: error: input 'x': {{.*}}nope.npy: cannot read

// RUN: not ane-run run %s --input x=%t/garbage.npy 2>&1 | FileCheck %s --check-prefix=GARBAGE
// GARBAGE: ane-run: error: input 'x': {{.*}}garbage.npy: not a .npy file (bad magic)

// RUN: not ane-run run %t/missing.mlir --random-inputs 2>&1 | FileCheck %s --check-prefix=NOPROG
// NOPROG: ane-run: error: cannot read '{{.*}}missing.mlir'

// RUN: not ane-run run %s --random-inputs --entry unsupported 2>&1 | FileCheck %s --check-prefix=NOEVAL
// NOEVAL: errors.mlir:[[@LINE+21]]:8: error: unsupported op 'func.constant'

// RUN: mkdir -p %t/emptydir && not ane-run run %t/emptydir --random-inputs 2>&1 | FileCheck %s --check-prefix=NODIR
// NODIR: ane-run: error: program directory '{{.*}}emptydir' has no model.mil

// RUN: not ane-run run %s --random-inputs --backend ane 2>&1 | FileCheck %s --check-prefix=ANE
// ANE: ane-run: error: ANE backend unavailable:

// RUN: ane-run run %s --random-inputs --backend auto 2>&1 | FileCheck %s --check-prefix=AUTO
// AUTO: note: ANE backend unavailable: {{.*}}; falling back to the cpu backend
// AUTO: output0: fp16 2x3

// RUN: not ane-run run %s --backend gpu 2>&1 | FileCheck %s --check-prefix=USAGE
// USAGE: ane-run: error: --backend expects cpu, ane or auto, got 'gpu'

func.func @main(%x: tensor<2x3xf16> {mil.name = "x"}) -> tensor<2x3xf16> {
  %0 = mil.add %x, %x : (tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

func.func @unsupported(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %f = func.constant @main : (tensor<2x3xf16>) -> tensor<2x3xf16>
  %0 = func.call_indirect %f(%x) : (tensor<2x3xf16>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}
