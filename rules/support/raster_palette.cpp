#include "rules/support/raster_palette.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

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

}  // namespace

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
  const PhotoMask photo = find_photo_areas(bgra);
  const double margin = palette.thresholds().blend * (lossy ? kLossyBlendFactor : 1.0);
  VerdictTable table(palette, JudgeMode{margin, lossy});
  SweepResult swept = sweep(bgra, photo, table, out);
  out.opaque_px = out.graphic_px + out.photo_px;
  if (lossy) drop_coreless(swept);
  mask_edges(bgra, photo, table, swept);
  out.regions = find_regions(bgra, swept, table, palette, lossy, out.group_px);
  for (const OffRegion& r : out.regions) out.off_px += r.pixels;
  out.photo_areas = photo.areas;
  out.distinct_colors = table.size();
  out.work_bytes = swept.candidates.total() + photo.tiles.total() + table.bytes();
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
