// [rules] severity/option overrides and [[ignore]] exceptions.
#include <algorithm>

#include <fmt/format.h>

#include "brandguide/loader.h"
#include "brandguide/suggest.h"

namespace brandlint::guide::detail {
namespace {

constexpr std::string_view kSeverities[] = {"off", "info", "warning", "error"};

Severity severity_from(const LoadContext& ctx, const toml::node& node, const std::string& key) {
  const auto* text = node.as_string();
  if (text) {
    if (std::optional<Severity> severity = parse_severity(text->get())) return *severity;
  }
  const std::string got = text ? fmt::format("'{}'", text->get()) : std::string(type_name(node));
  ctx.fail(
      node.source(),
      fmt::format("{} must be one of \"off\", \"info\", \"warning\", \"error\", got {}", key, got),
      text ? closest_match(text->get(), kSeverities) : std::string());
}

OptionValue option_value(const LoadContext& ctx, const toml::node& node, const std::string& key) {
  if (const auto* b = node.as_boolean()) return b->get();
  if (const auto* i = node.as_integer()) return i->get();
  if (const auto* f = node.as_floating_point()) return f->get();
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* array = node.as_array()) {
    std::vector<std::string> items;
    for (const toml::node& element : *array) {
      const auto* text = element.as_string();
      if (!text) break;
      items.push_back(text->get());
    }
    if (items.size() == array->size()) return items;
  }
  ctx.fail(node.source(),
           fmt::format("{} must be true/false, a number, a string or a list of strings, "
                       "got {}",
                       key, type_name(node)));
}

RuleOverride read_override(const Section& rules, std::string_view rule_id) {
  const LoadContext& ctx = rules.ctx();
  const toml::node& node = *rules.find(rule_id);
  RuleOverride result;
  result.rule = std::string(rule_id);
  const std::string key = rules.key(rule_id);
  result.ref = ctx.ref(node.source(), key);
  if (node.is_string()) {
    result.severity = severity_from(ctx, node, key);
    return result;
  }
  const toml::table* table = node.as_table();
  if (!table) {
    ctx.fail(node.source(),
             fmt::format("{} must be a severity (\"off\", \"info\", \"warning\", \"error\") "
                         "or a table such as {{ severity = \"error\", min_region_px = 128 }}, "
                         "got {}",
                         key, type_name(node)));
  }
  const Section options(ctx, *table, key, fmt::format("[{}]", key));
  // Option names depend on the rule, which the guide loader does not know; the rule set
  // validates them when it builds the rules, with the refs recorded here.
  for (std::string_view name : options.keys_in_file_order()) {
    const toml::node& value = *options.find(name);
    if (name == "severity") {
      result.severity = severity_from(ctx, value, options.key(name));
      continue;
    }
    result.options.emplace(std::string(name), option_value(ctx, value, options.key(name)));
    result.option_refs.emplace(std::string(name), options.ref(name));
  }
  return result;
}

}  // namespace

std::optional<Severity> read_severity(const Section& section, std::string_view name) {
  const toml::node* node = section.find(name);
  if (!node) return std::nullopt;
  return severity_from(section.ctx(), *node, section.key(name));
}

std::vector<RuleOverride> load_rules(const Section& root) {
  std::optional<Section> rules = root.table("rules");
  if (!rules) return {};
  std::vector<RuleOverride> result;
  for (std::string_view rule_id : rules->keys_in_file_order()) {
    if (rule_id.find_first_of("/*") == std::string_view::npos) {
      // `[rules.color]` or an unquoted dotted key splits the id into nested tables.
      rules->ctx().fail(
          rules->table().find(rule_id)->first.source(),
          fmt::format("'{}' in [rules] is not a rule id; ids have a domain and a name and "
                      "must be quoted, e.g. \"color/off-palette\" = \"error\"",
                      rule_id));
    }
    result.push_back(read_override(*rules, rule_id));
  }
  return result;
}

std::vector<Ignore> load_ignores(const Section& root) {
  std::vector<Ignore> result;
  for (const Section& entry : root.tables("ignore")) {
    entry.allow_only({"paths", "rules", "reason"});
    Ignore ignore;
    ignore.paths = entry.strings("paths").value_or(std::vector<std::string>{});
    if (ignore.paths.empty()) {
      entry.fail_at("paths", fmt::format("{} needs 'paths', a non-empty list of globs such as "
                                         "[\"site/legacy/**\"]",
                                         entry.label()));
    }
    check_globs(entry, "paths", ignore.paths);
    ignore.rules = entry.strings("rules").value_or(std::vector<std::string>{});
    ignore.reason = entry.string("reason").value_or("");
    const bool blank = std::all_of(ignore.reason.begin(), ignore.reason.end(),
                                   [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
    if (blank) {
      entry.fail_at("reason", fmt::format("{} needs a 'reason': every exception must say why, e.g. "
                                          "reason = \"Legacy microsite, retired 2027\"",
                                          entry.label()));
    }
    ignore.ref = entry.ref();
    result.push_back(std::move(ignore));
  }
  return result;
}

}  // namespace brandlint::guide::detail
