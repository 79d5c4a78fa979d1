// Running one rule by hand on copy written inline (decode -> extract -> RuleContext), for the
// voice and channel rule tests. Independent of discovery and the runner, so a failure points at
// the rule.
#pragma once

#include <string>
#include <vector>

#include "brandguide/brand_guide.h"
#include "linter/asset.h"
#include "linter/diagnostic.h"
#include "linter/rule.h"

namespace brandlint::testing {

/// The guide header every inline test guide starts with: brand Nordlys, locale da-DK, one
/// palette colour. Tests append their [voice] and [channels] tables.
inline constexpr const char* kGuideHeader =
    "[brand]\nname = \"Nordlys\"\nversion = \"1\"\nlocale = \"da-DK\"\n"
    "[palette]\n[[palette.color]]\nname = \"Blå\"\nhex = \"#0B3D91\"\n";

/// An asset of `channel` decoded from `bytes`, its copy extracted by the kind its path's
/// extension gives: .md Markdown, .json/.toml a copy deck, anything else plain text.
Asset load_copy(const std::string& path, const std::string& bytes, const guide::Channel& channel);

struct Checked {
  std::vector<Finding> findings;
  Json measurements = Json::object();
};

/// Builds `entry`'s rule for the asset's channel (no [rules] overrides) and checks the asset.
Checked check_rule(const RuleEntry& entry, const guide::BrandGuide& guide, const Asset& asset);

}  // namespace brandlint::testing
