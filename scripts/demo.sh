#!/usr/bin/env bash
# The main job: the seed report's FP16 vs INT8 W8A8 conv-stack benchmark
# (ane_int8_bench) built with ane-mlir instead of hand-formatted MIL. A 1x1
# conv stack in the [1, C, 1, S] layout is generated, cleaned up and fused
# with ane-opt, checked against the ANE constraint catalogue, quantized (W8,
# and W8A8 with calibration samples), emitted as MIL program directories with
# ane-translate, then run, compared and benchmarked with ane-run: on the CPU
# reference interpreter and on the ANE backend (the fake platform on hosts
# without an ANE; --platform system on a Mac). Called by `scripts/dev.sh demo`.
#
# Environment: LAYERS (8), CHANNELS (256), SEQ (512), ITERS (10), DEMO_OUT
# (BUILD_DIR/demo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
BIN="$BUILD_DIR/bin"
OUT="${DEMO_OUT:-$BUILD_DIR/demo}"
LAYERS="${LAYERS:-8}" CHANNELS="${CHANNELS:-256}" SEQ="${SEQ:-512}" ITERS="${ITERS:-10}"
PY=/usr/bin/python3
PLATFORM=fake
[ "$(uname -s)" = Darwin ] && PLATFORM=system
rm -rf "$OUT" && mkdir -p "$OUT"
gen() { "$PY" "$ROOT/benchmarks/gen_conv_stack.py" "$@" --channels "$CHANNELS" --seq "$SEQ"; }

echo "== 1. generate an fp16 ${LAYERS}x conv ${CHANNELS}ch sp${SEQ} stack (+ relu), calibration and test inputs"
gen model "$OUT/source.mlir" --layers "$LAYERS" --relu --seed 0
gen inputs "$OUT/calibration" --samples 8 --seed 1
gen inputs "$OUT/test-input" --seed 7

echo "== 2. ane-opt --mil-ane-fusion (cleanup + fusion)"
"$BIN/ane-opt" --mil-ane-fusion -mlir-print-debuginfo "$OUT/source.mlir" -o "$OUT/fp16.mlir"
echo "   ops: $(grep -c ' = mil\.' "$OUT/fp16.mlir")"

echo "== 3. ane-opt --mil-check-ane=chip=m4 (device constraint catalogue)"
"$BIN/ane-opt" --mil-check-ane="chip=m4" "$OUT/fp16.mlir" -o /dev/null 2>&1 |
  grep -E "error|warning" | sed 's/^/   /' || echo "   no findings"

echo "== 4. quantize: --mil-ane-w8 and --mil-ane-w8a8 (calibrated on 8 samples)"
"$BIN/ane-opt" --mil-ane-w8 -mlir-print-debuginfo "$OUT/fp16.mlir" -o "$OUT/w8.mlir"
"$BIN/ane-opt" --mil-ane-w8a8="calibration-inputs=$OUT/calibration granularity=per-tensor" \
  -mlir-print-debuginfo "$OUT/fp16.mlir" -o "$OUT/w8a8.mlir"

echo "== 5. ane-translate --export-mil-text -> program directories"
for v in fp16 w8 w8a8; do
  "$BIN/ane-translate" --export-mil-text "$OUT/$v.mlir" -o "$OUT/$v/model.mil"
  echo "   $v: $(du -k "$OUT/$v/weights" | cut -f1) KiB of weights"
done
{ grep -m 4 -E "constexpr_affine_dequantize|quantize\(" "$OUT/w8a8/model.mil" || true; } | cut -c1-150 | sed "s/^ */   /"

echo "== 6. run: cpu interpreter vs ANE backend ($PLATFORM platform), same input"
for v in fp16 w8a8; do
  for b in cpu ane; do
    "$BIN/ane-run" run "$OUT/$v" --backend "$b" --platform "$PLATFORM" \
      --input "x=$OUT/test-input/x.npy" --output-dir "$OUT/out-$v-$b" >/dev/null
  done
  if cmp -s "$OUT/out-$v-cpu/y.npy" "$OUT/out-$v-ane/y.npy"; then
    echo "   $v: ane output == cpu output, bit for bit"
  else
    echo "   $v: ane output differs from cpu output" && exit 1
  fi
done

echo "== 7. accuracy (ane-run compare) and benchmarks (ane-run bench)"
for v in w8 w8a8; do
  "$BIN/ane-run" compare "$OUT/fp16" "$OUT/$v" --inputs "$OUT/test-input" --json \
    >"$OUT/compare-$v.json"
done
for v in fp16 w8 w8a8; do
  "$BIN/ane-run" bench "$OUT/$v" --warmup 2 --iters "$ITERS" --json >"$OUT/bench-$v-cpu.json"
done
for v in fp16 w8a8; do
  "$BIN/ane-run" bench "$OUT/$v" --backend ane --platform "$PLATFORM" --warmup 2 \
    --iters "$ITERS" --json >"$OUT/bench-$v-ane.json"
done

echo
"$PY" - "$OUT" "$LAYERS" "$CHANNELS" "$SEQ" "$PLATFORM" <<'EOF'
import json, os, sys
out, layers, ch, seq, platform = sys.argv[1:]
def load(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.loads(f.read().splitlines()[-1])
print("Config: %sx conv %sch sp%s, W8A8 as in the seed report's ane_int8_bench" % (layers, ch, seq))
print("%-6s %-12s %8s %8s %10s %9s %12s %10s" % (
    "prog", "backend", "W(MB)", "GOP", "ms/eval", "TOPS", "max|err|", "cosine"))
print("-" * 82)
for v in ("fp16", "w8", "w8a8"):
    cmp = load("compare-%s.json" % v)
    err = "%.4f" % cmp["outputs"][0]["max_abs_error"] if cmp else "(ref)"
    cos = "%.6f" % cmp["outputs"][0]["cosine"] if cmp else "1"
    for b in ("cpu", "ane"):
        r = load("bench-%s-%s.json" % (v, b))
        if not r:
            continue
        label = b if b == "cpu" else "ane/" + platform
        print("%-6s %-12s %8.2f %8.3f %10.3f %9.4f %12s %10s" % (
            v, label, r["weight_mb"], r["gflop"], r["ms_per_eval"], r["tflops"], err, cos))
print("\nOn this host ane/fake is the fake platform: the device protocol is exercised for real,"
      "\nthe arithmetic is the CPU interpreter's, so its timings are the CPU's, not the ANE's.")
EOF
