// logo/deprecated: a logo the guide marks `deprecated = true` must not appear. The detector
// compares every sighting with every registered variant; this rule reports sightings whose best
// variant is a deprecated one, naming its replacement and the margin to the runner-up.
#include <memory>

#include <fmt/format.h>

#include "rules/logo/logo_common.h"

namespace brandlint::rules {
namespace {

using namespace logo_rules;

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = "logo/deprecated",
      .summary = "Deprecated logo versions must not be used",
      .kinds = logo_rules::kinds(),
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/logo/deprecated.md",
      .options = {},
  };
  return m;
}

class Deprecated final : public Rule {
 public:
  explicit Deprecated(const RuleConfig& cfg) : library_(library_for(cfg)) {}
  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!library_) return;
    for (const logo::LogoSighting& s : sightings(*library_, asset)) {
      if (!s.deprecated) continue;
      Json e = sighting_evidence(s);
      e["measured"] = s.logo_id;
      e["expected"] = s.replaced_by.empty() ? Json("a current logo") : Json(s.replaced_by);
      e["guide_key"] = logo_key(*library_, s.logo_id, "deprecated");
      std::string message = fmt::format("deprecated {}", describe(s));
      if (!s.replaced_by.empty()) message += fmt::format("; use '{}' instead", s.replaced_by);
      if (!s.runner_up_id.empty()) {
        message +=
            fmt::format(" (matches it {:.2f} better than '{}')", s.variant_margin, s.runner_up_id);
      }
      ctx.report_box(s.box, std::move(message), std::move(e));
    }
  }

 private:
  std::shared_ptr<const logo::LogoLibrary> library_;
};

}  // namespace

RuleEntry logo_deprecated_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Deprecated>(cfg);
          }};
}

}  // namespace brandlint::rules
