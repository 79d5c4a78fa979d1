// One finding as a card: severity, rule (linked to its docs), place, message, and the visual
// context a brand manager needs to see the problem without opening the file — the banner with
// the region outlined, the found colour beside the brand colour, the copy with the words marked.
#include <algorithm>

#include <fmt/format.h>

#include "linter/reporters/html_internal.h"
#include "linter/reporters/report_text.h"

namespace brandlint::html {
namespace {

const FileRecord* file_of(const RunResult& result, const std::string& path) {
  const auto it =
      std::lower_bound(result.files.begin(), result.files.end(), path,
                       [](const FileRecord& f, const std::string& p) { return f.path < p; });
  return it != result.files.end() && it->path == path ? &*it : nullptr;
}

std::string where_label(const Finding& f, const Strings& t) {
  if (f.location.box) return fmt::format("{} · {}", escape(f.path), box_label(*f.location.box));
  if (f.location.line > 0) return escape(report::where(f));
  return fmt::format("{} ({})", escape(f.path), escape(t.whole_file));
}

std::string string_evidence(const Json& evidence, const char* key) {
  const auto it = evidence.find(key);
  return it != evidence.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The found colour next to the brand colour it should be, when the evidence names both.
std::string swatches(const Finding& f, const Strings& t) {
  const std::string measured = string_evidence(f.evidence, "measured");
  const std::string expected = string_evidence(f.evidence, "expected");
  const std::optional<std::string> found = first_hex(measured);
  const std::optional<std::string> brand = first_hex(expected);
  if (!found || !brand) return {};
  std::string out = "<div class=\"swatches\">";
  out += fmt::format(
      "<div class=\"sw\"><span class=\"chip\" "
      "style=\"background:{0}\"></span><span><small>{1}</small>"
      "<b>{2}</b></span></div>",
      *found, escape(t.found), escape(measured));
  const auto delta = f.evidence.find("delta_e00");
  if (delta != f.evidence.end() && delta->is_number()) {
    out += fmt::format("<span class=\"de\">ΔE00 {}</span>", number(delta->get<double>(), 2, t));
  }
  out += fmt::format(
      "<div class=\"sw\"><span class=\"chip\" "
      "style=\"background:{0}\"></span><span><small>{1}</small>"
      "<b>{2}</b></span></div>",
      *brand, escape(t.brand_colour), escape(expected));
  return out + "</div>";
}

std::string thumbnail_figure(const Context& ctx, const Finding& f, const FileRecord* file) {
  const bool image =
      f.location.box.has_value() || (file != nullptr && file->kind == AssetKind::image);
  if (!image) return {};
  const std::optional<Preview> pictures = preview(ctx.options.base_dir, f.path, f.location.box);
  if (!pictures) return fmt::format("<p class=\"nopreview\">{}</p>", escape(ctx.t.no_preview));
  const std::string caption = f.location.box ? box_label(*f.location.box) : escape(f.path);
  std::string out = fmt::format(
      "<figure class=\"thumb\"><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
      pictures->thumbnail, escape(f.path), caption);
  if (pictures->crop) {
    out += fmt::format(
        "<figure class=\"thumb crop\"><img src=\"{}\" alt=\"{} · {}\"><figcaption>{} · "
        "{}</figcaption></figure>",
        *pictures->crop, escape(f.path), caption, caption, escape(ctx.t.enlarged));
  }
  return out;
}

std::string evidence_value(const Json& value) {
  if (value.is_string()) return escape(value.get<std::string>());
  return escape(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string evidence_table(const Finding& f, const Strings& t) {
  if (f.evidence.empty() || !f.evidence.is_object()) return {};
  std::string out = fmt::format(
      "<details class=\"evidence\"><summary>{}</summary><table class=\"kv\">", escape(t.details));
  for (const auto& [key, value] : f.evidence.items()) {
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>", escape(key), evidence_value(value));
  }
  return out + "</table></details>";
}

}  // namespace

std::string finding_card(const Context& ctx, const Finding& f) {
  const std::string_view severity = guide::to_string(f.severity);
  const auto order = &f - ctx.result.findings.data();
  std::string out = fmt::format(
      "<li class=\"finding sev-{0}\" data-severity=\"{0}\" data-rule=\"{1}\" data-path=\"{2}\" "
      "data-line=\"{3}\" data-order=\"{4}\">",
      severity, escape(f.rule), escape(f.path), f.location.line, order);
  out += fmt::format(
      "<div class=\"fhead\"><span class=\"sev {}\">{}</span><a class=\"rule\" "
      "href=\"#rule-{}\">{}</a>"
      "<span class=\"where\">{}</span></div>",
      severity, escape(severity_label(f.severity, ctx.t)), anchor(f.rule), escape(f.rule),
      where_label(f, ctx.t));
  out += fmt::format("<p class=\"msg\">{}</p>", escape(f.message));

  std::string context = thumbnail_figure(ctx, f, file_of(ctx.result, f.path));
  context += swatches(f, ctx.t);
  if (const auto copy = snippet(ctx.options.base_dir, f.path, f.location)) {
    context += fmt::format("<pre class=\"snippet\"><span class=\"ln\">{}</span>{}</pre>",
                           f.location.line, *copy);
  }
  if (!context.empty()) out += "<div class=\"context\">" + context + "</div>";
  out += evidence_table(f, ctx.t);
  return out + "</li>";
}

}  // namespace brandlint::html
