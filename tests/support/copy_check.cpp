#include "tests/support/copy_check.h"

#include <memory>

#include "linter/assets/copy.h"

namespace brandlint::testing {

Asset load_copy(const std::string& path, const std::string& bytes, const guide::Channel& channel) {
  Asset asset;
  asset.path = asset.display_path = asset.match_path = path;
  asset.channel = &channel;
  decode_text(bytes, asset);
  if (path.ends_with(".md")) {
    asset.kind = AssetKind::markdown;
    extract_markdown_runs(asset);
  } else if (path.ends_with(".json") || path.ends_with(".toml")) {
    asset.kind = AssetKind::copy_deck;
    extract_copy_deck_runs(asset);
  } else {
    asset.kind = AssetKind::text;
    extract_plain_runs(asset);
  }
  return asset;
}

Checked check_rule(const RuleEntry& entry, const guide::BrandGuide& guide, const Asset& asset) {
  Checked out;
  const std::unique_ptr<Rule> rule = entry.make(RuleConfig{guide, *asset.channel, nullptr});
  RuleContext ctx(asset, guide, entry.meta->id, entry.meta->default_severity, out.findings);
  ctx.set_measurements(&out.measurements);
  rule->check(asset, ctx);
  return out;
}

}  // namespace brandlint::testing
