#include "linter/assets/html_tokenizer.h"
#include "linter/utf8.h"

#include <algorithm>
#include <array>

namespace brandlint::html {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_raw_text(std::string_view name) {
  static constexpr std::string_view kNames[] = {"script", "style", "textarea", "title",
                                                "xmp", "iframe", "noembed", "noframes"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Case-insensitive search for "</name" from `from`.
std::size_t find_end_tag(std::string_view text, std::string_view name, std::size_t from) {
  for (std::size_t k = text.find("</", from); k != std::string_view::npos;
       k = text.find("</", k + 2)) {
    if (k + 2 + name.size() > text.size()) break;
    bool same = true;
    for (std::size_t j = 0; j < name.size() && same; ++j) same = lower(text[k + 2 + j]) == name[j];
    if (same) return k;
  }
  return text.size();
}

// Parses the start tag whose '<' is at `lt`; returns the index just past its '>'.
std::size_t parse_start_tag(std::string_view text, std::size_t lt, Tag& tag) {
  std::size_t i = lt + 1;
  const std::size_t n = text.size();
  while (i < n && !is_space(text[i]) && text[i] != '>' && text[i] != '/') {
    tag.name += lower(text[i]);
    ++i;
  }
  while (i < n) {
    while (i < n && (is_space(text[i]) || text[i] == '/')) {
      if (text[i] == '/' && i + 1 < n && text[i + 1] == '>') tag.self_closing = true;
      ++i;
    }
    if (i >= n) return n;
    if (text[i] == '>') return i + 1;
    Attribute a;
    a.name_begin = i;
    while (i < n && !is_space(text[i]) && text[i] != '>' && text[i] != '/' &&
           (text[i] != '=' || i == a.name_begin)) {
      ++i;
    }
    a.name_end = i;
    std::size_t k = i;
    while (k < n && is_space(text[k])) ++k;
    a.value_begin = a.value_end = a.name_end;
    if (k < n && text[k] == '=') {
      ++k;
      while (k < n && is_space(text[k])) ++k;
      if (k < n && (text[k] == '"' || text[k] == '\'')) {
        const std::size_t close = text.find(text[k], k + 1);
        a.value_begin = k + 1;
        a.value_end = close == std::string_view::npos ? n : close;
        i = std::min(n, a.value_end + 1);
      } else {
        a.value_begin = k;
        while (k < n && !is_space(text[k]) && text[k] != '>') ++k;
        a.value_end = i = k;
      }
    }
    std::string lname(text.substr(a.name_begin, a.name_end - a.name_begin));
    std::transform(lname.begin(), lname.end(), lname.begin(), lower);
    tag.lower_names.push_back(std::move(lname));
    tag.attributes.push_back(a);
  }
  return n;
}

struct Entity {
  std::string_view name;
  char32_t cp;
};

constexpr std::array<Entity, 24> kEntities{{
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"shy", 0xAD}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"ndash", 0x2013},
    {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"aelig", 0xE6},
    {"oslash", 0xF8}, {"aring", 0xE5}, {"euro", 0x20AC}, {"middot", 0xB7}}};

// Length of the character reference at text[i] == '&' (0 when it is none) and its code point.
std::size_t parse_reference(std::string_view text, std::size_t i, std::size_t end, char32_t& cp) {
  const std::size_t semi = text.substr(0, end).find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  const std::string_view body = text.substr(i + 1, semi - i - 1);
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    std::uint32_t v = 0;
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (const char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && lower(c) >= 'a' && lower(c) <= 'f') d = lower(c) - 'a' + 10;
      if (d < 0 || v > 0x10FFFF) return 0;
      v = v * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    cp = v;
    return semi - i + 1;
  }
  std::string name(body);
  std::transform(name.begin(), name.end(), name.begin(), lower);
  for (const Entity& e : kEntities) {
    if (e.name == name) {
      cp = (e.cp >= 0xE5 && e.cp <= 0xF8 && body[0] >= 'A' && body[0] <= 'Z') ? e.cp - 0x20 : e.cp;
      return semi - i + 1;
    }
  }
  return 0;
}

}  // namespace

const Attribute* Tag::find(std::string_view lower_name) const {
  for (std::size_t k = 0; k < attributes.size(); ++k) {
    if (lower_names[k] == lower_name) return &attributes[k];
  }
  return nullptr;
}

std::string_view Tag::name_of(std::string_view, const Attribute& a) const {
  return lower_names[static_cast<std::size_t>(&a - attributes.data())];
}

bool is_void(std::string_view name) {
  static constexpr std::string_view kNames[] = {"area", "base", "br", "col", "embed", "hr",
                                                "img", "input", "link", "meta", "param",
                                                "source", "track", "wbr"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

void decode_into(std::string_view text, std::size_t begin, std::size_t end, std::string& out,
                 std::vector<std::uint32_t>& offsets) {
  for (std::size_t i = begin; i < end;) {
    char32_t cp = 0;
    const std::size_t length = text[i] == '&' ? parse_reference(text, i, end, cp) : 0;
    if (length == 0) {
      out += text[i];
      offsets.push_back(static_cast<std::uint32_t>(i));
      ++i;
      continue;
    }
    const std::size_t before = out.size();
    append_utf8(out, cp == 0xA0 ? U' ' : cp);  // a no-break space separates words like a space
    offsets.insert(offsets.end(), out.size() - before, static_cast<std::uint32_t>(i));
    i += length;
  }
}

void tokenize(std::string_view text, const Handlers& h) { tokenize(text, h, nullptr); }

void tokenize(std::string_view text, const Handlers& h,
              const std::function<void(std::size_t, std::size_t)>& on_comment) {
  const std::size_t n = text.size();
  std::size_t i = 0, text_begin = 0;
  const auto emit_text = [&](std::size_t stop) {
    if (stop > text_begin && h.on_text) h.on_text(text_begin, stop);
  };
  while (i < n) {
    const std::size_t lt = text.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    const char next = text[lt + 1];
    std::size_t resume = lt + 1;
    if (text.compare(lt, 4, "<!--") == 0) {
      emit_text(lt);
      const std::size_t close = text.find("-->", lt + 4);
      resume = close == std::string_view::npos ? n : close + 3;
      if (on_comment) on_comment(lt, resume);
    } else if (next == '!' || next == '?') {
      emit_text(lt);
      const std::string_view closer = text.compare(lt, 9, "<![CDATA[") == 0 ? "]]>" : ">";
      const std::size_t close = text.find(closer, lt + 2);
      resume = close == std::string_view::npos ? n : close + closer.size();
    } else if (next == '/' && lt + 2 < n && is_alpha(text[lt + 2])) {
      emit_text(lt);
      std::string name;
      std::size_t k = lt + 2;
      while (k < n && !is_space(text[k]) && text[k] != '>' && text[k] != '/') name += lower(text[k++]);
      const std::size_t close = text.find('>', k);
      resume = close == std::string_view::npos ? n : close + 1;
      if (h.on_end) h.on_end(name);
    } else if (is_alpha(next)) {
      emit_text(lt);
      Tag tag;
      resume = parse_start_tag(text, lt, tag);
      if (h.on_start) h.on_start(tag);
      if (is_raw_text(tag.name) && !tag.self_closing) {
        const std::size_t close = find_end_tag(text, tag.name, resume);
        if (h.on_raw) h.on_raw(tag.name, resume, close);
        const std::size_t gt = text.find('>', close);
        resume = gt == std::string_view::npos ? n : gt + 1;
        if (h.on_end) h.on_end(tag.name);
      }
    } else {
      i = lt + 1;  // a lone '<' is text
      continue;
    }
    i = text_begin = resume;
  }
  emit_text(n);
}

}  // namespace brandlint::html
