// Rule documentation pages, compiled into the binary from rules/**/*.md.
#pragma once

#include <string_view>
#include <vector>

namespace brandlint::rules {

struct RuleDoc {
  std::string_view path;  // "rules/voice/banned-term.md"
  std::string_view markdown;
};

const std::vector<RuleDoc>& rule_docs();

/// The page at `path` (a RuleMeta::docs value), or an empty view.
std::string_view find_rule_doc(std::string_view path);

}  // namespace brandlint::rules
