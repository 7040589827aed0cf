#!/usr/bin/env bash
# Builds the console into the app's static resources (app/src/main/resources/static/console/),
# which are committed: the README's two commands need no Node. Run after editing console/src.
set -euo pipefail
cd "$(dirname "$0")"
out=../app/src/main/resources/static/console
mkdir -p "$out"
npm ci --no-audit --no-fund
npm run build
cp index.html console.css "$out/"
echo "console built into $out"
