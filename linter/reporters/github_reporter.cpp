// GitHub Actions workflow commands: one annotation per finding. GitHub shows at most 10 errors
// and 10 warnings per step, so every finding is also in the log line and in the job summary
// (the markdown format, appended to $GITHUB_STEP_SUMMARY by the caller).
#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/report_text.h"
#include "linter/reporters/reporter.h"

namespace brandlint {
namespace {

// The escaping of @actions/core: data needs %, CR and LF encoded; property values also ':' and ','.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : report::valid_utf8(text)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
    case Severity::off:
      break;
  }
  return "notice";
}

}  // namespace

void write_github(const RunResult& result, const ReportOptions& /*options*/, std::ostream& out) {
  for (const Finding& f : result.findings) {
    std::string properties = "file=" + escape_property(f.path);
    const Location& l = f.location;
    if (l.line > 0) {
      properties += fmt::format(",line={},col={}", l.line, l.column);
      if (l.end_line > l.line || (l.end_line == l.line && l.end_column > l.column)) {
        properties += fmt::format(",endLine={},endColumn={}", l.end_line, l.end_column);
      }
    }
    properties += ",title=" + escape_property(fmt::format("{} ({})", f.rule, f.channel));
    out << fmt::format("::{} {}::{}\n", command(f.severity), properties,
                       escape_data(report::message_with_box(f)));
  }
}

}  // namespace brandlint
