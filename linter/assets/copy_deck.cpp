// Copy decks (.json, .toml): every string stored under a copy field becomes one run whose scope is
// the field name. nlohmann::json and toml++ drop source positions of string contents, so these
// are small position-tracking scanners: a finding in "Gratis fragt" points at the exact column
// of the word inside the quotes, escapes included.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "linter/assets/copy.h"
#include "linter/utf8.h"

namespace brandlint {
namespace {

constexpr std::array<std::string_view, 12> kCopyFields = {
    "headline", "headlines", "description", "descriptions", "primary_text", "caption",
    "text",     "title",     "subject",     "preheader",    "body",         "cta"};

// The copy field a key names (ASCII case-insensitive), or "" when it is not one.
std::string_view copy_field(std::string_view key) {
  for (const std::string_view field : kCopyFields) {
    if (field.size() == key.size() &&
        std::equal(field.begin(), field.end(), key.begin(), [](char a, char b) {
          return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
        })) {
      return field;
    }
  }
  return {};
}

// A decoded string value and where each of its bytes came from. While the text is a verbatim
// copy of the source, offsets stay empty (identity from `begin`); the first escape or skipped
// byte switches to an explicit per-byte map, ending with a sentinel for the closing delimiter
// (so TextRun::source_of(text.size()) is exact, see linter/asset.cpp).
class DecodedString {
 public:
  explicit DecodedString(std::size_t begin) : begin_(begin) {}

  void raw(std::string_view bytes, std::size_t at) {
    if (mapped_) {
      for (std::size_t i = 0; i < bytes.size(); ++i) offsets_.push_back(static_cast<std::uint32_t>(at + i));
    }
    text_.append(bytes);
  }
  void decoded(char32_t cp, std::size_t at) {
    map();
    append_utf8(text_, cp);
    offsets_.resize(text_.size(), static_cast<std::uint32_t>(at));
  }
  void skipped() { map(); }

  void into(TextRun& run, std::size_t end) {
    if (mapped_) offsets_.push_back(static_cast<std::uint32_t>(end));
    run.text = std::move(text_);
    run.offsets = std::move(offsets_);
    run.source_offset = begin_;
  }
  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }

 private:
  void map() {
    if (mapped_) return;
    mapped_ = true;
    offsets_.reserve(text_.size() + 16);
    for (std::size_t i = 0; i < text_.size(); ++i) offsets_.push_back(static_cast<std::uint32_t>(begin_ + i));
  }
  std::size_t begin_;
  bool mapped_ = false;
  std::string text_;
  std::vector<std::uint32_t> offsets_;
};

struct ParseError {
  std::string message;
  std::size_t offset;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Shared by both scanners: the cursor, errors and run output.
class Scanner {
 protected:
  explicit Scanner(Asset& asset) : s_(asset.text), asset_(asset) {}

  [[noreturn]] void fail(std::string message) const { throw ParseError{std::move(message), p_}; }
  bool at_end() const { return p_ >= s_.size(); }
  char peek(std::size_t ahead = 0) const { return p_ + ahead < s_.size() ? s_[p_ + ahead] : '\0'; }
  void expect(char c, std::string_view what) {
    if (peek() != c) fail(fmt::format("expected {}", what));
    ++p_;
  }

  // `count` hex digits at p_ as a code point.
  char32_t hex_digits(int count) {
    char32_t value = 0;
    for (int i = 0; i < count; ++i) {
      const int d = hex_value(peek());
      if (d < 0) fail("invalid escape: expected a hex digit");
      value = value * 16 + static_cast<char32_t>(d);
      ++p_;
    }
    return value;
  }

  void emit(std::string_view key, DecodedString& value, std::size_t end) {
    const std::string_view field = copy_field(key);
    if (field.empty() || value.empty()) return;
    TextRun run;
    value.into(run, end);
    run.scope = std::string(field);
    asset_.runs.push_back(std::move(run));
  }

  std::string_view s_;
  std::size_t p_ = 0;
  Asset& asset_;
};

// ------------------------------------------------------------------------ JSON (RFC 8259)

class JsonScanner : Scanner {
 public:
  explicit JsonScanner(Asset& asset) : Scanner(asset) {}

  void run() {
    space();
    value({}, 0);
    space();
    if (!at_end()) fail("unexpected text after the JSON value");
  }

 private:
  void space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++p_;
  }

  void value(std::string_view key, int depth) {
    if (depth > 256) fail("nesting deeper than 256 levels");
    switch (peek()) {
      case '{': object(depth); break;
      case '[': array(key, depth); break;
      case '"': {
        DecodedString text(p_ + 1);
        const std::size_t end = string(text);
        emit(key, text, end);
        break;
      }
      default: scalar();
    }
  }

  void object(int depth) {
    ++p_;
    space();
    if (peek() == '}') {
      ++p_;
      return;
    }
    for (;;) {
      if (peek() != '"') fail("expected a member name in quotes");
      DecodedString name(p_ + 1);
      string(name);
      space();
      expect(':', "':' after the member name");
      space();
      value(name.text(), depth + 1);
      space();
      if (peek() == ',') {
        ++p_;
        space();
        continue;
      }
      expect('}', "',' or '}'");
      return;
    }
  }

  // Elements inherit the array's key: "headlines": ["…", "…"] are all headlines.
  void array(std::string_view key, int depth) {
    ++p_;
    space();
    if (peek() == ']') {
      ++p_;
      return;
    }
    for (;;) {
      value(key, depth + 1);
      space();
      if (peek() == ',') {
        ++p_;
        space();
        continue;
      }
      expect(']', "',' or ']'");
      return;
    }
  }

  void scalar() {
    const std::size_t begin = p_;
    while (!at_end() && std::string_view("+-.0123456789eEtruefalsn").find(peek()) != std::string_view::npos) ++p_;
    const std::string_view token = s_.substr(begin, p_ - begin);
    if (token.empty()) fail("expected a value");
    if (token != "true" && token != "false" && token != "null" &&
        (token.find_first_not_of("+-.0123456789eE") != std::string_view::npos)) {
      p_ = begin;
      fail(fmt::format("unexpected '{}'", token));
    }
  }

  // Decodes the string at p_ ('"'); returns the offset of the closing quote.
  std::size_t string(DecodedString& out) {
    ++p_;
    for (;;) {
      if (at_end()) fail("unterminated string");
      const char c = peek();
      if (c == '"') return p_++;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string (use \\n, \\t, ...)");
      if (c != '\\') {
        const std::size_t stop = s_.find_first_of("\"\\", p_);
        std::size_t end = stop == std::string_view::npos ? s_.size() : stop;
        // Stop at control characters too, so the check above sees them.
        end = std::find_if(s_.begin() + static_cast<std::ptrdiff_t>(p_), s_.begin() + static_cast<std::ptrdiff_t>(end),
                           [](char x) { return static_cast<unsigned char>(x) < 0x20; }) - s_.begin();
        out.raw(s_.substr(p_, end - p_), p_);
        p_ = end;
        continue;
      }
      const std::size_t at = p_;
      ++p_;
      const char e = peek();
      ++p_;
      switch (e) {
        case '"': out.decoded('"', at); break;
        case '\\': out.decoded('\\', at); break;
        case '/': out.decoded('/', at); break;
        case 'b': out.decoded('\b', at); break;
        case 'f': out.decoded('\f', at); break;
        case 'n': out.decoded('\n', at); break;
        case 'r': out.decoded('\r', at); break;
        case 't': out.decoded('\t', at); break;
        case 'u': {
          char32_t cp = hex_digits(4);
          if (cp >= 0xD800 && cp <= 0xDBFF && peek() == '\\' && peek(1) == 'u') {
            const std::size_t save = p_;
            p_ += 2;
            const char32_t low = hex_digits(4);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              p_ = save;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // lone surrogate
          out.decoded(cp, at);
          break;
        }
        default: p_ = at; fail("invalid escape sequence");
      }
    }
  }
};

// ------------------------------------------------------------------------ TOML (v1.0)

class TomlScanner : Scanner {
 public:
  explicit TomlScanner(Asset& asset) : Scanner(asset) {}

  void run() {
    for (;;) {
      blank_lines();
      if (at_end()) return;
      if (peek() == '[') {
        table_header();
      } else {
        key_value();
      }
      inline_space();
      comment();
      if (!at_end() && peek() != '\n' && !(peek() == '\r' && peek(1) == '\n')) fail("expected the end of the line");
    }
  }

 private:
  void inline_space() {
    while (peek() == ' ' || peek() == '\t') ++p_;
  }
  void comment() {
    if (peek() != '#') return;
    while (!at_end() && peek() != '\n') ++p_;
  }
  // Whitespace, newlines and comments (between statements and inside arrays).
  void blank_lines() {
    for (;;) {
      inline_space();
      comment();
      if (peek() == '\n') {
        ++p_;
      } else if (peek() == '\r' && peek(1) == '\n') {
        p_ += 2;
      } else {
        return;
      }
    }
  }

  void table_header() {
    const bool array = peek(1) == '[';
    p_ += array ? 2 : 1;
    inline_space();
    key();
    inline_space();
    expect(']', "']' after the table name");
    if (array) expect(']', "']]' after the array-of-tables name");
  }

  // A dotted key; returns its last part (the field name).
  std::string key() {
    std::string last;
    for (;;) {
      inline_space();
      if (peek() == '"' || peek() == '\'') {
        DecodedString part(p_ + 1);
        peek() == '"' ? basic_string(part) : literal_string(part);
        last = part.text();
      } else {
        const std::size_t begin = p_;
        while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_' || peek() == '-')) ++p_;
        if (p_ == begin) fail("expected a key");
        last = std::string(s_.substr(begin, p_ - begin));
      }
      inline_space();
      if (peek() != '.') return last;
      ++p_;
    }
  }

  void key_value() {
    const std::string name = key();
    inline_space();
    expect('=', "'=' after the key");
    inline_space();
    value(name, 0);
  }

  void value(std::string_view field, int depth) {
    if (depth > 256) fail("nesting deeper than 256 levels");
    const char c = peek();
    if (c == '"' || c == '\'') {
      const bool multi = s_.compare(p_, 3, c == '"' ? "\"\"\"" : "'''") == 0;
      DecodedString text(p_ + (multi ? 3 : 1));
      std::size_t end = 0;
      if (multi) end = c == '"' ? multiline_basic(text) : multiline_literal(text);
      else end = c == '"' ? basic_string(text) : literal_string(text);
      emit(field, text, end);
    } else if (c == '[') {
      ++p_;
      for (;;) {
        blank_lines();
        if (peek() == ']') break;
        value(field, depth + 1);
        blank_lines();
        if (peek() != ',') break;
        ++p_;
      }
      expect(']', "',' or ']' in the array");
    } else if (c == '{') {
      ++p_;
      inline_space();
      while (peek() != '}') {
        key_value();
        inline_space();
        if (peek() != ',') break;
        ++p_;
        inline_space();
      }
      expect('}', "',' or '}' in the inline table");
    } else {
      // Numbers, booleans, dates and times: no copy in them, skip to the delimiter.
      const std::size_t begin = p_;
      while (!at_end() && std::string_view(",]}#\n\r").find(peek()) == std::string_view::npos &&
             !(peek() == ' ' && !std::isdigit(static_cast<unsigned char>(peek(1))))) {
        ++p_;
      }
      while (p_ > begin && (s_[p_ - 1] == ' ' || s_[p_ - 1] == '\t')) --p_;
      if (p_ == begin) fail("expected a value");
    }
  }

  // One escape after '\' at `at` (p_ is after the backslash).
  void escape(DecodedString& out, std::size_t at) {
    const char e = peek();
    ++p_;
    switch (e) {
      case 'b': out.decoded('\b', at); break;
      case 't': out.decoded('\t', at); break;
      case 'n': out.decoded('\n', at); break;
      case 'f': out.decoded('\f', at); break;
      case 'r': out.decoded('\r', at); break;
      case 'e': out.decoded(0x1B, at); break;  // TOML 1.1
      case '"': out.decoded('"', at); break;
      case '\\': out.decoded('\\', at); break;
      case 'x': out.decoded(hex_digits(2), at); break;  // TOML 1.1
      case 'u':
      case 'U': {
        const char32_t cp = hex_digits(e == 'u' ? 4 : 8);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          p_ = at;
          fail("escape is not a Unicode scalar value");
        }
        out.decoded(cp, at);
        break;
      }
      default: p_ = at; fail("invalid escape sequence");
    }
  }

  std::size_t basic_string(DecodedString& out) {
    ++p_;
    for (;;) {
      if (at_end() || peek() == '\n') fail("unterminated string");
      if (peek() == '"') return p_++;
      if (peek() == '\\') {
        const std::size_t at = p_++;
        escape(out, at);
        continue;
      }
      const std::size_t end = std::min(s_.find_first_of("\"\\\n", p_), s_.size());
      out.raw(s_.substr(p_, end - p_), p_);
      p_ = end;
    }
  }

  std::size_t literal_string(DecodedString& out) {
    ++p_;
    const std::size_t end = s_.find_first_of("'\n", p_);
    if (end == std::string_view::npos || s_[end] != '\'') fail("unterminated literal string");
    out.raw(s_.substr(p_, end - p_), p_);
    p_ = end + 1;
    return end;
  }

  // After the opening delimiter, a newline right away is not part of the string.
  void trim_first_newline(DecodedString& out) {
    if (peek() == '\n' || (peek() == '\r' && peek(1) == '\n')) {
      p_ += peek() == '\n' ? 1 : 2;
      out = DecodedString(p_);
    }
  }

  // Closing delimiter of a multi-line string at p_? Up to two extra quotes belong to the text.
  bool closes(char quote, DecodedString& out, std::size_t& end) {
    if (s_.compare(p_, 3, std::string(3, quote)) != 0) return false;
    std::size_t extra = 0;
    while (extra < 2 && p_ + 3 + extra < s_.size() && s_[p_ + 3 + extra] == quote) ++extra;
    out.raw(s_.substr(p_, extra), p_);
    end = p_ + extra;
    p_ += 3 + extra;
    return true;
  }

  std::size_t multiline_basic(DecodedString& out) {
    p_ += 3;
    trim_first_newline(out);
    std::size_t end = 0;
    for (;;) {
      if (at_end()) fail("unterminated multi-line string");
      if (closes('"', out, end)) return end;
      if (peek() == '\\') {
        const std::size_t at = p_++;
        // A line-ending backslash eats the newline and all whitespace after it.
        std::size_t q = p_;
        while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\t')) ++q;
        if (q < s_.size() && (s_[q] == '\n' || s_[q] == '\r')) {
          while (q < s_.size() && std::string_view(" \t\r\n").find(s_[q]) != std::string_view::npos) ++q;
          p_ = q;
          out.skipped();
          continue;
        }
        escape(out, at);
        continue;
      }
      std::size_t stop = std::min(s_.find_first_of("\"\\", p_), s_.size());
      if (stop == p_) stop = p_ + 1;  // a lone quote inside the text
      out.raw(s_.substr(p_, stop - p_), p_);
      p_ = stop;
    }
  }

  std::size_t multiline_literal(DecodedString& out) {
    p_ += 3;
    trim_first_newline(out);
    std::size_t end = 0;
    for (;;) {
      if (at_end()) fail("unterminated multi-line literal string");
      if (closes('\'', out, end)) return end;
      std::size_t stop = std::min(s_.find('\'', p_), s_.size());
      if (stop == p_) stop = p_ + 1;
      out.raw(s_.substr(p_, stop - p_), p_);
      p_ = stop;
    }
  }
};

bool looks_like_json(const Asset& asset) {
  const std::string ext = asset.path.extension().string();
  if (ext == ".json" || ext == ".JSON") return true;
  if (ext == ".toml" || ext == ".TOML") return false;
  const std::size_t first = asset.text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && (asset.text[first] == '{' || asset.text[first] == '[');
}

}  // namespace

void extract_copy_deck_runs(Asset& asset) {
  asset.runs.clear();
  const bool json = looks_like_json(asset);
  try {
    if (json) {
      JsonScanner(asset).run();
    } else {
      TomlScanner(asset).run();
    }
  } catch (const ParseError& error) {
    // A deck that does not parse cannot be checked field by field: say where it breaks.
    asset.runs.clear();
    asset.readable = false;
    asset.problems.push_back({"brandlint/unreadable-asset",
                              fmt::format("invalid {}: {} at byte {}", json ? "JSON" : "TOML",
                                          error.message, error.offset),
                              error.offset});
  }
}

}  // namespace brandlint
