#!/usr/bin/env python3
"""Compares an .npy produced by ane-run with an expected .npy.

usage: check_npy.py ACTUAL EXPECTED [--atol A] [--rtol R] [--exact]
       check_npy.py --dir DIR [--atol A] [--rtol R] [--exact]

With --dir, every DIR/expected_<name>.npy is compared with DIR/<name>.npy.

Passes when dtype and shape match and |actual - expected| <= atol + rtol *
|expected| elementwise (NaN must match NaN, infinities must match exactly);
--exact requires bit-equal values. Prints the worst element on failure.
"""
import argparse
import sys

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("actual", nargs="?")
    ap.add_argument("expected", nargs="?")
    ap.add_argument("--dir")
    ap.add_argument("--atol", type=float, default=0.0)
    ap.add_argument("--rtol", type=float, default=0.0)
    ap.add_argument("--exact", action="store_true")
    args = ap.parse_args()
    if args.dir:
        import glob
        import os
        files = sorted(glob.glob(os.path.join(args.dir, "expected_*.npy")))
        if not files:
            sys.exit(f"no expected_*.npy in {args.dir}")
        for exp in files:
            name = os.path.basename(exp)[len("expected_"):]
            act = os.path.join(args.dir, name)
            if not os.path.exists(act):
                sys.exit(f"{name}: not produced")
            print(f"{name}: ", end="")
            compare(np.load(act), np.load(exp), args)
        return
    compare(np.load(args.actual), np.load(args.expected), args)


def compare(a, e, args):
    if a.dtype != e.dtype:
        sys.exit(f"dtype mismatch: {a.dtype} vs expected {e.dtype}")
    if a.shape != e.shape:
        sys.exit(f"shape mismatch: {a.shape} vs expected {e.shape}")
    if args.exact:
        if not np.array_equal(a, e, equal_nan=(a.dtype.kind == "f")):
            idx = np.argwhere(~((a == e) | (np.isnan(a) & np.isnan(e)) if a.dtype.kind == "f" else (a == e)))[0]
            sys.exit(f"not equal at {tuple(idx)}: {a[tuple(idx)]} vs {e[tuple(idx)]}")
        print("ok: exact")
        return
    af = a.astype(np.float64)
    ef = e.astype(np.float64)
    nan_ok = np.isnan(af) == np.isnan(ef)
    inf_ok = np.where(np.isinf(ef), af == ef, True)
    finite = np.isfinite(ef) & np.isfinite(af)
    err = np.where(finite, np.abs(af - ef), 0.0)
    tol = args.atol + args.rtol * np.abs(np.where(finite, ef, 0.0))
    bad = ~nan_ok | ~inf_ok | (err > tol) | (np.isfinite(ef) & ~np.isfinite(af))
    if bad.any():
        idx = tuple(np.argwhere(bad)[0])
        sys.exit(f"mismatch at {idx}: got {a[idx]}, expected {e[idx]} "
                 f"({int(bad.sum())} of {a.size} elements out of tolerance "
                 f"atol={args.atol} rtol={args.rtol})")
    print(f"ok: max abs err {float(err.max()) if err.size else 0.0:.3g}")


if __name__ == "__main__":
    main()
