#include "brandguide/tokens.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "brandguide/suggest.h"

namespace brandlint::guide {
namespace {

using Json = nlohmann::ordered_json;  // ordered, so imported colours keep the file's order

struct RawToken {
  const Json* value;
  std::string type;  // own or inherited $type ("" when nobody says)
};

std::string type_of(const Json& object, const char* key, const std::string& inherited) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : inherited;
}

// A token is an object with "$value" (DTCG) or a legacy Style Dictionary "value" that is not
// itself a group; everything else is a group whose "$type" its descendants inherit.
class TokenTree {
 public:
  explicit TokenTree(const Json& root) { collect(root, "", ""); }

  const std::vector<std::string>& paths() const { return order_; }
  const RawToken& token(const std::string& path) const { return tokens_.at(path); }

  Rgb resolve(const std::string& path) const {
    std::vector<std::string> chain;
    return resolve(path, chain);
  }

 private:
  void collect(const Json& group, const std::string& prefix, const std::string& inherited_type);
  Rgb resolve(const std::string& path, std::vector<std::string>& chain) const;
  std::string alias_target(const std::string& path, std::string_view alias) const;

  std::vector<std::string> order_;
  std::map<std::string, RawToken> tokens_;
};

void TokenTree::collect(const Json& group, const std::string& prefix,
                        const std::string& inherited_type) {
  for (const auto& [name, child] : group.items()) {
    if (name.starts_with('$') || !child.is_object()) continue;  // metadata, comments
    const std::string path = prefix.empty() ? name : fmt::format("{}.{}", prefix, name);
    const auto legacy = child.find("value");
    if (child.contains("$value")) {
      tokens_[path] = RawToken{&child["$value"], type_of(child, "$type", inherited_type)};
      order_.push_back(path);
    } else if (legacy != child.end() && (!legacy->is_object() || legacy->contains("colorSpace"))) {
      tokens_[path] = RawToken{&*legacy, type_of(child, "type", inherited_type)};
      order_.push_back(path);
    } else {
      collect(child, path, type_of(child, "$type", inherited_type));
    }
  }
}

std::string TokenTree::alias_target(const std::string& path, std::string_view alias) const {
  std::string target(alias.substr(1, alias.size() - 2));
  // Style Dictionary writes references to the value itself: {color.base.blue.value}.
  if (!tokens_.contains(target) && target.ends_with(".value")) target.resize(target.size() - 6);
  if (!tokens_.contains(target)) {
    throw TokenFileError(
        fmt::format("token '{}' refers to {}, which is not a token in the file", path, alias),
        closest_match(std::string(alias.substr(1, alias.size() - 2)), order_));
  }
  return target;
}

std::optional<Rgb> parse_token_hex(std::string text) {
  // Eight-digit hex carries alpha; a fully opaque colour is still a palette colour.
  if (text.size() == 9 && (text.ends_with("FF") || text.ends_with("ff"))) text.resize(7);
  return parse_hex(text);
}

std::optional<Rgb> color_object(const std::string& path, const Json& value) {
  const auto space_field = value.find("colorSpace");
  const std::string space =
      space_field != value.end() && space_field->is_string() ? space_field->get<std::string>() : "";
  const auto components = value.find("components");
  if (space == "srgb" && components != value.end() && components->is_array() &&
      components->size() == 3) {
    std::uint8_t channels[3] = {};
    for (std::size_t i = 0; i < 3; ++i) {
      const Json& c = (*components)[i];
      if (c.is_string() && c.get<std::string>() == "none") continue;  // "none" means 0 in srgb
      if (!c.is_number() || c.get<double>() < 0.0 || c.get<double>() > 1.0) {
        throw TokenFileError(fmt::format(
            "token '{}' has srgb component {} which is not a number from 0 to 1", path, c.dump()));
      }
      channels[i] = static_cast<std::uint8_t>(std::lround(c.get<double>() * 255.0));
    }
    return Rgb{channels[0], channels[1], channels[2]};
  }
  const auto hex = value.find("hex");
  if (hex != value.end() && hex->is_string()) return parse_token_hex(hex->get<std::string>());
  if (!space.empty() && space != "srgb") {
    throw TokenFileError(fmt::format(
        "token '{}' uses colour space '{}' without a \"hex\" fallback; add \"hex\" or use srgb",
        path, space));
  }
  return std::nullopt;
}

Rgb TokenTree::resolve(const std::string& path, std::vector<std::string>& chain) const {
  chain.push_back(path);
  const Json& value = *tokens_.at(path).value;
  std::optional<Rgb> rgb;
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    if (text.size() > 2 && text.front() == '{' && text.back() == '}') {
      const std::string target = alias_target(path, text);
      if (std::find(chain.begin(), chain.end(), target) != chain.end()) {
        chain.push_back(target);
        std::string cycle;
        for (const std::string& step : chain) cycle += (cycle.empty() ? "" : " -> ") + step;
        throw TokenFileError(
            fmt::format("token '{}' is part of an alias cycle: {}", chain.front(), cycle));
      }
      return resolve(target, chain);
    }
    rgb = parse_token_hex(text);
  } else if (value.is_object()) {
    rgb = color_object(path, value);
  }
  if (!rgb) {
    throw TokenFileError(fmt::format(
        "token '{}' has value {} which is not a colour; write \"#RRGGBB\", an alias such as "
        "\"{{color.base.blue}}\" or {{\"colorSpace\": \"srgb\", \"components\": [r, g, b]}}",
        path, value.dump()));
  }
  return *rgb;
}

// `*` within one segment, `?` one character.
bool segment_matches(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern.front() == '*') {
    for (std::size_t skip = 0; skip <= text.size(); ++skip) {
      if (segment_matches(pattern.substr(1), text.substr(skip))) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  if (pattern.front() != '?' && pattern.front() != text.front()) return false;
  return segment_matches(pattern.substr(1), text.substr(1));
}

std::vector<std::string_view> split_dots(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot == std::string_view::npos ? text.npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool segments_match(std::span<const std::string_view> pattern,
                    std::span<const std::string_view> path) {
  if (pattern.empty()) return path.empty();
  if (pattern.front() == "**") {
    for (std::size_t skip = 0; skip <= path.size(); ++skip) {
      if (segments_match(pattern.subspan(1), path.subspan(skip))) return true;
    }
    return false;
  }
  return !path.empty() && segment_matches(pattern.front(), path.front()) &&
         segments_match(pattern.subspan(1), path.subspan(1));
}

TokenFileError syntax_error(std::string_view text, const nlohmann::json::parse_error& error) {
  // nlohmann reports the 1-based byte position of the last character it read.
  const std::size_t offset =
      std::min<std::size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line =
      static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  std::string detail = error.what();
  // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 5: ".
  if (const std::size_t colon = detail.find(": "); colon != std::string::npos)
    detail.erase(0, colon + 2);
  return TokenFileError(fmt::format("not valid JSON: {}", detail), {}, static_cast<int>(line),
                        static_cast<int>(offset - line_start + 1));
}

}  // namespace

bool token_path_matches(std::string_view select, std::string_view path) {
  if (select.empty()) return true;
  const std::vector<std::string_view> pattern = split_dots(select);
  const std::vector<std::string_view> segments = split_dots(path);
  return segments_match(pattern, segments);
}

std::vector<ColorToken> parse_color_tokens(std::string_view json_text, std::string_view select) {
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end());
  } catch (const nlohmann::json::parse_error& error) {
    throw syntax_error(json_text, error);
  }
  if (!root.is_object())
    throw TokenFileError("a token file must hold a JSON object of token groups");
  const TokenTree tree(root);
  std::vector<ColorToken> result;
  for (const std::string& path : tree.paths()) {
    if (!token_path_matches(select, path)) continue;
    const std::string& type = tree.token(path).type;
    if (!type.empty() && type != "color") continue;
    result.push_back(ColorToken{path, tree.resolve(path)});
  }
  return result;
}

std::vector<ColorToken> read_color_tokens(const std::filesystem::path& file,
                                          std::string_view select) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw TokenFileError(fmt::format("cannot read '{}'", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_color_tokens(text.str(), select);
}

}  // namespace brandlint::guide
