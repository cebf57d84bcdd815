#!/usr/bin/env python3
"""Writes MILBlob v2 weight files for the MIL text tests.

  gen_blob.py OUT SPEC [SPEC ...]

Each SPEC is `dtype:count[:option=value...]` with dtype a MILBlob code
(1 fp16, 2 fp32, 3 uint8, 4 int8, 14 int32) and count the number of
elements. Blobs are appended at 64-byte boundaries as Core ML does; the
payload is a deterministic ramp (fp16/fp32 values i/64, integers i mod 100).
Options corrupt a record for error tests: sentinel=HEX, size=N, offset=N,
dtype=N (stored code), variant=1 (leave size/offset empty like the public
ANE benchmarks), version=N (header version).
"""
import struct
import sys


def payload(code, count):
    if code == 1:
        return b"".join(struct.pack("<e", (i % 2048) / 64.0) for i in range(count))
    if code == 2:
        return b"".join(struct.pack("<f", (i % 2048) / 64.0) for i in range(count))
    if code in (3, 4):
        fmt = "<B" if code == 3 else "<b"
        return b"".join(struct.pack(fmt, (i % 100) - (0 if code == 3 else 50)) for i in range(count))
    if code == 14:
        return b"".join(struct.pack("<i", i % 100) for i in range(count))
    raise SystemExit("unsupported dtype code %d" % code)


def main():
    out = sys.argv[1]
    data = bytearray(64)
    version = 2
    specs = sys.argv[2:]
    for spec in specs:
        parts = spec.split(":")
        code, count = int(parts[0]), int(parts[1])
        opts = dict(p.split("=") for p in parts[2:])
        version = int(opts.get("version", version))
        body = payload(code, count)
        meta_off = (len(data) + 63) // 64 * 64
        data += b"\0" * (meta_off - len(data))
        sentinel = int(opts.get("sentinel", "DEADBEEF"), 16)
        size = int(opts.get("size", len(body)))
        off = int(opts.get("offset", meta_off + 64))
        stored = int(opts.get("dtype", code))
        if opts.get("variant") == "1":
            size, off = 0, 0
        data += struct.pack("<IIQQQ", sentinel, stored, size, off, 0) + b"\0" * 32
        data += body
    struct.pack_into("<II", data, 0, len(specs), version)
    import os
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
