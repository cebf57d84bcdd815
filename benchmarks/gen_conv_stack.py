#!/usr/bin/env python3
"""Writes an fp16 1x1 conv stack (the public INT8 benchmark's FP16 form) and
NumPy samples, for the main job (scripts/demo.sh) and the quantization tests.

  gen_conv_stack.py model OUT.mlir [--layers 4] [--channels 64] [--seq 32]
                    [--seed 0] [--opset ios18] [--relu]
  gen_conv_stack.py inputs DIR [--samples 1] [--channels 64] [--seq 32]
                    [--seed 1] [--scale 1.0]

`model`: weights N(0, 1/C) (so activations keep their magnitude), stored as
dense_resource blobs; input `x` is fp16 [1, C, 1, S], output `y`.
`inputs`: DIR/x.npy, fp16, N(0, scale^2); shape [1, C, 1, S] for one sample,
[N, 1, C, 1, S] for N samples.
"""
import argparse
import os

import numpy as np


def blob_hex(array, alignment):
    return "0x" + np.uint32(alignment).tobytes().hex().upper() + array.tobytes().hex().upper()


def model(args):
    rng = np.random.default_rng(args.seed)
    c, s = args.channels, args.seq
    t = "tensor<1x%dx1x%dxf16>" % (c, s)
    wt = "tensor<%dx%dx1x1xf16>" % (c, c)
    lines = ['module attributes {mil.opset = "%s", mil.program_version = "1.3"} {' % args.opset,
             '  func.func @main(%%x: %s {mil.name = "x"}) -> (%s {mil.name = "y"}) {' % (t, t)]
    resources = []
    prev = "%x"
    for i in range(args.layers):
        w = (rng.standard_normal((c, c, 1, 1)) / np.sqrt(c)).astype(np.float16)
        resources.append('      W%d: "%s"' % (i, blob_hex(w, 2)))
        lines.append('    %%w%d = mil.const {val = dense_resource<W%d> : %s} : %s loc("W%d")'
                     % (i, i, wt, wt, i))
        lines.append('    %%c%d = mil.conv %s, %%w%d : (%s, %s) -> %s loc("c%d")'
                     % (i, prev, i, t, wt, t, i))
        prev = "%%c%d" % i
        if args.relu:
            lines.append('    %%r%d = mil.relu %s : %s loc("r%d")' % (i, prev, t, i))
            prev = "%%r%d" % i
    lines.append("    return %s : %s" % (prev, t))
    lines.append("  }")
    lines.append("}")
    lines.append("{-#\n  dialect_resources: {\n    builtin: {\n" + ",\n".join(resources)
                 + "\n    }\n  }\n#-}")
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


def inputs(args):
    rng = np.random.default_rng(args.seed)
    shape = (1, args.channels, 1, args.seq)
    if args.samples > 1:
        shape = (args.samples,) + shape
    x = (rng.standard_normal(shape) * args.scale).astype(np.float16)
    os.makedirs(args.out, exist_ok=True)
    np.save(os.path.join(args.out, "x.npy"), x)


p = argparse.ArgumentParser()
p.add_argument("what", choices=["model", "inputs"])
p.add_argument("out")
p.add_argument("--layers", type=int, default=4)
p.add_argument("--channels", type=int, default=64)
p.add_argument("--seq", type=int, default=32)
p.add_argument("--seed", type=int, default=None)
p.add_argument("--opset", default="ios18")
p.add_argument("--relu", action="store_true")
p.add_argument("--samples", type=int, default=1)
p.add_argument("--scale", type=float, default=1.0)
a = p.parse_args()
if a.seed is None:
    a.seed = 0 if a.what == "model" else 1
model(a) if a.what == "model" else inputs(a)
