#!/usr/bin/env python3
"""Compares the outputs of a program before and after a rewrite, in ulps.

usage: compare_ulp.py BEFORE_DIR AFTER_DIR [--exact] [--elem-ulp E] [--max-ulp M]

Every BEFORE_DIR/*.npy (written by `ane-run run --output-dir`) must have a
twin in AFTER_DIR with the same dtype and shape. With --exact the values
must be bit-equal. Otherwise each element must satisfy
    |after - before| <= E * ulp(|before|) + M * ulp(max |before|)
where ulp(v) is the spacing of the output's dtype (fp16 or fp32) at v: E
bounds the error relative to the element, M an absolute error at the scale
of the whole output (for results of sums with cancellation). Prints, per
output, the largest error in ulp(|before|) and in ulp(max |before|).
"""
import argparse
import glob
import os
import sys

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--exact", action="store_true")
    ap.add_argument("--elem-ulp", type=float, default=0.0)
    ap.add_argument("--max-ulp", type=float, default=0.0)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.before, "*.npy")))
    if not files:
        sys.exit(f"no .npy in {args.before}")
    for path in files:
        name = os.path.basename(path)
        other = os.path.join(args.after, name)
        if not os.path.exists(other):
            sys.exit(f"{name}: missing in {args.after}")
        b, a = np.load(path), np.load(other)
        if a.dtype != b.dtype or a.shape != b.shape:
            sys.exit(f"{name}: {a.dtype}{a.shape} vs {b.dtype}{b.shape}")
        if not np.all(np.isfinite(b)) or not np.all(np.isfinite(a)):
            sys.exit(f"{name}: non-finite values")
        if args.exact:
            if not np.array_equal(a, b):
                idx = tuple(np.argwhere(a != b)[0])
                sys.exit(f"{name}: not bit-exact at {idx}: {a[idx]} vs {b[idx]}")
            print(f"{name}: ok: exact")
            continue
        err = np.abs(a.astype(np.float64) - b.astype(np.float64))
        ulp_elem = np.spacing(np.abs(b)).astype(np.float64)
        ulp_max = float(np.spacing(np.abs(b).max()))
        tol = args.elem_ulp * ulp_elem + args.max_ulp * ulp_max
        bad = err > tol
        if bad.any():
            idx = tuple(np.argwhere(bad)[0])
            sys.exit(f"{name}: {int(bad.sum())} of {b.size} elements out of "
                     f"bound, first at {idx}: {a[idx]} vs {b[idx]}")
        print(f"{name}: ok: max err {float((err / ulp_elem).max()):.3g} "
              f"ulp(|y|), {float(err.max() / ulp_max):.3g} ulp(max|y|)")


if __name__ == "__main__":
    main()
