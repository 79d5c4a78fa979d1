// JUnit XML for CI test tabs (GitLab, Jenkins, Azure): one testsuite per channel, one testcase
// per (file, rule) check, named "<path> :: <rule>" so classname + name is unique (GitLab keeps
// only the first of duplicates). A failing check's <failure> carries every finding.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/report_text.h"
#include "linter/reporters/reporter.h"
#include "linter/score.h"

namespace brandlint {
namespace {

using report::xml_escape;

std::string finding_lines(const Check& check) {
  std::string body;
  for (const Finding* f : check.findings) {
    body += fmt::format("{}: {}: {} [{}]\n", report::where(*f), guide::to_string(f->severity),
                        report::message_with_box(*f), f->rule);
  }
  return body;
}

// "<path> :: <rule>"; a run-level check that exists once per channel (its path is the guide)
// also names the channel, so every name is unique on its own.
std::string case_name(const Check& check, const std::vector<Check>& all) {
  const bool shared = std::any_of(all.begin(), all.end(), [&](const Check& other) {
    return other.channel != check.channel && other.path == check.path && other.rule == check.rule;
  });
  return shared ? fmt::format("{} ({}) :: {}", check.path, check.channel, check.rule)
                : fmt::format("{} :: {}", check.path, check.rule);
}

void write_case(const Check& check, const std::vector<Check>& all, std::ostream& out) {
  out << fmt::format("    <testcase name=\"{}\" classname=\"brandlint.{}\" file=\"{}\"",
                     xml_escape(case_name(check, all)), xml_escape(check.channel),
                     xml_escape(check.path));
  if (check.findings.empty()) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  const std::string body = xml_escape(finding_lines(check));
  if (check.failed()) {
    const Finding& first = *check.findings.front();
    const std::string summary =
        check.findings.size() == 1
            ? report::message_with_box(first)
            : fmt::format("{} (and {} more)", report::message_with_box(first),
                          check.findings.size() - 1);
    out << fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                       xml_escape(summary), guide::to_string(check.worst), body);
  } else {
    // Info findings pass the check but stay visible.
    out << fmt::format("      <system-out>{}</system-out>\n", body);
  }
  out << "    </testcase>\n";
}

}  // namespace

void write_junit(const RunResult& result, const ReportOptions& /*options*/, std::ostream& out) {
  const std::vector<Check> checks = collect_checks(result);
  int total_failures = 0;
  for (const Check& c : checks) total_failures += c.failed() ? 1 : 0;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"brandlint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                     checks.size(), total_failures);
  for (const ChannelSummary& channel : summarize(result)) {
    int tests = 0, failures = 0;
    for (const Check& c : checks) {
      if (c.channel != channel.name) continue;
      ++tests;
      failures += c.failed() ? 1 : 0;
    }
    out << fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
        xml_escape(channel.name), tests, failures);
    for (const Check& c : checks) {
      if (c.channel == channel.name) write_case(c, checks, out);
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace brandlint
