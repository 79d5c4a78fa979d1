// The rules built for one guide: per channel, each enabled rule constructed once with its
// effective severity and options. Building validates [rules] and [[ignore]] against the registry.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "linter/glob.h"
#include "linter/rule.h"

namespace brandlint {

struct ActiveRule {
  const RuleMeta* meta;
  std::unique_ptr<Rule> rule;
  Severity severity;
};

class RuleSet {
 public:
  /// Throws guide::GuideError for an unknown rule id or option, or an option the rule rejects.
  /// `only` restricts the set to the listed rule ids (used by fixture tests and --rule).
  RuleSet(const guide::BrandGuide& guide, std::span<const RuleEntry> registry,
          const std::vector<std::string>& only = {});

  /// Rules to run on an asset of `kind` in `channel`, in registry (id) order.
  std::vector<const ActiveRule*> rules_for(const guide::Channel& channel, AssetKind kind) const;
  /// True when an [[ignore]] entry exempts `match_path` from `rule_id`.
  bool ignored(std::string_view match_path, std::string_view rule_id) const;

 private:
  struct ChannelRules {
    const guide::Channel* channel;
    std::vector<ActiveRule> rules;
  };
  struct CompiledIgnore {
    std::vector<Glob> paths;
    std::vector<Glob> rules;
  };
  std::vector<ChannelRules> channels_;
  std::vector<CompiledIgnore> ignores_;
};

/// The override that applies to `rule_id`: an exact id wins over a glob; among globs the last.
const guide::RuleOverride* find_override(const guide::BrandGuide& guide, std::string_view rule_id);

}  // namespace brandlint
