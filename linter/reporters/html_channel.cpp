// One channel's section: score gauge with its own arithmetic, counts, brand use, failing
// findings first (most severe first), then the checks that passed, collapsed (Lighthouse order).
#include <algorithm>

#include <fmt/format.h>

#include "linter/reporters/html_internal.h"

namespace brandlint::html {
namespace {

constexpr std::size_t kShownFindings = 25;  // per channel, before "N more findings"

std::string fill_count(std::string_view label, int n) { return fmt::format("{} {}", n, label); }

// "23 checks: 2 errors, 3 warnings → 100 × (23 − 2 − ½ × 3) ÷ 23 = 84": the formula applied.
std::string calculation(const ChannelScore& s, const Strings& t) {
  if (!s.score) return std::string(t.no_checks);
  return fmt::format("{}: {}, {} → 100 × ({} − {} − ½ × {}) ÷ {} = {}",
                     fill_count(t.checks, s.checks), fill_count(t.errors, s.failed),
                     fill_count(t.warnings, s.warned), s.checks, s.failed, s.warned, s.checks,
                     *s.score);
}

std::string badges(const SeverityCounts& counts, const Strings& t) {
  std::string out = "<p class=\"badges\">";
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
    const int n = s == Severity::error     ? counts.error
                  : s == Severity::warning ? counts.warning
                                           : counts.info;
    const std::string label = count_label(n, s, t);
    const std::size_t space = label.find(' ');
    out += fmt::format("<span class=\"badge {}\"><b>{}</b>{}</span>", guide::to_string(s),
                       label.substr(0, space), escape(label.substr(space)));
  }
  return out + "</p>";
}

std::string passed_checks(const Context& ctx, const std::string& channel) {
  std::string items;
  int n = 0;
  for (const Check& check : ctx.checks) {
    if (check.channel != channel || check.failed()) continue;
    ++n;
    items += fmt::format("<li><code>{}</code> · <a href=\"#rule-{}\">{}</a></li>",
                         escape(check.path), anchor(check.rule), escape(check.rule));
  }
  if (n == 0) return {};
  return fmt::format("<details class=\"passed\"><summary>{} ({})</summary><ul>{}</ul></details>",
                     escape(ctx.t.passed_checks), n, items);
}

}  // namespace

std::string channel_section(const Context& ctx, std::size_t index) {
  const ChannelSummary& c = ctx.channels[index];
  const ChannelScore& s = ctx.scores[index];
  std::string out =
      fmt::format("<section class=\"card channel\" id=\"channel-{}\" data-channel=\"{}\">",
                  anchor(c.name), escape(c.name));
  out += "<div class=\"chead\">" + gauge_svg(s.score, 104, ctx.t) + "<div>";
  out += fmt::format("<h2>{}</h2><p class=\"facts\">{} · {}</p>", escape(display_name(c.name)),
                     fill_count(ctx.t.files, c.files), fill_count(ctx.t.checks, s.checks));
  out += badges(c.counts, ctx.t);
  out += fmt::format("<p class=\"calc\">{}</p></div></div>", escape(calculation(s, ctx.t)));
  out += channel_brand_use(ctx, c.name);

  // Most severe first; within a severity, report order (path, line).
  std::vector<const Finding*> findings;
  for (const Finding& f : ctx.result.findings) {
    if (f.channel == c.name) findings.push_back(&f);
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  if (findings.empty() && s.checks == 0) return out + "</section>\n";  // nothing ran: say nothing
  out += fmt::format("<h3>{} ({})</h3>", escape(ctx.t.findings), findings.size());
  if (findings.empty()) {
    out += fmt::format("<p class=\"empty\">{}</p>", escape(ctx.t.no_findings));
  } else {
    // The most severe findings first; a long tail (hundreds of spelling warnings) is folded
    // away so the page stays readable, and the filter script still reaches every card.
    const std::size_t shown = std::min(findings.size(), kShownFindings);
    out += "<ol class=\"findings\">";
    for (std::size_t i = 0; i < shown; ++i) out += finding_card(ctx, *findings[i]);
    out += "</ol>";
    if (shown < findings.size()) {
      std::string label(ctx.t.more_findings);
      label.replace(label.find("{n}"), 3, std::to_string(findings.size() - shown));
      out += fmt::format("<details class=\"more\"><summary>{}</summary><ol class=\"findings\">",
                         escape(label));
      for (std::size_t i = shown; i < findings.size(); ++i) out += finding_card(ctx, *findings[i]);
      out += "</ol></details>";
    }
  }
  out += passed_checks(ctx, c.name);
  return out + "</section>\n";
}

}  // namespace brandlint::html
