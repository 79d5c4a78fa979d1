// Photo areas of a banner, found before any colour is judged so photos never pay for colour
// lookups. Statistic (visual.md §1.6): distinct colours per 16×16 tile after 5-bit quantisation.
// Flat graphics have 1–2 per tile (p90 8 with JPEG text edges); photos 45–170. A tile with more
// than 32 is "busy"; an opening on the tile grid removes thin chains of busy tiles (text edges in
// a JPEG), and only blobs of at least 4×4 tiles count as photos. Each photo then grows over the
// textured tiles (> 8 colours: the smooth parts of a photo, 10–60 in fruits.jpg) connected to it,
// takes in one ring of non-flat tiles (> 4) and fills the flat holes it encloses. Smoother
// parts still (a sky: < 8 colours per tile) join through grow_over_smooth_areas(), which needs
// the palette and so runs in the raster pipeline.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include <opencv2/core.hpp>

#include "linter/diagnostic.h"
#include "rules/support/color.h"

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

/// Per-channel minimum and maximum of every 8×8 block of an 8-bit BGRA image, each packed as
/// BGRA bytes into a 32-bit word (the pixel's own layout). 8×8 is JPEG's block grid: in a flat
/// area of a JPEG every block stays within a few steps of its colour, so one look at its range
/// settles all 64 pixels. Blocks on the right and bottom border may be smaller.
constexpr int kBlock = 8;
struct BlockStats {
  int cols = 0, rows = 0;             // blocks per row, block rows
  std::vector<std::uint32_t> lo, hi;  // row-major, one per block
  std::uint32_t min_of(int bx, int by) const {
    return lo[std::size_t(by) * std::size_t(cols) + std::size_t(bx)];
  }
  std::uint32_t max_of(int bx, int by) const {
    return hi[std::size_t(by) * std::size_t(cols) + std::size_t(bx)];
  }
  std::size_t bytes() const { return (lo.capacity() + hi.capacity()) * sizeof(std::uint32_t); }
};
BlockStats block_stats(const cv::Mat& bgra);

/// Byte-wise minimum / maximum of two packed BGRA words.
inline std::uint32_t byte_min(std::uint32_t a, std::uint32_t b) {
  std::uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    out |= std::min((a >> shift) & 0xFFu, (b >> shift) & 0xFFu) << shift;
  }
  return out;
}
inline std::uint32_t byte_max(std::uint32_t a, std::uint32_t b) {
  std::uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    out |= std::max((a >> shift) & 0xFFu, (b >> shift) & 0xFFu) << shift;
  }
  return out;
}

/// Grows the photo over smooth areas beside it that no brand colour explains: 8-connected groups
/// of opaque tiles whose blocks each span at most a few steps per channel, whose colour (the
/// mid-range of their blocks) `far_from_brand` accepts, that touch the photo and whose colour
/// drifts across the group — a sky or a blurred background has fewer than 8 colours per tile
/// and is not busy or textured, but it is a gradient; a flat off-palette patch does not drift
/// and stays a graphic. Updates the photo areas. Needs block_stats() of the image.
void grow_over_smooth_areas(const BlockStats& blocks, cv::Size image, PhotoMask& photo,
                            const std::function<bool(color::Rgb)>& far_from_brand);

/// Finds photo areas in an 8-bit BGRA image; pixels with α < 250 are not counted. `blocks`
/// (block_stats() of the same image) lets tiles whose range allows at most four colours skip
/// the per-pixel count.
PhotoMask find_photo_areas(const cv::Mat& bgra, const BlockStats* blocks = nullptr);

}  // namespace brandlint::raster
