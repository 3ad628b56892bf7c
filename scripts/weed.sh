#!/usr/bin/env bash
# Builds SeaweedFS's `weed` (Apache-2.0), the S3-compatible object store
# the tests of -media-store start on loopback (internal/s3test), from the
# Go module proxy, into $HOME/.cache/congtin/bin/weed. Debian has no
# package of it. `go install …@version` refuses the module (its go.mod has
# replace directives), so its source is copied out of the module cache and
# built there. Nothing of it is committed. A second run with the same
# version does nothing.
set -euo pipefail

version=v0.0.0-20261109003541-7506e5f91cd6 # pinned: the build is reproducible
bin="${HOME}/.cache/congtin/bin"
stamp="$bin/weed.version"
if [ -x "$bin/weed" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
echo "== building SeaweedFS weed $version (object store for the tests)"
mkdir -p "$bin"
src=$(go mod download -json "github.com/seaweedfs/seaweedfs@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "weed.sh: module source not found"; exit 1; }
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r "$src" "$work/src"
chmod -R u+w "$work/src"
(cd "$work/src" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin/weed.new" ./weed)
mv "$bin/weed.new" "$bin/weed"
echo "$version" >"$stamp"
"$bin/weed" version
