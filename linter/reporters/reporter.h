// Reporters turn a RunResult into one output format. Each is a pure function of the result and
// the rule table, so formats can never disagree. A reporter never knows a rule by name.
#pragma once

#include <filesystem>
#include <functional>
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
  /// A rule's documentation page (Markdown) from its RuleMeta::docs path; empty if unknown.
  /// Filled by the caller: reporters live in the engine and cannot see the compiled-in docs.
  std::function<std::string_view(std::string_view docs_path)> doc_for;
  /// Where rule docs are published ("https://…/"); docs paths are appended. Empty: SARIF has no
  /// helpUri and the HTML report links to the docs it embeds.
  std::string docs_base_uri;
  /// Folder that relative finding paths resolve against when a report re-reads a scanned file
  /// (HTML thumbnails and copy snippets). Empty: the current folder.
  std::filesystem::path base_dir;
};

/// The formats `--format` accepts, in the order --report-dir writes them.
std::span<const std::string_view> report_formats();
/// File extension for a format in --report-dir ("html" -> ".html", "junit" -> ".xml").
std::string_view report_extension(std::string_view format);
/// Writes `format`; false when the name is unknown.
bool write_report(std::string_view format, const RunResult& result, const ReportOptions& options,
                  std::ostream& out);
/// A file-name-safe stem for a channel's reports ("search-ads" stays, "a/b" -> "a_b").
std::string channel_file_stem(std::string_view channel);

void write_text(const RunResult& result, const ReportOptions& options, std::ostream& out);
void write_json(const RunResult& result, const ReportOptions& options, std::ostream& out);
/// SARIF 2.1.0 for GitHub code scanning: one run, every result with a physical location.
void write_sarif(const RunResult& result, const ReportOptions& options, std::ostream& out);
/// JUnit XML: a testsuite per channel, a testcase per (file, rule) check.
void write_junit(const RunResult& result, const ReportOptions& options, std::ostream& out);
/// GitHub Actions workflow commands (::error/::warning/::notice annotations).
void write_github(const RunResult& result, const ReportOptions& options, std::ostream& out);
/// GitHub-flavoured Markdown (PR comments, job summaries); `max_bytes` > 0 shortens the findings
/// list so the whole document stays under that size.
void write_markdown(const RunResult& result, const ReportOptions& options, std::ostream& out,
                    std::size_t max_bytes = 0);
/// The self-contained HTML report for people (inline CSS/JS, thumbnails, embedded JSON).
void write_html(const RunResult& result, const ReportOptions& options, std::ostream& out);
/// The --report-dir index: one row per channel, linking `<stem><extension>` for every format.
void write_html_index(const RunResult& result, const ReportOptions& options, std::ostream& out);

/// The text reporter's line for one finding: `path:line:col: severity: message [rule]`.
std::string format_finding_line(const Finding& finding, bool color);

/// The JSON document (also embedded in the HTML report later).
Json to_json(const RunResult& result, const ReportOptions& options);

}  // namespace brandlint
