// color/accent-share: a palette colour with `max_share` may cover at most that fraction of an
// image's graphic area (accents stay accents). Reads the shares of the raster palette analysis
// that color/off-palette measures, computed once per image and shared between the two rules.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/raster_palette.h"

namespace brandlint::rules {

namespace {

constexpr std::string_view kId = "color/accent-share";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Accent colours must not exceed their max_share of an image",
      .kinds = {AssetKind::image, AssetKind::svg, AssetKind::pdf},
      .default_severity = Severity::warning,
      .fixable = Fixable::never,
      .docs = "rules/color/accent-share.md",
      .options = {},
  };
  return m;
}

double round_4(double value) { return std::round(value * 1e4) / 1e4; }

// A palette colour with a limit, and where the limit was written.
struct Limit {
  std::size_t group = 0;  // index into RasterPalette::groups()
  std::string name;
  std::string hex;
  double max_share = 1.0;
  std::string guide_key;
};

class AccentShare final : public Rule {
 public:
  // The shares must be the ones color/off-palette reports, so the analysis uses the guide's own
  // thresholds (and is then shared with that rule when its options do not change them).
  explicit AccentShare(const RuleConfig& cfg) : palette_(cfg.channel.palette, thresholds(cfg)) {
    const auto& colors = cfg.channel.palette.colors;
    for (std::size_t i = 0; i < colors.size(); ++i) {
      if (!colors[i].max_share) continue;
      const std::string key = colors[i].ref.key.empty() ? fmt::format("palette.color[{}]", i)
                                                        : colors[i].ref.key;
      limits_.push_back({i, colors[i].name, colors[i].hex, *colors[i].max_share, key + ".max_share"});
    }
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (asset.pixels.empty() || limits_.empty()) return;
    const raster::RasterAnalysis& a = raster::shared_analysis(asset, palette_);
    if (a.graphic_px == 0) return;
    for (const Limit& limit : limits_) {
      const double share = double(a.group_px[limit.group]) / double(a.graphic_px);
      // Compared as reported (4 decimals), so a message never says "0.15 exceeds 0.15".
      if (round_4(share) <= limit.max_share) continue;
      Json evidence;
      evidence["measured"] = round_4(share);
      evidence["expected"] = fmt::format("at most {} of the graphic area", limit.max_share);
      evidence["max_share"] = limit.max_share;
      evidence["color"] = limit.name + " " + limit.hex;
      evidence["graphic_px"] = a.graphic_px * asset.decode_scale * asset.decode_scale;
      evidence["guide_key"] = limit.guide_key;
      ctx.report_file(fmt::format("{} {} covers {:.1f} % of the graphic area, more than its "
                                  "max_share of {:.1f} %",
                                  limit.name, limit.hex, share * 100.0, limit.max_share * 100.0),
                      std::move(evidence));
    }
  }

 private:
  static raster::RasterThresholds thresholds(const RuleConfig& cfg) {
    const guide::Palette& p = cfg.channel.palette;
    raster::RasterThresholds t;
    t.warn = p.tolerance.warn;
    t.fail = p.tolerance.fail;
    t.min_region_px = p.min_region_px;
    return t;
  }

  raster::RasterPalette palette_;
  std::vector<Limit> limits_;
};

}  // namespace

RuleEntry color_accent_share_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<AccentShare>(cfg);
          }};
}

}  // namespace brandlint::rules
