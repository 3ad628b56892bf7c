#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh
# Debian machine (Chromium for the browser tests, poppler-utils for the
# PDF text, PostgreSQL 15 for the PostgreSQL store's), checks formatting
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

# poppler-utils (Debian's package): pdftotext reads the text of attached
# PDFs (internal/docfile); prlimit (util-linux, in every Debian) bounds its
# memory.
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "== installing poppler-utils"
  need_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq poppler-utils >/dev/null
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

echo "== go test -race (the concurrent parts)"
# The whole suite under the race detector takes too long on 2 cores with
# the pure-Go SQLite; the counters and the HTTP layer are where goroutines
# share state.
go test -count=1 -race -timeout 10m ./internal/counters/ ./internal/web/
echo "screenshots: $CONGTIN_SCREENSHOTS"
