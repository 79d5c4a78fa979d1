// The raster palette pipeline: which pixels of a decoded image (BGRA, 8 bits) are brand colours,
// which are photo, which are anti-aliasing or compression noise, and which form off-palette
// regions worth a finding. Measured method and thresholds: docs visual.md §1.6 and §6 rec. 3.
//
//   1. α < 250 ignored;
//   2. photo tiles (16×16, > 32 distinct 5-bit colours, opening, blobs ≥ 4×4 tiles, grown over
//      textured tiles and over smooth off-palette areas beside them) excluded before any colour
//      is looked up;
//   3. one verdict per distinct colour (double-precision Lab, CIEDE2000), cached per image.
//      Lossy images first go 8×8 block by block against each colour's SureCube (colours proven
//      to share its verdict): most blocks of a flat JPEG need no verdict at all, and of the
//      other pixels only those that can reach a region (a solid 7×7 core, off the edges of
//      step 4) are judged; the rest, the compression band, counts for no colour's share;
//   4. off-palette pixels on edges (morphological gradient of Lab > 10, dilated 5×5) dropped
//      (lossy images: before the verdicts, from each colour's Lab alone);
//   5. 8-connected regions ≥ min_region_px, judged by their median colour; regions made of
//      blends between two allowed colours (anti-aliasing, gradients) accepted.
//
// Rules use it through analyze_raster(); RasterPalette is built once per channel in a factory.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "brandguide/brand_guide.h"
#include "linter/asset.h"
#include "linter/diagnostic.h"
#include "rules/support/color.h"

namespace brandlint::raster {

/// Thresholds from the guide (or rule options), in ΔE00 and pixels.
struct RasterThresholds {
  double warn = 2.0;       // a region above this is a warning
  double fail = 3.0;       // a region above this is an error
  int min_region_px = 64;  // smaller off-palette regions are noise
  double blend = 2.0;      // a pixel this close to a two-colour sRGB blend is explained by it
};

/// An allowed colour plus what the raster check needs to know about it.
struct RasterColor {
  color::AllowedColor allowed;
  double warn = 2.0;      // max(thresholds.warn, the colour's own tolerance)
  double fail = 3.0;      // max(thresholds.fail, the colour's own tolerance)
  std::size_t group = 0;  // index into RasterPalette::groups(): tints count for their base
};

/// A straight line in 8-bit sRGB between two allowed colours: what anti-aliasing, soft edges and
/// gradients between them produce.
struct BlendSegment {
  std::size_t from = 0, to = 0;  // indices into RasterPalette::colors()
};

/// A box of 8-bit colours around an allowed colour whose every member is nearest to that colour
/// and within its fail threshold: where a lossy image's noise around a flat brand colour stays.
/// Verified member by member with judge_color() (exact CIEDE2000 verdicts, not an estimate), so
/// a pixel inside is settled — that colour's group, not off-palette — without a verdict of its
/// own. Boxes of different colours never overlap (each member has one nearest colour).
struct SureCube {
  std::array<std::uint8_t, 3> lo{}, hi{};  // B, G, R: the pixel's byte order
  std::uint16_t color = 0;                 // index into RasterPalette::colors()
  std::uint16_t group = 0;                 // that colour's measurement group
  /// Whether the colour of a BGRA pixel (alpha ignored) lies inside.
  bool contains(std::uint32_t px) const {
    for (int c = 0; c < 3; ++c) {
      const std::uint32_t v = (px >> (8 * c)) & 0xFFu;
      if (v - lo[std::size_t(c)] > std::uint32_t(hi[std::size_t(c)] - lo[std::size_t(c)]))
        return false;
    }
    return true;
  }
};

/// The palette as the raster check uses it. Built once per channel; immutable afterwards, so one
/// instance serves every thread.
class RasterPalette {
 public:
  RasterPalette(const guide::Palette& palette, const RasterThresholds& thresholds);

  const std::vector<RasterColor>& colors() const { return colors_; }
  /// Names the measurements use: every palette colour by name (tints fold into it), then each
  /// neutral by its hex.
  const std::vector<std::string>& groups() const { return groups_; }
  const std::vector<BlendSegment>& segments() const { return segments_; }
  const RasterThresholds& thresholds() const { return thresholds_; }
  /// The SureCube of every allowed colour, for lossy images (fail thresholds). Computed on first
  /// use (a few thousand verdicts), once per palette, safe to call from several threads.
  const std::vector<SureCube>& sure_cubes() const;

 private:
  struct Lazy {
    std::once_flag once;
    std::vector<SureCube> cubes;
  };
  std::shared_ptr<Lazy> lazy_ = std::make_shared<Lazy>();
  std::vector<RasterColor> colors_;
  std::vector<std::string> groups_;
  std::vector<BlendSegment> segments_;
  RasterThresholds thresholds_;
};

/// One off-palette region: the answer to "what is wrong, where, by how much".
struct OffRegion {
  PixelBox box;
  long long pixels = 0;
  color::Rgb median;        // per-channel median of the region's pixels
  color::Lab median_lab;    // its CIELAB, double precision
  std::size_t nearest = 0;  // index into RasterPalette::colors()
  double delta_e00 = 0.0;   // median colour to nearest allowed colour
};

/// Everything the raster check found in one image.
struct RasterAnalysis {
  long long opaque_px = 0;            // α ≥ 250
  long long photo_px = 0;             // opaque pixels inside photo areas
  long long graphic_px = 0;           // opaque pixels outside photo areas: the judged area
  long long off_px = 0;               // pixels of the reported regions
  std::vector<long long> group_px;    // per RasterPalette::groups(): graphic pixels of that colour
  std::vector<OffRegion> regions;     // sorted by position (y, then x)
  std::vector<PixelBox> photo_areas;  // excluded, tile-aligned, sorted by position
  std::size_t distinct_colors = 0;    // colours judged (for benchmarks and tests)
  // Bytes of the analysis's largest buffers (candidate mask, photo tiles, verdict table), for
  // benchmarks: what the check holds on top of the decoded image.
  std::size_t work_bytes = 0;
};

/// Runs the whole pipeline on an 8-bit BGRA image. `lossy`: JPEG or lossy WebP (compression noise
/// is expected; blends are judged with a wider margin).
RasterAnalysis analyze_raster(const cv::Mat& bgra, bool lossy, const RasterPalette& palette);

/// analyze_raster() of `asset`'s pixels, computed once per asset and thresholds and shared by
/// the rules that need it (color/off-palette, color/accent-share) through Asset::derived.
const RasterAnalysis& shared_analysis(const Asset& asset, const RasterPalette& palette);

}  // namespace brandlint::raster
