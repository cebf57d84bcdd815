"""Using libane_runtime from Python with ctypes and numpy.

    python3 ane_ctypes_example.py path/to/libane_runtime.so [fake|system]

Compiles a one-op MIL program (y = x * s, s from a weight blob), feeds a
[1,C,1,S] fp16 tensor, evaluates and checks the result against numpy. On the
fake platform the "device" program is a Python callback (plugged in with
ane_fake_set_program) that computes y = x * s with numpy; on a Mac with
"system" the real ANE runs the MIL.
"""
import ctypes
import sys

import numpy as np

C, S, SCALE = 4, 16, 0.5

MIL = f"""program(1.3)
{{
    func main<ios18>(tensor<fp16, [1, {C}, 1, {S}]> x) {{
        tensor<fp16, [1, 1, 1, 1]> s = const()[name = string("s"), val = tensor<fp16, [1, 1, 1, 1]>(BLOBFILE(path = string("@model_path/weights/weight.bin"), offset = uint64(64)))];
        tensor<fp16, [1, {C}, 1, {S}]> y = mul(x = x, y = s)[name = string("y")];
    }} -> (y);
}}
""".encode()


def load(path):
    lib = ctypes.CDLL(path)
    size_p = ctypes.POINTER(ctypes.c_size_t)
    u8_p = ctypes.POINTER(ctypes.c_uint8)
    lib.ane_init_platform.argtypes = [ctypes.c_int]
    lib.ane_last_error.restype = ctypes.c_char_p
    lib.ane_platform_name.restype = ctypes.c_char_p
    lib.ane_compile.restype = ctypes.c_void_p
    lib.ane_compile.argtypes = [ctypes.c_char_p, ctypes.c_size_t, u8_p,
                                ctypes.c_size_t, ctypes.c_int, size_p,
                                ctypes.c_int, size_p]
    lib.ane_write_input.argtypes = [ctypes.c_void_p, ctypes.c_int,
                                    ctypes.c_void_p, ctypes.c_size_t]
    lib.ane_read_output.argtypes = lib.ane_write_input.argtypes
    lib.ane_eval.argtypes = [ctypes.c_void_p]
    lib.ane_last_eval_ms.argtypes = [ctypes.c_void_p]
    lib.ane_last_eval_ms.restype = ctypes.c_double
    lib.ane_free.argtypes = [ctypes.c_void_p]
    lib.ane_build_weight_blob.restype = u8_p
    lib.ane_build_weight_blob.argtypes = [ctypes.POINTER(ctypes.c_float),
                                          ctypes.c_int, ctypes.c_int, size_p]
    lib.ane_free_blob.argtypes = [ctypes.c_void_p]
    return lib


EVAL_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
                           ctypes.POINTER(ctypes.c_void_p),
                           ctypes.POINTER(ctypes.c_size_t), ctypes.c_int,
                           ctypes.POINTER(ctypes.c_void_p),
                           ctypes.POINTER(ctypes.c_size_t))


@EVAL_FN
def numpy_program(user, n_in, ins, in_sizes, n_out, outs, out_sizes):
    """The fake device's program: y = x * SCALE in fp16."""
    n = C * S
    x = np.ctypeslib.as_array(ctypes.cast(ins[0], ctypes.POINTER(ctypes.c_uint16)), (n,))
    y = np.ctypeslib.as_array(ctypes.cast(outs[0], ctypes.POINTER(ctypes.c_uint16)), (n,))
    y[:] = (x.view(np.float16) * np.float16(SCALE)).view(np.uint16)
    return 0


def main():
    lib = load(sys.argv[1])
    platform = {"fake": 2, "system": 1}[sys.argv[2] if len(sys.argv) > 2 else "fake"]
    if lib.ane_init_platform(platform) != 0:
        print("ane_init failed:", lib.ane_last_error().decode())
        return 1
    print("platform:", lib.ane_platform_name().decode())
    if platform == 2:
        assert lib.ane_fake_set_program(numpy_program, None) == 0

    w = np.array([SCALE], dtype=np.float32)
    blob_len = ctypes.c_size_t()
    blob = lib.ane_build_weight_blob(w.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
                                     1, 1, ctypes.byref(blob_len))
    io = ctypes.c_size_t(C * S * 2)
    k = lib.ane_compile(MIL, len(MIL), blob, blob_len, 1, ctypes.byref(io), 1,
                        ctypes.byref(io))
    lib.ane_free_blob(blob)
    if not k:
        print("compile failed:", lib.ane_last_error().decode())
        return 1

    # [1,C,1,S] channel-first: element (c, s) at c*S + s.
    x = (np.arange(C * S, dtype=np.float32).reshape(C, S) / 8 - 3).astype(np.float16)
    y = np.empty((C, S), dtype=np.float16)
    ok = (lib.ane_write_input(k, 0, x.ctypes.data, x.nbytes) == 0 and
          lib.ane_eval(k) == 0 and
          lib.ane_read_output(k, 0, y.ctypes.data, y.nbytes) == 0)
    if not ok:
        print("run failed:", lib.ane_last_error().decode())
        return 1
    expected = x * np.float16(SCALE)
    print("max abs diff:", float(np.max(np.abs(y.astype(np.float32) - expected.astype(np.float32)))))
    print("y[2, 5] =", float(y[2, 5]))
    print("wall ms >= 0:", lib.ane_last_eval_ms(k) >= 0)
    print("compile count:", lib.ane_get_compile_count())
    lib.ane_free(k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
