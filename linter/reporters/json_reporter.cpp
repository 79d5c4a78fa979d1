#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/reporter.h"

namespace brandlint {
namespace {

// Version of the JSON document's shape; bump on any incompatible change.
constexpr std::string_view kSchema = "brandlint/1";

Json location_json(const Location& l) {
  Json j = Json::object();
  if (l.box) {
    j["box"] = {l.box->x, l.box->y, l.box->w, l.box->h};
  } else if (l.line > 0) {
    j["line"] = l.line;
    j["column"] = l.column;
    j["end_line"] = l.end_line;
    j["end_column"] = l.end_column;
  }
  return j;
}

Json counts_json(const SeverityCounts& c) {
  return Json{{"error", c.error}, {"warning", c.warning}, {"info", c.info}};
}

}  // namespace

Json to_json(const RunResult& result, const ReportOptions& options) {
  Json doc = Json::object();
  doc["schema"] = kSchema;
  doc["tool"] = {{"name", "brandlint"}, {"version", result.tool_version}};
  doc["guide"] = {{"path", result.guide_path},
                  {"name", result.brand_name},
                  {"version", result.guide_version}};
  Json channels = Json::array();
  for (const ChannelSummary& c : summarize(result)) {
    channels.push_back({{"name", c.name}, {"files", c.files}, {"counts", counts_json(c.counts)}});
  }
  doc["channels"] = std::move(channels);
  doc["counts"] = counts_json(count_all(result));

  Json files = Json::array();
  for (const FileRecord& f : result.files) {
    Json file = {{"path", f.path},
                 {"channel", f.channel},
                 {"kind", to_string(f.kind)},
                 {"bytes", f.bytes},
                 {"hash", fmt::format("{:016x}", f.content_hash)},
                 {"readable", f.readable}};
    if (f.width > 0) file["size"] = {f.width, f.height};
    if (!f.measurements.empty()) file["measurements"] = f.measurements;
    files.push_back(std::move(file));
  }
  doc["files"] = std::move(files);

  Json findings = Json::array();
  for (const Finding& f : result.findings) {
    Json finding = {{"rule", f.rule},
                    {"severity", guide::to_string(f.severity)},
                    {"channel", f.channel},
                    {"path", f.path},
                    {"location", location_json(f.location)},
                    {"message", f.message},
                    {"evidence", f.evidence}};
    if (f.fix) {
      finding["fix"] = {{"begin", f.fix->begin},
                        {"end", f.fix->end},
                        {"replacement", f.fix->replacement}};
    } else {
      finding["fix"] = nullptr;
    }
    findings.push_back(std::move(finding));
  }
  doc["findings"] = std::move(findings);

  Json skipped = Json::array();
  for (const SkippedFile& s : result.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  doc["skipped"] = std::move(skipped);

  Json rules = Json::array();
  for (const RuleMeta* meta : options.rules) {
    rules.push_back({{"id", meta->id},
                     {"summary", meta->summary},
                     {"default_severity", guide::to_string(meta->default_severity)},
                     {"docs", meta->docs}});
  }
  doc["rules"] = std::move(rules);
  return doc;
}

void write_json(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  // Invalid UTF-8 cannot reach here (decoding replaced it), but be safe: replace, never throw.
  out << to_json(result, options).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace brandlint
