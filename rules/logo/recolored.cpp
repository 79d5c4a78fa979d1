// logo/recolored: a logo's ink must be one of its allowed colourways (`colorways`: palette
// names or hex), or its own colours when the guide lists none. The detector measures the median
// colour under the logo's primary ink after alignment; above the tolerance (ΔE00) from every
// colourway it is a finding.
#include <memory>

#include <fmt/format.h>

#include "rules/logo/logo_common.h"

namespace brandlint::rules {
namespace {

using namespace logo_rules;

constexpr std::string_view kId = "logo/recolored";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Logos must use one of their allowed colourways",
      .kinds = logo_rules::kinds(),
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/logo/recolored.md",
      .options = {"max_delta_e"},
  };
  return m;
}

class Recolored final : public Rule {
 public:
  explicit Recolored(const RuleConfig& cfg) : library_(library_for(cfg)) {
    const guide::Tolerance& t = cfg.channel.palette.tolerance;
    max_ = cfg.option_number("max_delta_e", t.fail);
    if (!(max_ > 0 && max_ <= 100)) {
      throw guide::GuideError(
          cfg.option_ref("max_delta_e"),
          fmt::format("option 'max_delta_e' of rule '{}' must be above 0 and at most 100, got {}",
                      kId, max_));
    }
    key_ = cfg.option("max_delta_e")
               ? fmt::format("rules.\"{}\".max_delta_e", kId)
               : (t.ref.key.empty() ? "palette.tolerance" : t.ref.key) + ".fail";
  }
  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!library_) return;
    for (const logo::LogoSighting& s : sightings(*library_, asset)) {
      if (s.measured_hex.empty() || s.colorway_delta_e <= max_) continue;
      const logo::ReferenceLogo* ref = library_->find(s.logo_id);
      // Below its minimum width a logo's strokes are mostly anti-aliased edge pixels, so its
      // measured ink is not its colour; logo/too-small reports it, and its colour is judged
      // once it is placed at a legal size (on the labelled corpus every recolour false alarm
      // was such a logo).
      if (ref && below_minimum_width(ref->logo, s)) continue;
      Json allowed = Json::array();
      if (ref && !ref->colorways.empty()) {
        for (const auto& way : ref->colorways)
          allowed.push_back(way.label == way.hex ? way.hex : way.label + " " + way.hex);
      } else if (ref) {
        allowed.push_back(guide::to_hex(ref->primary_ink));
      }
      Json e = sighting_evidence(s);
      e["measured"] = s.measured_hex;
      e["expected"] = allowed;
      e["nearest"] = s.colorway;
      e["delta_e00"] = round_to(s.colorway_delta_e, 100);
      e["tolerance"] = max_;
      e["guide_key"] =
          ref && !ref->colorways.empty() ? logo_key(*library_, s.logo_id, "colorways") : key_;
      e["tolerance_key"] = key_;
      ctx.report_box(
          s.box,
          fmt::format("{} is {}, {:.2f} ΔE00 from its nearest colourway {} (above {:.1f})",
                      describe(s), s.measured_hex, s.colorway_delta_e, s.colorway, max_),
          std::move(e));
    }
  }

 private:
  std::shared_ptr<const logo::LogoLibrary> library_;
  double max_ = 3.0;
  std::string key_;
};

}  // namespace

RuleEntry logo_recolored_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Recolored>(cfg);
          }};
}

}  // namespace brandlint::rules
