#!/usr/bin/env python3
"""Checks `ane-run compare --json` against metrics computed with NumPy.

  compare_ref.py JSON DIR_A DIR_B

DIR_A and DIR_B hold the outputs of `ane-run run` on the two programs
(<name>.npy). For every output in JSON, max and mean |b - a| and the cosine
similarity are recomputed in float64 and must agree to 1e-5 relative.
"""
import json
import os
import sys

import numpy as np

report = json.load(open(sys.argv[1]))
for out in report["outputs"]:
    a = np.load(os.path.join(sys.argv[2], out["name"] + ".npy")).astype(np.float64).ravel()
    b = np.load(os.path.join(sys.argv[3], out["name"] + ".npy")).astype(np.float64).ravel()
    d = np.abs(a - b)
    want = {"max_abs_error": d.max(), "mean_abs_error": d.mean(),
            "cosine": a.dot(b) / np.sqrt(a.dot(a) * b.dot(b))}
    for key, value in want.items():
        if not np.isclose(out[key], value, rtol=1e-5, atol=1e-9):
            sys.exit("%s %s: ane-run says %r, NumPy %r" % (out["name"], key, out[key], value))
    print("%s ok: max %.4g mean %.4g cosine %.6f" % (out["name"], want["max_abs_error"],
                                                   want["mean_abs_error"], want["cosine"]))
