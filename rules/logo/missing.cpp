// logo/missing: in a channel with `require_logo = true`, every image and PDF page must show a
// current (not deprecated) guide logo. SVG files are not required to: in a channel they are
// icons, illustrations and the logo files themselves, not finished layouts.
#include <memory>

#include <fmt/format.h>

#include "rules/logo/logo_common.h"

namespace brandlint::rules {
namespace {

using namespace logo_rules;

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = "logo/missing",
      .summary = "Images in channels that require a logo must show a current logo",
      .kinds = {AssetKind::image, AssetKind::pdf},
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/logo/missing.md",
      .options = {},
  };
  return m;
}

class Missing final : public Rule {
 public:
  explicit Missing(const RuleConfig& cfg)
      : library_(library_for(cfg)),
        required_(cfg.channel.require_logo),
        key_(fmt::format("channels.{}.require_logo", cfg.channel.name)) {
    for (const guide::Logo& l : cfg.guide.logos) {
      if (!l.deprecated) current_.push_back(l.id);
    }
  }
  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!required_ || asset.pixels.empty()) return;
    Json found = Json::array();
    if (library_) {
      for (const logo::LogoSighting& s : sightings(*library_, asset)) {
        if (!s.deprecated) return;
        found.push_back(s.logo_id);
      }
    }
    Json e;
    e["measured"] = found.empty() ? Json("no logo") : Json(found);
    e["expected"] = current_;
    e["guide_key"] = key_;
    std::string message =
        fmt::format("channel '{}' requires a logo, and this {} has none", ctx.channel().name,
                    asset.kind == AssetKind::pdf ? "page" : "image");
    if (!found.empty()) message += " that is current (only deprecated ones)";
    ctx.report_file(std::move(message), std::move(e));
  }

 private:
  std::shared_ptr<const logo::LogoLibrary> library_;
  bool required_;
  std::string key_;
  std::vector<std::string> current_;
};

}  // namespace

RuleEntry logo_missing_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Missing>(cfg);
          }};
}

}  // namespace brandlint::rules
