#!/usr/bin/env python3
"""Writes the test/Transforms/mil-*-numeric.mlir tests of the fusion passes.

Each test is a program with seeded random weights (dense_resource blobs),
run through the CPU interpreter before and after one pass with the same
random inputs; compare_ulp.py checks the stated bound. Run from anywhere
with Debian's python3 (numpy); the files are committed, so this is only
needed to change them.
"""
import os

import numpy as np

T = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..") + "/"
blobs = []
def const(name, shape, dtype, seed, lo=-1.0, hi=1.0):
    rng = np.random.default_rng(seed)
    v = rng.uniform(lo, hi, size=shape).astype(dtype)
    align = np.dtype(dtype).itemsize
    blobs.append(f'      {name}: "0x{align:02x}000000{v.tobytes().hex()}"')
    t = "tensor<" + "x".join(map(str, shape)) + ("xf16" if dtype == np.float16 else "xf32") + ">"
    return f'  %{name} = mil.const {{val = dense_resource<{name}> : {t}}} : {t}'
def resources():
    out = "\n{-#\n  dialect_resources: {\n    builtin: {\n" + ",\n".join(blobs) + "\n    }\n  }\n#-}\n"
    blobs.clear()
    return out
def header(flag, seed, cmp, extra=""):
    return f"""// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -{flag} -o %t/after.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file %t/after.mlir
// RUN: ane-run run %s --random-inputs --seed {seed} --output-dir %t/before
// RUN: ane-run run %t/after.mlir --random-inputs --seed {seed} --output-dir %t/after
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/after {cmp} | FileCheck %s
{extra}"""

# ---- mil-fuse-bias
s = header("mil-fuse-bias", 11, "--elem-ulp 1 --max-ulp 1", """
// Numeric check of mil-fuse-bias through the CPU interpreter: the same
// random inputs before and after; fp16 and fp32. Bound: the add is now
// done inside the op (one rounding instead of two), so each output moves by
// at most 1 ulp(|y|) + 1 ulp(max |y|).

// IR-NOT: mil.add
// IR-NOT: mil.sub
// CHECK-COUNT-3: ok: max err
""")
s += "func.func @main(%x16: tensor<1x8x6x6xf16>, %x32: tensor<1x8x6x6xf32>, %v16: tensor<5x8xf16>) -> (tensor<1x16x6x6xf16> {mil.name = \"a\"}, tensor<1x16x4x4xf32> {mil.name = \"b\"}, tensor<5x12xf16> {mil.name = \"c\"}) {\n"
s += "\n".join([
 const("w16", [16,8,3,3], np.float16, 1, -0.3, 0.3),
 const("c16", [1,16,1,1], np.float16, 2),
 const("w32", [16,8,3,3], np.float32, 3, -0.3, 0.3),
 const("b32", [16], np.float32, 4),
 const("c32", [16,1,1], np.float32, 5),
 const("lw16", [12,8], np.float16, 6, -0.5, 0.5),
 const("lc16", [12], np.float16, 7),
]) + "\n"
s += """  %y16 = mil.conv %x16, %w16 {pad_type = "same"} : (tensor<1x8x6x6xf16>, tensor<16x8x3x3xf16>) -> tensor<1x16x6x6xf16>
  %z16 = mil.add %y16, %c16 : (tensor<1x16x6x6xf16>, tensor<1x16x1x1xf16>) -> tensor<1x16x6x6xf16>
  %a = mil.relu %z16 : tensor<1x16x6x6xf16>
  %y32 = mil.conv %x32, %w32 bias %b32 : (tensor<1x8x6x6xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  %b = mil.add %c32, %y32 : (tensor<16x1x1xf32>, tensor<1x16x4x4xf32>) -> tensor<1x16x4x4xf32>
  %l = mil.linear %v16, %lw16 : (tensor<5x8xf16>, tensor<12x8xf16>) -> tensor<5x12xf16>
  %c = mil.sub %l, %lc16 : (tensor<5x12xf16>, tensor<12xf16>) -> tensor<5x12xf16>
  return %a, %b, %c : tensor<1x16x6x6xf16>, tensor<1x16x4x4xf32>, tensor<5x12xf16>
}
"""
s += resources()
open(T + "mil-fuse-bias-numeric.mlir", "w").write(s)

# ---- mil-fold-scale-into-conv
s = header("mil-fold-scale-into-conv", 12, "--max-ulp 4", """
// Numeric check of mil-fold-scale-into-conv through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. The folded weights
// are rounded once to the weight dtype; bound: max |after - before| <=
// 4 ulp(max |y|) of the output dtype.

// IR-NOT: mil.batch_norm
// IR-NOT: mil.mul
// IR-NOT: mil.real_div
// CHECK-COUNT-7: ok: max err

// The folded weights, against a float64 reference computed from the
// original constants: within 0.5 ulp of the weight dtype (+ fp32 error).
// RUN: %python3 %S/Inputs/check_folded.py %s %t/after.mlir \\
// RUN:   "a_weight=w16 * (gamma16 / np.sqrt(var16 + 1e-5))[:, None, None, None]" \\
// RUN:   "b_weight=w32 * (1 / np.sqrt(var32 + 1e-3))[:, None, None, None]" \\
// RUN:   "c_weight=lw16 * s16[:, None]" \\
// RUN:   "d_weight=dw32 * np.float64(np.float32(0.3))" \\
// RUN:   "e_weight=wt32 * (gt32 / np.sqrt(vt32 + 1e-5))[(np.arange(8)[:, None] // 4) * 3 + np.arange(3)[None, :]][:, :, None, None]" \\
// RUN:   "f_weight=wt16 * st16.reshape(4)[None, :, None, None]" \\
// RUN:   "g_weight=gw32 / gd32.reshape(16)[:, None, None, None]" | FileCheck %s --check-prefix=FOLD
// FOLD-COUNT-7: ok: max err
""")
s += "func.func @main(%x16: tensor<1x8x6x6xf16>, %x32: tensor<1x8x6x6xf32>, %v16: tensor<5x8xf16>) -> (tensor<1x16x6x6xf16> {mil.name = \"a\"}, tensor<1x16x4x4xf32> {mil.name = \"b\"}, tensor<5x12xf16> {mil.name = \"c\"}, tensor<1x16x6x6xf32> {mil.name = \"d\"}, tensor<1x6x13x13xf32> {mil.name = \"e\"}, tensor<1x4x7x7xf16> {mil.name = \"f\"}, tensor<1x16x6x6xf32> {mil.name = \"g\"}) {\n"
s += "\n".join([
 const("w16", [16,8,3,3], np.float16, 21, -0.3, 0.3),
 const("mean16", [16], np.float16, 22),
 const("var16", [16], np.float16, 23, 0.2, 2.0),
 const("gamma16", [16], np.float16, 24, 0.5, 1.5),
 const("beta16", [16], np.float16, 25),
 const("w32", [16,4,3,3], np.float32, 26, -0.3, 0.3),
 const("b32", [16], np.float32, 27),
 const("mean32", [16], np.float32, 28),
 const("var32", [16], np.float32, 29, 0.2, 2.0),
 const("lw16", [12,8], np.float16, 30, -0.5, 0.5),
 const("s16", [12], np.float16, 31, -2.0, 2.0),
 const("dw32", [16,8,1,1], np.float32, 32),
 const("wt32", [8,3,3,3], np.float32, 33, -0.3, 0.3),
 const("mt32", [6], np.float32, 34),
 const("vt32", [6], np.float32, 35, 0.2, 2.0),
 const("gt32", [6], np.float32, 36, 0.5, 1.5),
 const("wt16", [8,4,2,2], np.float16, 37, -0.3, 0.3),
 const("st16", [1,4,1,1], np.float16, 38, -2.0, 2.0),
 const("gw32", [16,8,1,1], np.float32, 39),
 const("gd32", [1,16,1,1], np.float32, 40, 0.5, 3.0),
]) + "\n"
s += """  %s32 = mil.const {val = dense<0.3> : tensor<f32>} : tensor<f32>
  %y16 = mil.conv %x16, %w16 {pad_type = "same"} : (tensor<1x8x6x6xf16>, tensor<16x8x3x3xf16>) -> tensor<1x16x6x6xf16>
  %a = mil.batch_norm %y16, %mean16, %var16 gamma %gamma16 beta %beta16 : (tensor<1x16x6x6xf16>, tensor<16xf16>, tensor<16xf16>, tensor<16xf16>, tensor<16xf16>) -> tensor<1x16x6x6xf16> loc("a")
  %y32 = mil.conv %x32, %w32 bias %b32 {groups = 2 : i32} : (tensor<1x8x6x6xf32>, tensor<16x4x3x3xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  %b = mil.batch_norm %y32, %mean32, %var32 {epsilon = 1.0e-3 : f32} : (tensor<1x16x4x4xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32> loc("b")
  %l = mil.linear %v16, %lw16 : (tensor<5x8xf16>, tensor<12x8xf16>) -> tensor<5x12xf16>
  %c = mil.mul %l, %s16 : (tensor<5x12xf16>, tensor<12xf16>) -> tensor<5x12xf16> loc("c")
  %dy = mil.conv %x32, %dw32 : (tensor<1x8x6x6xf32>, tensor<16x8x1x1xf32>) -> tensor<1x16x6x6xf32>
  %d = mil.mul %s32, %dy : (tensor<f32>, tensor<1x16x6x6xf32>) -> tensor<1x16x6x6xf32> loc("d")
  %ty = mil.conv_transpose %x32, %wt32 {groups = 2 : i32, strides = array<i32: 2, 2>} : (tensor<1x8x6x6xf32>, tensor<8x3x3x3xf32>) -> tensor<1x6x13x13xf32>
  %e = mil.batch_norm %ty, %mt32, %vt32 gamma %gt32 : (tensor<1x6x13x13xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<1x6x13x13xf32> loc("e")
  %ty16 = mil.conv_transpose %x16, %wt16 : (tensor<1x8x6x6xf16>, tensor<8x4x2x2xf16>) -> tensor<1x4x7x7xf16>
  %f = mil.mul %ty16, %st16 : (tensor<1x4x7x7xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x7x7xf16> loc("f")
  %gy = mil.conv %x32, %gw32 : (tensor<1x8x6x6xf32>, tensor<16x8x1x1xf32>) -> tensor<1x16x6x6xf32>
  %g = mil.real_div %gy, %gd32 : (tensor<1x16x6x6xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x6x6xf32> loc("g")
  return %a, %b, %c, %d, %e, %f, %g : tensor<1x16x6x6xf16>, tensor<1x16x4x4xf32>, tensor<5x12xf16>, tensor<1x16x6x6xf32>, tensor<1x6x13x13xf32>, tensor<1x4x7x7xf16>, tensor<1x16x6x6xf32>
}
"""
s += resources()
open(T + "mil-fold-scale-into-conv-numeric.mlir", "w").write(s)

# ---- mil-matmul-to-linear
s = header("mil-matmul-to-linear", 13, "--exact", """
// Numeric check of mil-matmul-to-linear through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Weights are only
// moved: the outputs are bit-exact. (The third output has its bias add
// folded too, see mil-fuse-bias-numeric.mlir for that bound.)

// IR-NOT: mil.matmul
// CHECK-COUNT-2: ok: exact
""")
s += "func.func @main(%v16: tensor<5x8xf16>, %x32: tensor<2x5x8xf32>) -> (tensor<5x12xf16> {mil.name = \"a\"}, tensor<2x5x12xf32> {mil.name = \"b\"}) {\n"
s += "\n".join([
 const("y16", [8,12], np.float16, 41, -0.5, 0.5),
 const("yt32", [12,8], np.float32, 42, -0.5, 0.5),
]) + "\n"
s += """  %a = mil.matmul %v16, %y16 : (tensor<5x8xf16>, tensor<8x12xf16>) -> tensor<5x12xf16>
  %b = mil.matmul %x32, %yt32 {transpose_y = true} : (tensor<2x5x8xf32>, tensor<12x8xf32>) -> tensor<2x5x12xf32>
  return %a, %b : tensor<5x12xf16>, tensor<2x5x12xf32>
}
"""
s += resources()
open(T + "mil-matmul-to-linear-numeric.mlir", "w").write(s)

# ---- mil-rmsnorm-ane-form
s = header("mil-rmsnorm-ane-form", 14, "--elem-ulp 4 --max-ulp 4", """
// Numeric check of mil-rmsnorm-ane-form through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Bound: 4 ulp(|y|) +
// 4 ulp(max |y|) of the output dtype.

// IR-NOT: mil.rsqrt
// IR-NOT: mil.sqrt
// IR-NOT: mil.reduce_mean
// CHECK-COUNT-2: ok: max err

// The same bound with the prescale option.
// RUN: ane-opt %s -mil-rmsnorm-ane-form=prescale=true -o %t/pre.mlir
// RUN: ane-run run %t/pre.mlir --random-inputs --seed 14 --output-dir %t/pre
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/pre --elem-ulp 4 --max-ulp 4 | FileCheck %s
""")
s += "func.func @main(%x16: tensor<1x48x1x16xf16>, %x32: tensor<4x40xf32>) -> (tensor<1x48x1x16xf16> {mil.name = \"a\"}, tensor<4x40xf32> {mil.name = \"b\"}) {\n"
s += const("g16", [1,48,1,1], np.float16, 51, 0.5, 1.5) + "\n"
s += """  %eps16 = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %eps32 = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %sq16 = mil.mul %x16, %x16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x16xf16>) -> tensor<1x48x1x16xf16>
  %m16 = mil.reduce_mean %sq16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %v16 = mil.add %m16, %eps16 : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %r16 = mil.rsqrt %v16 : tensor<1x1x1x16xf16>
  %n16 = mil.mul %x16, %r16 : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %a = mil.mul %n16, %g16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %sq32 = mil.square %x32 : tensor<4x40xf32>
  %m32 = mil.reduce_mean %sq32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %v32 = mil.add %m32, %eps32 : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s32 = mil.sqrt %v32 : tensor<4x1xf32>
  %b = mil.real_div %x32, %s32 : (tensor<4x40xf32>, tensor<4x1xf32>) -> tensor<4x40xf32>
  return %a, %b : tensor<1x48x1x16xf16>, tensor<4x40xf32>
}
"""
s += resources()
open(T + "mil-rmsnorm-ane-form-numeric.mlir", "w").write(s)

# ---- mil-swiglu-ane-form
s = header("mil-swiglu-ane-form", 15, "--elem-ulp 2 --max-ulp 1", """
// Numeric check of mil-swiglu-ane-form through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Bound: 2 ulp(|y|) +
// 1 ulp(max |y|) of the output dtype.

// IR-NOT: mil.silu
// CHECK-COUNT-2: ok: max err
""")
s += "func.func @main(%x16: tensor<1x16x1x8xf16>, %x32: tensor<8x16xf32>) -> (tensor<1x24x1x8xf16> {mil.name = \"a\"}, tensor<8x24xf32> {mil.name = \"b\"}) {\n"
s += "\n".join([
 const("w1h", [24,16,1,1], np.float16, 61, -0.5, 0.5),
 const("w3h", [24,16,1,1], np.float16, 62, -0.5, 0.5),
 const("w1f", [24,16], np.float32, 63, -0.5, 0.5),
 const("w3f", [24,16], np.float32, 64, -0.5, 0.5),
]) + "\n"
s += """  %h1 = mil.conv %x16, %w1h : (tensor<1x16x1x8xf16>, tensor<24x16x1x1xf16>) -> tensor<1x24x1x8xf16>
  %h3 = mil.conv %x16, %w3h : (tensor<1x16x1x8xf16>, tensor<24x16x1x1xf16>) -> tensor<1x24x1x8xf16>
  %s16 = mil.silu %h1 : tensor<1x24x1x8xf16>
  %a = mil.mul %s16, %h3 : (tensor<1x24x1x8xf16>, tensor<1x24x1x8xf16>) -> tensor<1x24x1x8xf16>
  %g1 = mil.linear %x32, %w1f : (tensor<8x16xf32>, tensor<24x16xf32>) -> tensor<8x24xf32>
  %g3 = mil.linear %x32, %w3f : (tensor<8x16xf32>, tensor<24x16xf32>) -> tensor<8x24xf32>
  %s32 = mil.silu %g1 : tensor<8x24xf32>
  %b = mil.mul %g3, %s32 : (tensor<8x24xf32>, tensor<8x24xf32>) -> tensor<8x24xf32>
  return %a, %b : tensor<1x24x1x8xf16>, tensor<8x24xf32>
}
"""
s += resources()
open(T + "mil-swiglu-ane-form-numeric.mlir", "w").write(s)

# ---- mil-rmsnorm-ane-form, fp16 overflow of the sum of squares
s = """// RUN: rm -rf %t && mkdir -p %t
// RUN: ane-opt %s -mil-rmsnorm-ane-form -o %t/sum.mlir
// RUN: ane-opt %s -mil-rmsnorm-ane-form=prescale=true -o %t/pre.mlir
// RUN: ane-run run %s --random-inputs --seed 16 --output-dir %t/before
// RUN: ane-run run %t/sum.mlir --random-inputs --seed 16 --output-dir %t/sum
// RUN: ane-run run %t/pre.mlir --random-inputs --seed 16 --output-dir %t/pre
// RUN: not %python3 %S/Inputs/compare_ulp.py %t/before %t/sum --elem-ulp 4 --max-ulp 4
// RUN: %python3 %S/Inputs/compare_ulp.py %t/before %t/pre --elem-ulp 4 --max-ulp 4 | FileCheck %s

// fp16 RMSNorm over D = 256 channels of x in [-30, 30): the mean square
// (~300) is in range but the sum of squares (~77000) overflows fp16. The
// training-kernel form (reduce_sum, then * 1/D) yields inf there and wrong
// outputs; with prescale=true the sum is the mean itself and the outputs
// stay within the pass's bound.

// CHECK: a.npy: ok: max err
func.func @main(%x: tensor<1x256x1x8xf16>) -> (tensor<1x256x1x8xf16> {mil.name = "a"}) {
  %k = mil.const {val = dense<30.0> : tensor<f16>} : tensor<f16>
  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %x30 = mil.mul %x, %k : (tensor<1x256x1x8xf16>, tensor<f16>) -> tensor<1x256x1x8xf16>
  %sq = mil.mul %x30, %x30 : (tensor<1x256x1x8xf16>, tensor<1x256x1x8xf16>) -> tensor<1x256x1x8xf16>
  %m = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x256x1x8xf16>) -> tensor<1x1x1x8xf16>
  %v = mil.add %m, %eps : (tensor<1x1x1x8xf16>, tensor<f16>) -> tensor<1x1x1x8xf16>
  %r = mil.rsqrt %v : tensor<1x1x1x8xf16>
  %a = mil.mul %x30, %r : (tensor<1x256x1x8xf16>, tensor<1x1x1x8xf16>) -> tensor<1x256x1x8xf16>
  return %a : tensor<1x256x1x8xf16>
}
"""
open(T + "mil-rmsnorm-ane-form-overflow.mlir", "w").write(s)

# ---- mil-fuse-layer-norm
s = header("mil-fuse-layer-norm", 17, "--elem-ulp 4 --max-ulp 4", """
// Numeric check of mil-fuse-layer-norm through the CPU interpreter: the
// same random inputs before and after; fp16 and fp32. Bound: 4 ulp(|y|) +
// 4 ulp(max |y|) of the output dtype.

// IR-NOT: mil.reduce_mean
// IR-COUNT-2: mil.layer_norm
// CHECK-COUNT-2: ok: max err
""")
s += "func.func @main(%x16: tensor<1x48x1x16xf16>, %x32: tensor<4x40xf32>) -> (tensor<1x48x1x16xf16> {mil.name = \"a\"}, tensor<4x40xf32> {mil.name = \"b\"}) {\n"
s += "\n".join([
 const("g16", [1,48,1,1], np.float16, 71, 0.5, 1.5),
 const("b16", [1,48,1,1], np.float16, 72),
 const("g32", [40], np.float32, 73, 0.5, 1.5),
]) + "\n"
s += """  %eps16 = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %eps32 = mil.const {val = dense<1.0e-6> : tensor<f32>} : tensor<f32>
  %nh = mil.const {val = dense<-0.5> : tensor<f32>} : tensor<f32>
  %m16 = mil.reduce_mean %x16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %d16 = mil.sub %x16, %m16 : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %sq16 = mil.mul %d16, %d16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x16xf16>) -> tensor<1x48x1x16xf16>
  %v16 = mil.reduce_mean %sq16 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x48x1x16xf16>) -> tensor<1x1x1x16xf16>
  %ve16 = mil.add %v16, %eps16 : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %r16 = mil.rsqrt %ve16 : tensor<1x1x1x16xf16>
  %n16 = mil.mul %d16, %r16 : (tensor<1x48x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x48x1x16xf16>
  %ng16 = mil.mul %n16, %g16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %a = mil.add %ng16, %b16 : (tensor<1x48x1x16xf16>, tensor<1x48x1x1xf16>) -> tensor<1x48x1x16xf16>
  %m32 = mil.reduce_mean %x32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %d32 = mil.sub %x32, %m32 : (tensor<4x40xf32>, tensor<4x1xf32>) -> tensor<4x40xf32>
  %sq32 = mil.square %d32 : tensor<4x40xf32>
  %v32 = mil.reduce_mean %sq32 {axes = array<i32: -1>, keep_dims = true} : (tensor<4x40xf32>) -> tensor<4x1xf32>
  %ve32 = mil.add %v32, %eps32 : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %r32 = mil.pow %ve32, %nh : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %n32 = mil.mul %r32, %d32 : (tensor<4x1xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  %b = mil.mul %g32, %n32 : (tensor<40xf32>, tensor<4x40xf32>) -> tensor<4x40xf32>
  return %a, %b : tensor<1x48x1x16xf16>, tensor<4x40xf32>
}
"""
s += resources()
open(T + "mil-fuse-layer-norm-numeric.mlir", "w").write(s)

# ---- the mil-ane-fusion pipeline on a small transformer-like block
s = header("mil-ane-fusion", 18, "--max-ulp 8", """
// Numeric check of the mil-ane-fusion pipeline through the CPU interpreter
// on a block using every fusion: layer norm, conv + bias + batch_norm +
// relu, RMSNorm with gamma, a SwiGLU FFN, and matmul + bias; fp16 and fp32.
// Bound: max |after - before| <= 8 ulp(max |y|) of the output dtype.

// IR-NOT: mil.batch_norm
// IR-NOT: mil.rsqrt
// IR-NOT: mil.silu
// IR-NOT: mil.matmul
// IR-NOT: mil.reduce_mean
// IR: mil.layer_norm
// CHECK-COUNT-2: ok: max err
""")
s += "func.func @main(%x: tensor<1x32x1x16xf16>, %v: tensor<8x32xf32>) -> (tensor<1x48x1x16xf16> {mil.name = \"a\"}, tensor<8x16xf32> {mil.name = \"b\"}) {\n"
s += "\n".join([
 const("lg", [1,32,1,1], np.float16, 81, 0.5, 1.5),
 const("lb", [1,32,1,1], np.float16, 82),
 const("cw", [32,32,1,1], np.float16, 83, -0.3, 0.3),
 const("cb", [1,32,1,1], np.float16, 84),
 const("mean", [32], np.float16, 85),
 const("var", [32], np.float16, 86, 0.2, 2.0),
 const("rg", [1,32,1,1], np.float16, 87, 0.5, 1.5),
 const("w1", [48,32,1,1], np.float16, 88, -0.3, 0.3),
 const("w3", [48,32,1,1], np.float16, 89, -0.3, 0.3),
 const("my", [32,16], np.float32, 90, -0.3, 0.3),
 const("mb", [16], np.float32, 91),
]) + "\n"
s += """  %eps = mil.const {val = dense<1.0e-5> : tensor<f16>} : tensor<f16>
  %m = mil.reduce_mean %x {axes = array<i32: 1>, keep_dims = true} : (tensor<1x32x1x16xf16>) -> tensor<1x1x1x16xf16>
  %d = mil.sub %x, %m : (tensor<1x32x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x32x1x16xf16>
  %sq = mil.mul %d, %d : (tensor<1x32x1x16xf16>, tensor<1x32x1x16xf16>) -> tensor<1x32x1x16xf16>
  %var1 = mil.reduce_mean %sq {axes = array<i32: 1>, keep_dims = true} : (tensor<1x32x1x16xf16>) -> tensor<1x1x1x16xf16>
  %ve = mil.add %var1, %eps : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %r = mil.rsqrt %ve : tensor<1x1x1x16xf16>
  %n = mil.mul %d, %r : (tensor<1x32x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x32x1x16xf16>
  %ng = mil.mul %n, %lg : (tensor<1x32x1x16xf16>, tensor<1x32x1x1xf16>) -> tensor<1x32x1x16xf16>
  %ln = mil.add %ng, %lb : (tensor<1x32x1x16xf16>, tensor<1x32x1x1xf16>) -> tensor<1x32x1x16xf16>
  %c = mil.conv %ln, %cw : (tensor<1x32x1x16xf16>, tensor<32x32x1x1xf16>) -> tensor<1x32x1x16xf16>
  %cbias = mil.add %c, %cb : (tensor<1x32x1x16xf16>, tensor<1x32x1x1xf16>) -> tensor<1x32x1x16xf16>
  %bn = mil.batch_norm %cbias, %mean, %var : (tensor<1x32x1x16xf16>, tensor<32xf16>, tensor<32xf16>) -> tensor<1x32x1x16xf16>
  %act = mil.relu %bn : tensor<1x32x1x16xf16>
  %sq2 = mil.mul %act, %act : (tensor<1x32x1x16xf16>, tensor<1x32x1x16xf16>) -> tensor<1x32x1x16xf16>
  %ms2 = mil.reduce_mean %sq2 {axes = array<i32: 1>, keep_dims = true} : (tensor<1x32x1x16xf16>) -> tensor<1x1x1x16xf16>
  %ve2 = mil.add %ms2, %eps : (tensor<1x1x1x16xf16>, tensor<f16>) -> tensor<1x1x1x16xf16>
  %r2 = mil.rsqrt %ve2 : tensor<1x1x1x16xf16>
  %rn = mil.mul %act, %r2 : (tensor<1x32x1x16xf16>, tensor<1x1x1x16xf16>) -> tensor<1x32x1x16xf16>
  %rms = mil.mul %rn, %rg : (tensor<1x32x1x16xf16>, tensor<1x32x1x1xf16>) -> tensor<1x32x1x16xf16>
  %h1 = mil.conv %rms, %w1 : (tensor<1x32x1x16xf16>, tensor<48x32x1x1xf16>) -> tensor<1x48x1x16xf16>
  %h3 = mil.conv %rms, %w3 : (tensor<1x32x1x16xf16>, tensor<48x32x1x1xf16>) -> tensor<1x48x1x16xf16>
  %silu = mil.silu %h1 : tensor<1x48x1x16xf16>
  %a = mil.mul %silu, %h3 : (tensor<1x48x1x16xf16>, tensor<1x48x1x16xf16>) -> tensor<1x48x1x16xf16>
  %mm = mil.matmul %v, %my : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
  %b = mil.add %mm, %mb : (tensor<8x16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
  return %a, %b : tensor<1x48x1x16xf16>, tensor<8x16xf32>
}
"""
s += resources()
open(T + "mil-ane-fusion-numeric.mlir", "w").write(s)
