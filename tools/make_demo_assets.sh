#!/usr/bin/env bash
# Rebuilds the binary assets of the example campaign (fixtures/demo/) from
# tools/make_demo_assets.cpp. Needs g++ (C++20) and OpenCV 4 (libopencv-dev, pkg-config opencv4).
#
#   tools/make_demo_assets.sh [OUTPUT_DIR]     # default: fixtures/demo
#
# The output is deterministic for a given OpenCV/zlib/libjpeg; commit the images it writes.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo/fixtures/demo}"
bin="${TMPDIR:-/tmp}/make_demo_assets.$$"
trap 'rm -f "$bin"' EXIT

# OpenCV's headers warn under C++20 (enum arithmetic); include them as system headers.
cflags="$(pkg-config --cflags opencv4 | sed 's/-I/-isystem /g')"
# shellcheck disable=SC2046,SC2086  # pkg-config output must be word-split
g++ -std=c++20 -O2 -Wall -Wextra $cflags "$repo/tools/make_demo_assets.cpp" \
  $(pkg-config --libs opencv4) -o "$bin"
"$bin" "$out"
