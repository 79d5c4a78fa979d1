// The runner: the only place with threads. Discovers, classifies, loads each asset once, runs
// the rules for its kind and channel with per-(asset, rule) fault isolation, and sorts results
// so any --jobs value gives byte-identical output.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "linter/assets/load_asset.h"
#include "linter/result.h"
#include "linter/rule.h"

namespace brandlint {

struct RunOptions {
  int jobs = 0;                       // 0 = all cores
  std::vector<std::string> channels;  // empty = all
  std::vector<std::string> only_rules;  // empty = all (fixture tests run one rule)
  LoadOptions load;
  std::filesystem::path cache_dir;    // --cache: per-file results kept here; empty = no cache
};

/// Throws guide::GuideError when the guide's [rules]/[[ignore]] refer to unknown rules/options.
RunResult run(const guide::BrandGuide& guide, std::span<const RuleEntry> registry,
              const std::vector<std::filesystem::path>& paths, const RunOptions& options);

}  // namespace brandlint
