#!/usr/bin/env bash
# Rebuilds the image fixtures of color/off-palette, color/accent-share and color/color-profile
# from tools/make_raster_fixtures.cpp. Needs g++ (C++20), OpenCV 4 and zlib.
#
#   tools/make_raster_fixtures.sh [FIXTURES_COLOR_DIR]    # default: fixtures/color
#
# Deterministic for a given OpenCV/zlib/libjpeg; commit the images it writes, then refresh the
# expected findings with BRANDLINT_UPDATE_FIXTURES=1 and review them with git diff.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo/fixtures/color}"
bin="${TMPDIR:-/tmp}/make_raster_fixtures.$$"
trap 'rm -f "$bin"' EXIT

# OpenCV's headers warn under C++20 (enum arithmetic); include them as system headers.
cflags="$(pkg-config --cflags opencv4 | sed 's/-I/-isystem /g')"
# shellcheck disable=SC2046,SC2086  # pkg-config output must be word-split
g++ -std=c++20 -O2 -Wall -Wextra -I"$repo" $cflags "$repo/tools/make_raster_fixtures.cpp" \
  $(pkg-config --libs opencv4) -lz -o "$bin"
"$bin" "$out"
