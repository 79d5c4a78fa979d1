#include "linter/rule.h"

#include <fmt/format.h>

namespace brandlint {

const guide::OptionValue* RuleConfig::option(std::string_view key) const {
  if (override == nullptr) return nullptr;
  auto it = override->options.find(std::string(key));
  return it == override->options.end() ? nullptr : &it->second;
}

guide::SourceRef RuleConfig::option_ref(std::string_view key) const {
  if (override == nullptr) return {};
  auto it = override->option_refs.find(std::string(key));
  return it == override->option_refs.end() ? override->ref : it->second;
}

double RuleConfig::option_number(std::string_view key, double fallback) const {
  const guide::OptionValue* value = option(key);
  if (value == nullptr) return fallback;
  if (const auto* d = std::get_if<double>(value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(value)) return static_cast<double>(*i);
  throw guide::GuideError(option_ref(key),
                          fmt::format("option '{}' of rule '{}' must be a number", key,
                                      override->rule));
}

std::int64_t RuleConfig::option_int(std::string_view key, std::int64_t fallback) const {
  const guide::OptionValue* value = option(key);
  if (value == nullptr) return fallback;
  if (const auto* i = std::get_if<std::int64_t>(value)) return *i;
  throw guide::GuideError(option_ref(key),
                          fmt::format("option '{}' of rule '{}' must be an integer", key,
                                      override->rule));
}

RuleContext::RuleContext(const Asset& asset, const guide::BrandGuide& guide,
                         std::string_view rule_id, Severity severity, std::vector<Finding>& out)
    : asset_(asset), guide_(guide), rule_id_(rule_id), severity_(severity), out_(out) {}

void RuleContext::report_text(std::size_t begin, std::size_t end, std::string message,
                              Json evidence, std::optional<Fix> fix,
                              std::optional<Severity> severity) {
  Location location;
  location.begin = begin;
  location.end = end;
  const LineColumn start = asset_.lines.at(asset_.text, begin);
  const LineColumn stop = asset_.lines.at(asset_.text, end);
  location.line = start.line;
  location.column = start.column;
  location.end_line = stop.line;
  location.end_column = stop.column;
  push(location, std::move(message), std::move(evidence), std::move(fix), severity);
}

void RuleContext::report_box(PixelBox box, std::string message, Json evidence,
                             std::optional<Severity> severity) {
  Location location;
  location.box = box;
  push(location, std::move(message), std::move(evidence), std::nullopt, severity);
}

void RuleContext::report_file(std::string message, Json evidence,
                              std::optional<Severity> severity) {
  push(Location{}, std::move(message), std::move(evidence), std::nullopt, severity);
}

void RuleContext::depends_on(const std::filesystem::path& file) {
  if (dependencies_ != nullptr) dependencies_->push_back(file);
}

void RuleContext::measure(const std::string& key, Json value) {
  if (measurements_ != nullptr) (*measurements_)[key] = std::move(value);
}

void RuleContext::push(Location location, std::string message, Json evidence,
                       std::optional<Fix> fix, std::optional<Severity> severity) {
  Finding finding;
  finding.rule = std::string(rule_id_);
  // A severity the guide set for the whole rule wins over the rule's own per-finding choice
  // only where the rule did not choose one (e.g. a near-miss "info").
  finding.severity = severity.value_or(severity_);
  finding.channel = asset_.channel != nullptr ? asset_.channel->name : std::string();
  finding.path = asset_.display_path;
  finding.location = location;
  finding.message = std::move(message);
  finding.evidence = std::move(evidence);
  finding.fix = std::move(fix);
  out_.push_back(std::move(finding));
}

}  // namespace brandlint
