#!/usr/bin/env python3
"""Inputs and packed inputs for the ane-run packed-input tests, written from
the layout mil-pack-inputs documents (Passes.td), not from its code.

usage:
  packed_inputs.py inputs DIR --seed N
      writes DIR/x.npy [1, 16, 1, 8], DIR/mask.npy [1, 1, 8, 8] (0 on and
      below the diagonal, -65504 above) and DIR/bias.npy [16], fp16
  packed_inputs.py pack OUT.npy --width S FILE...
      packs the .npy FILEs into one [1, C, 1, S] tensor: FILE i is viewed as
      [1, C_i, 1, S_i] (itself when it is [1, C, 1, S], else C_i = product of
      all dims but the last, S_i = the last dim), C = max C_i, and it fills
      channels [0, C_i) at positions [offset_i, offset_i + S_i) in argument
      order (offset_0 = 0); everything else is 0
  packed_inputs.py with-weight SRC.mlir DIR --seed N
      writes DIR/w.npy (random fp16 [16, 16]) and DIR/wconst.mlir: SRC
      (packed_attention.mlir) with `o` multiplied by the constant w before
      the bias is added
"""
import argparse

import numpy as np


def inputs(args):
    rng = np.random.default_rng(args.seed)
    np.save(f"{args.dir}/x.npy", rng.uniform(-1, 1, (1, 16, 1, 8)).astype(np.float16))
    mask = np.triu(np.full((8, 8), -65504, np.float16), 1).reshape(1, 1, 8, 8)
    np.save(f"{args.dir}/mask.npy", mask)
    np.save(f"{args.dir}/bias.npy", rng.uniform(-1, 1, (16,)).astype(np.float16))


def view(a):
    if a.ndim == 4 and a.shape[0] == 1 and a.shape[2] == 1:
        return a
    s = a.shape[-1] if a.ndim else 1
    return a.reshape(1, a.size // s, 1, s)


def pack(args):
    parts = [view(np.load(f)) for f in args.files]
    c = max(p.shape[1] for p in parts)
    out = np.zeros((1, c, 1, args.width), parts[0].dtype)
    offset = 0
    for p in parts:
        out[:, : p.shape[1], :, offset : offset + p.shape[3]] = p
        offset += p.shape[3]
    np.save(args.out, out)


def with_weight(args):
    rng = np.random.default_rng(args.seed)
    w = (rng.standard_normal((16, 16)) / 4).astype(np.float16)
    np.save(f"{args.dir}/w.npy", w)
    t = "tensor<1x1x8x16xf16>"
    old = f"%y = mil.add %o, %bias : ({t}, tensor<16xf16>) -> {t}"
    hexval = '"0x' + w.astype("<f2").tobytes().hex().upper() + '"'
    new = (f"%w = mil.const {{val = dense<{hexval}> : tensor<16x16xf16>}} : tensor<16x16xf16>\n"
           f"    %ow = mil.matmul %o, %w : ({t}, tensor<16x16xf16>) -> {t}\n"
           f"    %y = mil.add %ow, %bias : ({t}, tensor<16xf16>) -> {t}")
    src = open(args.src).read()
    assert old in src
    open(f"{args.dir}/wconst.mlir", "w").write(src.replace(old, new))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("inputs")
    p.add_argument("dir")
    p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("pack")
    p.add_argument("out")
    p.add_argument("--width", type=int, required=True)
    p.add_argument("files", nargs="+")
    p = sub.add_parser("with-weight")
    p.add_argument("src")
    p.add_argument("dir")
    p.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    {"inputs": inputs, "pack": pack, "with-weight": with_weight}[args.cmd](args)


if __name__ == "__main__":
    main()
