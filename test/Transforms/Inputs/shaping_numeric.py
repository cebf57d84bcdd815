#!/usr/bin/env python3
"""Numeric checks for the ANE shaping passes (mil-linear-to-conv,
mil-pack-dynamic-weights, mil-split-program).

usage:
  shaping_numeric.py linear OUT.mlir --seed N [--din D]
      writes a program of linear / constant-weight matmul ops with random
      fp16 weights (inline hex) for the before/after interpreter runs
  shaping_numeric.py dynamic DIR --seed N
      writes DIR/orig.mlir (one input x [1, C, 1, S], matmuls with constant
      weights), DIR/x.npy, DIR/w<i>.npy (the weights, in the order the
      program defines them) and DIR/packed.npy (x with the weights packed
      along the spatial axis, as mil-pack-dynamic-weights documents)
  shaping_numeric.py to-ane SRC DST
      writes every SRC/*.npy of shape [*D, C] to DST in the [1, C, 1, S]
      layout of mil-ane-layout's io-layout=channels-last (S = prod(*D))
  shaping_numeric.py ulp DIR_A DIR_B --max-ulp K
      compares every .npy in DIR_A with the same file in DIR_B and fails
      when two fp16/fp32 elements are more than K units in the last place
      apart; prints the largest distance and how many elements differ
"""
import argparse
import glob
import os
import sys

import numpy as np


def hex_dense(a):
    return '"0x' + a.astype("<f2").tobytes().hex().upper() + '"'


def ttype(shape, dt="f16"):
    return "tensor<" + "x".join(str(d) for d in shape) + "x" + dt + ">"


def const(name, a):
    t = ttype(a.shape)
    return f"  %{name} = mil.const {{val = dense<{hex_dense(a)}> : {t}}} : {t}\n"


def linear(args):
    rng = np.random.default_rng(args.seed)
    w = lambda *s: (rng.standard_normal(s) / np.sqrt(s[-1])).astype(np.float16)
    d = args.din
    x, h, g, o = [2, 5, d], [2, 5, 48], [2, 5, 40], [2, 5, 24]
    text = f"func.func @main(%x: {ttype(x)}) -> ({ttype(h)}, {ttype(o)}) {{\n"
    text += const("w", w(48, d)) + const("b", w(48)) + const("y1", w(48, 40))
    text += const("y2", w(24, 40))
    text += (f"  %h = mil.linear %x, %w bias %b : ({ttype(x)}, {ttype([48, d])}, "
             f"{ttype([48])}) -> {ttype(h)}\n")
    text += (f"  %g = mil.matmul %h, %y1 : ({ttype(h)}, {ttype([48, 40])}) "
             f"-> {ttype(g)}\n")
    text += (f"  %o = mil.matmul %g, %y2 {{transpose_y = true}} : ({ttype(g)}, "
             f"{ttype([24, 40])}) -> {ttype(o)}\n")
    text += f"  return %h, %o : {ttype(h)}, {ttype(o)}\n}}\n"
    open(args.out, "w").write(text)


def dynamic(args):
    """x [1, C, 1, S]; y = matmul(transpose(x), W0) ... two weights used by
    matmuls, one scale constant (not a matmul operand, stays constant)."""
    rng = np.random.default_rng(args.seed)
    c, s, o = 16, 8, 12
    x = rng.uniform(-1, 1, (1, c, 1, s)).astype(np.float16)
    w0 = (rng.standard_normal((1, 1, c, o)) / 4).astype(np.float16)
    w1 = (rng.standard_normal((1, 1, o, c)) / 4).astype(np.float16)
    scale = np.full((1, 1, 1, 1), 0.5, np.float16)
    t = ttype
    text = f"func.func @main(%x: {t([1, c, 1, s])}) -> {t([1, 1, s, c])} {{\n"
    text += const("w0", w0) + const("w1", w1) + const("k", scale)
    text += f"  %r = mil.reshape %x shape = [1, 1, {c}, {s}] : {t([1, c, 1, s])} -> {t([1, 1, c, s])}\n"
    text += f"  %a = mil.transpose %r perm = [0, 1, 3, 2] : {t([1, 1, c, s])}\n"
    text += f"  %m = mil.matmul %a, %w0 : ({t([1, 1, s, c])}, {t([1, 1, c, o])}) -> {t([1, 1, s, o])}\n"
    text += f"  %n = mil.matmul %m, %w1 : ({t([1, 1, s, o])}, {t([1, 1, o, c])}) -> {t([1, 1, s, c])}\n"
    text += f"  %y = mil.mul %n, %k : ({t([1, 1, s, c])}, {t([1, 1, 1, 1])}) -> {t([1, 1, s, c])}\n"
    text += f"  return %y : {t([1, 1, s, c])}\n}}\n"
    os.makedirs(args.out, exist_ok=True)
    open(os.path.join(args.out, "orig.mlir"), "w").write(text)
    np.save(os.path.join(args.out, "x.npy"), x)
    parts = [x]
    for i, wi in enumerate([w0, w1]):
        np.save(os.path.join(args.out, f"w{i}.npy"), wi)
        # Weight i occupies [1, C, 1, N_i / C]; its row-major elements fill
        # the block row by row.
        parts.append(wi.reshape(1, c, 1, wi.size // c))
    np.save(os.path.join(args.out, "packed.npy"), np.concatenate(parts, axis=3))


def to_ane(args):
    os.makedirs(args.dst, exist_ok=True)
    for f in sorted(glob.glob(os.path.join(args.src, "*.npy"))):
        a = np.load(f)
        c = a.shape[-1]
        np.save(os.path.join(args.dst, os.path.basename(f)),
                np.ascontiguousarray(a.reshape(-1, c).T).reshape(1, c, 1, -1))


def ordered(a):
    """fp16/fp32 bit patterns mapped to integers that count ulps."""
    bits = a.view(np.int16 if a.dtype == np.float16 else np.int32).astype(np.int64)
    sign = np.int64(1) << (8 * a.itemsize - 1)
    return np.where(bits < 0, -(bits & (sign - 1)), bits)


def ulp(args):
    files = sorted(glob.glob(os.path.join(args.a, "*.npy")))
    if not files:
        sys.exit(f"no .npy in {args.a}")
    for fa in files:
        name = os.path.basename(fa)
        a, b = np.load(fa), np.load(os.path.join(args.b, name))
        if a.dtype != b.dtype or a.shape != b.shape:
            sys.exit(f"{name}: {a.dtype}{a.shape} vs {b.dtype}{b.shape}")
        d = np.abs(ordered(a) - ordered(b))
        print(f"{name}: max_ulp={d.max()} differing={np.count_nonzero(d)}/{d.size}")
        if d.max() > args.max_ulp:
            sys.exit(f"{name}: {d.max()} ulp > {args.max_ulp}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("linear")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--din", type=int, default=96, help="linear input width")
    p = sub.add_parser("dynamic")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("to-ane")
    p.add_argument("src")
    p.add_argument("dst")
    p = sub.add_parser("ulp")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--max-ulp", type=int, default=0)
    args = ap.parse_args()
    {"linear": linear, "dynamic": dynamic, "to-ane": to_ane, "ulp": ulp}[args.cmd](args)


if __name__ == "__main__":
    main()
