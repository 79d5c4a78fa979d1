#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/reporter.h"
#include "linter/score.h"

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

Json counts_json(const SeverityCounts& c, std::size_t suppressed, std::size_t baselined) {
  return Json{{"error", c.error},           {"warning", c.warning},
              {"info", c.info},             {"suppressed", suppressed},
              {"baselined", baselined}};
}

Json finding_json(const Finding& f) {
  return Json{{"rule", f.rule},
              {"severity", guide::to_string(f.severity)},
              {"channel", f.channel},
              {"path", f.path},
              {"location", location_json(f.location)},
              {"message", f.message},
              {"evidence", f.evidence}};
}

// Aggregates are sums of floating-point products: four decimals are plenty and keep the
// document short and stable.
double round4(double v) { return std::round(v * 10000) / 10000; }

Json pairs_json(const std::vector<std::pair<std::string, double>>& pairs) {
  Json j = Json::object();
  for (const auto& [key, value] : pairs) j[key] = round4(value);
  return j;
}

Json optional_json(const std::optional<double>& v) { return v ? Json(round4(*v)) : Json(); }

// The channel's aggregated measurements (the architecture's "measurements" per channel).
Json channel_measurements(const Consistency& consistency, const std::string& channel) {
  Json j = Json::object();
  for (const ChannelUse& use : consistency.channels) {
    if (use.channel != channel) continue;
    if (use.palette) {
      j["palette"] = {{"files", use.palette->files},
                      {"graphic_px", std::llround(use.palette->graphic_px)},
                      {"shares", pairs_json(use.palette->shares)},
                      {"off_palette", round4(use.palette->off_palette)},
                      {"photo", round4(use.palette->photo)}};
    }
    if (use.voice) {
      const VoiceUse& v = *use.voice;
      j["voice"] = {{"files", v.files},
                    {"words", std::llround(v.words)},
                    {"sentences", std::llround(v.sentences)},
                    {"lix", optional_json(v.lix)},
                    {"flesch", optional_json(v.flesch)},
                    {"words_per_sentence", round4(v.words_per_sentence)},
                    {"exclamations_per_100w", round4(v.exclamations_per_100w)},
                    {"emoji_per_100w", round4(v.emoji_per_100w)},
                    {"address", pairs_json(v.address)}};
    }
  }
  return j;
}

Json consistency_json(const Consistency& consistency) {
  Json out = Json::array();
  for (const ConsistencyFigure& f : consistency.figures) {
    out.push_back({{"channel", f.channel},
                   {"metric", f.metric},
                   {"value", round4(f.value)},
                   {"brand_average", optional_json(f.brand_average)},
                   {"threshold", optional_json(f.threshold)},
                   {"drift", f.drift}});
  }
  return out;
}

}  // namespace

Json to_json(const RunResult& result, const ReportOptions& options) {
  Json doc = Json::object();
  doc["schema"] = kSchema;
  doc["tool"] = {{"name", "brandlint"}, {"version", result.tool_version}};
  doc["guide"] = {{"path", result.guide_path},
                  {"name", result.brand_name},
                  {"version", result.guide_version},
                  {"locale", result.locale}};
  doc["scoring"] = {{"formula", kScoreFormula}, {"pass", 90}, {"average", 50}};
  Json channels = Json::array();
  const std::vector<ChannelScore> scores = score_channels(result);
  for (const ChannelSummary& c : summarize(result)) {
    const auto score = std::find_if(scores.begin(), scores.end(),
                                    [&](const ChannelScore& s) { return s.channel == c.name; });
    Json channel = {{"name", c.name},
                    {"files", c.files},
                    {"score", score->score ? Json(*score->score) : Json()},
                    {"checks", score->checks},
                    {"counts", counts_json(c.counts, std::size_t(c.suppressed),
                                          std::size_t(c.baselined))}};
    Json measurements = channel_measurements(result.consistency, c.name);
    if (!measurements.empty()) channel["measurements"] = std::move(measurements);
    channels.push_back(std::move(channel));
  }
  doc["channels"] = std::move(channels);
  doc["counts"] =
      counts_json(count_all(result), result.suppressed.size(), result.baselined.size());

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
    Json finding = finding_json(f);
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
  // Findings inline comments suppressed: not counted against scores or the exit code, but kept
  // with the comment's reason so an audit can see what was waived and why.
  Json suppressed = Json::array();
  for (const SuppressedFinding& s : result.suppressed) {
    Json finding = finding_json(s.finding);
    finding["justification"] = s.justification;
    suppressed.push_back(std::move(finding));
  }
  doc["suppressed"] = std::move(suppressed);
  // The baseline's work: which findings it set aside (recorded debt, not counted) and how many
  // recorded ones are gone. null when no baseline was used.
  Json baselined = Json::array();
  for (const Finding& f : result.baselined) baselined.push_back(finding_json(f));
  doc["baselined"] = std::move(baselined);
  doc["baseline"] = result.baseline ? Json{{"path", result.baseline->path},
                                           {"matched", result.baseline->matched},
                                           {"absent", result.baseline->absent}}
                                    : Json();

  Json skipped = Json::array();
  for (const SkippedFile& s : result.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  doc["skipped"] = std::move(skipped);
  doc["consistency"] = consistency_json(result.consistency);

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
