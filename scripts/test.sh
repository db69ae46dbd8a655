#!/usr/bin/env bash
# Builds and runs every test. Usage: scripts/test.sh [--sanitize]
# Tests that need ../shared (label "shared") skip with a message when it is
# absent; set DYAD_SHARED_DIR to point elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
dir=build
args=()
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  args+=(-DDYAD_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi
if [ -n "${DYAD_SHARED_DIR:-}" ]; then args+=(-DDYAD_SHARED_DIR="$DYAD_SHARED_DIR"); fi
scripts/build.sh "$dir" "${args[@]}"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
