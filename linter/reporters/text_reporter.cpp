#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/report_text.h"
#include "linter/reporters/reporter.h"
#include "linter/score.h"

namespace brandlint {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::info: return "\x1b[1;36m";
    case Severity::off: break;
  }
  return "";
}

std::string paint(bool color, std::string_view style, std::string_view text) {
  return color ? fmt::format("{}{}{}", style, text, kReset) : std::string(text);
}

}  // namespace

std::string format_finding_line(const Finding& f, bool color) {
  const std::string where = fmt::format("{}:{}:{}:", f.path, f.location.line, f.location.column);
  return fmt::format("{} {} {} {}", paint(color, kBold, where),
                     paint(color, severity_color(f.severity),
                           fmt::format("{}:", guide::to_string(f.severity))),
                     f.message, paint(color, kDim, fmt::format("[{}]", f.rule)));
}

void write_text(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  for (const Finding& f : result.findings) out << format_finding_line(f, options.color) << '\n';
  if (options.quiet) return;

  const std::vector<ChannelSummary> channels = summarize(result);
  std::size_t width = 7;  // "channel"
  for (const ChannelSummary& c : channels) width = std::max(width, c.name.size());
  out << '\n'
      << fmt::format("{} {} — guide {} ({})\n", paint(options.color, kBold, result.brand_name),
                     result.guide_version.empty() ? "" : "v" + result.guide_version,
                     result.guide_path, "brandlint " + result.tool_version);
  const std::string header = fmt::format("{:<{}}  {:>5}  {:>5}  {:>6}  {:>8}  {:>4}", "channel",
                                         width, "score", "files", "errors", "warnings", "info");
  out << paint(options.color, kBold, header) << '\n';
  const std::vector<ChannelScore> scores = score_channels(result);
  int files = 0;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    const ChannelSummary& c = channels[i];
    files += c.files;
    const std::string score = scores[i].score ? std::to_string(*scores[i].score) : "-";
    out << fmt::format("{:<{}}  {:>5}  {:>5}  {:>6}  {:>8}  {:>4}\n", c.name, width, score, c.files,
                       c.counts.error, c.counts.warning, c.counts.info);
  }
  const SeverityCounts total = count_all(result);
  out << paint(options.color, kBold,
               fmt::format("{:<{}}  {:>5}  {:>5}  {:>6}  {:>8}  {:>4}", "total", width, "", files,
                           total.error, total.warning, total.info))
      << '\n';
  if (!result.suppressed.empty()) {
    out << fmt::format("{} finding(s) suppressed by brandlint-disable comments (--format json "
                       "lists them with their reasons)\n",
                       result.suppressed.size());
  }
  if (result.baseline) out << report::baseline_sentence(*result.baseline) << '\n';
  if (!channels.empty()) {
    out << paint(options.color, kDim,
                 "score: 100 × (checks − errors − ½ × warnings) ÷ checks; a check is one rule on "
                 "one file")
        << '\n';
  }
  if (!result.skipped.empty()) {
    out << fmt::format("\n{} file(s) not checked:\n", result.skipped.size());
    for (const SkippedFile& s : result.skipped) out << fmt::format("  {}: {}\n", s.path, s.reason);
  }
}

}  // namespace brandlint
