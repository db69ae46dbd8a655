#!/usr/bin/env bash
# The main job: install what is needed, build in Release, code the sample
# articles into a SQLite file and print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
rm -f dyad.db dyad.db-wal dyad.db-shm
./build/cli/dyad code --db dyad.db --published 2023-02-01 examples/
./build/cli/dyad events --db dyad.db
