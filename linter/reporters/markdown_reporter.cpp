// GitHub-flavoured Markdown for pull-request comments and job summaries: a per-channel table
// with scores, drifting channels, then each channel's findings in a collapsible block.
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "linter/reporters/report_text.h"
#include "linter/reporters/reporter.h"
#include "linter/score.h"

namespace brandlint {
namespace {

// Text from scanned files must not turn into links, HTML or table columns.
std::string md_escape(std::string_view text) {
  std::string out;
  for (char c : report::valid_utf8(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '|':
        out += "\\|";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '~':
      case '!':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view severity_mark(Severity s) {
  switch (s) {
    case Severity::error:
      return "🔴 error";
    case Severity::warning:
      return "🟠 warning";
    case Severity::info:
    case Severity::off:
      break;
  }
  return "🔵 info";
}

std::string score_cell(const std::optional<int>& score) {
  if (!score) return "–";
  const ScoreBand band = score_band(*score);
  const std::string_view dot = band == ScoreBand::pass      ? "🟢"
                               : band == ScoreBand::average ? "🟠"
                                                            : "🔴";
  return fmt::format("{} {}", dot, *score);
}

std::string rule_link(std::string_view rule, const ReportOptions& options) {
  for (const RuleMeta* meta : options.rules) {
    if (meta->id == rule && !options.docs_base_uri.empty()) {
      return fmt::format("[{}]({}{})", rule, options.docs_base_uri, meta->docs);
    }
  }
  return fmt::format("`{}`", rule);
}

std::string channel_findings(const RunResult& result, const ChannelSummary& channel,
                             const ReportOptions& options) {
  std::string out = fmt::format(
      "<details><summary><b>{}</b> — {} errors, {} warnings, {} info</summary>\n\n"
      "| Severity | Where | Rule | Message |\n|---|---|---|---|\n",
      report::xml_escape(channel.name), channel.counts.error, channel.counts.warning,
      channel.counts.info);
  for (const Finding& f : result.findings) {
    if (f.channel != channel.name) continue;
    out += fmt::format("| {} | <code>{}</code> | {} | {} |\n", severity_mark(f.severity),
                       report::xml_escape(report::where(f)), rule_link(f.rule, options),
                       md_escape(report::message_with_box(f)));
  }
  return out + "\n</details>\n\n";
}

void summary_table(const RunResult& result, std::ostream& out) {
  out << "| Channel | Score | Files | Errors | Warnings | Info |\n"
         "|---|---:|---:|---:|---:|---:|\n";
  const std::vector<ChannelSummary> channels = summarize(result);
  const std::vector<ChannelScore> scores = score_channels(result);
  for (std::size_t i = 0; i < channels.size(); ++i) {
    const ChannelSummary& c = channels[i];
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", md_escape(c.name),
                       score_cell(scores[i].score), c.files, c.counts.error, c.counts.warning,
                       c.counts.info);
  }
  const SeverityCounts total = count_all(result);
  out << fmt::format("| **total** | | | **{}** | **{}** | **{}** |\n\n", total.error, total.warning,
                     total.info);
  if (!result.suppressed.empty()) {
    out << fmt::format("{} finding(s) suppressed by `brandlint-disable` comments, each with a "
                       "reason (listed in the JSON and SARIF reports).\n\n",
                       result.suppressed.size());
  }
  if (result.baseline) out << md_escape(report::baseline_sentence(*result.baseline)) << "\n\n";
  out << "<sub>" << kScoreFormula << "</sub>\n\n";
}

void drift_table(const RunResult& result, std::ostream& out) {
  bool any = false;
  for (const ConsistencyFigure& f : result.consistency.figures) any = any || f.drift;
  if (!any) return;
  out << "### Red thread: channels that drift from the others\n\n"
         "| Channel | Metric | Value | Other channels | Allowed difference |\n"
         "|---|---|---:|---:|---:|\n";
  for (const ConsistencyFigure& f : result.consistency.figures) {
    if (!f.drift) continue;
    const bool share = f.metric.rfind("palette.", 0) == 0;
    auto value = [&](double v) {
      return share ? fmt::format("{:.0f}%", v * 100) : fmt::format("{:.1f}", v);
    };
    out << fmt::format("| {} | {} | {} | {} | {} |\n", md_escape(f.channel), md_escape(f.metric),
                       value(f.value), value(f.brand_average.value_or(0)),
                       value(f.threshold.value_or(0)));
  }
  out << '\n';
}

}  // namespace

void write_markdown(const RunResult& result, const ReportOptions& options, std::ostream& out,
                    std::size_t max_bytes) {
  std::ostringstream head;
  head << fmt::format("## brandlint: {} {}\n\n", md_escape(result.brand_name),
                      md_escape(result.guide_version));
  summary_table(result, head);
  drift_table(result, head);
  if (!result.findings.empty()) head << "### Findings\n\n";
  std::string document = head.str();

  std::size_t shown = 0;
  for (const ChannelSummary& channel : summarize(result)) {
    if (channel.counts.total() == 0) continue;
    std::string block = channel_findings(result, channel, options);
    // Leave room for the closing note; a job summary over 1 MiB is rejected by GitHub.
    if (max_bytes > 0 && document.size() + block.size() + 200 > max_bytes) break;
    document += block;
    shown += static_cast<std::size_t>(channel.counts.total());
  }
  if (shown < result.findings.size()) {
    document += fmt::format("{} more findings are not shown here; see the full report.\n",
                            result.findings.size() - shown);
  }
  out << document;
}

}  // namespace brandlint
