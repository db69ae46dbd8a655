#!/usr/bin/env bash
# Installs the built Python package `dyad` for Debian's /usr/bin/python3.
# Usage: scripts/install-python.sh [BUILD_DIR [PYTHON...]]
#   BUILD_DIR  the CMake build directory (default: build); build it first
#              (scripts/build.sh BUILD_DIR builds the package with the rest)
#   PYTHON...  interpreters to install for (default: /usr/bin/python3); any
#              CPython whose extension suffix matches the built module's
#              (another 3.11, e.g. a pyenv python3) works too
# Copies BUILD_DIR/python/dyad into each interpreter's site-packages
# (platlib), replacing any earlier copy, so running it again is harmless;
# then imports it from / to prove it works. The package finds the models
# through the models/ directory of this source tree, compiled into it (or
# $DYAD_MODELS, or models= in Python).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
shift || true
pythons=("$@")
if [ ${#pythons[@]} -eq 0 ]; then pythons=(/usr/bin/python3); fi
package="$build_dir/python/dyad"

if [ ! -f "$package/__init__.py" ]; then
  echo "install-python: no built package in $package; build first:" \
       "scripts/build.sh $build_dir" >&2
  exit 1
fi
module="$(find "$package" -maxdepth 1 -name '_dyad.*.so' | head -n 1)"
if [ -z "$module" ]; then
  echo "install-python: no compiled module _dyad.*.so in $package; build" \
       "first: scripts/build.sh $build_dir" >&2
  exit 1
fi

install_for() {
  local python="$1"
  if ! command -v "$python" > /dev/null; then
    echo "install-python: $python not found" >&2
    return 1
  fi
  local suffix site target staging imported
  suffix="$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
  if [ "$(basename "$module")" != "_dyad$suffix" ]; then
    echo "install-python: $(basename "$module") was built for another" \
         "Python; $python loads _dyad$suffix" >&2
    return 1
  fi
  site="$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')"
  target="$site/dyad"
  mkdir -p "$site"
  # Into a fresh folder beside the target, then swapped in: an import
  # running meanwhile sees the old package or the new one, never half.
  staging="$(mktemp -d "$site/.dyad-install.XXXXXX")"
  install -m 0644 "$package/__init__.py" "$staging/"
  install -m 0755 "$module" "$staging/"
  chmod 0755 "$staging"
  rm -rf "$target"
  mv "$staging" "$target"
  # From / with no PYTHONPATH, so that the build tree is not on the path.
  imported="$(cd / && env -u PYTHONPATH "$python" -c 'import dyad; print(dyad.__file__)')"
  if [ "$imported" != "$target/__init__.py" ]; then
    echo "install-python: $python imports dyad from $imported, not" \
         "$target" >&2
    return 1
  fi
  echo "installed the dyad Python package for $python into $target"
}

for python in "${pythons[@]}"; do
  install_for "$python"
done
