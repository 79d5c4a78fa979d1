// Photo areas of a banner, found before any colour is judged so photos never pay for colour
// lookups. Statistic (visual.md §1.6): distinct colours per 16×16 tile after 5-bit quantisation.
// Flat graphics have 1–2 per tile (p90 8 with JPEG text edges); photos 45–170. A tile with more
// than 32 is "busy"; an opening on the tile grid removes thin chains of busy tiles (text edges in
// a JPEG), and only blobs of at least 4×4 tiles count as photos. Each photo then grows over the
// textured tiles (> 8 colours: the smooth parts of a photo, 10–60 in fruits.jpg) connected to it,
// takes in one ring of non-flat tiles (> 4) and fills the flat holes it encloses.
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

#include "linter/diagnostic.h"

namespace brandlint::raster {

constexpr int kPhotoTile = 16;

struct PhotoMask {
  cv::Mat1b tiles;              // one byte per tile: 1 = photo
  std::vector<PixelBox> areas;  // bounding box (pixels) of each photo blob, by position
  bool any() const { return !areas.empty(); }
  bool photo_at(int x, int y) const { return tiles(y / kPhotoTile, x / kPhotoTile) != 0; }
};

/// The end of the run of pixels equal to `px` that starts at `x`: the first index in [x, end)
/// whose pixel differs, or `end`. Flat graphics are long runs of one pixel value; comparing
/// eight at a time with an OR of XORs lets the compiler use vector compares.
inline int run_end(const std::uint32_t* row, int x, int end, std::uint32_t px) {
  constexpr int kChunk = 8;
  while (x + kChunk <= end) {
    std::uint32_t diff = 0;
    for (int i = 0; i < kChunk; ++i) diff |= row[x + i] ^ px;
    if (diff != 0) break;
    x += kChunk;
  }
  while (x < end && row[x] == px) ++x;
  return x;
}

/// Finds photo areas in an 8-bit BGRA image; pixels with α < 250 are not counted.
PhotoMask find_photo_areas(const cv::Mat& bgra);

}  // namespace brandlint::raster
