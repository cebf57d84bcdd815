#!/usr/bin/env bash
# The main job: a program in the mil dialect (an 8-layer 1x1 conv stack, as
# in the seed report's sweeps) is optimised with ane-opt, emitted as MIL text
# + weight blobs with ane-translate, then run and benchmarked from that
# program directory with ane-run (the cpu reference interpreter on hosts
# without an ANE). Called by `scripts/dev.sh demo`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
BIN="$BUILD_DIR/bin"
SOURCE="$ROOT/docs/examples/conv_stack_1x1.mlir"
OUT="$BUILD_DIR/demo"
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== 1. ane-opt --mil-ane-default $SOURCE"
"$BIN/ane-opt" --mil-ane-default "$SOURCE" -o "$OUT/optimized.mlir"
grep -c "mil.conv" "$OUT/optimized.mlir" | sed 's/^/   conv ops: /'

echo "== 2. ane-translate --export-mil-text -> $OUT/program"
"$BIN/ane-translate" --export-mil-text "$OUT/optimized.mlir" -o "$OUT/program/model.mil"
head -n 12 "$OUT/program/model.mil"
echo "   ..."
ls -l "$OUT/program/weights"

echo "== 3. ane-run run $OUT/program --backend auto"
"$BIN/ane-run" run "$OUT/program" --random-inputs --seed 1 --backend auto \
  --output-dir "$OUT/outputs"

echo "== 4. ane-run bench $OUT/program"
"$BIN/ane-run" bench "$OUT/program" --warmup 5 --iters 20
