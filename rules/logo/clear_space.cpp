// logo/clear-space: the zone around a logo — its box grown by `clear_space` × the logo's height
// on every side — must lie on the canvas and hold nothing but background: no foreign edges and,
// on a flat background, no pixels far from the background colour.
#include <memory>

#include <fmt/format.h>

#include "rules/logo/logo_common.h"

namespace brandlint::rules {
namespace {

using namespace logo_rules;

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = "logo/clear-space",
      .summary = "Logos need their clear space free of other content and inside the canvas",
      .kinds = logo_rules::kinds(),
      .default_severity = Severity::warning,
      .fixable = Fixable::never,
      .docs = "rules/logo/clear-space.md",
      .options = {},
  };
  return m;
}

class ClearSpace final : public Rule {
 public:
  explicit ClearSpace(const RuleConfig& cfg) : library_(library_for(cfg)) {}
  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!library_) return;
    for (const logo::LogoSighting& s : sightings(*library_, asset)) {
      if (s.clear_space_ok) continue;
      const logo::ReferenceLogo* ref = library_->find(s.logo_id);
      Json e = sighting_evidence(s);
      e["measured"] = s.clear_space_problem;
      e["expected"] = fmt::format("{:.0f} px free on every side ({:g} × logo height)",
                                  s.clear_space_px, ref ? ref->logo.clear_space : 0.0);
      e["clear_space_px"] = round_to(s.clear_space_px, 10);
      if (s.clear_space_offender) {
        const PixelBox& o = *s.clear_space_offender;
        e["offender"] = Json::array({o.x, o.y, o.w, o.h});
        e["foreign_share"] = round_to(s.clear_space_foreign_share, 1000);
      }
      e["guide_key"] = logo_key(*library_, s.logo_id, "clear_space");
      std::string where;
      if (s.clear_space_offender) {
        const PixelBox& o = *s.clear_space_offender;
        where = fmt::format(": {}×{} at ({},{})", o.w, o.h, o.x, o.y);
      }
      ctx.report_box(s.box,
                     fmt::format("{} lacks its {:.0f} px clear space: {}{}", describe(s),
                                 s.clear_space_px, s.clear_space_problem, where),
                     std::move(e));
    }
  }

 private:
  std::shared_ptr<const logo::LogoLibrary> library_;
};

}  // namespace

RuleEntry logo_clear_space_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<ClearSpace>(cfg);
          }};
}

}  // namespace brandlint::rules
