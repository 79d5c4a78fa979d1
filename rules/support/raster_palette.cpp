#include "rules/support/raster_palette.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "rules/support/raster_photo_mask.h"
#include "rules/support/raster_regions.h"
#include "rules/support/raster_verdicts.h"

namespace brandlint::raster {
namespace {

constexpr std::uint32_t kMinAlpha = 250;
// JPEG ringing and chroma subsampling move blend pixels off the exact blend line (visual.md
// §1.6: only about half of JPEG edge pixels are within 2 ΔE00 of it); gradients in JPEGs need
// this wider margin to be recognised as blends.
constexpr double kLossyBlendFactor = 1.5;

struct Bounds {
  int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // inclusive; empty while x1 < x0
  void add_row(int y, int first, int last) {
    if (x1 < x0) {
      x0 = first, x1 = last, y0 = y1 = y;
      return;
    }
    x0 = std::min(x0, first), x1 = std::max(x1, last), y1 = y;
  }
  cv::Rect rect() const {
    return x1 < x0 ? cv::Rect() : cv::Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }
};

// One pass over the image: photo pixels are only counted, every other opaque pixel gets its
// colour's verdict (looked up once per run of equal pixels), adds to its colour's share, and is
// marked when it is off-palette.
SweepResult sweep(const cv::Mat& bgra, const PhotoMask& photo, VerdictTable& table,
                  RasterAnalysis& out) {
  SweepResult result;
  result.candidates = cv::Mat1b(bgra.size(), std::uint8_t{0});
  Bounds bounds;
  std::vector<long long>& group_px = out.group_px;
  for (int y = 0; y < bgra.rows; ++y) {
    const auto* row = bgra.ptr<std::uint32_t>(y);
    std::uint8_t* cand = result.candidates.ptr<std::uint8_t>(y);
    const std::uint8_t* tile_row = photo.tiles.ptr<std::uint8_t>(y / kPhotoTile);
    std::uint32_t last = 0xFFFFFFFFu;
    const VerdictTable::Brief* verdict = nullptr;
    int first_off = -1, last_off = -1;
    for (int x0 = 0; x0 < bgra.cols;) {
      int x1 = std::min(bgra.cols, x0 + kPhotoTile);
      if (tile_row[x0 / kPhotoTile] != 0) {
        for (int x = x0; x < x1; ++x) out.photo_px += (row[x] >> 24) >= kMinAlpha ? 1 : 0;
        x0 = x1;
        continue;
      }
      // A span of graphic tiles, so runs continue across tile borders.
      while (x1 < bgra.cols && tile_row[x1 / kPhotoTile] == 0) {
        x1 = std::min(bgra.cols, x1 + kPhotoTile);
      }
      // Runs of one pixel value: one verdict, one counter update per run.
      for (int x = x0; x < x1;) {
        const std::uint32_t px = row[x];
        const int end = run_end(row, x + 1, x1, px);
        const int run = end - x;
        if ((px >> 24) >= kMinAlpha) {
          const std::uint32_t key = px & 0xFFFFFFu;
          if (key != last) {
            verdict = &table.lookup(key);
            last = key;
          }
          out.graphic_px += run;
          group_px[verdict->group] += run;
          if (verdict->off) {
            std::fill(cand + x, cand + end, std::uint8_t{1});
            if (first_off < 0) first_off = x;
            last_off = end - 1;
          }
        }
        x = end;
      }
      x0 = x1;
    }
    if (first_off >= 0) bounds.add_row(y, first_off, last_off);
  }
  result.candidate_bounds = bounds.rect();
  return result;
}

// A sure box reaches at most this far from its colour on each side: 8-bit JPEG noise on flat
// areas at quality ≥ 50 stays within a few steps, and each step costs a layer of verdicts when
// the palette is first used on a lossy image.
constexpr int kMaxSureReach = 8;

// Whether every colour of `box` (R, G, B ranges, inclusive) with channel `axis` fixed at
// `value` is judged nearest to colour `index` and not off in lossy mode.
bool layer_is_sure(const RasterPalette& palette, std::size_t index, std::array<int, 6> box,
                   int axis, int value, JudgeScratch& scratch) {
  const JudgeMode mode{palette.thresholds().blend, true};
  box[std::size_t(axis)] = box[std::size_t(axis) + 3] = value;
  for (int r = box[0]; r <= box[3]; ++r) {
    for (int g = box[1]; g <= box[4]; ++g) {
      for (int b = box[2]; b <= box[5]; ++b) {
        const ColorVerdict v =
            judge_color({static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                         static_cast<std::uint8_t>(b)},
                        palette, mode, scratch);
        if (v.off || v.nearest != index) return false;
      }
    }
  }
  return true;
}

// The sure box of colour `index`: from the colour itself, each of the six faces moves out one
// layer at a time, in turn, while the new layer is all sure. Faces stop independently, so the
// box is not a cube: white can only grow towards darker values, and a colour with a near
// neighbour in one direction still grows in the others.
std::optional<SureCube> sure_box(const RasterPalette& palette, std::size_t index,
                                 JudgeScratch& scratch) {
  const color::Rgb c = palette.colors()[index].allowed.rgb;
  std::array<int, 6> box{c.r, c.g, c.b, c.r, c.g, c.b};  // lo R, G, B, hi R, G, B
  if (!layer_is_sure(palette, index, box, 0, c.r, scratch)) return std::nullopt;  // a duplicate
  std::array<bool, 6> open{true, true, true, true, true, true};
  for (bool any = true; any;) {
    any = false;
    for (std::size_t f = 0; f < 6; ++f) {
      if (!open[f]) continue;
      const int axis = int(f % 3), centre = axis == 0 ? c.r : axis == 1 ? c.g : c.b;
      const int value = f < 3 ? box[f] - 1 : box[f] + 1;
      if (value < 0 || value > 255 || std::abs(value - centre) > kMaxSureReach ||
          !layer_is_sure(palette, index, box, axis, value, scratch)) {
        open[f] = false;
        continue;
      }
      box[f] = value;
      any = true;
    }
  }
  const auto u8 = [](int v) { return static_cast<std::uint8_t>(v); };
  return SureCube{{u8(box[2]), u8(box[1]), u8(box[0])},
                  {u8(box[5]), u8(box[4]), u8(box[3])},
                  static_cast<std::uint16_t>(index),
                  static_cast<std::uint16_t>(palette.colors()[index].group)};
}

// One block, pixel by pixel: a pixel inside one of the `near` sure boxes counts for it, another
// opaque one becomes a candidate. Returns whether any did; counts the opaque pixels into
// `graphic_px` unless the caller knows the block is opaque.
bool mark_block(const cv::Mat& bgra, int x0, int y0, int w, int h,
                const std::vector<SureCube>& cubes, const std::vector<std::size_t>& near,
                std::vector<long long>& cube_px, SweepResult& result,
                long long* graphic_px = nullptr) {
  bool marked = false;
  for (int y = y0; y < y0 + h; ++y) {
    const auto* row = bgra.ptr<std::uint32_t>(y);
    std::uint8_t* cand = result.candidates.ptr<std::uint8_t>(y);
    for (int x = x0; x < x0 + w; ++x) {
      const std::uint32_t px = row[x];
      if ((px >> 24) < kMinAlpha) continue;
      if (graphic_px != nullptr) ++*graphic_px;
      bool sure = false;
      for (const std::size_t k : near) {
        if (cubes[k].contains(px)) {
          ++cube_px[k];
          sure = true;
          break;
        }
      }
      if (!sure) cand[x] = 1, marked = true;
    }
  }
  return marked;
}

// Set bits of a 4-bit mask (no popcount instruction without -mpopcnt).
constexpr std::array<int, 16> kBitCount{0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

// mark_block() for a full, opaque 8-pixel-wide block: four pixels at a time, each box tested
// with two saturating subtractions (zero in every colour byte = inside).
bool mark_opaque_block(const cv::Mat& bgra, int x0, int y0, int h,
                       const std::vector<SureCube>& cubes, const std::vector<std::size_t>& near,
                       std::vector<long long>& cube_px, SweepResult& result) {
#if defined(__SSE2__)
  __m128i lo[8], hi[8];
  const std::size_t n = std::min<std::size_t>(near.size(), 8);
  if (n < near.size()) return mark_block(bgra, x0, y0, kBlock, h, cubes, near, cube_px, result);
  for (std::size_t k = 0; k < n; ++k) {
    const SureCube& c = cubes[near[k]];
    // Alpha: 0 in lo and 255 in hi never stops a pixel.
    lo[k] = _mm_set1_epi32(
        int(std::uint32_t{c.lo[0]} | std::uint32_t{c.lo[1]} << 8 | std::uint32_t{c.lo[2]} << 16));
    hi[k] = _mm_set1_epi32(int(std::uint32_t{c.hi[0]} | std::uint32_t{c.hi[1]} << 8 |
                               std::uint32_t{c.hi[2]} << 16 | 0xFF000000u));
  }
  const __m128i zero = _mm_setzero_si128();
  bool marked = false;
  for (int y = y0; y < y0 + h; ++y) {
    const auto* row = reinterpret_cast<const __m128i*>(bgra.ptr<std::uint32_t>(y) + x0);
    std::uint8_t* cand = result.candidates.ptr<std::uint8_t>(y) + x0;
    for (int half = 0; half < 2; ++half) {
      const __m128i px = _mm_loadu_si128(row + half);
      int open = 0xF;  // pixels not settled yet, one bit each
      for (std::size_t k = 0; k < n && open != 0; ++k) {
        const __m128i outside = _mm_or_si128(_mm_subs_epu8(lo[k], px), _mm_subs_epu8(px, hi[k]));
        const int inside = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(outside, zero))) & open;
        cube_px[near[k]] += kBitCount[inside];
        open &= ~inside;
      }
      for (int i = 0; i < 4; ++i) {
        if ((open >> i & 1) != 0) cand[4 * half + i] = 1, marked = true;
      }
    }
  }
  return marked;
#else
  return mark_block(bgra, x0, y0, kBlock, h, cubes, near, cube_px, result);
#endif
}

// Lossy images, 8×8 block by 8×8 block: photo blocks are only counted; a block whose whole
// range lies in one sure cube adds to that colour's share at once (most blocks of a flat
// banner); elsewhere each pixel inside a sure cube is settled, the others are marked as
// candidates that may be off-palette. Their verdicts come later, and only for those that can
// reach a region (settle_candidates).
SweepResult sweep_blocks(const cv::Mat& bgra, const BlockStats& blocks, const PhotoMask& photo,
                         const std::vector<SureCube>& cubes, RasterAnalysis& out) {
  SweepResult result;
  result.candidates = cv::Mat1b(bgra.size(), std::uint8_t{0});
  int bx0 = blocks.cols, by0 = blocks.rows, bx1 = -1, by1 = -1;  // blocks with candidates
  std::vector<long long> cube_px(cubes.size(), 0);
  std::vector<std::size_t> near;    // cubes the block's range meets
  std::size_t hint = cubes.size();  // the box that settled the last settled block
  for (int by = 0; by < blocks.rows; ++by) {
    const int y0 = by * kBlock, h = std::min(kBlock, bgra.rows - y0);
    for (int bx = 0; bx < blocks.cols; ++bx) {
      const int x0 = bx * kBlock, w = std::min(kBlock, bgra.cols - x0);
      const std::uint32_t lo = blocks.min_of(bx, by), hi = blocks.max_of(bx, by);
      const bool opaque = (lo >> 24) >= kMinAlpha;
      if (photo.tiles(y0 / kPhotoTile, x0 / kPhotoTile) != 0) {
        if (opaque) {
          out.photo_px += w * h;
          continue;
        }
        for (int y = y0; y < y0 + h; ++y) {
          const auto* row = bgra.ptr<std::uint32_t>(y);
          for (int x = x0; x < x0 + w; ++x) out.photo_px += (row[x] >> 24) >= kMinAlpha ? 1 : 0;
        }
        continue;
      }
      // Neighbouring blocks are mostly the same flat colour: try the last box first.
      if (opaque && hint < cubes.size() && cubes[hint].contains(lo) && cubes[hint].contains(hi)) {
        cube_px[hint] += w * h;
        out.graphic_px += w * h;
        continue;
      }
      near.clear();
      bool settled = false;
      for (std::size_t k = 0; k < cubes.size() && !settled; ++k) {
        const SureCube& c = cubes[k];
        bool meets = true, inside = true;
        for (int ch = 0; ch < 3; ++ch) {
          const auto l = std::uint8_t(lo >> (8 * ch)), u = std::uint8_t(hi >> (8 * ch));
          meets = meets && l <= c.hi[std::size_t(ch)] && u >= c.lo[std::size_t(ch)];
          inside = inside && l >= c.lo[std::size_t(ch)] && u <= c.hi[std::size_t(ch)];
        }
        if (inside && opaque) {
          cube_px[k] += w * h;
          out.graphic_px += w * h;
          settled = true;
          hint = k;
        } else if (meets) {
          near.push_back(k);
        }
      }
      if (settled) continue;
      bool marked = false;
      if (opaque) {
        out.graphic_px += w * h;
        marked = w == kBlock ? mark_opaque_block(bgra, x0, y0, h, cubes, near, cube_px, result)
                             : mark_block(bgra, x0, y0, w, h, cubes, near, cube_px, result);
      } else {
        marked = mark_block(bgra, x0, y0, w, h, cubes, near, cube_px, result, &out.graphic_px);
      }
      if (marked) {
        bx0 = std::min(bx0, bx), bx1 = std::max(bx1, bx), by0 = std::min(by0, by),
        by1 = std::max(by1, by);
      }
    }
  }
  for (std::size_t k = 0; k < cubes.size(); ++k) out.group_px[cubes[k].group] += cube_px[k];
  if (bx1 >= 0) {
    result.candidate_bounds =
        cv::Rect(bx0 * kBlock, by0 * kBlock, (bx1 - bx0 + 1) * kBlock, (by1 - by0 + 1) * kBlock) &
        cv::Rect(0, 0, bgra.cols, bgra.rows);
  }
  return result;
}

// After sweep_blocks(), mark_cored() and reachable_off_edges(): the `judged` pixels get their
// verdicts and count for their colour's group; off-palette ones become the candidates (1) and
// every other pixel of their bounds is cleared. Returns those bounds: drop_coreless() need not
// look beyond them. The compression band (candidates that are not judged: without a solid
// core or on an edge) counts for no colour (SharedPixels).
cv::Rect settle_candidates(const cv::Mat& bgra, const std::vector<PixelRun>& judged,
                           VerdictTable& table, SweepResult& sweep,
                           std::vector<long long>& group_px) {
  constexpr std::uint8_t kOff = 4;  // not a state mark_cored() uses
  std::uint32_t last = 0xFFFFFFFFu;
  VerdictTable::Brief brief;
  int x0 = bgra.cols, y0 = bgra.rows, x1 = -1, y1 = -1;  // bounds of the off-palette ones
  for (const PixelRun& run : judged) {
    const auto* row = bgra.ptr<std::uint32_t>(run.y);
    std::uint8_t* cand = sweep.candidates.ptr<std::uint8_t>(run.y);
    for (int x = run.begin; x < run.end; ++x) {
      const std::uint32_t key = row[x] & 0xFFFFFFu;
      if (key != last) brief = table.lookup(key), last = key;  // a copy: the table may grow
      ++group_px[brief.group];
      if (!brief.off) continue;
      cand[x] = kOff;
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, run.y),
      y1 = std::max(y1, run.y);
    }
  }
  if (x1 < 0) return {};
  const cv::Rect off(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  for (int y = off.y; y < off.y + off.height; ++y) {
    std::uint8_t* cand = sweep.candidates.ptr<std::uint8_t>(y);
    int x = off.x;
    const int end = off.x + off.width;
#if defined(__SSE2__)
    const __m128i off_mark = _mm_set1_epi8(char(kOff)), one = _mm_set1_epi8(1);
    for (; x + 16 <= end; x += 16) {
      auto* p = reinterpret_cast<__m128i*>(cand + x);
      _mm_storeu_si128(p, _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128(p), off_mark), one));
    }
#endif
    for (; x < end; ++x) cand[x] = cand[x] == kOff ? 1 : 0;
  }
  return off;
}

}  // namespace

const std::vector<SureCube>& RasterPalette::sure_cubes() const {
  std::call_once(lazy_->once, [this] {
    JudgeScratch scratch;
    for (std::size_t i = 0; i < colors_.size(); ++i) {
      if (auto box = sure_box(*this, i, scratch)) lazy_->cubes.push_back(*box);
    }
  });
  return lazy_->cubes;
}

RasterPalette::RasterPalette(const guide::Palette& palette, const RasterThresholds& thresholds)
    : thresholds_(thresholds) {
  const color::PaletteMatcher matcher(palette);
  const auto allowed = matcher.colors();
  // The matcher lists each palette colour followed by its tints, then the neutrals.
  std::size_t next = 0;
  const auto add = [&](std::size_t group) {
    const color::AllowedColor& c = allowed[next++];
    const double own = c.tolerance.value_or(0.0);
    colors_.push_back({c, std::max(thresholds.warn, own), std::max(thresholds.fail, own), group});
  };
  for (const guide::PaletteColor& c : palette.colors) {
    groups_.push_back(c.name);
    for (std::size_t t = 0; t <= c.tints.size(); ++t) add(groups_.size() - 1);
  }
  for (const guide::Neutral& n : palette.neutrals) {
    groups_.push_back(n.hex);
    add(groups_.size() - 1);
  }
  for (std::size_t i = 0; i < colors_.size(); ++i) {
    for (std::size_t j = i + 1; j < colors_.size(); ++j) segments_.push_back({i, j});
  }
}

RasterAnalysis analyze_raster(const cv::Mat& bgra, bool lossy, const RasterPalette& palette) {
  CV_Assert(bgra.type() == CV_8UC4);
  RasterAnalysis out;
  out.group_px.assign(palette.groups().size(), 0);
  if (bgra.empty() || palette.colors().empty()) return out;
  const BlockStats blocks = block_stats(bgra);
  PhotoMask photo = find_photo_areas(bgra, &blocks);
  const double margin = palette.thresholds().blend * (lossy ? kLossyBlendFactor : 1.0);
  const std::vector<SureCube>* cubes = lossy ? &palette.sure_cubes() : nullptr;
  if (photo.any()) {
    // A smooth sky beside a photo is part of it unless a brand colour explains it (then it is
    // a graphic, judged like any other). One verdict per distinct tile colour.
    std::unordered_map<std::uint32_t, bool> far;
    JudgeScratch scratch;
    grow_over_smooth_areas(blocks, bgra.size(), photo, [&](color::Rgb c) {
      const std::uint32_t key =
          std::uint32_t{c.b} | std::uint32_t{c.g} << 8 | std::uint32_t{c.r} << 16;
      auto it = far.find(key);
      if (it == far.end()) {
        it = far.emplace(key, judge_color(c, palette, JudgeMode{margin, lossy}, scratch).off).first;
      }
      return it->second;
    });
  }
  VerdictTable table(palette, JudgeMode{margin, lossy});
  SweepResult swept;
  SharedPixels shared;
  if (lossy) {
    // Only candidates with a solid core and off the edges can end up in a region, so the
    // verdicts wait until the others are set aside: in a flat JPEG those are most of the
    // distinct colours (ringing along every edge, chroma bled into thick strokes).
    swept = sweep_blocks(bgra, blocks, photo, *cubes, out);
    // Candidates outside the settled bounds are the compression band: they are left as they
    // are, and nothing reads them.
    const cv::Rect reach = mark_cored(swept);
    shared.cubes = cubes;
    shared.judged = reachable_off_edges(bgra, photo, table, swept.candidates, reach);
    swept.candidate_bounds = settle_candidates(bgra, shared.judged, table, swept, out.group_px);
    // Off-palette candidates whose core was partly within tolerance or on an edge lose it now.
    // The edges are masked already: a component of the masked candidates with a core lies
    // within a cored component of the unmasked ones, so the same candidates remain as when
    // masking follows the verdicts.
    drop_coreless(swept);
  } else {
    swept = sweep(bgra, photo, table, out);
    mask_edges(bgra, photo, table, swept);
  }
  out.opaque_px = out.graphic_px + out.photo_px;
  out.regions = find_regions(bgra, swept, photo, table, palette, shared, out.group_px);
  for (const OffRegion& r : out.regions) out.off_px += r.pixels;
  out.photo_areas = photo.areas;
  out.distinct_colors = table.size();
  out.work_bytes = swept.candidates.total() + photo.tiles.total() + table.bytes() + blocks.bytes();
  return out;
}

const RasterAnalysis& shared_analysis(const Asset& asset, const RasterPalette& palette) {
  const RasterThresholds& t = palette.thresholds();
  // Rules of one channel build equal palettes from the same guide; thresholds tell them apart.
  const std::string key = fmt::format("raster-palette/{}/{}/{}/{}/{}", t.warn, t.fail,
                                      t.min_region_px, t.blend, palette.colors().size());
  auto it = asset.derived.find(key);
  if (it == asset.derived.end()) {
    auto analysis =
        std::make_shared<const RasterAnalysis>(analyze_raster(asset.pixels, asset.lossy, palette));
    it = asset.derived.emplace(key, std::move(analysis)).first;
  }
  return *static_cast<const RasterAnalysis*>(it->second.get());
}

}  // namespace brandlint::raster
