#!/usr/bin/env bash
# The main job: install what is needed, build in Release, code the sample
# articles into a SQLite file and print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
# The Python package, for Debian's /usr/bin/python3 and, when `python3` on
# PATH is another interpreter of the same version (pyenv), for it too.
pythons=(/usr/bin/python3)
path_python="$(command -v python3 || true)"
if [ -n "$path_python" ] &&
   [ "$(readlink -f "$path_python")" != "$(readlink -f /usr/bin/python3)" ]; then
  pythons+=("$path_python")
fi
scripts/install-python.sh build "${pythons[0]}"
for extra in "${pythons[@]:1}"; do
  scripts/install-python.sh build "$extra" ||
    echo "setup: the Python package is not installed for $extra" >&2
done
rm -f dyad.db dyad.db-wal dyad.db-shm
./build/cli/dyad code --db dyad.db --published 2023-02-01 examples/
./build/cli/dyad events --db dyad.db
