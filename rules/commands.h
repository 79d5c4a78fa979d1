// The command-line verbs that need the whole rule table (rules, explain, guide check) and the
// small pieces of `check` around the engine run: finding the guide, writing output, exit codes.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "linter/cli.h"
#include "linter/reporters/reporter.h"
#include "linter/result.h"
#include "linter/rule.h"

namespace brandlint::rules {

/// A command-line mistake (exit code 2), e.g. an unknown --channel.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// --guide if given; else brandguide.toml walking up from the current folder, then from the
/// first path argument. Empty if none is found.
std::filesystem::path locate_guide(const std::string& guide_flag,
                                   const std::vector<std::string>& paths);
/// Throws UsageError for a --channel the guide does not define.
void check_channel_names(const guide::BrandGuide& guide, const std::vector<std::string>& names);
/// Registry rules and the engine's built-in diagnostics, sorted by id.
std::vector<const RuleMeta*> all_rule_metas();
/// Writes `content` to stdout (empty path) or atomically to `path` (temp file + rename).
bool write_output(const std::string& path, const std::string& content);
/// The scan time reports show: $SOURCE_DATE_EPOCH when set (reproducible reports), else now;
/// ISO 8601 UTC ("2026-01-15T09:30:00Z").
std::string scan_time();
/// Report options with every rule's metadata and compiled-in docs; BRANDLINT_DOCS_URL, when
/// set, is where the rule docs are published (SARIF helpUri, HTML "learn more").
ReportOptions report_options(bool quiet);
/// Writes every requested format (to its file, or --output / stdout), the GitHub job summary
/// when the github format is asked for and $GITHUB_STEP_SUMMARY is set, and --report-dir.
/// Prints the problem and returns false when a file cannot be written.
bool write_reports(const CliOptions& cli, const RunResult& result, ReportOptions options);
/// 2 on internal errors, 1 when a finding is at or above `fail_on`, else 0.
int exit_code(const RunResult& result, Severity fail_on);

int print_rules(std::ostream& out);
int explain(const std::string& rule_id, std::ostream& out);
int guide_check(const std::string& guide_flag, std::ostream& out);
/// `logo-check`: every logo found in each image, with its scores (rules/logo/logo_check.cpp).
int logo_check(const std::vector<std::string>& images, const std::string& guide_flag,
               const std::string& format, std::ostream& out);

}  // namespace brandlint::rules
