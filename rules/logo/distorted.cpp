// logo/distorted: a logo must keep its proportions (stretch |sx/sy − 1| at most `max_stretch`,
// default 0.03) and stay upright (rotation at most `max_rotation_deg`, default 2°) unless its
// [[logo]] entry says `rotation = true`. Both figures come from the homography that placed the
// reference logo on the image, measured at the logo's centre.
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "rules/logo/logo_common.h"

namespace brandlint::rules {
namespace {

using namespace logo_rules;

constexpr std::string_view kId = "logo/distorted";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Logos must not be stretched, squashed or rotated",
      .kinds = logo_rules::kinds(),
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/logo/distorted.md",
      .options = {"max_stretch", "max_rotation_deg"},
  };
  return m;
}

double checked(const RuleConfig& cfg, std::string_view key, double fallback, double max) {
  const double v = cfg.option_number(key, fallback);
  if (!(v >= 0 && v <= max)) {
    throw guide::GuideError(
        cfg.option_ref(key),
        fmt::format("option '{}' of rule '{}' must be between 0 and {}, got {}", key, kId, max, v));
  }
  return v;
}

class Distorted final : public Rule {
 public:
  explicit Distorted(const RuleConfig& cfg)
      : library_(library_for(cfg)),
        max_stretch_(checked(cfg, "max_stretch", 0.03, 1.0)),
        max_rotation_(checked(cfg, "max_rotation_deg", 2.0, 180.0)) {}
  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!library_) return;
    for (const logo::LogoSighting& s : sightings(*library_, asset)) {
      const logo::ReferenceLogo* ref = library_->find(s.logo_id);
      const bool may_rotate = ref && ref->logo.rotation;
      // Half a pixel of measuring error on the logo's height is a stretch of 0.5 / height:
      // 3.6 % on a 14 px high logo. The limit grows by it, so tiny logos are not called
      // distorted for rounding (a 62 px wide logo measured 4.5 % on the logo corpus).
      const double limit = max_stretch_ + 0.5 / std::max(1.0, s.height_px);
      const bool stretched = s.stretch > limit;
      const bool rotated = !may_rotate && std::abs(s.rotation_deg) > max_rotation_;
      if (!stretched && !rotated) continue;
      Json e = sighting_evidence(s);
      Json measured, expected;
      std::string what;
      if (stretched) {
        // sx/sy > 1: wider than drawn; < 1: narrower (taller) than drawn.
        const double aspect = s.scale_x / s.scale_y;
        what = fmt::format("{} {:.1f} % (aspect {:.3f}, limit ±{:.1f} %)",
                           aspect > 1 ? "stretched" : "squashed", s.stretch * 100.0, aspect,
                           limit * 100.0);
        measured["stretch"] = round_to(s.stretch, 1000);
        measured["aspect"] = round_to(aspect, 1000);
        expected["max_stretch"] = max_stretch_;
        expected["limit_at_this_size"] = round_to(limit, 1000);
      }
      if (rotated) {
        if (!what.empty()) what += " and ";
        what += fmt::format("rotated {:.1f}° (limit {:.0f}°)", s.rotation_deg, max_rotation_);
        measured["rotation_deg"] = round_to(s.rotation_deg, 10);
        expected["max_rotation_deg"] = max_rotation_;
        expected["rotation"] = false;
      }
      e["measured"] = std::move(measured);
      e["expected"] = std::move(expected);
      e["scale"] = {round_to(s.scale_x, 1000), round_to(s.scale_y, 1000)};
      e["guide_key"] = rotated ? logo_key(*library_, s.logo_id, "rotation")
                               : fmt::format("rules.\"{}\".max_stretch", kId);
      ctx.report_box(s.box, fmt::format("{} is {}", describe(s), what), std::move(e));
    }
  }

 private:
  std::shared_ptr<const logo::LogoLibrary> library_;
  double max_stretch_;
  double max_rotation_;
};

}  // namespace

RuleEntry logo_distorted_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Distorted>(cfg);
          }};
}

}  // namespace brandlint::rules
