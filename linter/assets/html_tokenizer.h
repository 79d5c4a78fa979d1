// A tolerant markup tokenizer with exact byte offsets: start tags with attributes, end tags,
// comments, doctype/processing instructions/CDATA, raw-text elements and text. Shaped after the
// HTML tokenizer's states, linear in the input, no tree, no fetching, no entity expansion beyond
// character references.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace brandlint::html {

struct Attribute {
  std::size_t name_begin = 0, name_end = 0;
  std::size_t value_begin = 0, value_end = 0;  // inside the quotes; empty for a bare attribute
};

struct Tag {
  std::string name;  // lower-cased
  std::vector<Attribute> attributes;
  std::vector<std::string> lower_names;  // parallel to attributes
  bool self_closing = false;

  const Attribute* find(std::string_view lower_name) const;
  std::string_view name_of(std::string_view text, const Attribute& a) const;
  std::string_view value(std::string_view text, const Attribute& a) const {
    return text.substr(a.value_begin, a.value_end - a.value_begin);
  }
};

struct Handlers {
  std::function<void(std::size_t, std::size_t)> on_text;  // character data [begin, end)
  std::function<void(const Tag&)> on_start;
  std::function<void(std::string_view)> on_end;  // lower-cased name
  // Content of a raw-text element (script, style, title, textarea...) [begin, end).
  std::function<void(std::string_view, std::size_t, std::size_t)> on_raw;
};

void tokenize(std::string_view text, const Handlers& handlers);
/// The same, also calling `on_comment` with each comment "<!-- … -->" [begin, end), delimiters
/// included (inline suppression directives live there).
void tokenize(std::string_view text, const Handlers& handlers,
              const std::function<void(std::size_t, std::size_t)>& on_comment);

/// Void elements never have content or an end tag.
bool is_void(std::string_view lower_name);

/// Appends text[begin, end) to `out` with character references decoded, and the source offset of
/// every appended byte to `offsets` (a decoded reference maps all its bytes to its '&').
void decode_into(std::string_view text, std::size_t begin, std::size_t end, std::string& out,
                 std::vector<std::uint32_t>& offsets);

}  // namespace brandlint::html
