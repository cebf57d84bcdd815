#!/usr/bin/env bash
# The main job: builds a small program in the mil dialect, runs it through
# ane-opt and prints the result. Called by `scripts/dev.sh demo`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
PROGRAM="$ROOT/docs/examples/conv_stack.mlir"

echo "== input: $PROGRAM"
cat "$PROGRAM"
echo "== ane-opt --canonicalize"
"$BUILD_DIR/bin/ane-opt" --canonicalize "$PROGRAM"
echo "== ane-run run --backend auto (the cpu reference interpreter on hosts without an ANE)"
"$BUILD_DIR/bin/ane-run" run "$PROGRAM" --random-inputs --seed 1 --backend auto
echo "== ane-run bench (8x 1x1 conv, 256 channels)"
"$BUILD_DIR/bin/ane-run" bench "$ROOT/docs/examples/conv_stack_1x1.mlir" --warmup 5 --iters 20
