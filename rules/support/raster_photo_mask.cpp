#include "rules/support/raster_photo_mask.h"

#include <algorithm>
#include <array>
#include <cstring>

#include <opencv2/imgproc.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace brandlint::raster {
namespace {

constexpr int kBusyColors = 32;     // more distinct 5-bit colours than this: a busy tile
constexpr int kMinBlobTiles = 4;    // a photo blob spans at least 4×4 tiles
constexpr int kTexturedColors = 8;  // more: a textured tile, joins a photo it touches
constexpr int kRingColors = 4;      // more: not flat, joins a photo as its last ring
constexpr std::uint8_t kMinAlpha = 250;
// Smooth areas next to photos (grow_over_smooth_areas): a tile whose blocks span at most this
// in every channel is smooth (a sky over 16 px: 2–17 in OpenCV's home.jpg; JPEG noise on a flat
// colour at quality 50: about ±5)...
constexpr int kSmoothRange = 24;
// ...and a group of them is a gradient when its tiles' colours drift by at least this (home.jpg's
// sky: about 30; a flat patch: JPEG noise only, a few steps).
constexpr int kMinDrift = 12;
// ...or a pocket when at least this many tenths of the tiles around it are photo (a planted
// patch beside a photo touches it on one side).
constexpr int kEnclosedTenths = 6;

// Byte-wise minimum and maximum of the `w` × `h` pixels at `p` (rows `step` bytes apart).
void block_range(const std::uint8_t* p, std::size_t step, int w, int h, std::uint32_t& lo,
                 std::uint32_t& hi) {
#if defined(__SSE2__)
  if (w == kBlock) {
    // Eight pixels are two 16-byte vectors; fold rows, then the four pixels of one vector.
    __m128i mn = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i mx = mn;
    __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
    mn = _mm_min_epu8(mn, second), mx = _mm_max_epu8(mx, second);
    for (int y = 1; y < h; ++y) {
      const auto* row = reinterpret_cast<const __m128i*>(p + std::size_t(y) * step);
      const __m128i first = _mm_loadu_si128(row);
      second = _mm_loadu_si128(row + 1);
      mn = _mm_min_epu8(mn, _mm_min_epu8(first, second));
      mx = _mm_max_epu8(mx, _mm_max_epu8(first, second));
    }
    mn = _mm_min_epu8(mn, _mm_shuffle_epi32(mn, 0x4E));  // swap the 64-bit halves
    mx = _mm_max_epu8(mx, _mm_shuffle_epi32(mx, 0x4E));
    mn = _mm_min_epu8(mn, _mm_shuffle_epi32(mn, 0xB1));  // swap neighbouring pixels
    mx = _mm_max_epu8(mx, _mm_shuffle_epi32(mx, 0xB1));
    lo = static_cast<std::uint32_t>(_mm_cvtsi128_si32(mn));
    hi = static_cast<std::uint32_t>(_mm_cvtsi128_si32(mx));
    return;
  }
#endif
  std::uint8_t mn[4] = {255, 255, 255, 255}, mx[4] = {0, 0, 0, 0};
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* row = p + std::size_t(y) * step;
    for (int x = 0; x < 4 * w; ++x) {
      mn[x % 4] = std::min(mn[x % 4], row[x]), mx[x % 4] = std::max(mx[x % 4], row[x]);
    }
  }
  std::memcpy(&lo, mn, 4);
  std::memcpy(&hi, mx, 4);
}

// At most this many distinct 5-bit colours in a tile whose blocks span `lo`..`hi`: the product
// of the 5-bit levels each channel spans. 0 when some pixel is transparent (those do not count,
// so the range says nothing).
int colors_bound(std::uint32_t lo, std::uint32_t hi) {
  if ((lo >> 24) < kMinAlpha) return 0;
  int product = 1;
  for (int shift = 0; shift < 24; shift += 8) {
    product *= int((hi >> shift) & 0xFFu) / 8 - int((lo >> shift) & 0xFFu) / 8 + 1;
  }
  return product;
}

// Upper bounds of the distinct 5-bit colours of each tile from the block ranges (255 where they
// say nothing: no block statistics, or transparent pixels, which do not count).
cv::Mat1b tile_bounds(const cv::Mat& bgra, const BlockStats* blocks) {
  const int tiles_x = (bgra.cols + kPhotoTile - 1) / kPhotoTile;
  const int tiles_y = (bgra.rows + kPhotoTile - 1) / kPhotoTile;
  cv::Mat1b bounds(tiles_y, tiles_x, std::uint8_t{255});
  if (blocks == nullptr) return bounds;
  constexpr int kPer = kPhotoTile / kBlock;
  for (int ty = 0; ty < tiles_y; ++ty) {
    for (int tx = 0; tx < tiles_x; ++tx) {
      std::uint32_t lo = 0xFFFFFFFFu, hi = 0;
      for (int by = ty * kPer; by < std::min(blocks->rows, (ty + 1) * kPer); ++by) {
        for (int bx = tx * kPer; bx < std::min(blocks->cols, (tx + 1) * kPer); ++bx) {
          lo = byte_min(lo, blocks->min_of(bx, by));
          hi = byte_max(hi, blocks->max_of(bx, by));
        }
      }
      if (const int bound = colors_bound(lo, hi); bound > 0) {
        bounds(ty, tx) = static_cast<std::uint8_t>(std::min(bound, 255));
      }
    }
  }
  return bounds;
}

// Replaces the bounds in `counts` by the distinct 5-bit colours of each tile where `which` is
// set and `exact` is not (counted up to kBusyColors + 1), and marks those tiles exact. A "last
// seen in tile" stamp per 15-bit colour makes each pixel O(1) without clearing a set between
// tiles.
class TileCounter {
 public:
  explicit TileCounter(const cv::Mat& bgra) : bgra_(bgra), stamp_(1u << 15, 0) {}

  void count(cv::Mat1b& counts, cv::Mat1b& exact, const cv::Mat& which) {
    for (int ty = 0; ty < counts.rows; ++ty) {
      const std::uint8_t* w = which.ptr<std::uint8_t>(ty);
      for (int tx = 0; tx < counts.cols; ++tx) {
        if (w[tx] == 0 || exact(ty, tx) != 0) continue;
        counts(ty, tx) = count_tile(tx, ty);
        exact(ty, tx) = 1;
      }
    }
  }

 private:
  std::uint8_t count_tile(int tx, int ty) {
    const int x0 = tx * kPhotoTile, x1 = std::min(bgra_.cols, x0 + kPhotoTile);
    const int y0 = ty * kPhotoTile, y1 = std::min(bgra_.rows, y0 + kPhotoTile);
    ++tile_id_;
    int count = 0;
    std::uint32_t last = 0xFFFFFFFFu;
    for (int y = y0; y < y1 && count <= kBusyColors; ++y) {
      const auto* row = bgra_.ptr<std::uint32_t>(y);
      for (int x = x0; x < x1;) {
        const std::uint32_t px = row[x];
        x = run_end(row, x + 1, x1, px);  // runs of one colour are the common case
        if (px == last) continue;
        last = px;
        if ((px >> 24) < kMinAlpha) continue;
        const std::uint32_t key = ((px >> 3) & 0x1F) | ((px >> 6) & 0x3E0) | ((px >> 9) & 0x7C00);
        if (stamp_[key] != tile_id_) {
          stamp_[key] = tile_id_;
          ++count;
        }
      }
    }
    return static_cast<std::uint8_t>(std::min(count, 255));
  }

  const cv::Mat& bgra_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t tile_id_ = 0;
};

// Flat patches enclosed by a photo (a dark shadow, a blown-out highlight) are part of it: fills
// every non-photo area of `grown` that does not reach the image border, then stores the tiles
// and the bounding box of each photo in `out`.
void finish(cv::Mat1b& grown, cv::Size image, PhotoMask& out) {
  cv::Mat1b outside(grown.rows + 2, grown.cols + 2, std::uint8_t{0});
  grown.copyTo(outside(cv::Rect(1, 1, grown.cols, grown.rows)));
  cv::floodFill(outside, cv::Point(0, 0), cv::Scalar(2), nullptr, cv::Scalar(0), cv::Scalar(0), 4);
  cv::compare(outside(cv::Rect(1, 1, grown.cols, grown.rows)), 2, grown, cv::CMP_NE);
  grown &= 1;
  out.tiles = grown;
  cv::Mat labels, stats, centroids;
  const int m = cv::connectedComponentsWithStats(out.tiles, labels, stats, centroids, 8, CV_32S);
  for (int i = 1; i < m; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT) * kPhotoTile;
    const int y = stats.at<int>(i, cv::CC_STAT_TOP) * kPhotoTile;
    const int w = std::min(image.width - x, stats.at<int>(i, cv::CC_STAT_WIDTH) * kPhotoTile);
    const int h = std::min(image.height - y, stats.at<int>(i, cv::CC_STAT_HEIGHT) * kPhotoTile);
    out.areas.push_back({x, y, w, h});
  }
  std::sort(out.areas.begin(), out.areas.end(), [](const PixelBox& a, const PixelBox& b) {
    return a.y != b.y ? a.y < b.y : a.x < b.x;
  });
}

}  // namespace

BlockStats block_stats(const cv::Mat& bgra) {
  CV_Assert(bgra.type() == CV_8UC4);
  BlockStats out;
  out.cols = (bgra.cols + kBlock - 1) / kBlock;
  out.rows = (bgra.rows + kBlock - 1) / kBlock;
  out.lo.resize(std::size_t(out.cols) * std::size_t(out.rows));
  out.hi.resize(out.lo.size());
  std::size_t i = 0;
  for (int by = 0; by < out.rows; ++by) {
    const int y0 = by * kBlock, h = std::min(kBlock, bgra.rows - y0);
    const std::uint8_t* row = bgra.ptr<std::uint8_t>(y0);
    for (int bx = 0; bx < out.cols; ++bx, ++i) {
      const int x0 = bx * kBlock, w = std::min(kBlock, bgra.cols - x0);
      block_range(row + 4 * x0, bgra.step, w, h, out.lo[i], out.hi[i]);
    }
  }
  return out;
}

PhotoMask find_photo_areas(const cv::Mat& bgra, const BlockStats* blocks) {
  CV_Assert(bgra.type() == CV_8UC4);
  PhotoMask out;
  // Colour counts where they can matter, upper bounds elsewhere (see tile_bounds).
  cv::Mat1b counts = tile_bounds(bgra, blocks);
  cv::Mat1b exact(counts.size(), std::uint8_t{0});
  TileCounter counter(bgra);
  out.tiles = cv::Mat1b(counts.size(), std::uint8_t{0});
  // Opening with a 3×3 square removes chains one or two tiles thick (text edges).
  const cv::Mat square = cv::getStructuringElement(cv::MORPH_RECT, {3, 3});
  const auto open = [&square](const cv::Mat& in) {
    cv::Mat1b result;
    cv::morphologyEx(in, result, cv::MORPH_OPEN, square, {-1, -1}, 1, cv::BORDER_CONSTANT,
                     cv::Scalar(0));
    return result;
  };
  // A busy tile outside every 3×3 square of tiles that may be busy (bound above kBusyColors)
  // is removed by the opening whatever its count, so only tiles inside such squares are counted
  // for it: in a flat banner that is none or a few, not every tile along every edge.
  cv::Mat maybe_busy;
  cv::compare(counts, kBusyColors, maybe_busy, cv::CMP_GT);
  const cv::Mat1b may_matter = open(maybe_busy);
  counter.count(counts, exact, may_matter);
  cv::Mat busy;
  cv::compare(counts, kBusyColors, busy, cv::CMP_GT);
  busy &= may_matter;
  if (cv::countNonZero(busy) < kMinBlobTiles * kMinBlobTiles) return out;
  const cv::Mat1b opened = open(busy);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(opened, labels, stats, centroids, 8, CV_32S);
  cv::Mat1b kept(counts.size(), std::uint8_t{0});
  for (int i = 1; i < n; ++i) {
    if (stats.at<int>(i, cv::CC_STAT_WIDTH) < kMinBlobTiles ||
        stats.at<int>(i, cv::CC_STAT_HEIGHT) < kMinBlobTiles ||
        stats.at<int>(i, cv::CC_STAT_AREA) < kMinBlobTiles * kMinBlobTiles) {
      continue;
    }
    // Photos in banners are rectangles, and their smooth parts (sky, blurred background) are
    // not busy: the whole bounding box of a blob is photo.
    kept(cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                  stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)))
        .setTo(1);
  }
  if (cv::countNonZero(kept) == 0) return out;
  // The growth below reads every tile that is not flat: count those now.
  cv::Mat not_flat_bound;
  cv::compare(counts, kRingColors, not_flat_bound, cv::CMP_GT);
  counter.count(counts, exact, not_flat_bound);
  // Photos have smooth parts (out-of-focus background, sky, skin: 10–60 colours per tile in
  // fruits.jpg's right strip) that are not busy, and a photo rarely ends on a tile border. Grow
  // the photo over every textured tile connected to it (a geodesic reconstruction on the tile
  // grid), so those areas are not judged as graphics. Flat tiles stop the growth; so do the
  // 5–8-colour tiles along JPEG text and shape edges (visual.md §1.6: p90 8 in a q75 banner),
  // so the growth does not creep along a headline into the graphics.
  cv::Mat textured;
  cv::compare(counts, kTexturedColors, textured, cv::CMP_GT);
  cv::Mat1b grown = kept.clone(), next;
  const cv::Mat ring = cv::getStructuringElement(cv::MORPH_RECT, {3, 3});
  while (true) {
    cv::dilate(grown, next, ring);
    cv::bitwise_and(next, textured, next);
    cv::bitwise_or(next, kept, next);
    if (cv::countNonZero(next != grown) == 0) break;
    next.copyTo(grown);
  }
  // The last ring: the tiles a photo only partly covers have fewer colours; take in neighbours
  // that are not flat.
  cv::Mat not_flat;
  cv::compare(counts, kRingColors, not_flat, cv::CMP_GT);
  cv::dilate(grown, next, ring);
  cv::bitwise_and(next, not_flat, next);
  cv::bitwise_or(grown, next, grown);
  finish(grown, bgra.size(), out);
  return out;
}

void grow_over_smooth_areas(const BlockStats& blocks, cv::Size image, PhotoMask& photo,
                            const std::function<bool(color::Rgb)>& far_from_brand) {
  if (!photo.any()) return;
  constexpr int kPer = kPhotoTile / kBlock;
  const cv::Size grid = photo.tiles.size();
  // Per tile: smooth (and opaque, not photo yet, far from every brand colour), and the
  // mid-range colour of its blocks, which stands for its colour without a pass over its pixels.
  cv::Mat1b smooth(grid, std::uint8_t{0}), wide(grid, std::uint8_t{0});
  std::vector<std::uint32_t> lows(grid.area()), highs(grid.area());
  for (int ty = 0; ty < grid.height; ++ty) {
    for (int tx = 0; tx < grid.width; ++tx) {
      if (photo.tiles(ty, tx) != 0) continue;
      std::uint32_t lo = 0xFFFFFFFFu, hi = 0;
      for (int by = ty * kPer; by < std::min(blocks.rows, (ty + 1) * kPer); ++by) {
        for (int bx = tx * kPer; bx < std::min(blocks.cols, (tx + 1) * kPer); ++bx) {
          lo = byte_min(lo, blocks.min_of(bx, by));
          hi = byte_max(hi, blocks.max_of(bx, by));
        }
      }
      if ((lo >> 24) < kMinAlpha) continue;
      bool narrow = true;
      std::array<std::uint8_t, 3> mid{};  // B, G, R
      for (int c = 0; c < 3; ++c) {
        const int l = int(lo >> (8 * c) & 0xFFu), h = int(hi >> (8 * c) & 0xFFu);
        narrow = narrow && h - l <= kSmoothRange;
        mid[std::size_t(c)] = static_cast<std::uint8_t>((l + h + 1) / 2);
      }
      wide(ty, tx) = narrow ? 0 : 1;
      if (!narrow || !far_from_brand({mid[2], mid[1], mid[0]})) continue;
      smooth(ty, tx) = 1;
      const std::size_t i = std::size_t(ty) * std::size_t(grid.width) + std::size_t(tx);
      lows[i] = lo, highs[i] = hi;
    }
  }
  cv::Mat1i labels;
  const int n = cv::connectedComponents(smooth, labels, 8, CV_32S);
  if (n <= 1) return;
  // Per group: does it touch the photo, and how far do its tiles' colours drift?
  cv::Mat1b near_photo;
  cv::dilate(photo.tiles, near_photo, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  std::vector<bool> touches(std::size_t(n), false);
  std::vector<int> ring(std::size_t(n), 0), ring_photo(std::size_t(n), 0);  // neighbour tiles
  std::vector<std::array<int, 6>> drift(std::size_t(n), {255, 255, 255, 0, 0, 0});
  for (int ty = 0; ty < grid.height; ++ty) {
    for (int tx = 0; tx < grid.width; ++tx) {
      const int label = labels(ty, tx);
      if (label == 0) continue;
      touches[std::size_t(label)] = touches[std::size_t(label)] || near_photo(ty, tx) != 0;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int qy = ty + dy, qx = tx + dx;
          if (qy < 0 || qx < 0 || qy >= grid.height || qx >= grid.width) continue;
          if (labels(qy, qx) == label) continue;
          ++ring[std::size_t(label)];  // counted once per neighbouring member: a weight
          ring_photo[std::size_t(label)] += photo.tiles(qy, qx) != 0 ? 1 : 0;
        }
      }
      const std::size_t i = std::size_t(ty) * std::size_t(grid.width) + std::size_t(tx);
      auto& d = drift[std::size_t(label)];
      for (int c = 0; c < 3; ++c) {
        const int mid =
            (int(lows[i] >> (8 * c) & 0xFFu) + int(highs[i] >> (8 * c) & 0xFFu) + 1) / 2;
        d[std::size_t(c)] = std::min(d[std::size_t(c)], mid);
        d[std::size_t(c) + 3] = std::max(d[std::size_t(c) + 3], mid);
      }
    }
  }
  std::vector<bool> joins(std::size_t(n), false);
  bool any = false;
  for (std::size_t l = 1; l < std::size_t(n); ++l) {
    const auto& d = drift[l];
    const int spread = std::max({d[3] - d[0], d[4] - d[1], d[5] - d[2]});
    // A gradient, or a pocket the photo mostly surrounds (sky between branches).
    const bool enclosed = 10 * ring_photo[l] >= kEnclosedTenths * ring[l];
    joins[l] = touches[l] && (spread >= kMinDrift || enclosed);
    any = any || joins[l];
  }
  if (!any) return;
  cv::Mat1b joined(grid, std::uint8_t{0});
  for (int ty = 0; ty < grid.height; ++ty) {
    for (int tx = 0; tx < grid.width; ++tx) {
      if (joins[std::size_t(labels(ty, tx))]) joined(ty, tx) = 1;
    }
  }
  // As for the photo itself, one last ring: the tiles a sky only partly covers (its border with
  // the graphics, JPEG's chroma bleeding across it) are not smooth; take in those next to it.
  cv::Mat1b around;
  cv::dilate(joined, around, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  cv::Mat1b grown = photo.tiles.clone();
  grown |= joined;
  grown |= around & wide;
  photo.areas.clear();
  finish(grown, image, photo);
}

}  // namespace brandlint::raster
