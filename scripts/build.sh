#!/usr/bin/env bash
# Configures and builds dyad. Usage: scripts/build.sh [BUILD_DIR [CMAKE_ARGS...]]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
# The web dashboard `dyad serve` serves (web/dist), from the npm packages.
scripts/build-web.sh
