#!/usr/bin/env bash
# Load benchmark of the public pages: generates (once, then cached) a portal
# of 100,000 articles, builds and starts congtin on a loopback port, and
# prints req/s, p50/p99 and errors per page against a reference server
# measured in the same run, with the targets marked PASS or FAIL, then
# checks that every article view served was stored. Flags go to
# cmd/loadbench, e.g. -n 20000 -duration 3s; -h lists them.
# -media-compare runs it twice, images in a -media-dir folder and then in
# a throwaway SeaweedFS bucket (scripts/weed.sh builds weed), and closes
# with a note comparing the article pages.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./cmd/loadbench "$@"
