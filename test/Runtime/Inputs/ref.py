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


# --- activations and unary ops ------------------------------------------

def _erf(a):
    import math
    return np.vectorize(math.erf, otypes=[np.float64])(a)


def _softmax(a, axis):
    e = np.exp(a - a.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@case
def unary_f32():
    r = rng()
    x = f32(r.uniform(-3, 3, (4, 16)))
    x[0, :6] = [0.5, 1.5, 2.5, -0.5, -2.5, 0.0]  # round: halves to even
    d = x.astype(np.float64)
    sig = 1 / (1 + np.exp(-d))
    with np.errstate(all="ignore"):
        out = {
            "relu": np.maximum(d, 0),
            "sigmoid": sig,
            "tanh": np.tanh(d),
            "silu": d * sig,
            "gelu": 0.5 * d * (1 + _erf(d / np.sqrt(2))),
            "gelu_tanh": 0.5 * d * (1 + np.tanh(np.sqrt(2 / np.pi) * (d + 0.044715 * d ** 3))),
            "leaky_relu": np.where(d >= 0, d, 0.1 * d),
            "exp": np.exp(d),
            "sqrt": np.sqrt(d),  # NaN for negatives
            "floor": np.floor(d),
            "ceil": np.ceil(d),
            "round": np.round(d),
            "erf": _erf(d),
            "abs": np.abs(d),
            "square": d * d,
            "log": np.log(x + np.float32(1e-45)),  # fp32 epsilon
            "rsqrt": 1 / np.sqrt(d + 1e-12),
            "inverse": 1 / (d + 1e-4),
            "clip": np.clip(d, -1, 2),
            "softmax": _softmax(d, -1),
            "softmax0": _softmax(d, 0),
        }
    out = {k: f32(v) for k, v in out.items()}
    out["cast_i32"] = np.trunc(x).astype(np.int32)
    out["cast_f16"] = x.astype(np.float16)
    return {"x": x}, out


@case
def unary_f16():
    r = rng()
    x = f16(r.uniform(-4, 4, (2, 64)))
    d = x.astype(np.float32)
    return {"x": x}, {"sigmoid": f16(1 / (1 + np.exp(-d))),
                      "softmax": f16(_softmax(d.astype(np.float64), -1))}


# --- binary, comparison, logical, select ----------------------------------

@case
def binary_f32():
    r = rng()
    x = f32(r.uniform(-4, 4, (3, 4)))
    y = f32(r.choice([-1, 1], 4) * r.uniform(0.5, 2, 4))
    ix = np.array([[7, -7, 9, 0], [-9, 5, 3, -1], [2, 8, -8, 4]], np.int32)
    iy = np.array([2, -3, 4, 3], np.int32)
    px = np.abs(x) + f32(0.1)
    c = x < y
    with np.errstate(all="ignore"):
        out = {
            "real_div": f32(x / y),
            "floor_div": f32(np.floor(x / y)),
            "mod": f32(x - np.floor(x / y) * y),
            "pow": f32(px.astype(np.float64) ** y.astype(np.float64)),
            "maximum": np.maximum(x, y),
            "minimum": np.minimum(x, y),
            "less": c,
            "greater_equal": x >= y,
            "equal": x == x[0],
            "logical_and": np.logical_and(c, x > 0),
            "logical_xor": np.logical_xor(c, x > 0),
            "select": np.where(c, x, y).astype(np.float32),
            "ifloor_div": (ix // iy).astype(np.int32),
            "imod": (ix % iy).astype(np.int32),
            "isub": (ix - iy).astype(np.int32),
        }
    return {"x": x, "y": y, "ix": ix, "iy": iy, "px": px}, out


# --- reductions -----------------------------------------------------------

@case
def reduce_f32():
    r = rng()
    x = f32(r.uniform(0.1, 2, (2, 3, 4)))
    x[1, 2, 0] = x[1, 2, 3]  # a tie for argmax/argmin
    d = x.astype(np.float64)
    out = {
        "sum": d.sum(axis=1),
        "mean": d.mean(axis=-1, keepdims=True),
        "max": np.asarray(d.max()),
        "prod": d.prod(axis=(0, 2)),
        "l2": np.sqrt((d * d).sum(axis=2)),
        "lse": np.log(np.exp(d).sum(axis=1)),
        "sumsq": (d * d).sum(axis=0),
        "min": d.min(axis=2, keepdims=True),
    }
    out = {k: f32(v) for k, v in out.items()}
    out["argmax"] = np.argmax(x, axis=1).astype(np.int32)
    out["argmin"] = np.argmin(x, axis=-1).astype(np.int32)
    out["argmax_u16"] = np.argmax(x, axis=-1).astype(np.uint16)
    return {"x": x}, out


# --- normalization --------------------------------------------------------

@case
def norm_f32():
    r = rng()
    x = f32(r.uniform(-2, 2, (2, 3, 4)))
    g, b = f32(r.uniform(0.5, 1.5, 4)), f32(r.uniform(-1, 1, 4))
    x4 = f32(r.uniform(-2, 2, (2, 3, 2, 2)))
    mean, var = f32(r.uniform(-1, 1, 3)), f32(r.uniform(0.5, 2, 3))
    g3, b3 = f32(r.uniform(0.5, 1.5, 3)), f32(r.uniform(-1, 1, 3))
    d = x.astype(np.float64)

    def ln(a, axes, eps):
        m = a.mean(axis=axes, keepdims=True)
        v = ((a - m) ** 2).mean(axis=axes, keepdims=True)
        return (a - m) / np.sqrt(v + eps)

    c = lambda v: v.reshape(1, 3, 1, 1).astype(np.float64)
    d4 = x4.astype(np.float64)
    out = {
        "ln_last": ln(d, (2,), 1e-5) * g + b,
        "ln_12": ln(d, (1, 2), 1e-3),
        "bn": (d4 - c(mean)) / np.sqrt(c(var) + 1e-5) * c(g3) + c(b3),
        "inorm": ln(d4, (2, 3), 1e-5) * c(g3) + c(b3),
        "l2": d / np.sqrt((d * d).sum() + 1e-6),
    }
    return ({"x": x, "g": g, "b": b, "x4": x4, "mean": mean, "var": var,
             "g3": g3, "b3": b3}, {k: f32(v) for k, v in out.items()})


# --- convolution and pooling ----------------------------------------------

def conv_ref(x, w, b, stride, dil, pad_before, out_sp, groups):
    """Direct convolution: x [N, C, *S], w [Co, C/g, *K] (float64 loops)."""
    x = x.astype(np.float64)
    w = w.astype(np.float64)
    n, cin = x.shape[:2]
    cout = w.shape[0]
    ks = w.shape[2:]
    cg, og = cin // groups, cout // groups
    y = np.zeros((n, cout) + tuple(out_sp))
    for o in np.ndindex(*out_sp):
        for k in np.ndindex(*ks):
            pos = [o[i] * stride[i] - pad_before[i] + k[i] * dil[i] for i in range(len(ks))]
            if any(p < 0 or p >= x.shape[2 + i] for i, p in enumerate(pos)):
                continue
            xv = x[(slice(None), slice(None)) + tuple(pos)]  # [N, C]
            for grp in range(groups):
                wk = w[(slice(grp * og, (grp + 1) * og), slice(None)) + k]  # [og, cg]
                y[(slice(None), slice(grp * og, (grp + 1) * og)) + o] += xv[:, grp * cg:(grp + 1) * cg] @ wk.T
    if b is not None:
        y += b.reshape((1, cout) + (1,) * len(ks))
    return y


def conv_transpose_ref(x, w, b, stride, pad_before, out_sp, groups):
    """y[co, i*s - p + k] += x[ci, i] * w[ci, co_in_group, k]."""
    x = x.astype(np.float64)
    w = w.astype(np.float64)
    n, cin = x.shape[:2]
    og = w.shape[1]
    cg = cin // groups
    cout = og * groups
    ks = w.shape[2:]
    y = np.zeros((n, cout) + tuple(out_sp))
    for i in np.ndindex(*x.shape[2:]):
        for k in np.ndindex(*ks):
            pos = [i[d] * stride[d] - pad_before[d] + k[d] for d in range(len(ks))]
            if any(p < 0 or p >= out_sp[d] for d, p in enumerate(pos)):
                continue
            for grp in range(groups):
                xv = x[(slice(None), slice(grp * cg, (grp + 1) * cg)) + i]  # [N, cg]
                wk = w[(slice(grp * cg, (grp + 1) * cg), slice(None)) + k]  # [cg, og]
                y[(slice(None), slice(grp * og, (grp + 1) * og)) + tuple(pos)] += xv @ wk
    if b is not None:
        y += b.reshape((1, cout) + (1,) * len(ks))
    return y


# The constant weight of conv.mlir's dilated conv.
DILATED_W = f32([[[[1.0, -2.0], [0.5, 0.25]]]])


@case
def conv_f32():
    r = rng()
    x = f32(r.uniform(-1, 1, (1, 4, 7, 8)))
    w = f32(r.uniform(-1, 1, (6, 2, 3, 3)))
    b = f32(r.uniform(-1, 1, 6))
    xs = f32(r.uniform(-1, 1, (1, 3, 5, 5)))
    ws = f32(r.uniform(-1, 1, (4, 3, 3, 3)))
    x1 = f32(r.uniform(-1, 1, (1, 4, 10)))
    w1 = f32(r.uniform(-1, 1, (5, 4, 3)))
    xt = f32(r.uniform(-1, 1, (1, 4, 3, 3)))
    wt = f32(r.uniform(-1, 1, (4, 3, 3, 3)))
    wtg = f32(r.uniform(-1, 1, (4, 1, 3, 3)))
    xd = f32(r.uniform(-1, 1, (1, 1, 6, 6)))
    out = {
        # groups 2, strides [2, 1], pad [1, 0, 2, 1]
        "grouped": conv_ref(x, w, b, (2, 1), (1, 1), (1, 2), (3, 9), 2),
        # dilations [2, 2] (the weight must then be a constant)
        "dilated": conv_ref(xd, DILATED_W, None, (1, 1), (2, 2), (0, 0), (4, 4), 1),
        # pad_type same, stride 2: total pad 2 -> 1 before
        "same": conv_ref(xs, ws, None, (2, 2), (1, 1), (1, 1), (3, 3), 1),
        "conv1d": conv_ref(x1, w1, None, (1,), (1,), (0,), (8,), 1),
        "convt": conv_transpose_ref(xt, wt, None, (2, 2), (0, 0), (7, 7), 1),
        "convt_g": conv_transpose_ref(xt, wtg, None, (2, 2), (1, 1), (5, 5), 2),
    }
    return ({"x": x, "w": w, "b": b, "xs": xs, "ws": ws, "x1": x1, "w1": w1,
             "xt": xt, "wt": wt, "wtg": wtg, "xd": xd}, {k: f32(v) for k, v in out.items()})


@case
def conv1x1_f16():
    r = rng()
    x = f16(r.uniform(-1, 1, (1, 64, 1, 32)))
    w = f16(r.uniform(-1, 1, (64, 64, 1, 1)) / 8)
    y = conv_ref(x.astype(np.float32), w.astype(np.float32), None, (1, 1), (1, 1), (0, 0), (1, 32), 1)
    return {"x": x, "w": w}, {"output0": f16(y)}


def pool_ref(x, k, s, pad_before, out_sp, kind, exclude):
    n, c = x.shape[:2]
    y = np.zeros((n, c) + tuple(out_sp))
    for o in np.ndindex(*out_sp):
        vals, count = [], 0
        for kk in np.ndindex(*k):
            pos = [o[i] * s[i] - pad_before[i] + kk[i] for i in range(len(k))]
            if any(p < 0 or p >= x.shape[2 + i] for i, p in enumerate(pos)):
                continue
            vals.append(x[(slice(None), slice(None)) + tuple(pos)].astype(np.float64))
        v = np.stack(vals)
        if kind == "max":
            y[(slice(None), slice(None)) + o] = v.max(axis=0)
        else:
            y[(slice(None), slice(None)) + o] = v.sum(axis=0) / (len(vals) if exclude else np.prod(k))
    return y


@case
def pool_f32():
    r = rng()
    x = f32(r.uniform(-1, 1, (1, 2, 5, 5)))
    return {"x": x}, {k: f32(v) for k, v in {
        "max": pool_ref(x, (3, 3), (2, 2), (1, 1), (3, 3), "max", False),
        "avg_excl": pool_ref(x, (3, 3), (2, 2), (1, 1), (3, 3), "avg", True),
        "avg_incl": pool_ref(x, (3, 3), (2, 2), (1, 1), (3, 3), "avg", False),
        "avg_valid": pool_ref(x, (2, 2), (2, 2), (0, 0), (2, 2), "avg", False),
    }.items()}


# --- matmul, linear, attention --------------------------------------------

@case
def linear_f32():
    r = rng()
    a = f32(r.uniform(-1, 1, (2, 3, 4)))
    b = f32(r.uniform(-1, 1, (4, 5)))
    at = f32(r.uniform(-1, 1, (2, 4, 3)))
    bt = f32(r.uniform(-1, 1, (2, 5, 4)))
    ab = f32(r.uniform(-1, 1, (3, 1, 2, 4)))
    bb = f32(r.uniform(-1, 1, (2, 4, 3)))
    w = f32(r.uniform(-1, 1, (5, 4)))
    bias = f32(r.uniform(-1, 1, 5))
    d = lambda v: v.astype(np.float64)
    return ({"a": a, "b": b, "at": at, "bt": bt, "ab": ab, "bb": bb, "w": w, "bias": bias},
            {k: f32(v) for k, v in {
                "mm": d(a) @ d(b),
                "mm_t": np.swapaxes(d(at), -1, -2) @ np.swapaxes(d(bt), -1, -2),
                "mm_bcast": d(ab) @ d(bb),
                "linear": d(a) @ d(w).T + d(bias),
            }.items()})


@case
def matmul_f16():
    r = rng()
    x = f16(r.uniform(-1, 1, (16, 64)))
    y = f16(r.uniform(-1, 1, (64, 24)))
    return {"x": x, "y": y}, {"output0": f16(x.astype(np.float32) @ y.astype(np.float32))}


@case
def sdpa_f32():
    r = rng()
    q = f32(r.uniform(-1, 1, (2, 3, 4)))
    k = f32(r.uniform(-1, 1, (2, 5, 4)))
    v = f32(r.uniform(-1, 1, (2, 5, 6)))
    bmask = r.uniform(0, 1, (3, 5)) > 0.4
    bmask[:, 0] = True
    fmask = f32(r.uniform(-2, 0, (2, 3, 5)))
    d = lambda a: a.astype(np.float64)
    s = d(q) @ np.swapaxes(d(k), -1, -2) / np.sqrt(4)
    add = np.where(bmask, 0.0, -np.inf)
    return ({"q": q, "k": k, "v": v, "bmask": bmask, "fmask": fmask},
            {"plain": f32(_softmax(s, -1) @ d(v)),
             "bool_mask": f32(_softmax(s + add, -1) @ d(v)),
             "float_mask": f32(_softmax(s + d(fmask), -1) @ d(v))})


# --- shape ops --------------------------------------------------------------

@case
def shape_f16():
    r = rng()
    x = f16(r.uniform(-4, 4, (2, 3, 4)))
    x2 = f16(r.uniform(-4, 4, (2, 1, 4)))
    idx = np.array([2, 0], np.int32)
    bidx = np.array([[1, 2], [0, 0]], np.int32)
    inter = np.stack([x, x2.repeat(3, axis=1)], axis=3).reshape(2, 3, 8)
    pad_c = np.pad(x.astype(np.float32), [(0, 0), (0, 1), (2, 0)], constant_values=9).astype(np.float16)
    band = x.copy()
    i, j = np.indices((3, 4))
    band[:, ~((i - j <= 1) & (j - i <= 0))] = 0
    return ({"x": x, "x2": x2, "idx": idx, "bidx": bidx}, {
        "reshape": x.reshape(4, 6),
        "transpose": np.transpose(x, (2, 0, 1)),
        "slice_index": np.ascontiguousarray(x[1, 0:3:2, 3::-1]),
        "slice_size": np.ascontiguousarray(x[0:2, 1:, 1:3]),
        "concat": np.concatenate([x, x2], axis=1),
        "interleave": inter,
        "split0": np.ascontiguousarray(x[:, :1]),
        "split1": np.ascontiguousarray(x[:, 1:]),
        "expand": x.reshape(1, 2, 3, 4),
        "squeeze": x2.reshape(2, 4),
        "tile": np.tile(x, (1, 2, 1)),
        "pad_reflect": np.pad(x, [(0, 0), (0, 0), (1, 2)], mode="reflect"),
        "pad_constant": pad_c,
        "pad_replicate": np.pad(x, [(0, 0), (0, 0), (1, 2)], mode="edge"),
        "gather": np.take(x, idx, axis=1),
        "gather_batch": np.stack([np.take(x[b], bidx[b], axis=0) for b in range(2)]),
        "band": band,
        "stack": np.stack([x, x], axis=1),
    })


# --- quantization -----------------------------------------------------------

def _q(x, scale, zp, lo, hi, dtype):
    return np.clip(np.round(x / scale) + zp, lo, hi).astype(dtype)


@case
def quant_f32():
    r = rng()
    x = f32(r.uniform(-3, 3, (2, 3, 4)))
    x[0, 0, :3] = [f32(0.01) * f32(2.5), f32(0.01) * f32(3.5), f32(-0.025)]  # ties
    q = r.integers(-128, 128, (2, 3, 4)).astype(np.int8)
    s3 = f32([0.01, 0.05, 0.1]).reshape(1, 3, 1)
    z3 = f32([0, -10, 5]).reshape(1, 3, 1)
    qd = np.array([[-128, 127], [0, 5], [-3, 100]], np.int8)
    sd, zd = f32([0.5, 0.25, 0.125]).reshape(3, 1), f32([1, -2, 0]).reshape(3, 1)
    bd = np.arange(16, dtype=np.int8).reshape(4, 4) - 8
    bs, bo = f32([[0.5], [2.0]]), f32([[1], [-1]])
    return ({"x": x, "q": q}, {
        "q_tensor": _q(x, f32(0.02), f32(3), -128, 127, np.int8),
        "q_axis": _q(x, s3, z3, -128, 127, np.int8),
        "q_uint8": _q(x, f32(0.01), f32(128), 0, 255, np.uint8),
        "dq_axis": f32((q.astype(np.float32) - z3) * s3),
        "cx_affine": f16((qd.astype(np.float32) - zd) * sd),
        "cx_blockwise": f32((bd.astype(np.float32) - np.repeat(bo, 2, 0)) * np.repeat(bs, 2, 0)),
        "lut": lut_ref(LUT_IDX, LUT_GROUPED, None),
        "lut_vec": lut_ref(LUT_IDX, LUT_VECTOR, 1),
        "lut_flat2": lut_flat_ref([228, 27, 9], f32([10, 11, 12, 13]), (2, 5)),
        "lut_flat6": f16(lut_flat_ref([197, 31, 161, 1],
                                      (np.arange(64) - 32) / 4, (5,))),
        "sparse16": f16(sparse_ref(
            np.unpackbits(np.uint8([37, 1]), bitorder="little")[:9],
            [1.5, -2.0, 3.25, 4.0], (3, 3))),
        "sparse18": sparse_ref([1, 0, 1, 0, 1, 1], [-7, 5, 127, -128],
                               (2, 3)).astype(np.int8),
        "lut_res": lut_ref((np.arange(16) * 5 % 4).reshape(2, 8),
                           f32(np.arange(1, 9)).reshape(2, 1, 4, 1), None),
        "cast32": f32(f16([1.5, -2.0**-10, 65504.0, 2.0**-24])),
    })


# quant.mlir's constexpr_lut_to_dense data: 2-bit indices, per-row palettes.
LUT_IDX = np.array([[0, 1, 2, 3], [3, 2, 1, 0]])
LUT_GROUPED = f32([10, 11, 12, 13, 20, 21, 22, 23]).reshape(2, 1, 4, 1)
LUT_VECTOR = f32(np.arange(8)).reshape(1, 1, 4, 2)


def lut_ref(idx, lut, vector_axis):
    """output[i] = lut[group(i), idx[i], :] (vector entries along vector_axis)."""
    rank = idx.ndim
    groups = lut.shape[:rank]
    vec = lut.shape[-1]
    out_shape = list(idx.shape)
    if vec > 1:
        out_shape[vector_axis] *= vec
    out = np.zeros(out_shape, np.float32)
    for i in np.ndindex(*idx.shape):
        g = tuple(i[d] // (idx.shape[d] // groups[d]) for d in range(rank))
        entry = lut[g + (idx[i],)]
        for k in range(vec):
            o = list(i)
            if vec > 1:
                o[vector_axis] = i[vector_axis] * vec + k
            out[tuple(o)] = entry[k]
    return out


def lut_flat_ref(packed, lut, shape):
    """constexpr_lut_to_dense's iOS16 form: n-bit indices (2^n = len(lut))
    read LSB first from the byte stream, looked up, reshaped."""
    n = int(np.log2(len(lut)))
    count = int(np.prod(shape))
    bits = np.unpackbits(np.asarray(packed, np.uint8), bitorder="little")
    idx = bits[:count * n].reshape(count, n) @ (1 << np.arange(n))
    return f32(np.asarray(lut)[idx].reshape(shape))


def sparse_ref(mask_bits, nonzero, shape):
    """constexpr_sparse_to_dense: zeros, set mask bits take `nonzero` in
    row-major order."""
    out = np.zeros(int(np.prod(shape)), np.float32)
    out[np.asarray(mask_bits, bool)] = nonzero
    return out.reshape(shape)


def blob(path, meta_offset, dtype):
    """The payload of the MILBlob v2 record at `meta_offset` of a weight file
    (read here from the file's own metadata, not through the importer)."""
    raw = open(path, "rb").read()
    sentinel, _, size, offset = np.frombuffer(raw, "<u4", 2, meta_offset).tolist() + \
        np.frombuffer(raw, "<u8", 2, meta_offset + 8).tolist()
    assert sentinel == 0xDEADBEEF
    return np.frombuffer(raw[offset:offset + size], dtype)


@case
def constexpr_blob():
    """constexpr-blob.test: Target/MIL/Inputs/constexpr_ios16/model.mil.
    Its BLOBFILE records in OUTDIR/weights/weight.bin: 4-bit packed lut
    indices (64), a 16-entry fp16 lut (256), 80 fp16 nonzero values (384)
    and a 32-byte packed mask (640). z = (x + w) + s."""
    wfile = f"{sys.argv[2]}/weights/weight.bin"
    w = lut_flat_ref(blob(wfile, 64, np.uint8), blob(wfile, 256, "<f2"), (8, 32))
    mask = np.unpackbits(blob(wfile, 640, np.uint8), bitorder="little")
    s = sparse_ref(mask, blob(wfile, 384, "<f2"), (8, 32))
    x = f16(rng().uniform(-2, 2, (8, 32)))
    y = f16(f32(x) + w)
    return {"x": x}, {"z": f16(f32(y) + s)}


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
