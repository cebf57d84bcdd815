#!/usr/bin/env bash
# roundtrip.sh ANE_TRANSLATE MIL OUTDIR [import flags...]
#
# Checks the two round-trip properties of the MIL text translation on one
# program:
#   import -> export -> import gives the same module (compared as printed IR
#   without locations), and
#   export -> import -> export gives the same bytes (text and weight files).
set -euo pipefail
tool=$1 mil=$2 out=$3
shift 3
rm -rf "$out" && mkdir -p "$out"
export_flags=()
for f in "$@"; do
  if [ "$f" = --no-verify ]; then export_flags+=(--no-verify); fi
done
"$tool" --import-mil-text "$@" "$mil" -o "$out/a.mlir"
"$tool" --import-mil-text "$@" --mil-print-names=false "$mil" -o "$out/a.bare.mlir"
"$tool" --export-mil-text ${export_flags[@]+"${export_flags[@]}"} "$out/a.mlir" -o "$out/x/model.mil"
"$tool" --import-mil-text "$@" "$out/x/model.mil" -o "$out/b.mlir"
"$tool" --import-mil-text "$@" --mil-print-names=false "$out/x/model.mil" \
  -o "$out/b.bare.mlir"
diff "$out/a.bare.mlir" "$out/b.bare.mlir"
"$tool" --export-mil-text ${export_flags[@]+"${export_flags[@]}"} "$out/b.mlir" -o "$out/y/model.mil"
cmp "$out/x/model.mil" "$out/y/model.mil"
if [ -d "$out/x/weights" ]; then
  for w in "$out"/x/weights/*; do
    cmp "$w" "$out/y/weights/$(basename "$w")"
  done
fi
