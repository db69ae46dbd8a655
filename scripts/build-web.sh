#!/usr/bin/env bash
# Builds the web dashboard (web/) with vite into web/dist, which `dyad serve`
# serves at `/`. Needs the npm packages of package.json in node_modules
# (installed by the setup script); fetches nothing. Safe to run again: the
# output directory is rebuilt from scratch each time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if ! command -v node >/dev/null 2>&1; then
  echo "build-web: node is not installed" >&2
  exit 1
fi
for package in vite echarts cytoscape leaflet world-atlas topojson-client world-countries; do
  if [[ ! -d "node_modules/$package" ]]; then
    echo "build-web: node_modules/$package is missing; run the setup script (npm ci) first" >&2
    exit 1
  fi
done

# --no-install: use the vite of node_modules, never download one.
npx --no-install vite build --config web/vite.config.js --logLevel warn

if [[ ! -s web/dist/index.html ]]; then
  echo "build-web: vite finished but web/dist/index.html is missing" >&2
  exit 1
fi
echo "build-web: dashboard built in $repo/web/dist"
