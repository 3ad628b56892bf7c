#!/usr/bin/env bash
# Runs every Go fuzz target of the module, one after another, for DURATION
# each (default 5m; any `go test -fuzztime` value), with -parallel 1 unless
# FUZZ_PARALLEL is set: the machines are shared. Prints one line per target
# (result and the executions go counted) and a summary; exits non-zero if
# any target failed. A failing input is written by go under the package's
# testdata/fuzz/FuzzX/, where it becomes a regression test of `go test`.
# FUZZ_ONLY, an extended regular expression, runs only the targets whose
# "package name" line matches it (to share the targets out over machines
# or cores). The list below must name every Fuzz function in the tree
# (cmd/congtin's TestFuzzScriptRunsEveryTarget checks it).
set -uo pipefail
cd "$(dirname "$0")/.."

duration="${1:-5m}"
parallel="${FUZZ_PARALLEL:-1}"

# package target
targets=(
	". FuzzSlugify"
	"./internal/search/vn FuzzFold"
	"./internal/search/vn FuzzTokens"
	"./internal/search FuzzParseQuery"
	"./internal/sqlite FuzzFTSMatch"
	"./internal/postgres FuzzTsQuery"
	"./internal/sanitize FuzzHTML"
	"./internal/importer FuzzReadJSON"
	"./internal/importer FuzzReadProcedures"
	"./internal/wxr FuzzRead"
	"./internal/docfile FuzzSniff"
	"./internal/docfile FuzzPDFText"
	"./internal/tabular FuzzPreview"
	"./internal/pagecache FuzzEntryWrite"
	"./internal/media FuzzProcess"
	"./internal/media FuzzJPEGOrientation"
	"./internal/diff FuzzText"
	"./internal/diff FuzzHTML"
)

if [ -n "${FUZZ_ONLY:-}" ]; then
	chosen=()
	for t in "${targets[@]}"; do
		if grep -Eq -- "$FUZZ_ONLY" <<<"$t"; then chosen+=("$t"); fi
	done
	targets=("${chosen[@]}")
fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
failed=0
echo "fuzzing ${#targets[@]} targets for $duration each, -parallel $parallel"
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	log="$logs/${pkg//\//_}.$name.log"
	go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$duration" -parallel "$parallel" >"$log" 2>&1
	rc=$?
	execs="$(grep -o 'execs: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)"
	if [ "$rc" -eq 0 ]; then
		printf 'ok    %-22s %-20s execs %s\n' "$pkg" "$name" "${execs:-?}"
	else
		failed=$((failed + 1))
		input="$(grep -o 'testdata/fuzz/[^ ]*' "$log" | head -n 1)"
		printf 'FAIL  %-22s %-20s execs %s %s\n' "$pkg" "$name" "${execs:-?}" "${input:+input $pkg/$input}"
		sed 's/^/      /' "$log" | grep -v '^      fuzz: elapsed' | head -n 30
	fi
done
if [ "$failed" -gt 0 ]; then
	echo "FAIL: $failed of ${#targets[@]} fuzz targets failed"
	exit 1
fi
echo "PASS: ${#targets[@]} fuzz targets, $duration each, no failure"
