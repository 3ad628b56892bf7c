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
# The programs that read the demo documents' files: pdftotext/pdftoppm
# (poppler-utils) and Tesseract with its Vietnamese data for the scanned
# one. Installed from Debian's packages when missing and this script may;
# otherwise the portal runs without them and its log says what is missing.
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    echo "== installing poppler-utils tesseract-ocr tesseract-ocr-vie (to read the demo's attached files)" >&2
    run() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
    run apt-get update -qq && DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq --no-install-recommends poppler-utils tesseract-ocr tesseract-ocr-vie >/dev/null ||
      echo "could not install them: attached files will not be read" >&2
  else
    echo "poppler-utils / tesseract-ocr-vie not installed: attached PDFs and scans will not be read (apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie)" >&2
  fi
fi
exec go run ./cmd/congtin demo "$@"
