// color/off-palette: flat colour regions in images (and in rendered SVG and PDF pages) must be
// brand colours. The pixel pipeline lives in rules/support/raster_*; this file turns its regions
// into findings and its figures into measurements. Vector colours (CSS files, <style> and
// style="" in HTML and SVG, SVG presentation attributes) are checked in off_palette_vector.cpp.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/color/off_palette_vector.h"
#include "rules/support/raster_palette.h"

namespace brandlint::rules {

namespace {

constexpr std::string_view kId = "color/off-palette";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Colours in images, web pages, stylesheets and SVG must be brand colours",
      .kinds = {AssetKind::image, AssetKind::svg, AssetKind::pdf, AssetKind::html, AssetKind::css},
      .default_severity = Severity::error,
      .fixable = Fixable::sometimes,  // vector colours near a brand colour snap to its hex
      .docs = "rules/color/off-palette.md",
      .options = {"min_region_px", "tolerance", "fix_within"},  // the last two: vectors
  };
  return m;
}

double round_to(double value, double scale) { return std::round(value * scale) / scale; }

Json box_json(const PixelBox& b) { return Json::array({b.x, b.y, b.w, b.h}); }

PixelBox scaled(PixelBox b, int scale) { return {b.x * scale, b.y * scale, b.w * scale, b.h * scale}; }

class OffPalette final : public Rule {
 public:
  explicit OffPalette(const RuleConfig& cfg)
      : palette_(cfg.channel.palette, thresholds(cfg)), vector_(cfg, kId) {
    const guide::Palette& p = cfg.channel.palette;
    const std::string tolerance_key = p.tolerance.ref.key.empty() ? "palette.tolerance"
                                                                  : p.tolerance.ref.key;
    warn_key_ = tolerance_key + ".warn";
    fail_key_ = tolerance_key + ".fail";
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    // Vectors first: an SVG is read as markup (line:column) and as its rendering, and a colour
    // the markup names is reported there, not again as the region it paints.
    std::vector<color::Lab> drawn;
    if (asset.kind != AssetKind::image && asset.kind != AssetKind::pdf) {
      for (const color::Rgb rgb : check_vector_colors(asset, ctx, vector_)) {
        drawn.push_back(color::srgb_to_lab(rgb));
      }
    }
    if (!asset.pixels.empty()) check_pixels(asset, ctx, drawn);
  }

 private:
  static raster::RasterThresholds thresholds(const RuleConfig& cfg) {
    const guide::Palette& p = cfg.channel.palette;
    raster::RasterThresholds t;
    t.warn = p.tolerance.warn;
    t.fail = p.tolerance.fail;
    const std::int64_t min_px = cfg.option_int("min_region_px", p.min_region_px);
    if (min_px < 1 || min_px > 100'000'000) {
      throw guide::GuideError(cfg.option_ref("min_region_px"),
                              fmt::format("option 'min_region_px' of rule '{}' must be between 1 "
                                          "and 100000000, got {}",
                                          kId, min_px));
    }
    t.min_region_px = static_cast<int>(min_px);
    return t;
  }

  // True when a region's colour is one the vector half read in the same file. A flat fill
  // renders to its own 8-bit value; the margin only absorbs lab()/oklch() rounding.
  static bool drawn_by_vector(const color::Lab& lab, const std::vector<color::Lab>& drawn) {
    return std::any_of(drawn.begin(), drawn.end(),
                       [&](const color::Lab& d) { return color::delta_e00(lab, d) <= 1.0; });
  }

  void check_pixels(const Asset& asset, RuleContext& ctx,
                    const std::vector<color::Lab>& drawn) const {
    const raster::RasterAnalysis& a = raster::shared_analysis(asset, palette_);
    const int scale = std::max(1, asset.decode_scale);
    Json excluded = Json::array();
    for (const PixelBox& box : a.photo_areas) {
      excluded.push_back({{"box", box_json(scaled(box, scale))}, {"reason", "photo area, excluded"}});
    }
    for (const raster::OffRegion& r : a.regions) {
      if (!drawn_by_vector(r.median_lab, drawn)) report(ctx, a, r, scale, excluded);
    }

    const double graphic = a.graphic_px > 0 ? double(a.graphic_px) : 1.0;
    Json shares = Json::object();
    for (std::size_t g = 0; g < palette_.groups().size(); ++g) {
      shares[palette_.groups()[g]] = round_to(double(a.group_px[g]) / graphic, 1e4);
    }
    ctx.measure("graphic_px", a.graphic_px * scale * scale);
    ctx.measure("shares", std::move(shares));
    ctx.measure("off_palette", round_to(double(a.off_px) / graphic, 1e4));
    ctx.measure("photo", a.opaque_px > 0 ? round_to(double(a.photo_px) / double(a.opaque_px), 1e4)
                                         : 0.0);
    if (!excluded.empty()) ctx.measure("excluded", std::move(excluded));
  }

  void report(RuleContext& ctx, const raster::RasterAnalysis& a, const raster::OffRegion& r,
              int scale, const Json& excluded) const {
    const raster::RasterColor& nearest = palette_.colors()[r.nearest];
    const bool fail = r.delta_e00 > nearest.fail;
    const double limit = fail ? nearest.fail : nearest.warn;
    // The band picks the severity; a guide that lowered the rule's severity caps it.
    const Severity band = fail ? Severity::error : Severity::warning;
    const Severity severity = std::min(band, ctx.severity());
    const PixelBox box = scaled(r.box, scale);
    const std::string measured = guide::to_hex(r.median);
    std::string message = fmt::format(
        "region {}×{} at ({},{}) is {}, {:.2f} ΔE00 from {} ({} above {:.1f})", box.w, box.h,
        box.x, box.y, measured, r.delta_e00, nearest.allowed.label(),
        fail ? "error" : "warning", limit);
    Json evidence;
    evidence["measured"] = measured;
    evidence["measured_lab"] = {round_to(r.median_lab.L, 100), round_to(r.median_lab.a, 100),
                                round_to(r.median_lab.b, 100)};
    evidence["expected"] = nearest.allowed.label();
    evidence["delta_e00"] = round_to(r.delta_e00, 100);
    evidence["tolerance"] = limit;
    evidence["box"] = box_json(box);
    evidence["pixels"] = r.pixels * scale * scale;
    evidence["area_share"] =
        round_to(double(r.pixels) / double(std::max<long long>(1, a.graphic_px)), 1e4);
    // A colour with its own, wider tolerance is judged by it; name the key that decided.
    const bool own = nearest.allowed.tolerance && *nearest.allowed.tolerance >= limit;
    evidence["guide_key"] = own ? nearest.allowed.guide_key : (fail ? fail_key_ : warn_key_);
    if (scale > 1) evidence["decoded_at"] = fmt::format("1/{}", scale);
    if (!excluded.empty()) evidence["excluded"] = excluded;
    ctx.report_box(box, std::move(message), std::move(evidence), severity);
  }

  raster::RasterPalette palette_;
  VectorPalette vector_;  // CSS, HTML and SVG colour literals (off_palette_vector.cpp)
  std::string warn_key_;
  std::string fail_key_;
};

}  // namespace

RuleEntry color_off_palette_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<OffPalette>(cfg);
          }};
}

}  // namespace brandlint::rules
