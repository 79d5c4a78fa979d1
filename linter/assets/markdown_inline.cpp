// Inline Markdown masking: everything that is markup inside a block becomes spaces, everything a
// reader sees stays where it is. See markdown_inline.h for the contract.
#include "linter/assets/markdown_inline.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace brandlint::markdown {
namespace {

constexpr std::size_t npos = std::string::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
bool is_ascii_punct(char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(s[i + k]) != prefix[k]) return false;
  }
  return true;
}

// The code point ending just before byte i (or a space at the block start): CommonMark's
// flanking rules are defined on Unicode whitespace and punctuation, so "»*tekst*«" and
// "på*" need real character classes, not ASCII tests.
UChar32 code_point_before(std::string_view s, std::size_t i, std::size_t lo) {
  if (i <= lo) return ' ';
  auto k = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), static_cast<int32_t>(lo), k, c);
  return c;
}

UChar32 code_point_at(std::string_view s, std::size_t i, std::size_t hi) {
  if (i >= hi) return ' ';
  auto k = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(hi), c);
  return c;
}

bool is_unicode_space(UChar32 c) { return c < 0 || u_isUWhiteSpace(c); }
bool is_unicode_punct(UChar32 c) { return c >= 0 && (u_ispunct(c) || (c < 0x80 && is_ascii_punct(static_cast<char>(c)))); }

// ------------------------------------------------------------------------ entities

struct Entity {
  std::string_view name;
  char32_t cp;
};

// The named references that occur in Nordic and European web copy; others stay as written.
constexpr std::array<Entity, 42> kEntities{{
    {"AElig", 0xC6},   {"Aring", 0xC5},   {"Auml", 0xC4},   {"Eacute", 0xC9}, {"Oslash", 0xD8},
    {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"aelig", 0xE6},  {"amp", '&'},     {"apos", '\''},
    {"aring", 0xE5},   {"auml", 0xE4},    {"bdquo", 0x201E}, {"copy", 0xA9},  {"eacute", 0xE9},
    {"egrave", 0xE8},  {"emsp", 0x2003},  {"ensp", 0x2002}, {"euro", 0x20AC}, {"gt", '>'},
    {"hellip", 0x2026}, {"laquo", 0xAB},  {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", '<'},
    {"mdash", 0x2014}, {"nbsp", 0xA0},    {"ndash", 0x2013}, {"oslash", 0xF8}, {"ouml", 0xF6},
    {"quot", '"'},     {"raquo", 0xBB},   {"rdquo", 0x201D}, {"reg", 0xAE},   {"rsquo", 0x2019},
    {"shy", 0xAD},     {"szlig", 0xDF},   {"thinsp", 0x2009}, {"trade", 0x2122}, {"uuml", 0xFC},
    {"zwj", 0x200D},   {"zwnj", 0x200C},
}};

// Parses "&name;", "&#123;" or "&#x1F;" at i. Returns its length (0 if none) and the code point.
std::size_t parse_entity(std::string_view s, std::size_t i, std::size_t e, char32_t& cp) {
  std::size_t p = i + 1;
  if (p < e && s[p] == '#') {
    ++p;
    const bool hex = p < e && (s[p] == 'x' || s[p] == 'X');
    if (hex) ++p;
    const std::size_t digits_begin = p;
    std::uint32_t value = 0;
    while (p < e && p - digits_begin < (hex ? 6u : 7u)) {
      const char c = s[p];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;
      value = value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
      ++p;
    }
    if (p == digits_begin || p >= e || s[p] != ';') return 0;
    // CommonMark: NUL, surrogates and out-of-range values decode to U+FFFD.
    cp = (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) ? 0xFFFD : value;
    return p + 1 - i;
  }
  const std::size_t name_begin = p;
  while (p < e && p - name_begin < 32 && is_ascii_alnum(s[p])) ++p;
  if (p == name_begin || p >= e || s[p] != ';') return 0;
  const std::string_view name = s.substr(name_begin, p - name_begin);
  for (const Entity& entity : kEntities) {
    if (entity.name == name) {
      cp = entity.cp;
      return p + 1 - i;
    }
  }
  return 0;
}

// Writes the decoded character over the entity and fills the rest with U+200B (3 bytes) and
// U+00AD (2 bytes), both removed before word matching. A 1-byte remainder cannot be filled
// (never happens for the table above), so such an entity stays as written.
void write_entity(std::string& s, std::size_t i, std::size_t length, char32_t cp) {
  std::array<char, 4> utf8{};
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(utf8.data()), n, 4, static_cast<UChar32>(cp), error);
  const auto size = static_cast<std::size_t>(n);
  if (error || size > length || length - size == 1) return;
  std::copy_n(utf8.data(), size, s.begin() + static_cast<std::ptrdiff_t>(i));
  std::size_t p = i + size;
  std::size_t rest = length - size;
  if (rest % 2 == 1) {
    s.replace(p, 3, "\xE2\x80\x8B");
    p += 3;
    rest -= 3;
  }
  for (; rest > 0; rest -= 2, p += 2) s.replace(p, 2, "\xC2\xAD");
}

// ------------------------------------------------------------------------ code spans, HTML

// Code span starting with the backtick run at i: returns its end, or npos when unclosed.
std::size_t code_span_end(std::string_view s, std::size_t i, std::size_t e, std::size_t& run) {
  run = 0;
  while (i + run < e && s[i + run] == '`') ++run;
  std::size_t p = i + run;
  while (p < e) {
    p = s.find('`', p);
    if (p == npos || p >= e) return npos;
    std::size_t q = p;
    while (q < e && s[q] == '`') ++q;
    if (q - p == run) return q;
    p = q;
  }
  return npos;
}

std::size_t find_in(std::string_view s, std::string_view what, std::size_t from, std::size_t e) {
  const std::size_t p = s.find(what, from);
  return p == npos || p + what.size() > e ? npos : p + what.size();
}

// End of the raw HTML construct (tag, comment, processing instruction, declaration, CDATA) at
// the '<' at i, or npos. Tag names are returned lower-cased for content-blanking tags.
std::size_t html_end(std::string_view s, std::size_t i, std::size_t e, std::string& tag, bool& closing) {
  tag.clear();
  closing = false;
  if (s.compare(i, 4, "<!--") == 0) {
    if (s.compare(i, 5, "<!-->") == 0) return i + 5;
    if (s.compare(i, 6, "<!--->") == 0) return i + 6;
    return find_in(s, "-->", i + 4, e);
  }
  if (s.compare(i, 2, "<?") == 0) return find_in(s, "?>", i + 2, e);
  if (s.compare(i, 9, "<![CDATA[") == 0) return find_in(s, "]]>", i + 9, e);
  if (s.compare(i, 2, "<!") == 0 && i + 2 < e && is_ascii_alpha(s[i + 2])) return find_in(s, ">", i + 2, e);
  std::size_t p = i + 1;
  if (p < e && s[p] == '/') {
    closing = true;
    ++p;
  }
  if (p >= e || !is_ascii_alpha(s[p])) return npos;
  while (p < e && (is_ascii_alnum(s[p]) || s[p] == '-')) tag.push_back(ascii_lower(s[p++]));
  const auto skip_space = [&] {
    const std::size_t from = p;
    while (p < e && is_space(s[p])) ++p;
    return p > from;
  };
  if (closing) {
    skip_space();
    return p < e && s[p] == '>' ? p + 1 : npos;
  }
  while (p < e) {
    const bool spaced = skip_space();
    if (p >= e) return npos;
    if (s[p] == '>') return p + 1;
    if (s.compare(p, 2, "/>") == 0) return p + 2;
    // An attribute: name, then optionally = value. It needs whitespace before it.
    if (!spaced || !(is_ascii_alpha(s[p]) || s[p] == '_' || s[p] == ':')) return npos;
    while (p < e && (is_ascii_alnum(s[p]) || s[p] == '_' || s[p] == '.' || s[p] == ':' || s[p] == '-')) ++p;
    const std::size_t before_eq = p;
    skip_space();
    if (p < e && s[p] == '=') {
      ++p;
      skip_space();
      if (p >= e) return npos;
      if (s[p] == '"' || s[p] == '\'') {
        const std::size_t q = s.find(s[p], p + 1);
        if (q == npos || q >= e) return npos;
        p = q + 1;
      } else {
        const std::size_t from = p;
        while (p < e && !is_space(s[p]) && std::string_view("\"'=<>`").find(s[p]) == npos) ++p;
        if (p == from) return npos;
      }
    } else {
      p = before_eq;
    }
  }
  return npos;
}

// <https://…> and <name@example.com>.
std::size_t autolink_end(std::string_view s, std::size_t i, std::size_t e) {
  std::size_t p = i + 1;
  const std::size_t scheme_begin = p;
  while (p < e && (is_ascii_alnum(s[p]) || s[p] == '+' || s[p] == '.' || s[p] == '-')) ++p;
  const bool uri = p < e && s[p] == ':' && p - scheme_begin >= 2 && p - scheme_begin <= 32 &&
                   is_ascii_alpha(s[scheme_begin]);
  bool at = false;
  for (p = uri ? p + 1 : i + 1; p < e && s[p] != '>'; ++p) {
    if (is_space(s[p]) || s[p] == '<') return npos;
    at = at || s[p] == '@';
  }
  return p < e && (uri || at) ? p + 1 : npos;
}

// Inline code is not copy, but it stands in the sentence like a word ("`site/index.html` is the
// home page"): blanking it to spaces alone would let "service.   is the" read as one sentence.
// The span becomes U+FFFC OBJECT REPLACEMENT CHARACTER, then spaces: a token that is no word
// and no letter, which sentence splitting treats as the start of what follows a period.
void mask_code(std::string& s, std::size_t begin, std::size_t end) {
  blank(s, begin, end);
  if (end - begin >= 3 && s.compare(begin, 3, "   ") == 0) s.replace(begin, 3, "\xEF\xBF\xBC");
}

bool blanks_content(std::string_view tag) {
  return tag == "code" || tag == "kbd" || tag == "samp" || tag == "pre" || tag == "script" ||
         tag == "style";
}

// ------------------------------------------------------------------------ links

// Pairs every '[' with its ']' in one pass over the block (a stack, as CommonMark's bracket
// list), skipping escapes, code spans and raw HTML exactly as the main scan does. A search per
// '[' would be quadratic on hostile input such as a paragraph of a million '['.
std::vector<Span> pair_brackets(std::string_view s, std::size_t begin, std::size_t e) {
  std::vector<Span> pairs;
  std::vector<std::size_t> open;
  std::string tag;
  bool closing = false;
  for (std::size_t p = begin; p < e; ++p) {
    const char c = s[p];
    if (c == '\\') {
      ++p;
    } else if (c == '`') {
      std::size_t run = 0;
      const std::size_t end = code_span_end(s, p, e, run);
      p = (end == npos ? p + run : end) - 1;
    } else if (c == '<') {
      std::size_t end = autolink_end(s, p, e);
      if (end == npos) end = html_end(s, p, e, tag, closing);
      if (end != npos) p = end - 1;
    } else if (c == '[') {
      open.push_back(p);
    } else if (c == ']' && !open.empty()) {
      pairs.push_back({open.back(), p});
      open.pop_back();
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return pairs;
}

std::size_t close_bracket(const std::vector<Span>& pairs, std::size_t open) {
  const auto it = std::lower_bound(pairs.begin(), pairs.end(), open,
                                   [](const Span& pair, std::size_t at) { return pair.begin < at; });
  return it != pairs.end() && it->begin == open ? it->end : npos;
}

void skip_spaces(std::string_view s, std::size_t& p, std::size_t e) {
  while (p < e && is_space(s[p])) ++p;
}

// "(destination "title")" at p (just after ']'): returns the end, or npos.
std::size_t inline_link_tail(std::string_view s, std::size_t p, std::size_t e) {
  ++p;  // '('
  skip_spaces(s, p, e);
  if (p < e && s[p] == '<') {
    while (++p < e && s[p] != '>') {
      if (s[p] == '\n' || s[p] == '<') return npos;
      if (s[p] == '\\') ++p;
    }
    if (p >= e) return npos;
    ++p;
  } else {
    int depth = 0;
    for (; p < e && !is_space(s[p]); ++p) {
      if (s[p] == '\\') {
        ++p;
      } else if (s[p] == '(') {
        ++depth;
      } else if (s[p] == ')') {
        if (depth == 0) break;
        --depth;
      }
    }
  }
  skip_spaces(s, p, e);
  if (p < e && (s[p] == '"' || s[p] == '\'' || s[p] == '(')) {
    const char close = s[p] == '(' ? ')' : s[p];
    while (++p < e && s[p] != close) {
      if (s[p] == '\\') ++p;
    }
    if (p >= e) return npos;
    ++p;
    skip_spaces(s, p, e);
  }
  return p < e && s[p] == ')' ? p + 1 : npos;
}

// Everything after the link text's ']' at `close` that belongs to the link: an inline
// destination, a [label], [] or nothing (shortcut). Returns the end, or npos if no link.
std::size_t link_tail(std::string_view s, std::size_t open, std::size_t close, std::size_t e,
                      const std::set<std::string>& labels) {
  const std::size_t p = close + 1;
  if (p < e && s[p] == '(') {
    const std::size_t end = inline_link_tail(s, p, e);
    if (end != npos) return end;
  }
  const std::string text_label = normalize_label(s.substr(open + 1, close - open - 1));
  if (p < e && s[p] == '[') {
    const std::size_t q = s.find(']', p + 1);
    if (q != npos && q < e && s.substr(p + 1, q - p - 1).find('[') == std::string_view::npos) {
      const std::string label = q == p + 1 ? text_label : normalize_label(s.substr(p + 1, q - p - 1));
      if (labels.contains(label)) return q + 1;
    }
  }
  return labels.contains(text_label) ? p : npos;
}

// A bare URL (GFM autolink extension) starting at i, or npos.
std::size_t bare_url_end(std::string_view s, std::size_t i, std::size_t e) {
  if (!starts_with_ci(s, i, "http://") && !starts_with_ci(s, i, "https://") && !starts_with_ci(s, i, "www.")) {
    return npos;
  }
  std::size_t p = i;
  while (p < e && !is_space(s[p]) && s[p] != '<') ++p;
  // Trailing punctuation is the sentence's, not the URL's; a ')' only if unbalanced.
  while (p > i) {
    const char c = s[p - 1];
    if (std::string_view("?!.,:;*_~'\"").find(c) != npos) {
      --p;
    } else if (c == ')' && std::count(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(p), '(') <
                               std::count(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(p), ')')) {
      --p;
    } else {
      break;
    }
  }
  return p;
}

// ------------------------------------------------------------------------ emphasis

// Blanks a run of '*', '_' or '~' at [i, j) when CommonMark could read it as a delimiter.
void mask_delimiter_run(std::string& s, std::size_t i, std::size_t j, std::size_t lo, std::size_t hi) {
  const UChar32 before = code_point_before(s, i, lo);
  const UChar32 after = code_point_at(s, j, hi);
  const bool left = !is_unicode_space(after) &&
                    (!is_unicode_punct(after) || is_unicode_space(before) || is_unicode_punct(before));
  const bool right = !is_unicode_space(before) &&
                     (!is_unicode_punct(before) || is_unicode_space(after) || is_unicode_punct(after));
  bool delimiter = left || right;
  if (s[i] == '_') {
    // Intraword underscores (snake_case, file_name) are never emphasis.
    delimiter = (left && (!right || is_unicode_punct(before))) || (right && (!left || is_unicode_punct(after)));
  } else if (s[i] == '~') {
    delimiter = delimiter && j - i <= 2;  // GFM strike-through: ~ or ~~
  }
  if (delimiter) blank(s, i, j);
}

}  // namespace

void blank(std::string& buffer, std::size_t begin, std::size_t end) {
  end = std::min(end, buffer.size());
  for (std::size_t i = begin; i < end; ++i) {
    if (buffer[i] != '\n') buffer[i] = ' ';
  }
}

std::string normalize_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (const char c : label) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ascii_lower(c));
  }
  return out;
}

void mask_inlines(std::string& buffer, std::size_t begin, std::size_t end, InlineMode mode,
                  const std::set<std::string>& labels, std::vector<Span>& alts) {
  const bool md = mode == InlineMode::markdown;
  // Every search below reads this view, which ends at the block's end: no construct can run
  // into the next block, and no search costs more than the block (no quadratic rescans).
  const std::string_view s(buffer.data(), end);
  const std::vector<Span> brackets = md ? pair_brackets(s, begin, end) : std::vector<Span>{};
  std::string tag;
  bool closing = false;
  std::size_t i = begin;
  while (i < end) {
    const char c = s[i];
    if (c == '<') {
      std::size_t stop = md ? autolink_end(s, i, end) : npos;
      if (stop == npos) stop = html_end(s, i, end, tag, closing);
      if (stop == npos) {
        ++i;
        continue;
      }
      bool code = false;
      if (!closing && blanks_content(tag)) {
        // <code>…</code> and friends: the content is not copy either.
        const std::size_t close_tag = s.find("</" + tag, stop);
        if (close_tag != npos && close_tag < end) {
          const std::size_t gt = s.find('>', close_tag);
          if (gt != npos && gt < end) {
            stop = gt + 1;
            code = tag == "code" || tag == "kbd" || tag == "samp";
          }
        }
      }
      if (code) {
        mask_code(buffer, i, stop);
      } else {
        blank(buffer, i, stop);
      }
      i = stop;
    } else if (c == '&') {
      char32_t cp = 0;
      const std::size_t length = parse_entity(s, i, end, cp);
      if (length > 0) write_entity(buffer, i, length, cp);
      i += std::max<std::size_t>(length, 1);
    } else if (!md) {
      ++i;
    } else if (c == '\\') {
      if (i + 1 < end && (is_ascii_punct(s[i + 1]) || s[i + 1] == '\n')) blank(buffer, i, i + 1);
      i += 2;
    } else if (c == '`') {
      std::size_t run = 0;
      const std::size_t stop = code_span_end(s, i, end, run);
      if (stop != npos) mask_code(buffer, i, stop);
      i = stop != npos ? stop : i + run;
    } else if (c == '[' || (c == '!' && i + 1 < end && s[i + 1] == '[')) {
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t close = close_bracket(brackets, open);
      if (close == npos) {
        i = open + 1;
        continue;
      }
      if (c == '[' && open + 1 < close && s[open + 1] == '^') {  // footnote reference
        blank(buffer, open, close + 1);
        i = close + 1;
        continue;
      }
      const std::size_t stop = link_tail(s, open, close, end, labels);
      if (stop == npos) {
        i = open + 1;
        continue;
      }
      if (c == '!') alts.push_back({open + 1, close});
      blank(buffer, i, open + 1);
      blank(buffer, close, stop);
      i = open + 1;  // the link text itself is copy: keep scanning inside it
    } else if (c == '*' || c == '_' || c == '~') {
      std::size_t j = i;
      while (j < end && s[j] == c) ++j;
      mask_delimiter_run(buffer, i, j, begin, end);
      i = j;
    } else if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && !u_isalnum(code_point_before(s, i, begin))) {
      const std::size_t stop = bare_url_end(s, i, end);
      if (stop != npos && stop > i) {
        blank(buffer, i, stop);
        i = stop;
      } else {
        ++i;
      }
    } else {
      ++i;
    }
  }
}

}  // namespace brandlint::markdown
