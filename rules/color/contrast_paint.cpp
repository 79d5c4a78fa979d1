#include "rules/color/contrast_paint.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "rules/support/css_color.h"

namespace brandlint::contrast {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Index of the ')' closing the '(' at `open`, or npos.
std::size_t closing_paren(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '(')
      ++depth;
    else if (s[i] == ')' && --depth == 0)
      return i;
  }
  return std::string_view::npos;
}

// Recursion limit for var() chains: a cycle (--a: var(--b); --b: var(--a)) ends here.
constexpr int kMaxVarDepth = 8;

std::optional<std::string> substitute(std::string_view value, const CustomProperties& props,
                                      int depth) {
  if (depth > kMaxVarDepth) return std::nullopt;
  std::string out;
  std::size_t i = 0;
  while (true) {
    std::size_t at = std::string_view::npos;
    for (std::size_t k = i; k + 4 <= value.size(); ++k) {
      if (lower(value[k]) == 'v' && lower(value[k + 1]) == 'a' && lower(value[k + 2]) == 'r' &&
          value[k + 3] == '(' &&
          (k == 0 ||
           !(std::isalnum(static_cast<unsigned char>(value[k - 1])) || value[k - 1] == '-'))) {
        at = k;
        break;
      }
    }
    if (at == std::string_view::npos) {
      out.append(value.substr(i));
      return out;
    }
    out.append(value.substr(i, at - i));
    const std::size_t close = closing_paren(value, at + 3);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view inner = value.substr(at + 4, close - at - 4);
    const std::size_t comma = inner.find(',');
    const std::string_view name = trimmed(inner.substr(0, comma));
    std::optional<std::string> replacement;
    if (const auto defined = props.value(name)) {
      replacement = substitute(*defined, props, depth + 1);
    } else if (comma != std::string_view::npos) {
      replacement = substitute(trimmed(inner.substr(comma + 1)), props, depth + 1);
    }
    if (!replacement) return std::nullopt;
    out.append(*replacement);
    i = close + 1;
  }
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Keywords that name a colour the file does not: the UA, the parent or the user decide.
bool unknowable_keyword(std::string_view low) {
  static constexpr std::string_view kWords[] = {
      "currentcolor", "canvas",      "canvastext",    "linktext",     "visitedtext",
      "activetext",   "buttonface",  "buttontext",    "buttonborder", "field",
      "fieldtext",    "highlight",   "highlighttext", "selecteditem", "selecteditemtext",
      "mark",         "marktext",    "graytext",      "accentcolor",  "accentcolortext",
      "color-mix(",   "light-dark(", "attr("};
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](std::string_view w) { return contains(low, w); });
}

Paint paint_of(std::string_view value, const CustomProperties& props, bool background) {
  Paint p;
  const std::optional<std::string> resolved = substitute(trimmed(value), props, 0);
  if (!resolved) {
    p.kind = Paint::Kind::unresolved;
    p.written.assign(trimmed(value));
    return p;
  }
  const std::string low = lowered(*resolved);
  p.written.assign(trimmed(*resolved));
  if (background) {
    if (contains(low, "gradient(")) {
      p.kind = Paint::Kind::gradient;
      return p;
    }
    if (contains(low, "url(") || contains(low, "image-set(") || contains(low, "element(") ||
        contains(low, "cross-fade(")) {
      p.kind = Paint::Kind::image;
      return p;
    }
  }
  std::vector<css::ColorLiteral> literals;
  css::find_colors(*resolved, 0, resolved->size(), literals);
  if (literals.empty()) {
    // A text colour of currentColor or a system colour is the parent's or the browser's choice:
    // nothing declared here. Behind text the same keywords hide a colour we cannot know.
    p.kind = background && unknowable_keyword(low) ? Paint::Kind::unresolved : Paint::Kind::none;
    return p;
  }
  // A background shorthand holds at most one colour (the bottom layer's); `color` holds one.
  const css::ColorLiteral& lit = literals.back();
  if (lit.alpha <= 0.0) return p;  // a transparent literal paints nothing
  p.kind = Paint::Kind::color;
  p.rgb = lit.rgb;
  p.alpha = lit.alpha;
  p.written = resolved->substr(lit.begin, lit.end - lit.begin);
  return p;
}

std::optional<double> number_prefix(std::string_view token, std::string_view& unit) {
  double v = 0.0;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  if (first != last && *first == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  unit = std::string_view(ptr, static_cast<std::size_t>(last - ptr));
  return v;
}

// CSS px of a font-size token; `assumption` says what it was computed against.
std::optional<double> font_px(std::string_view token, std::string& assumption) {
  static constexpr std::pair<std::string_view, double> kKeywords[] = {
      {"xx-small", 9}, {"x-small", 10}, {"small", 13},    {"medium", 16},
      {"large", 18},   {"x-large", 24}, {"xx-large", 32}, {"xxx-large", 48}};
  for (const auto& [word, px] : kKeywords) {
    if (token == word) {
      assumption = "the browser default scale";
      return px;
    }
  }
  std::string_view unit;
  const std::optional<double> v = number_prefix(token, unit);
  if (!v || *v < 0.0) return std::nullopt;
  if (unit == "px") return *v;
  if (unit == "pt") return *v * 4.0 / 3.0;
  if (unit == "pc") return *v * 16.0;
  if (unit == "in") return *v * 96.0;
  if (unit == "cm") return *v * 96.0 / 2.54;
  if (unit == "mm") return *v * 96.0 / 25.4;
  if (unit == "rem") {
    assumption = "a 16px root";
    return *v * 16.0;
  }
  if (unit == "em") {
    assumption = "a 16px parent";
    return *v * 16.0;
  }
  if (unit == "%") {
    assumption = "a 16px parent";
    return *v * 0.16;
  }
  return std::nullopt;
}

bool weight_is_bold(std::string_view token) {
  if (token == "bold" || token == "bolder") return true;
  std::string_view unit;
  const std::optional<double> v = number_prefix(token, unit);
  return v && unit.empty() && *v >= 700.0;
}

std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::string short_number(double value) {
  std::string s = fmt::format("{:.2f}", value);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

CustomProperties::CustomProperties(const Asset& asset) {
  for (const CssDeclaration& d : asset.css_declarations) {
    if (d.property.rfind("--", 0) != 0) continue;
    const std::string_view v =
        std::string_view(asset.text).substr(d.value_begin, d.value_end - d.value_begin);
    auto [it, fresh] = values_.emplace(d.property, std::string(v));
    if (!fresh && it->second != v) ambiguous_[d.property] = true;
  }
}

std::optional<std::string_view> CustomProperties::value(std::string_view name) const {
  if (ambiguous_.find(name) != ambiguous_.end()) return std::nullopt;
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string> substitute_vars(std::string_view value, const CustomProperties& props) {
  return substitute(value, props, 0);
}

Paint text_paint(std::string_view value, const CustomProperties& props) {
  return paint_of(value, props, false);
}

Paint background_paint(std::string_view value, const CustomProperties& props) {
  return paint_of(value, props, true);
}

TextSize text_size(std::string_view font_size, std::string_view font_weight,
                   std::string_view font) {
  std::string size_token = lowered(trimmed(font_size));
  bool bold = weight_is_bold(lowered(trimmed(font_weight)));
  if (!font.empty()) {
    // `font: [style] [variant] [weight] size[/line-height] family`: the size is the first token
    // that parses as one; weight keywords come before it.
    const std::string low = lowered(font);
    for (const std::string_view t : tokens(low)) {
      const std::string_view head = t.substr(0, t.find('/'));
      std::string ignored;
      if (weight_is_bold(head)) bold = true;
      if (font_px(head, ignored)) {
        if (size_token.empty()) size_token.assign(head);
        break;
      }
    }
  }
  TextSize out;
  if (size_token.empty()) {
    out.evidence = "no font-size declared here; normal text assumed";
    return out;
  }
  std::string assumption;
  const std::optional<double> px = font_px(size_token, assumption);
  if (!px) {
    out.evidence = fmt::format("font-size {} is not computable; normal text assumed", size_token);
    return out;
  }
  // WCAG 2.x: large is at least 18pt (24px), or 14pt (18.66px) and bold.
  out.large = *px >= 24.0 || (bold && *px >= 18.66);
  const std::string px_text = short_number(*px) + "px";
  out.evidence =
      fmt::format("font-size {}{}{}{}", size_token, size_token == px_text ? "" : " = " + px_text,
                  bold ? " bold" : "", assumption.empty() ? "" : " (assuming " + assumption + ")");
  return out;
}

std::string hex_of(color::Rgb rgb, double alpha) {
  std::string out = guide::to_hex(rgb);
  if (alpha < 1.0) {
    out += fmt::format("{:02X}", static_cast<unsigned>(std::lround(alpha * 255.0)));
  }
  return out;
}

color::Rgb composite(color::Rgb fg, double alpha, color::Rgb bg) {
  const auto mix = [alpha](std::uint8_t f, std::uint8_t b) {
    return static_cast<std::uint8_t>(
        std::clamp(std::lround(f * alpha + b * (1.0 - alpha)), 0L, 255L));
  };
  return {mix(fg.r, bg.r), mix(fg.g, bg.g), mix(fg.b, bg.b)};
}

}  // namespace brandlint::contrast
