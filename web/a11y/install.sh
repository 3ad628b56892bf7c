#!/usr/bin/env bash
# Installs axe-core, exactly as package-lock.json pins it, from the npm
# registry into web/a11y/node_modules, where the accessibility browser test
# (cmd/congtin/a11y_browser_test.go) reads it. Nothing here is served or
# committed. Works from any directory.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
npm ci --no-audit --no-fund
