#!/usr/bin/env bash
# Rebuilds the binary assets of the example campaign (fixtures/demo/) from
# tools/make_demo_assets.cpp, built as part of the project (it places the guide's logo files
# with brandlint's own SVG renderer).
#
#   tools/make_demo_assets.sh [OUTPUT_DIR]     # default: fixtures/demo
#
# The output is deterministic for a given OpenCV/zlib/libjpeg/librsvg and the installed fonts
# (scripts/deps installs them); commit the images it writes.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo/fixtures/demo}"
"$repo/scripts/build" release make_demo_assets
"$repo/build/release/tools/make_demo_assets" "$out"
