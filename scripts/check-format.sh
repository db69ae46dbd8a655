#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format (Google style).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cc' '*.h')
[ -z "$files" ] || clang-format --dry-run --Werror $files
echo "clang-format: $(echo "$files" | wc -w) files clean"
