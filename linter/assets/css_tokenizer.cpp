// A single pass over a stylesheet: each statement is scanned to its terminator (';', '{' or '}'
// outside parentheses), skipping comments, strings, escapes and url() bodies, so a '}' inside
// content: "}" or a ';' inside url(a;b) never ends anything. Statements ending in '{' open a
// block: at-rules that hold rules (@media, @supports, @layer, @container...) hold statements
// again, everything else (style rules, @font-face, @page, nested rules) holds declarations.
#include "linter/assets/css_tokenizer.h"

#include <algorithm>
#include <string>
#include <vector>

namespace brandlint::css {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// True when text[i] == '(' closes the function name "url" (case-insensitive, a whole name).
bool opens_url(std::string_view text, std::size_t i) {
  if (i < 3 || lower(text[i - 3]) != 'u' || lower(text[i - 2]) != 'r' || lower(text[i - 1]) != 'l') {
    return false;
  }
  return i == 3 || !is_name_char(text[i - 4]);
}

// At-rules whose block holds rules rather than declarations.
bool holds_rules(std::string_view at_rule) {
  static constexpr std::string_view kNames[] = {"media", "supports", "document", "layer",
                                                "container", "scope", "starting-style",
                                                "-moz-document"};
  return std::find(std::begin(kNames), std::end(kNames), at_rule) != std::end(kNames);
}

struct Frame {
  bool declarations = false;
  int block = -1;
};

struct Parser {
  Asset& asset;
  std::string_view text;
  std::size_t end;

  std::size_t skip_space_and_comments(std::size_t i) const {
    while (i < end) {
      if (is_space(text[i])) {
        ++i;
      } else if (text[i] == '/' && i + 1 < end && text[i + 1] == '*') {
        i = skip_opaque(text, i, end);
      } else {
        break;
      }
    }
    return i;
  }

  // The terminator of the statement starting at `i`: its index, or `end`. `colon` gets the
  // first top-level ':' (or npos).
  std::size_t terminator(std::size_t i, std::size_t& colon) const {
    colon = std::string_view::npos;
    int parens = 0;
    while (i < end) {
      const std::size_t skipped = skip_opaque(text, i, end);
      if (skipped != i) {
        i = skipped;
        continue;
      }
      const char c = text[i];
      if (c == '(' || c == '[') ++parens;
      else if ((c == ')' || c == ']') && parens > 0) --parens;
      else if (parens == 0 && (c == ';' || c == '{' || c == '}')) return i;
      else if (parens == 0 && c == ':' && colon == std::string_view::npos) colon = i;
      ++i;
    }
    return end;
  }

  void declaration(std::size_t begin, std::size_t stop, std::size_t colon, int block) {
    if (colon == std::string_view::npos || colon >= stop) return;
    std::size_t name_end = colon;
    while (name_end > begin && is_space(text[name_end - 1])) --name_end;
    if (name_end == begin) return;
    for (std::size_t k = begin; k < name_end; ++k) {
      if (!is_name_char(text[k]) && text[k] != '\\') return;  // not a declaration (e.g. "a b:c")
    }
    CssDeclaration d;
    d.name_begin = begin;
    d.property.assign(text.substr(begin, name_end - begin));
    if (d.property.rfind("--", 0) != 0) {
      std::transform(d.property.begin(), d.property.end(), d.property.begin(), lower);
    }
    std::size_t vb = colon + 1, ve = stop;
    while (vb < ve && is_space(text[vb])) ++vb;
    while (ve > vb && is_space(text[ve - 1])) --ve;
    // "!important" (any case, optional space after '!') ends the value.
    if (ve - vb >= 10) {
      std::string tail(text.substr(ve - 9, 9));
      std::transform(tail.begin(), tail.end(), tail.begin(), lower);
      if (tail == "important") {
        std::size_t bang = ve - 9;
        while (bang > vb && is_space(text[bang - 1])) --bang;
        if (bang > vb && text[bang - 1] == '!') {
          d.important = true;
          ve = bang - 1;
          while (ve > vb && is_space(text[ve - 1])) --ve;
        }
      }
    }
    d.value_begin = vb;
    d.value_end = ve;
    d.block = block;
    asset.css_declarations.push_back(std::move(d));
  }

  int open_block(std::size_t begin, std::size_t stop, int parent, bool& declarations) {
    CssBlock b;
    b.prelude_begin = begin;
    std::size_t pe = stop;
    while (pe > begin && is_space(text[pe - 1])) --pe;
    b.prelude_end = pe;
    b.parent = parent;
    if (text[begin] == '@') {
      std::size_t k = begin + 1;
      while (k < pe && is_name_char(text[k])) ++k;
      b.at_rule.assign(text.substr(begin + 1, k - begin - 1));
      std::transform(b.at_rule.begin(), b.at_rule.end(), b.at_rule.begin(), lower);
    }
    declarations = !holds_rules(b.at_rule);
    asset.css_blocks.push_back(std::move(b));
    return static_cast<int>(asset.css_blocks.size() - 1);
  }

  void run(std::size_t i, Frame top) {
    std::vector<Frame> stack{top};
    while (true) {
      i = skip_space_and_comments(i);
      if (i >= end) return;
      std::size_t colon = 0;
      const std::size_t t = terminator(i, colon);
      Frame& f = stack.back();
      if (t >= end) {
        if (f.declarations) declaration(i, end, colon, f.block);
        return;  // blocks left open are closed by the end of the text, as in a browser
      }
      const char c = text[t];
      if (c == '{') {
        Frame child;
        child.block = open_block(i, t, f.block, child.declarations);
        // Inside a style rule, a nested @media/@supports holds declarations (CSS nesting):
        // ".card { @media (…) { color: red } }".
        if (f.declarations) child.declarations = true;
        stack.push_back(child);
      } else {
        if (f.declarations && t > i) declaration(i, t, colon, f.block);
        if (c == '}' && stack.size() > 1) stack.pop_back();
      }
      i = t + 1;
    }
  }
};

}  // namespace

std::size_t skip_opaque(std::string_view text, std::size_t i, std::size_t end) {
  const char c = text[i];
  if (c == '/' && i + 1 < end && text[i + 1] == '*') {
    const std::size_t close = text.substr(0, end).find("*/", i + 2);
    return close == std::string_view::npos ? end : close + 2;
  }
  if (c == '"' || c == '\'') {
    // An unescaped newline ends a string too (a "bad string"): one stray quote cannot swallow
    // the rest of the file.
    for (std::size_t k = i + 1; k < end; ++k) {
      if (text[k] == '\\') ++k;
      else if (text[k] == c) return k + 1;
      else if (text[k] == '\n') return k;
    }
    return end;
  }
  if (c == '\\') return std::min(end, i + 2);
  if (c == '(' && opens_url(text, i)) {
    for (std::size_t k = i + 1; k < end; ++k) {
      if (text[k] == '"' || text[k] == '\'') k = skip_opaque(text, k, end) - 1;
      else if (text[k] == '\\') ++k;
      else if (text[k] == ')') return k + 1;
    }
    return end;
  }
  return i;
}

void parse_stylesheet(Asset& asset, std::size_t begin, std::size_t end) {
  Parser p{asset, asset.text, std::min(end, asset.text.size())};
  p.run(begin, Frame{false, -1});
}

void parse_declaration_list(Asset& asset, std::size_t begin, std::size_t end,
                            std::string_view element) {
  CssBlock b;
  b.prelude_begin = b.prelude_end = begin;
  b.element.assign(element);
  asset.css_blocks.push_back(std::move(b));
  Parser p{asset, asset.text, std::min(end, asset.text.size())};
  p.run(begin, Frame{true, static_cast<int>(asset.css_blocks.size() - 1)});
}

}  // namespace brandlint::css
