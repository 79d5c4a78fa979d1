// The HTML report's page shell: head with the Content-Security-Policy, the header (brand, guide
// version, scan time, tool, count badges), the channel overview, the filter bar, the red thread,
// one section per channel, files not checked, the rules' docs, and the embedded JSON result.
#include <algorithm>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "linter/reporters/html_internal.h"
#include "linter/reporters/report_text.h"

namespace brandlint {
namespace html {
namespace {

// Nothing may be fetched: images are data: URIs, style and script are inline.
constexpr std::string_view kPolicy =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'";

}  // namespace

std::string page_head(const Context& ctx, std::string_view title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"brandlint {}\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      ctx.t.lang, kPolicy, escape(ctx.result.tool_version), title, page_css());
}

std::string page_header(const Context& ctx) {
  const RunResult& r = ctx.result;
  std::string out = "<header class=\"top\"><div class=\"wrap\">";
  out += fmt::format("<p class=\"kicker\">brandlint · {}</p>", escape(ctx.t.report));
  out += fmt::format("<h1>{}<span class=\"ver\">{}</span></h1>", escape(r.brand_name),
                     escape(r.guide_version));
  out += "<dl class=\"meta\">";
  out +=
      fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", escape(ctx.t.guide), escape(r.guide_path));
  if (!r.scan_time.empty()) {
    out += fmt::format("<div><dt>{}</dt><dd><time datetime=\"{}\">{}</time></dd></div>",
                       escape(ctx.t.scanned), escape(r.scan_time), escape(r.scan_time));
  }
  out += fmt::format("<div><dt>{}</dt><dd>brandlint {}</dd></div></dl>", escape(ctx.t.tool),
                     escape(r.tool_version));
  const SeverityCounts total = count_all(r);
  out += "<p class=\"badges\">";
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
    const int n = s == Severity::error     ? total.error
                  : s == Severity::warning ? total.warning
                                           : total.info;
    const std::string label = count_label(n, s, ctx.t);
    out += fmt::format("<span class=\"badge {}\"><b>{}</b>{}</span>", guide::to_string(s), n,
                       escape(label.substr(label.find(' '))));
  }
  return out + "</p></div></header>\n";
}

namespace {

std::string overview(const Context& ctx) {
  std::string out =
      fmt::format("<section class=\"card\" id=\"overview\"><h2>{}</h2><ul class=\"overview\">",
                  escape(ctx.t.overview));
  for (std::size_t i = 0; i < ctx.channels.size(); ++i) {
    const ChannelSummary& c = ctx.channels[i];
    out += fmt::format(
        "<li><a class=\"tile\" href=\"#channel-{}\">{}<span class=\"name\">{}</span><span "
        "class=\"sub\">{} · "
        "{}</span></a></li>",
        anchor(c.name), gauge_svg(ctx.scores[i].score, 72, ctx.t), escape(display_name(c.name)),
        escape(count_label(c.counts.error, Severity::error, ctx.t)),
        escape(count_label(c.counts.warning, Severity::warning, ctx.t)));
  }
  return out +
         fmt::format("</ul><p class=\"formula-note\">{}</p></section>\n", escape(ctx.t.formula));
}

std::string filters(const Context& ctx) {
  std::set<std::string> rules;
  for (const Finding& f : ctx.result.findings) rules.insert(f.rule);
  if (rules.empty()) return {};
  std::string out = fmt::format(
      "<div class=\"filterbar\" id=\"filterbar\" hidden><form id=\"filters\" class=\"filters "
      "wrap\" "
      "data-count=\"{}\">",
      escape(ctx.t.shown_count));
  out += fmt::format("<fieldset><legend>{}</legend>", escape(ctx.t.filter_severity));
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
    out +=
        fmt::format("<label><input type=\"checkbox\" name=\"sev\" value=\"{}\" checked> {}</label>",
                    guide::to_string(s), escape(severity_label(s, ctx.t)));
  }
  out += fmt::format("</fieldset><label>{} <select id=\"f-rule\"><option value=\"\">{}</option>",
                     escape(ctx.t.filter_rule), escape(ctx.t.all_rules));
  for (const std::string& rule : rules) out += fmt::format("<option>{}</option>", escape(rule));
  out += fmt::format(
      "</select></label><label>{} <select id=\"f-sort\"><option value=\"severity\">{}</option>"
      "<option value=\"file\">{}</option><option value=\"rule\">{}</option></select></label>"
      "<output id=\"f-count\"></output></form></div>\n",
      escape(ctx.t.sort), escape(ctx.t.sort_severity), escape(ctx.t.sort_file),
      escape(ctx.t.sort_rule));
  return out;
}

std::string skipped(const Context& ctx) {
  if (ctx.result.skipped.empty()) return {};
  std::string out = fmt::format(
      "<section class=\"card\" id=\"not-checked\"><h2>{} ({})</h2><ul class=\"skipped\">",
      escape(ctx.t.not_checked), ctx.result.skipped.size());
  for (const SkippedFile& s : ctx.result.skipped) {
    out += fmt::format("<li><code>{}</code> — {}</li>", escape(s.path), escape(s.reason));
  }
  return out + "</ul></section>\n";
}

// Findings a brandlint-disable comment waived: not problems any more, but a brand manager
// should see what was waived and why.
std::string suppressed(const Context& ctx) {
  if (ctx.result.suppressed.empty()) return {};
  std::string out = fmt::format(
      "<section class=\"card\" id=\"suppressed\"><h2>{} ({})</h2><ul class=\"skipped\">",
      escape(ctx.t.suppressed), ctx.result.suppressed.size());
  for (const SuppressedFinding& s : ctx.result.suppressed) {
    out += fmt::format("<li><code>{}</code> {} <code>{}</code> — <q>{}</q></li>",
                       escape(report::where(s.finding)), escape(s.finding.message),
                       escape(s.finding.rule), escape(s.justification));
  }
  return out + "</ul></section>\n";
}

// Findings the baseline file set aside: known debt, listed so nobody mistakes it for fixed.
std::string baselined(const Context& ctx) {
  if (!ctx.result.baseline) return {};
  const BaselineUse& use = *ctx.result.baseline;
  if (ctx.result.baselined.empty() && use.absent == 0) return {};
  std::string out = fmt::format(
      "<section class=\"card\" id=\"baselined\"><h2>{} ({})</h2><p><code>{}</code></p>",
      escape(ctx.t.baselined), ctx.result.baselined.size(), escape(use.path));
  if (use.absent > 0) {
    out += fmt::format("<p>{}</p>", escape(fmt::format(fmt::runtime(ctx.t.baseline_absent),
                                                       use.absent, use.path)));
  }
  out += "<ul class=\"skipped\">";
  for (const Finding& f : ctx.result.baselined) {
    out += fmt::format("<li><code>{}</code> {} <code>{}</code></li>", escape(report::where(f)),
                       escape(f.message), escape(f.rule));
  }
  return out + "</ul></section>\n";
}

// The docs of every rule that checked something in this report, so rule links resolve offline.
std::string rules_appendix(const Context& ctx) {
  std::set<std::string> used;
  for (const Check& c : ctx.checks) used.insert(c.rule);
  std::string out =
      fmt::format("<section class=\"card rules\" id=\"rules\"><h2>{}</h2>", escape(ctx.t.rules));
  for (const RuleMeta* meta : ctx.options.rules) {
    if (!used.count(std::string(meta->id))) continue;
    out += fmt::format("<article id=\"rule-{}\"><h3>{}</h3><p class=\"summary\">{}</p>",
                       anchor(meta->id), escape(meta->id), escape(meta->summary));
    const std::string_view doc =
        ctx.options.doc_for ? ctx.options.doc_for(meta->docs) : std::string_view();
    if (!doc.empty()) {
      out += fmt::format("<details class=\"doc\"><summary>{}</summary>{}</details>",
                         escape(ctx.t.documentation), render_markdown(doc));
    }
    if (!ctx.options.docs_base_uri.empty()) {
      out += fmt::format("<p><a href=\"{}{}\">{}</a></p>", escape(ctx.options.docs_base_uri),
                         escape(meta->docs), escape(ctx.t.learn_more));
    }
    out += "</article>";
  }
  return out + "</section>\n";
}

// The machine-readable result, as in Lighthouse. '<' is written as \u003c, so no "</script>"
// or "<!--" inside a string can end or alter the script element.
std::string embedded_json(const Context& ctx) {
  const std::string json =
      to_json(ctx.result, ctx.options).dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string safe;
  safe.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return "<script type=\"application/json\" id=\"brandlint-data\">" + safe + "</script>\n";
}

}  // namespace
}  // namespace html

void write_html(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  const html::Context ctx{result,
                          options,
                          html::strings_for(result.locale),
                          summarize(result),
                          score_channels(result),
                          collect_checks(result)};
  out << html::page_head(ctx, html::escape(fmt::format("{} {} · {}", result.brand_name,
                                                       result.guide_version, ctx.t.report)));
  out << html::page_header(ctx);
  out << html::filters(ctx);
  out << "<main class=\"wrap\">\n" << html::overview(ctx) << html::red_thread_section(ctx);
  for (std::size_t i = 0; i < ctx.channels.size(); ++i) out << html::channel_section(ctx, i);
  out << html::skipped(ctx) << html::suppressed(ctx) << html::baselined(ctx)
      << html::rules_appendix(ctx) << "</main>\n";
  out << fmt::format("<footer class=\"wrap\">{} brandlint {} · {}</footer>\n",
                     html::escape(ctx.t.generated_by), html::escape(result.tool_version),
                     html::escape(ctx.t.formula));
  out << html::embedded_json(ctx);
  out << "<script>" << html::page_script() << "</script>\n</body>\n</html>\n";
}

}  // namespace brandlint
