#!/usr/bin/env bash
# ane-mlir developer entry point: installs what the build needs (Debian
# bookworm packages, idempotently), configures and builds with Ninja, and runs
# the main job or the test suite.
#
#   scripts/dev.sh demo    set up, build, and run the main job
#   scripts/dev.sh test    set up, build, and run every test (lit + GoogleTest)
#   scripts/dev.sh build   set up and build only
#   scripts/dev.sh deps    install packages only
#
# Environment: BUILD_DIR (default: build), JOBS (default: nproc).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc)}"
LLVM_PREFIX=/usr/lib/llvm-22

PACKAGES=(
  build-essential cmake ninja-build python3 python3-numpy
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
  libfmt-dev googletest libgtest-dev libbenchmark-dev libopenblas-dev
)

log() { printf '\033[1m[ane-mlir]\033[0m %s\n' "$*"; }
die() { printf '[ane-mlir] error: %s\n' "$*" >&2; exit 1; }

install_deps() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "all ${#PACKAGES[@]} packages already installed"
    return
  fi
  log "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" || die "apt-get install failed for: ${missing[*]}"
}

check_tools() {
  for tool in "$LLVM_PREFIX/bin/mlir-tblgen" "$LLVM_PREFIX/bin/lit" \
              "$LLVM_PREFIX/bin/FileCheck" "$LLVM_PREFIX/bin/clang++"; do
    [ -x "$tool" ] || die "missing $tool (package llvm-22-tools / mlir-22-tools / clang-22)"
  done
}

build() {
  install_deps
  check_tools
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    log "configuring $BUILD_DIR"
    local launcher=()
    # ccache, when present, is used (it is not required).
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -G Ninja -S "$ROOT" -B "$BUILD_DIR" \
      -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER="$LLVM_PREFIX/bin/clang" \
      -DCMAKE_CXX_COMPILER="$LLVM_PREFIX/bin/clang++" \
      -DMLIR_DIR="$LLVM_PREFIX/lib/cmake/mlir" \
      -DLLVM_EXTERNAL_LIT="$LLVM_PREFIX/bin/lit" "${launcher[@]}" >/dev/null
  fi
  log "building with $JOBS jobs"
  cmake --build "$BUILD_DIR" -- -j "$JOBS"
}

run_tests() {
  build
  log "running lit + unit tests"
  local out rc=0
  out="$(mktemp)"
  cmake --build "$BUILD_DIR" --target check-ane -- -j "$JOBS" 2>&1 | tee "$out" ||
    rc=$?
  # One closing line in the plain 'N passed, N failed' form.
  local passed failed
  passed=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$out" | tail -1)
  failed=$(awk -F: '/^ *(Failed|Unresolved|Timed Out) *:/ {n += $2} END {print n + 0}' "$out")
  rm -f "$out"
  echo "tests: ${passed:-0} passed, ${failed:-0} failed"
  return "$rc"
}

run_demo() {
  build
  "$ROOT/scripts/demo.sh" "$BUILD_DIR"
}

case "${1:-}" in
  deps) install_deps ;;
  build) build ;;
  test) run_tests ;;
  demo) run_demo ;;
  *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
