#!/usr/bin/env python3
"""Checks constants folded by a pass against a float64 reference.

usage: check_folded.py BEFORE.mlir AFTER.mlir NAME=EXPR [NAME=EXPR ...]

Each EXPR is a NumPy expression (`np` is numpy) over the dense_resource
constants of BEFORE.mlir, by name, as float64 arrays of their declared
shapes. The dense_resource constant NAME of AFTER.mlir must equal it within
0.5 ulp of NAME's dtype at each element (the one rounding of the result)
plus 2^-21 relative (the fp32 arithmetic of the fold). Prints the largest
error per constant, in ulps of its dtype.
"""
import re
import sys

import numpy as np

DTYPES = {"f16": np.float16, "f32": np.float32}


def load(path):
    text = open(path).read()
    shapes = {}
    for name, dims, elem in re.findall(
            r"dense_resource<(\w+)>\s*:\s*tensor<((?:\d+x)*)(f16|f32)>", text):
        shape = tuple(int(d) for d in dims.split("x") if d)
        shapes[name] = (shape, DTYPES[elem])
    blobs = {}
    for name, hexdata in re.findall(r'^\s*(\w+): "0x([0-9A-Fa-f]+)"', text, re.M):
        if name not in shapes:
            continue
        shape, dtype = shapes[name]
        raw = bytes.fromhex(hexdata)[4:]  # skip the alignment word
        blobs[name] = np.frombuffer(raw, dtype=dtype).reshape(shape)
    return blobs


def main():
    before, after = load(sys.argv[1]), load(sys.argv[2])
    env = {name: v.astype(np.float64) for name, v in before.items()}
    env["np"] = np
    for spec in sys.argv[3:]:
        name, expr = spec.split("=", 1)
        if name not in after:
            sys.exit(f"{name}: no such dense_resource in {sys.argv[2]}")
        got = after[name]
        ref = np.broadcast_to(eval(expr, {}, env), got.shape)
        ulp = np.spacing(np.abs(ref).astype(got.dtype)).astype(np.float64)
        err = np.abs(got.astype(np.float64) - ref)
        bound = 0.5 * ulp + 2.0**-21 * np.abs(ref)
        if (err > bound).any():
            idx = tuple(np.argwhere(err > bound)[0])
            sys.exit(f"{name}: {got[idx]} vs reference {ref[idx]} at {idx}")
        print(f"{name}: ok: max err {float((err / ulp).max()):.3g} ulp")


if __name__ == "__main__":
    main()
