// SARIF 2.1.0 as GitHub code scanning reads it (docs: docs/reports.md). Every result has a
// physical location (a result without one makes GitHub reject the whole file), our own
// partialFingerprints (GitHub cannot compute them for images), and percent-encoded URIs.
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/report_text.h"
#include "linter/reporters/reporter.h"

namespace brandlint {
namespace {

constexpr std::size_t kMaxDescription = 1024;  // GitHub's limit for short/full descriptions

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
    case Severity::off:
      break;
  }
  return "note";
}

// Cut at a character boundary, never inside a UTF-8 sequence.
std::string clip(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// The first paragraph of a docs page after its "# id" title: the rule's full description.
std::string first_paragraph(std::string_view doc) {
  std::string paragraph;
  std::size_t pos = 0;
  while (pos < doc.size()) {
    std::size_t end = doc.find('\n', pos);
    if (end == std::string_view::npos) end = doc.size();
    const std::string_view line = doc.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') {
      if (!paragraph.empty()) break;
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  return paragraph;
}

// "color/off-palette" -> "OffPalette": SARIF's friendly rule name.
std::string pascal_name(std::string_view id) {
  const std::size_t slash = id.rfind('/');
  std::string out;
  bool upper = true;
  for (char c : id.substr(slash == std::string_view::npos ? 0 : slash + 1)) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

Json rule_json(const RuleMeta& meta, const ReportOptions& options) {
  const std::string_view doc = options.doc_for ? options.doc_for(meta.docs) : std::string_view();
  const std::string full = doc.empty() ? std::string(meta.summary) : first_paragraph(doc);
  std::string markdown = doc.empty() ? std::string(meta.summary) : std::string(doc);
  Json rule = {
      {"id", meta.id},
      {"name", pascal_name(meta.id)},
      {"shortDescription", {{"text", clip(report::valid_utf8(meta.summary), kMaxDescription)}}},
      {"fullDescription", {{"text", clip(report::valid_utf8(full), kMaxDescription)}}}};
  if (!options.docs_base_uri.empty()) {
    const std::string uri = options.docs_base_uri + std::string(meta.docs);
    markdown += fmt::format("\n\n[Rule documentation]({})\n", uri);
    rule["helpUri"] = uri;
  }
  rule["help"] = {{"text", report::valid_utf8(doc.empty() ? meta.summary : doc)},
                  {"markdown", report::valid_utf8(markdown)}};
  rule["defaultConfiguration"] = {{"level", sarif_level(meta.default_severity)}};
  const std::string_view domain = meta.id.substr(0, meta.id.find('/'));
  rule["properties"] = {{"tags", {"brand", domain}}};
  return rule;
}

Json region_json(const Location& l) {
  // Images and whole-file findings: line 1, as GitHub requires a line-based region.
  if (l.line <= 0) return {{"startLine", 1}, {"startColumn", 1}};
  Json region = {{"startLine", l.line}, {"startColumn", std::max(1, l.column)}};
  if (l.end_line > l.line || (l.end_line == l.line && l.end_column > l.column)) {
    region["endLine"] = l.end_line;
    region["endColumn"] = l.end_column;  // SARIF's endColumn is exclusive, as ours is
  }
  return region;
}

Json result_json(const Finding& f, const std::map<std::string_view, std::size_t>& rule_index,
                 std::map<std::string, int>& occurrences) {
  Json result = {{"ruleId", f.rule}};
  if (const auto it = rule_index.find(f.rule); it != rule_index.end())
    result["ruleIndex"] = it->second;
  result["level"] = sarif_level(f.severity);
  result["message"] = {{"text", report::valid_utf8(report::message_with_box(f))}};
  result["locations"] =
      Json::array({{{"physicalLocation",
                     {{"artifactLocation", {{"uri", report::path_to_uri(f.path)}}},
                      {"region", region_json(f.location)}}}}});
  const std::string hash = finding_fingerprint(f);
  result["partialFingerprints"] = {
      {"primaryLocationLineHash", fmt::format("{}:{}", hash, ++occurrences[hash])}};
  Json properties = {{"channel", f.channel}};
  if (f.location.box) {
    const PixelBox& b = *f.location.box;
    properties["box"] = {{"x", b.x}, {"y", b.y}, {"width", b.w}, {"height", b.h}};
  }
  if (!f.evidence.empty()) properties["evidence"] = f.evidence;
  result["properties"] = std::move(properties);
  return result;
}

}  // namespace

void write_sarif(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  Json rules = Json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const RuleMeta* meta : options.rules) {
    rule_index[meta->id] = rules.size();
    rules.push_back(rule_json(*meta, options));
  }
  Json results = Json::array();
  std::map<std::string, int> occurrences;
  // With a baseline, every result says whether it is new (SARIF 2.1.0 §3.27.24); the ones the
  // baseline set aside are listed as "unchanged" and suppressed externally, so code scanning
  // shows them as dismissed debt rather than open alerts.
  for (const Finding& f : result.findings) {
    results.push_back(result_json(f, rule_index, occurrences));
    if (result.baseline) results.back()["baselineState"] = "new";
  }
  for (const Finding& f : result.baselined) {
    Json r = result_json(f, rule_index, occurrences);
    r["baselineState"] = "unchanged";
    r["suppressions"] = Json::array(
        {{{"kind", "external"},
          {"justification",
           report::valid_utf8("recorded in the baseline " + result.baseline->path)}}});
    results.push_back(std::move(r));
  }
  // Suppressed findings stay in the log, marked as suppressed in the source with the comment's
  // reason (SARIF 2.1.0 §3.27.23, §3.35): viewers show them as waived, not as open problems.
  for (const SuppressedFinding& s : result.suppressed) {
    Json r = result_json(s.finding, rule_index, occurrences);
    r["suppressions"] = Json::array(
        {{{"kind", "inSource"}, {"justification", report::valid_utf8(s.justification)}}});
    results.push_back(std::move(r));
  }

  Json driver = {{"name", "brandlint"},
                 {"version", result.tool_version},
                 {"semanticVersion", result.tool_version},
                 {"rules", std::move(rules)}};
  if (!options.docs_base_uri.empty()) driver["informationUri"] = options.docs_base_uri;
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", Json::array({{{"executionSuccessful", !result.internal_error}}})},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)},
              {"properties",
               {{"guide",
                 {{"path", result.guide_path},
                  {"name", result.brand_name},
                  {"version", result.guide_version}}}}}};
  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace brandlint
