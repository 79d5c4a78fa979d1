// Reporters turn a RunResult into one output format. Each is a pure function of the result and
// the rule table, so formats can never disagree. A reporter never knows a rule by name.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/result.h"
#include "linter/rule.h"

namespace brandlint {

struct ReportOptions {
  bool color = false;  // ANSI colours (text format only)
  bool quiet = false;  // findings only: no summary
  std::vector<const RuleMeta*> rules;  // every rule's metadata (registry + built-ins), sorted by id
};

void write_text(const RunResult& result, const ReportOptions& options, std::ostream& out);
void write_json(const RunResult& result, const ReportOptions& options, std::ostream& out);

/// The text reporter's line for one finding: `path:line:col: severity: message [rule]`.
std::string format_finding_line(const Finding& finding, bool color);

/// The JSON document (also embedded in the HTML report later).
Json to_json(const RunResult& result, const ReportOptions& options);

}  // namespace brandlint
