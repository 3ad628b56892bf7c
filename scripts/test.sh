#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh
# Debian machine (Chromium for the browser tests, poppler-utils for the
# PDF text, PostgreSQL 15 for the PostgreSQL store's, SeaweedFS for the
# object store's), checks formatting
# and vet, runs staticcheck, then the whole test suite with nothing
# skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

need_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Chromium (Debian's package) for the headless browser tests.
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  need_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

# The programs that read attached files, and those the tests make real
# files with (Debian's packages): poppler-utils (pdftotext reads PDFs'
# text, pdftoppm renders scanned pages, pdffonts checks fixtures),
# tesseract-ocr with its Vietnamese data (OCR of scans), img2pdf (wraps a
# test scan in a PDF), LibreOffice Writer without its GUI and the
# Liberation fonts (a DOCX in Times New Roman turned into a PDF).
# prlimit (util-linux, in every Debian) bounds their memory.
readers="poppler-utils tesseract-ocr tesseract-ocr-vie img2pdf libreoffice-writer-nogui fonts-liberation"
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v tesseract >/dev/null 2>&1 || ! command -v img2pdf >/dev/null 2>&1 ||
   ! command -v libreoffice >/dev/null 2>&1 || [ ! -e /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || [ ! -d /usr/share/fonts/truetype/liberation ]; then
  echo "== installing $readers"
  need_root apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq --no-install-recommends $readers >/dev/null
fi

# PostgreSQL 15 (Debian's package) for the PostgreSQL store's tests: they
# start a throwaway server of their own on loopback (internal/pgtest), or
# use $CONGTIN_TEST_POSTGRES when it is set. The tests that stop and start
# the database under a running portal always start their own, so the
# server programs are needed either way.
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "== installing postgresql-15"
  need_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq postgresql-15 >/dev/null
fi

# nginx (Debian's nginx-light) for the test that runs congtin behind a
# real TLS reverse proxy, with the configuration docs/nginx/ recommends.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "== installing nginx-light"
  need_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi

# The deployment files under docs/deploy are checked by their own tools:
# systemd-analyze (Debian's systemd) verifies the unit, docker-compose
# (Debian's, 1.29; it validates without a Docker engine) the compose file.
if ! command -v systemd-analyze >/dev/null 2>&1 || ! command -v docker-compose >/dev/null 2>&1; then
  echo "== installing systemd docker-compose"
  need_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq --no-install-recommends systemd docker-compose >/dev/null
fi

# SeaweedFS (weed), the S3-compatible object store the -media-store tests
# start on loopback (internal/s3test): built from the Go module proxy into
# ~/.cache/congtin/bin, once per version (a few minutes the first time).
./scripts/weed.sh

echo "== editor bundle (npm) and its tests"
web/editor/build.sh
(cd web/editor && npm test --silent)

echo "== axe-core (npm) for the accessibility browser test"
web/a11y/install.sh

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

echo "== go test"
# Browser tests, and tests of the external programs (pdftotext), must run
# here, not skip.
export CONGTIN_REQUIRE_BROWSER=1
export CONGTIN_REQUIRE_TOOLS=1
export CONGTIN_SCREENSHOTS="${CONGTIN_SCREENSHOTS:-$(mktemp -d)}"
go test -count=1 -timeout 25m "$@" ./...

echo "== OCR accuracy on the test scan"
# Printed here because a passing package shows only "ok" above; the test
# fails below 95 % of syllables.
go test -count=1 -v -run 'TestOCRAccuracy' ./internal/ocr/ | grep -E 'OCR .*accuracy' || { echo "the OCR accuracy line is missing"; exit 1; }

echo "== go test -race (the concurrent parts)"
# The whole suite under the race detector takes too long on 2 cores with
# the pure-Go SQLite; the counters and the HTTP layer are where goroutines
# share state.
go test -count=1 -race -timeout 10m ./internal/counters/ ./internal/web/
echo "screenshots: $CONGTIN_SCREENSHOTS"
