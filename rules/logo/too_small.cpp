// logo/too-small: a logo must be at least its minimum width: `min_width_mm` on assets with a
// known resolution (PDF pages, rendered at a known dpi), `min_width_px` on everything else.
// The width is measured along the logo's own axis from the projected quadrilateral, so a
// rotated logo is not mistaken for a wider one.
#include <memory>

#include <fmt/format.h>

#include "rules/logo/logo_common.h"

namespace brandlint::rules {
namespace {

using namespace logo_rules;

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = "logo/too-small",
      .summary = "Logos must be at least their minimum width",
      .kinds = logo_rules::kinds(),
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/logo/too-small.md",
      .options = {},
  };
  return m;
}

class TooSmall final : public Rule {
 public:
  explicit TooSmall(const RuleConfig& cfg) : library_(library_for(cfg)) {}
  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!library_) return;
    for (const logo::LogoSighting& s : sightings(*library_, asset)) {
      const logo::ReferenceLogo* ref = library_->find(s.logo_id);
      if (!ref) continue;
      const guide::Logo& l = ref->logo;
      if (!below_minimum_width(l, s)) continue;
      Json e = sighting_evidence(s);
      if (s.width_mm) {
        e["measured"] = fmt::format("{:.1f} mm", *s.width_mm);
        e["expected"] = fmt::format("≥ {:g} mm", *l.min_width_mm);
        e["width_mm"] = round_to(*s.width_mm, 10);
        e["dpi"] = round_to(s.dpi.value_or(0), 10);
        e["guide_key"] = logo_key(*library_, s.logo_id, "min_width_mm");
        ctx.report_box(s.box,
                       fmt::format("{} is {:.1f} mm wide at {:.0f} dpi; the minimum is {:g} mm",
                                   describe(s), *s.width_mm, s.dpi.value_or(0), *l.min_width_mm),
                       std::move(e));
      } else {
        e["measured"] = fmt::format("{:.0f} px", s.width_px);
        e["expected"] = fmt::format("≥ {} px", *l.min_width_px);
        e["guide_key"] = logo_key(*library_, s.logo_id, "min_width_px");
        ctx.report_box(s.box,
                       fmt::format("{} is {:.0f} px wide; the minimum is {} px", describe(s),
                                   s.width_px, *l.min_width_px),
                       std::move(e));
      }
    }
  }

 private:
  std::shared_ptr<const logo::LogoLibrary> library_;
};

}  // namespace

RuleEntry logo_too_small_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<TooSmall>(cfg);
          }};
}

}  // namespace brandlint::rules
