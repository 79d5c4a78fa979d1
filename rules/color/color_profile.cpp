// color/color-profile: an image with an embedded non-sRGB ICC profile (Display P3, Adobe RGB,
// a CMYK or grey profile) is measured as if it were sRGB, because brandlint does not convert
// colours. Say so, once per file, instead of silently misreading it.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "linter/rule.h"

namespace brandlint::rules {

namespace {

constexpr std::string_view kId = "color/color-profile";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Images should be sRGB; embedded non-sRGB colour profiles are not converted",
      .kinds = {AssetKind::image},
      .default_severity = Severity::info,
      .fixable = Fixable::never,
      .docs = "rules/color/color-profile.md",
      .options = {},
  };
  return m;
}

class ColorProfile final : public Rule {
 public:
  explicit ColorProfile(const RuleConfig&) {}

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (asset.icc_profile.empty() || asset.icc_srgb) return;
    const std::string space = asset.icc_color_space.empty() ? "unknown" : asset.icc_color_space;
    Json evidence;
    evidence["measured"] = asset.icc_profile;
    evidence["color_space"] = space;
    evidence["expected"] = "sRGB (no profile, or an sRGB profile)";
    evidence["guide_key"] = "palette";
    ctx.report_file(fmt::format("embedded colour profile \"{}\" ({}) is not sRGB; colours are "
                                "measured as if they were sRGB, so colour findings for this file "
                                "may be off: export it as sRGB",
                                asset.icc_profile, space),
                    std::move(evidence));
  }
};

}  // namespace

RuleEntry color_color_profile_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<ColorProfile>(cfg);
          }};
}

}  // namespace brandlint::rules
