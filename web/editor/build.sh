#!/usr/bin/env bash
# Builds the back-office editor: installs the exact packages of
# package-lock.json from the npm registry, then bundles them into
# internal/static/files/editor/editor.js and editor.css. Works from any
# directory.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
node build.mjs
