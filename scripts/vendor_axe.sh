#!/usr/bin/env bash
# Re-vendor axe-core (the accessibility rules the browser tests run) from the npm registry.
# Usage: bash scripts/vendor_axe.sh [VERSION]   (default: the pinned version below)
# Writes tests/e2e/vendor/axe.min.js, its licence (MPL-2.0) and AXE_VERSION; commit all three.
set -euo pipefail
VERSION="${1:-4.14.1}"
cd "$(dirname "$0")/.."
OUT=tests/e2e/vendor
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "axe-core@${VERSION}" >/dev/null && tar -xzf axe-core-*.tgz)
mkdir -p "$OUT"
cp "$WORK/package/axe.min.js" "$OUT/axe.min.js"
cp "$WORK/package/LICENSE" "$OUT/LICENSE-axe-core.txt"
echo "$VERSION" > "$OUT/AXE_VERSION"
echo "vendored axe-core $VERSION into $OUT ($(wc -c < "$OUT/axe.min.js") bytes)"
