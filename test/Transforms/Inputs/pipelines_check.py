#!/usr/bin/env python3
"""Runs the named ane-opt pipelines on programs and checks each result.

usage: pipelines_check.py WORK [--tools-dir DIR] [--pipelines P,...] [--min-numeric N]
                          [--skip-larger-than BYTES] [--randomize-blob FILE]
                          PROGRAM...

PROGRAM is a model.mil (its weights/ beside it are loaded when present,
otherwise BLOBFILE references stay symbolic) or a .mlir module. For every
program and pipeline (default, fusion, shape, shape-cl = shape with
io-layout=channels-last, w8, w8a8):
  1. import (ane-translate --import-mil-text --mil-allow-unknown-ops),
  2. run the pipeline (ane-opt),
  3. verify: ane-opt re-parses the printed result (no
     --allow-unregistered-dialect),
  4. export (ane-translate --export-mil-text) and re-import the MIL text,
  5. when the CPU interpreter runs the original's @main: run the exported
     program on the same inputs and compare outputs (same names, dtypes and
     shapes; channels-last outputs mapped back):
       default, shape, shape-cl: bit-exact / 1 ulp (see BOUNDS),
       fusion: |d| <= 4 ulp(|y|) + 4 ulp(max|y|) per element,
       w8, w8a8: cosine >= 0.99 per output.
Inputs are deterministic (NumPy seed 0): floats uniform in [-1, 1), ints in
[0, 2), bools 0/1; the W8A8 calibration set is 4 samples of the same kind
(seed 1) per argument, written as <argument>.npy.

Each failure prints `FAIL <program> <pipeline>: <step>: <details>`; a table
of the measured errors is printed at the end. Exits 1 on any failure or
when fewer than --min-numeric (program, pipeline) pairs were compared.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

import numpy as np

PIPELINES = {
    "default": "--mil-ane-default",
    "fusion": "--mil-ane-fusion",
    "shape": "--mil-ane-shape=io-layout=keep",
    "shape-cl": "--mil-ane-shape=io-layout=channels-last",
    "w8": "--mil-ane-w8",
    "w8a8": "--mil-ane-w8a8=calibration-inputs={cal}",
}

# Numeric bound per pipeline, from the pass descriptions in Passes.td:
# cleanup is bit-exact; mil-linear-to-conv is within 1 ulp and mil-ane-layout
# bit-exact; the fusion passes are within 4 ulp(|y|) + 4 ulp(max|y|); the
# quantizing pipelines are checked by cosine similarity.
BOUNDS = {
    "default": ("ulp", 0, 0),
    "fusion": ("ulp", 4, 4),
    "shape": ("ulp", 1, 1),
    "shape-cl": ("ulp", 1, 1),
    "w8": ("cosine", 0.99),
    "w8a8": ("cosine", 0.99),
}

DTYPES = {"fp16": np.float16, "fp32": np.float32, "int32": np.int32,
          "int8": np.int8, "uint8": np.uint8, "int16": np.int16,
          "uint16": np.uint16, "bool": np.bool_}


# MIL names live in locations: print them so export keeps the names.
DEBUGINFO = "-mlir-print-debuginfo"


# A quantizing pipeline may refuse a program whose opset predates the ops it
# inserts; that diagnostic is the expected result, not a failure.
OPSET_ERRORS = {
    "w8": "constexpr_affine_dequantize needs opset ios16 or later",
    "w8a8": "need opset ios17 or later",
}


class Failure(Exception):
    pass


def run(cmd, step):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        lines = (p.stderr.strip() or p.stdout.strip()).splitlines()
        errors = [l for l in lines if "error:" in l] or lines[-3:]
        raise Failure(f"{step}: exit {p.returncode}: " + " | ".join(errors[:3]))
    return p.stdout


def signature(mil_text):
    """[(name, dtype, shape)] of func main's arguments, or None."""
    m = re.search(r"func main<\w+>\((.*?)\)\s*(\[|\{)", mil_text, re.S)
    if not m:
        return None
    args = []
    for dt, dims, name in re.findall(r"tensor<(\w+), \[([^\]]*)\]> (\w+)",
                                     m.group(1)):
        dims = [d.strip() for d in dims.split(",") if d.strip()]
        if dt not in DTYPES or any(not d.isdigit() for d in dims):
            return None
        args.append((name, dt, [int(d) for d in dims]))
    return args


def outputs_of(mil_text):
    m = re.search(r"\}\s*->\s*\(([^)]*)\)", mil_text)
    return m.group(1).replace(" ", "") if m else None


def random_tensor(rng, dt, shape):
    np_dt = DTYPES[dt]
    if np.issubdtype(np_dt, np.floating):
        return rng.uniform(-1, 1, shape).astype(np_dt)
    return rng.integers(0, 2, shape).astype(np_dt)


def to_channels_last(a):
    """[*D, C] -> [1, C, 1, S] as mil-ane-layout's io-layout=channels-last
    (no change for rank 0, rank > 4 or shapes already [1, C, 1, S])."""
    if a.ndim == 0 or a.ndim > 4 or (a.ndim == 4 and a.shape[0] == 1
                                     and a.shape[2] == 1):
        return a
    c = a.shape[-1]
    return np.ascontiguousarray(a.reshape(-1, c).T).reshape(1, c, 1, -1)


def from_channels_last(b, like):
    if b.shape == like.shape:
        return b
    c = like.shape[-1]
    return np.ascontiguousarray(b.reshape(c, -1).T).reshape(like.shape)


def compare(pipeline, ref_dir, out_dir, ref_like=None):
    """Returns a short string of the measured error; raises Failure."""
    bound = BOUNDS[pipeline]
    worst = []
    for f in sorted(os.listdir(ref_dir)):
        other = os.path.join(out_dir, f)
        if not os.path.exists(other):
            raise Failure(f"compare: output {f} missing")
        a, b = np.load(os.path.join(ref_dir, f)), np.load(other)
        if pipeline == "shape-cl":
            b = from_channels_last(b, a)
        if a.dtype != b.dtype or a.shape != b.shape:
            raise Failure(f"compare: {f}: {b.dtype}{b.shape} vs "
                          f"{a.dtype}{a.shape}")
        if not np.issubdtype(a.dtype, np.floating):
            if not np.array_equal(a, b):
                raise Failure(f"compare: {f}: integer output differs")
            worst.append(f"{f[:-4]}=exact")
            continue
        fin = np.isfinite(a)
        if not np.array_equal(fin, np.isfinite(b)) or not np.array_equal(
                a[~fin], b[~fin], equal_nan=True):
            raise Failure(f"compare: {f}: non-finite values differ")
        a64, b64 = a[fin].astype(np.float64), b[fin].astype(np.float64)
        if a64.size == 0:
            worst.append(f"{f[:-4]}=all-nonfinite")
            continue
        err = np.abs(b64 - a64)
        if bound[0] == "ulp":
            ulp_e = np.spacing(np.abs(a[fin])).astype(np.float64)
            ulp_m = float(np.spacing(np.abs(a[fin]).max()))
            tol = bound[1] * ulp_e + bound[2] * ulp_m
            if bound[1] == 0 and bound[2] == 0:
                if not np.array_equal(a.view(np.uint8), b.view(np.uint8)):
                    raise Failure(f"compare: {f}: not bit-exact "
                                  f"(max |d| {err.max():.3g})")
                worst.append(f"{f[:-4]}=exact")
                continue
            if (err > tol).any():
                raise Failure(f"compare: {f}: {int((err > tol).sum())} of "
                              f"{a64.size} elements beyond {bound[1]} "
                              f"ulp(|y|) + {bound[2]} ulp(max|y|), max |d| "
                              f"{err.max():.3g}")
            worst.append(f"{f[:-4]}: max|d|={err.max():.3g} "
                         f"({err.max() / ulp_m:.2g} ulp(max|y|))")
        else:
            na, nb = np.linalg.norm(a64), np.linalg.norm(b64)
            cos = float(a64 @ b64 / (na * nb)) if na and nb else float(
                na == nb)
            if cos < bound[1]:
                raise Failure(f"compare: {f}: cosine {cos:.5f} < {bound[1]}")
            worst.append(f"{f[:-4]}: max|d|={err.max():.3g} cos={cos:.5f}")
    return "; ".join(worst)


def check(prog, name, work, pipelines, table):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    orig = os.path.join(d, "orig.mlir")
    imp = ["--mil-allow-unknown-ops"]
    if prog.endswith(".mlir"):
        shutil.copy(prog, orig)
    else:
        weights = "load" if os.path.isdir(
            os.path.join(os.path.dirname(prog), "weights")) else "symbolic"
        imp.append("--mil-weights=" + weights)
        run(["ane-translate", "--import-mil-text", *imp, prog, "-o", orig],
            "import")
    # The original, exported once: its signature and output names, and the
    # reference run (so both sides of a comparison use MIL names).
    orig_mil = os.path.join(d, "orig", "model.mil")
    run(["ane-translate", "--export-mil-text", orig, "-o", orig_mil],
        "export original")
    text = open(orig_mil).read()
    sig, outs = signature(text), outputs_of(text)

    inputs = os.path.join(d, "inputs")
    cal = os.path.join(d, "cal")
    os.makedirs(inputs)
    os.makedirs(cal)
    rng, cal_rng = np.random.default_rng(0), np.random.default_rng(1)
    for arg, dt, shape in sig or []:
        np.save(os.path.join(inputs, arg + ".npy"),
                random_tensor(rng, dt, shape))
        np.save(os.path.join(cal, arg + ".npy"),
                random_tensor(cal_rng, dt, [4] + shape))

    def run_program(path, in_dir, out_dir):
        cmd = ["ane-run", "run", path, "--output-dir", out_dir]
        for arg, _, _ in sig:
            cmd += ["--input", f"{arg}={os.path.join(in_dir, arg + '.npy')}"]
        run(cmd, "ane-run")

    ref = os.path.join(d, "ref")
    runnable = sig is not None
    if runnable:
        try:
            run_program(orig_mil, inputs, ref)
        except Failure:
            runnable = False

    failures = 0
    for p in pipelines:
        pd = os.path.join(d, p)
        os.makedirs(pd)
        if p == "w8a8" and not runnable:
            table["rows"].append((name, p, "skipped: calibration needs a "
                                  "program the interpreter runs"))
            continue
        try:
            out = os.path.join(pd, "out.mlir")
            try:
                run(["ane-opt", DEBUGINFO, PIPELINES[p].format(cal=cal),
                     orig, "-o", out], "pipeline")
            except Failure as e:
                if p in OPSET_ERRORS and OPSET_ERRORS[p] in str(e):
                    table["rows"].append((name, p, "rejected (opset)"))
                    continue
                raise
            run(["ane-opt", DEBUGINFO, out, "-o",
                 os.path.join(pd, "reparsed.mlir")],
                "verify (re-parse)")
            mil = os.path.join(pd, "x", "model.mil")
            run(["ane-translate", "--export-mil-text", out, "-o", mil],
                "export")
            run(["ane-translate", "--import-mil-text", *imp, mil, "-o",
                 os.path.join(pd, "reimported.mlir")], "re-import")
            new_outs = outputs_of(open(mil).read())
            if new_outs != outs:
                raise Failure(f"outputs changed: ({outs}) -> ({new_outs})")
            result = "-"
            if runnable:
                in_dir = inputs
                if p == "shape-cl":
                    in_dir = os.path.join(pd, "inputs")
                    os.makedirs(in_dir)
                    for arg, _, _ in sig:
                        a = np.load(os.path.join(inputs, arg + ".npy"))
                        np.save(os.path.join(in_dir, arg + ".npy"),
                                to_channels_last(a))
                res = os.path.join(pd, "res")
                run_program(mil, in_dir, res)
                result = compare(p, ref, res)
                table["numeric"] += 1
            table["rows"].append((name, p, result))
        except Failure as e:
            failures += 1
            print(f"FAIL {name} {p}: {e}", flush=True)
    return failures


def randomize_blob(path):
    """Replaces the payload of every fp16/fp32 record of a MILBlob v2 file
    with seeded normal values of std 1/8 (a 64-channel layer keeps unit
    scale), so a fixture whose ramp weights overflow fp16 gives finite
    outputs."""
    data = bytearray(open(path, "rb").read())
    rng = np.random.default_rng(2)
    count = int.from_bytes(data[0:4], "little")
    meta = 64
    for _ in range(count):
        code = int.from_bytes(data[meta + 4:meta + 8], "little")
        size = int.from_bytes(data[meta + 8:meta + 16], "little")
        off = int.from_bytes(data[meta + 16:meta + 24], "little")
        dt = {1: "<f2", 2: "<f4"}.get(code)
        if dt:
            n = size // np.dtype(dt).itemsize
            data[off:off + size] = (rng.standard_normal(n) / 8).astype(
                dt).tobytes()
        meta = (off + size + 63) // 64 * 64
    open(path, "wb").write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("programs", nargs="+")
    ap.add_argument("--tools-dir", default="",
                    help="directory of ane-opt, ane-translate and ane-run "
                    "(default: PATH)")
    ap.add_argument("--randomize-blob", action="append", default=[],
                    help="MILBlob file whose float payloads to randomize "
                    "first (see randomize_blob)")
    ap.add_argument("--pipelines", default=",".join(PIPELINES))
    ap.add_argument("--min-numeric", type=int, default=0)
    ap.add_argument("--skip-larger-than", type=int, default=0)
    args = ap.parse_args()
    pipelines = args.pipelines.split(",")
    if args.tools_dir:
        os.environ["PATH"] = args.tools_dir + os.pathsep + os.environ["PATH"]
    for blob in args.randomize_blob:
        randomize_blob(blob)
    os.makedirs(args.work, exist_ok=True)
    table = {"rows": [], "numeric": 0}
    failures = 0
    for prog in args.programs:
        base = os.path.dirname(prog) if prog.endswith("model.mil") else prog
        name = os.path.basename(base).replace(".mlmodelc", "")
        if name.endswith(".mlir"):
            name = "mlir_" + name[:-5]
        name = name[-60:]
        if args.skip_larger_than and os.path.getsize(
                prog) > args.skip_larger_than:
            print(f"SKIP {name}: larger than {args.skip_larger_than} bytes")
            continue
        try:
            failures += check(prog, name, args.work, pipelines, table)
        except Failure as e:
            failures += 1
            print(f"FAIL {name} (all pipelines): {e}", flush=True)
    for name, p, result in table["rows"]:
        print(f"ok {name} {p}: {result}")
    print(f"{len(table['rows'])} (program, pipeline) pairs passed, "
          f"{table['numeric']} compared numerically, {failures} failed")
    if table["numeric"] < args.min_numeric:
        print(f"FAIL: only {table['numeric']} numeric comparisons, expected "
              f">= {args.min_numeric}")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
