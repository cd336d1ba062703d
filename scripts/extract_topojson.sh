#!/usr/bin/env bash
# Rebuild static/topojson/ from the npm package plotly.js (MIT), which ships Plotly's map shapes inside
# dist/plotly-geo-assets.js. Streamlit's bundled plotly.js fetches them from a CDN by default; we serve
# them ourselves so the map works offline. Needs node and npm. Usage: bash scripts/extract_topojson.sh
set -euo pipefail
VERSION="${PLOTLY_JS_VERSION:-4.1.1}"
NAMES="${TOPOJSON_NAMES:-world_110m usa_110m}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack "plotly.js@${VERSION}" --silent >/dev/null
tar -xzf "plotly.js-${VERSION}.tgz" package/dist/plotly-geo-assets.js
mkdir -p "$root/static/topojson"
NAMES="$NAMES" OUT="$root/static/topojson" node -e '
  globalThis.window = {};
  const assets = require("./package/dist/plotly-geo-assets.js");
  const fs = require("fs");
  for (const name of process.env.NAMES.split(/\s+/).filter(Boolean)) {
    fs.writeFileSync(`${process.env.OUT}/${name}.json`, JSON.stringify(assets.topojson[name]));
    console.log(`wrote static/topojson/${name}.json`);
  }
'
