#include "brandguide/toml_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "brandguide/suggest.h"

namespace brandlint::guide::detail {

SourceRef LoadContext::ref(const toml::source_region& region, std::string key) const {
  return SourceRef{file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column),
                   std::move(key)};
}

void LoadContext::fail(const toml::source_region& region, std::string message,
                       std::string suggestion) const {
  throw GuideError(ref(region, {}), std::move(message), std::move(suggestion));
}

Section::Section(const LoadContext& ctx, const toml::table& table, std::string key,
                 std::string title)
    : ctx_(&ctx), table_(&table), key_(std::move(key)), title_(std::move(title)) {}

std::string dotted_key(std::string_view parent, std::string_view name) {
  const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  // Keys such as rule ids ("color/off-palette") are quoted, exactly as they must be in TOML.
  const std::string written = bare ? std::string(name) : fmt::format("\"{}\"", name);
  return parent.empty() ? written : fmt::format("{}.{}", parent, written);
}

std::string Section::key(std::string_view name) const { return dotted_key(key_, name); }

std::string Section::label() const { return title_.starts_with("[[") ? key_ : title_; }

SourceRef Section::ref() const { return ctx_->ref(table_->source(), key_); }

SourceRef Section::ref(std::string_view name) const {
  if (const toml::node* value = find(name)) return ctx_->ref(value->source(), key(name));
  return SourceRef{ctx_->file, ref().line, ref().column, key(name)};
}

std::vector<std::string_view> Section::keys_in_file_order() const {
  std::vector<const toml::key*> keys;
  for (auto&& [k, v] : *table_) keys.push_back(&k);
  std::stable_sort(keys.begin(), keys.end(), [](const toml::key* a, const toml::key* b) {
    return a->source().begin < b->source().begin;
  });
  std::vector<std::string_view> names;
  names.reserve(keys.size());
  for (const toml::key* k : keys) names.push_back(k->str());
  return names;
}

void Section::allow_only(std::initializer_list<std::string_view> allowed) const {
  for (std::string_view name : keys_in_file_order()) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    const toml::key& written = table_->find(name)->first;
    const std::string where =
        key_.empty() ? std::string("at the top level") : fmt::format("in {}", title_);
    ctx_->fail(
        written.source(), fmt::format("unknown key '{}' {}", name, where),
        closest_match(name, std::span<const std::string_view>(allowed.begin(), allowed.size())));
  }
}

const toml::node& Section::node(std::string_view name) const { return *table_->get(name); }

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

void Section::wrong_type(std::string_view name, std::string_view expected) const {
  fail_at(name, fmt::format("{} must be {}, got {}", key(name), expected, type_name(node(name))));
}

void Section::fail_at(std::string_view name, std::string message, std::string suggestion) const {
  const toml::node* value = find(name);
  ctx_->fail(value ? value->source() : table_->source(), std::move(message), std::move(suggestion));
}

void Section::fail(std::string message, std::string suggestion) const {
  ctx_->fail(table_->source(), std::move(message), std::move(suggestion));
}

std::optional<std::string> Section::string(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  if (const auto* value = node(name).as_string()) return value->get();
  wrong_type(name, "a string");
}

std::string Section::required_string(std::string_view name, std::string_view example) const {
  std::optional<std::string> value = string(name);
  if (!value) fail(fmt::format("{} needs '{}', e.g. {}", label(), name, example));
  if (value->empty())
    fail_at(name, fmt::format("{} must not be empty, e.g. {}", key(name), example));
  return *value;
}

std::optional<double> Section::number(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  const toml::node& value = node(name);
  double result = 0;
  if (const auto* f = value.as_floating_point()) {
    result = f->get();
  } else if (const auto* i = value.as_integer()) {
    result = static_cast<double>(i->get());
  } else {
    wrong_type(name, "a number");
  }
  if (!std::isfinite(result)) fail_at(name, fmt::format("{} must be a finite number", key(name)));
  return result;
}

std::optional<std::int64_t> Section::integer(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  if (const auto* value = node(name).as_integer()) return value->get();
  wrong_type(name, "a whole number");
}

std::optional<int> Section::integer_in(std::string_view name, std::int64_t min,
                                       std::int64_t max) const {
  const std::optional<std::int64_t> value = integer(name);
  if (!value) return std::nullopt;
  if (*value < min || *value > max) {
    const bool unbounded = max >= std::numeric_limits<int>::max();
    fail_at(name, unbounded ? fmt::format("{} must be at least {}, got {}", key(name), min, *value)
                            : fmt::format("{} must be between {} and {}, got {}", key(name), min,
                                          max, *value));
  }
  return static_cast<int>(*value);
}

std::optional<bool> Section::boolean(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  if (const auto* value = node(name).as_boolean()) return value->get();
  wrong_type(name, "true or false");
}

std::optional<std::vector<std::string>> Section::strings(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  const toml::array* array = node(name).as_array();
  if (!array) wrong_type(name, "a list of strings");
  std::vector<std::string> result;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const auto* text = element.as_string();
    if (!text) {
      ctx_->fail(element.source(),
                 fmt::format("{}[{}] must be a string, got {}", key(name), i, type_name(element)));
    }
    result.push_back(text->get());
  }
  return result;
}

std::optional<Section> Section::table(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  const toml::table* child = node(name).as_table();
  if (!child) wrong_type(name, "a table");
  const std::string child_key = key(name);
  return Section(*ctx_, *child, child_key, fmt::format("[{}]", child_key));
}

std::vector<Section> Section::tables(std::string_view name) const {
  if (!has(name)) return {};
  const toml::array* array = node(name).as_array();
  const std::string array_key = key(name);
  if (!array) {
    fail_at(name, fmt::format("{} must be a list of tables (write [[{}]] for each entry), got {}",
                              array_key, array_key, type_name(node(name))));
  }
  std::vector<Section> result;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const toml::table* entry = element.as_table();
    if (!entry) {
      ctx_->fail(element.source(),
                 fmt::format("{}[{}] must be a table, got {}", array_key, i, type_name(element)));
    }
    result.emplace_back(*ctx_, *entry, fmt::format("{}[{}]", array_key, i),
                        fmt::format("[[{}]]", array_key));
  }
  return result;
}

void check_globs(const Section& section, std::string_view name,
                 const std::vector<std::string>& globs) {
  for (std::size_t i = 0; i < globs.size(); ++i) {
    const std::string& glob = globs[i];
    int braces = 0;
    int brackets = 0;
    for (char c : glob) {
      braces += c == '{' ? 1 : c == '}' ? -1 : 0;
      brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (braces < 0 || brackets < 0) break;
    }
    std::string problem;
    if (glob.empty())
      problem = "is empty";
    else if (braces != 0)
      problem = "has unbalanced '{' and '}'";
    else if (brackets != 0)
      problem = "has unbalanced '[' and ']'";
    else if (glob.front() == '/')
      problem = "starts with '/'; globs are relative to the scanned folder";
    else if (glob.find('\\') != std::string::npos)
      problem = "contains '\\'; write paths with '/'";
    if (problem.empty()) continue;
    const std::string message = fmt::format("{}[{}] '{}' {}", section.key(name), i, glob, problem);
    const toml::array* written = section.find(name) ? section.find(name)->as_array() : nullptr;
    if (written && i < written->size()) section.ctx().fail(written->get(i)->source(), message);
    section.fail_at(name, message);
  }
}

bool is_language_tag(std::string_view tag) {
  // Primary language (2-3 letters, lower case), then subtags of 1-8 letters or digits.
  std::size_t start = 0;
  bool primary = true;
  while (start <= tag.size()) {
    const std::size_t dash = std::min(tag.find('-', start), tag.size());
    const std::string_view part = tag.substr(start, dash - start);
    if (primary) {
      if (part.size() < 2 || part.size() > 3) return false;
      if (!std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return false;
    } else {
      if (part.empty() || part.size() > 8) return false;
      if (!std::all_of(part.begin(), part.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
          })) {
        return false;
      }
    }
    primary = false;
    start = dash + 1;
  }
  return true;
}

}  // namespace brandlint::guide::detail
