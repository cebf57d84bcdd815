#!/usr/bin/env python3
"""Inputs and NumPy reference outputs for the interpreter's lit tests.

usage: ref.py CASE OUTDIR

Writes each input of CASE as OUTDIR/<input>.npy and each expected result as
OUTDIR/expected_<output>.npy. References are computed here with NumPy only,
independently of the interpreter: in float64/float32 from the (fp16) inputs,
then cast to the declared result dtype.
"""
import sys

import numpy as np

CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def rng():
    return np.random.default_rng(1234)


def f16(a):
    return np.asarray(a, dtype=np.float32).astype(np.float16)


def f32(a):
    return np.asarray(a, dtype=np.float32)


# --- elementwise ----------------------------------------------------------

@case
def add_broadcast_f16():
    r = rng()
    x = f16(r.uniform(-4, 4, (1, 8, 1, 16)))
    y = f16(r.uniform(-4, 4, (1, 8, 1, 1)))
    return {"x": x, "y": y}, {"output0": f16(f32(x) + f32(y))}


@case
def sub_mul_f32():
    r = rng()
    x = f32(r.uniform(-2, 2, (3, 5)))
    y = f32(r.uniform(-2, 2, (5,)))
    return {"x": x, "y": y}, {"output0": (x - y) * x}


@case
def mul_i32():
    x = np.array([[3, -7, 16777217], [0, 5, -2]], dtype=np.int32)
    y = np.array([2, 3, 1], dtype=np.int32)
    return {"x": x, "y": y}, {"output0": (x * y + x).astype(np.int32)}


@case
def fp16_rounding():
    # x * 3 rounds at each op: (x * 3) - x != 2x in fp16 for these values.
    x = f16([1.0009766, 2049.0, 0.1, 65504.0, -65504.0, 1e-7])
    three = np.float16(3)
    t = (f32(x) * np.float32(3)).astype(np.float16)  # rounded (may be inf)
    out = (f32(t) - f32(x)).astype(np.float16)
    return {"x": x}, {"output0": out}


@case
def chain_f16():
    r = rng()
    x = f16(r.uniform(-1, 1, (1, 32, 1, 64)))
    v = x
    for i in range(16):
        v = (f32(v) + f32(x)).astype(np.float16)
        v = (f32(v) * np.float32(0.5)).astype(np.float16)
    return {"x": x}, {"output0": v}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.exit("usage: ref.py CASE OUTDIR; cases: " + ", ".join(sorted(CASES)))
    inputs, outputs = CASES[sys.argv[1]]()
    for name, value in inputs.items():
        np.save(f"{sys.argv[2]}/{name}.npy", value)
    for name, value in outputs.items():
        np.save(f"{sys.argv[2]}/expected_{name}.npy", value)


if __name__ == "__main__":
    main()
