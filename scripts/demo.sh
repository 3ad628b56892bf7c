#!/usr/bin/env bash
# Runs the portal with demo content on http://localhost:8080 (or $CONGTIN_ADDR).
# Builds the back office's rich-text editor from the npm registry first, when
# npm is present; without it the editor falls back to a plain text area.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v npm >/dev/null 2>&1; then
  web/editor/build.sh >/dev/null
else
  echo "npm not found: the back office will use a plain text area instead of the editor" >&2
fi
exec go run ./cmd/congtin demo "$@"
