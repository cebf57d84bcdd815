#!/usr/bin/env python3
"""Checks dequantized weights against the originals.

  check_weights.py ORIG.npy DEQ.npy [--dtype int8|uint8]
                   [--mode symmetric|asymmetric]
                   [--granularity per-channel|per-tensor]

ORIG and DEQ hold a 1x1 conv's weights as [1, C_out, 1, C_in] (the conv of
an identity input). The scale is recomputed here with NumPy from ORIG
(coremltools' formulas) and every |DEQ - ORIG| must be at most scale / 2,
widened by the fp16 rounding of the stored scale (2^-10 relative) and of
the dequantized value (half an fp16 ulp). Also requires that quantization
happened (some weight changed) and that each channel uses at most 2^8
levels. Prints the worst error relative to the bound.
"""
import argparse
import sys

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("orig")
ap.add_argument("deq")
ap.add_argument("--dtype", default="int8")
ap.add_argument("--mode", default="symmetric")
ap.add_argument("--granularity", default="per-channel")
a = ap.parse_args()

w = np.load(a.orig).astype(np.float64)[0, :, 0, :]
d = np.load(a.deq).astype(np.float64)[0, :, 0, :]
if w.shape != d.shape:
    sys.exit("shape mismatch %s vs %s" % (w.shape, d.shape))
unsigned = a.dtype == "uint8"
sym = a.mode == "symmetric"
qmin, qmax = (0, 254 if sym else 255) if unsigned else (-127 if sym else -128, 127)
axis = 1 if a.granularity == "per-channel" else None
if sym:
    scale = 2 * np.abs(w).max(axis=axis, keepdims=True) / (qmax - qmin)
else:
    lo = np.minimum(w.min(axis=axis, keepdims=True), 0)
    hi = np.maximum(w.max(axis=axis, keepdims=True), 0)
    scale = (hi - lo) / (qmax - qmin)
bound = scale / 2 * (1 + 2.0 ** -10) + np.abs(w) * 2.0 ** -11 + 1e-12
err = np.abs(d - w)
ratio = (err / bound).max()
print("max |deq - w| = %.3g, worst error / bound = %.3f" % (err.max(), ratio))
if ratio > 1:
    sys.exit("error bound exceeded")
if not (err > 0).any():
    sys.exit("no weight changed: not quantized?")
for row in d:
    if len(np.unique(row)) > 256:
        sys.exit("more than 256 levels in a channel")
