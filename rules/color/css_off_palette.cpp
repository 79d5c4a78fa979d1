// color/css-off-palette: hex colour literals in CSS declaration values must be brand colours.
//
// One pass over the stylesheet, no regex: a small scanner that knows just enough CSS syntax to
// tell a declaration value from a selector, a comment, a string or a url(). Each distinct colour
// is compared with the palette once per file (a stylesheet repeats a handful of colours
// thousands of times).
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/color.h"

namespace brandlint::rules {

namespace {

constexpr std::string_view kId = "color/css-off-palette";
constexpr double kDefaultFixWithin = 3.0;

// ---------------------------------------------------------------------------------------------
// The scanner.

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// CSS "name code points" (plus the escape backslash): a hash token continues through these, so
// "#fffx" is one token and not the colour #fff.
bool is_name_char(char c) {
  return is_hex_digit(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z') || c == '-' ||
         c == '_' || c == '\\' || static_cast<unsigned char>(c) >= 0x80;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Index just past the string that starts with the quote at `i`. An unescaped newline ends a
// CSS string too (a "bad string"), so one stray quote cannot swallow the rest of the file.
std::size_t skip_string(std::string_view text, std::size_t i) {
  const char quote = text[i];
  for (++i; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == quote) return i + 1;
    else if (text[i] == '\n') return i;
  }
  return text.size();
}

// True when the '(' at `i` opens url( ... ) — its contents are a URL, never a colour.
bool opens_url(std::string_view text, std::size_t i) {
  if (i < 3) return false;
  if (ascii_lower(text[i - 3]) != 'u' || ascii_lower(text[i - 2]) != 'r' ||
      ascii_lower(text[i - 1]) != 'l') {
    return false;
  }
  return i == 3 || !is_name_char(text[i - 4]);
}

// Index just past the ')' that closes the url( opened at `i`.
std::size_t skip_url(std::string_view text, std::size_t i) {
  for (++i; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') i = skip_string(text, i) - 1;
    else if (c == '\\') ++i;
    else if (c == ')') return i + 1;
  }
  return text.size();
}

/// Calls `on_literal(begin, end)` for every hex colour literal ("#" + 3, 4, 6 or 8 hex digits,
/// ending the hash token) in a declaration value. A statement inside a block is a declaration
/// when it ends with ';' or '}'; when it ends with '{' it was the prelude of a nested rule or
/// at-rule, so literals seen after its ':' (a#fff:hover {) are dropped. Top-level text holds
/// selectors and at-rule preludes only.
template <typename OnLiteral>
void scan_value_hex_literals(std::string_view text, std::vector<std::size_t>& pending,
                             OnLiteral&& on_literal) {
  pending.clear();  // begin offsets of literals in the current statement; the end is implied
  std::size_t depth = 0;
  bool in_value = false;     // a ':' was seen in this statement
  bool started = false;      // the statement has a first significant character
  bool at_statement = false;  // ...and it was '@'
  const auto commit = [&] {
    for (const std::size_t begin : pending) {
      std::size_t end = begin + 1;
      while (end < text.size() && is_hex_digit(text[end])) ++end;
      on_literal(begin, end);
    }
  };
  const auto next_statement = [&] {
    pending.clear();
    in_value = started = at_statement = false;
  };

  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case '\f':
        ++i;
        continue;
      case '/':
        if (i + 1 < n && text[i + 1] == '*') {
          const std::size_t close = text.find("*/", i + 2);
          i = close == std::string_view::npos ? n : close + 2;
          continue;
        }
        break;
      case '"': case '\'':
        started = true;
        i = skip_string(text, i);
        continue;
      case '\\':
        started = true;
        i += 2;
        continue;
      case '(':
        if (opens_url(text, i)) {
          i = skip_url(text, i);
          continue;
        }
        break;
      case '{':
        ++depth;
        next_statement();
        ++i;
        continue;
      case '}':
        if (depth > 0) {
          commit();
          --depth;
        }
        next_statement();
        ++i;
        continue;
      case ';':
        if (depth > 0) commit();
        next_statement();
        ++i;
        continue;
      case ':':
        if (depth > 0 && !at_statement) in_value = true;
        break;
      case '#': {
        started = true;
        std::size_t end = i + 1;
        while (end < n && is_hex_digit(text[end])) ++end;
        const std::size_t digits = end - i - 1;
        if (end < n && is_name_char(text[end])) {
          // Not a colour ("#main", "#fffx"): skip the whole hash token.
          while (end < n && is_name_char(text[end])) ++end;
        } else if (in_value && (digits == 3 || digits == 4 || digits == 6 || digits == 8)) {
          pending.push_back(i);
        }
        i = end;
        continue;
      }
      default:
        break;
    }
    if (!started) {
      started = true;
      at_statement = c == '@';
    }
    ++i;
  }
  // Blocks left open at the end of the file are closed by it, as in a browser.
  if (depth > 0) commit();
}

// ---------------------------------------------------------------------------------------------
// The fix: the brand hex written in the literal's own style.

// Upper or lower case as written; the guide's canonical upper case when the literal has no
// letters to tell.
bool written_lower_case(std::string_view literal) {
  for (const char c : literal.substr(1)) {
    if (c >= 'a' && c <= 'f') return true;
    if (c >= 'A' && c <= 'F') return false;
  }
  return false;
}

std::string snap_replacement(std::string_view literal, const color::CssHex& written,
                             color::Rgb brand) {
  const bool lower = written_lower_case(literal);
  const auto hex2 = [lower](std::uint8_t v) {
    return lower ? fmt::format("{:02x}", v) : fmt::format("{:02X}", v);
  };
  const auto shortenable = [](std::uint8_t v) { return v % 17 == 0; };
  const bool short_written = written.digits == 3 || written.digits == 4;
  const bool has_alpha = written.digits == 4 || written.digits == 8;
  if (short_written && shortenable(brand.r) && shortenable(brand.g) && shortenable(brand.b)) {
    std::string out = "#";
    for (const std::uint8_t v : {brand.r, brand.g, brand.b}) out += hex2(v).substr(1);
    if (has_alpha) out += literal.substr(4, 1);  // the alpha digit exactly as written
    return out;
  }
  std::string out = "#" + hex2(brand.r) + hex2(brand.g) + hex2(brand.b);
  if (written.digits == 8) out += literal.substr(7, 2);
  else if (written.digits == 4) out += std::string(2, literal[4]);  // #rgbA -> #rrggbbAA
  return out;
}

// ---------------------------------------------------------------------------------------------
// The rule.

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Hex colours in CSS declarations must be brand colours",
      .kinds = {AssetKind::css},
      .default_severity = Severity::error,
      .fixable = Fixable::sometimes,
      .docs = "rules/color/css-off-palette.md",
      .options = {"tolerance", "fix_within"},
  };
  return m;
}

double round_2(double value) { return std::round(value * 100.0) / 100.0; }

// What one distinct colour gets compared with the palette: its Lab, its nearest allowed colour,
// and whether any allowed colour is within that colour's tolerance.
struct Verdict {
  bool allowed = false;
  std::size_t nearest = 0;
  double delta_e00 = 0.0;
  color::Lab lab;
};

class CssOffPalette final : public Rule {
 public:
  explicit CssOffPalette(const RuleConfig& cfg) : matcher_(cfg.channel.palette) {
    const guide::Palette& palette = cfg.channel.palette;
    default_tolerance_ = palette.tolerance.exact;
    // The loader keys the tolerance table where it was written ("palette.tolerance", or a
    // channel's override), so the evidence points at the line that set the limit.
    default_key_ = palette.tolerance.ref.key.empty() ? std::string("palette.tolerance.exact")
                                                     : palette.tolerance.ref.key + ".exact";
    if (cfg.option("tolerance") != nullptr) {
      default_tolerance_ = cfg.option_number("tolerance", default_tolerance_);
      default_key_ = cfg.option_ref("tolerance").key;
      if (default_key_.empty()) default_key_ = fmt::format("rules.\"{}\".tolerance", kId);
      check_range("tolerance", default_tolerance_, cfg);
    }
    fix_within_ = cfg.option_number("fix_within", kDefaultFixWithin);
    check_range("fix_within", fix_within_, cfg);
    for (const color::AllowedColor& c : matcher_.colors()) {
      tolerances_.push_back(c.tolerance.value_or(default_tolerance_));
      keys_.push_back(c.tolerance ? c.guide_key : default_key_);
    }
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (matcher_.colors().empty()) return;  // nothing to enforce (the loader rejects this)
    const std::string_view text = asset.text;
    std::unordered_map<std::uint32_t, Verdict> verdicts;  // per distinct colour, this file only
    std::vector<std::size_t> pending;
    scan_value_hex_literals(text, pending, [&](std::size_t begin, std::size_t end) {
      const std::string_view literal = text.substr(begin, end - begin);
      const std::optional<color::CssHex> written = color::parse_css_hex(literal);
      if (!written || written->alpha == 0) return;  // fully transparent: no visible colour
      const color::Rgb rgb = written->rgb;
      const std::uint32_t key = (std::uint32_t{rgb.r} << 16) | (std::uint32_t{rgb.g} << 8) | rgb.b;
      auto it = verdicts.find(key);
      if (it == verdicts.end()) it = verdicts.emplace(key, judge(rgb)).first;
      if (!it->second.allowed) report(ctx, begin, end, literal, *written, it->second);
    });
  }

 private:
  static void check_range(std::string_view key, double value, const RuleConfig& cfg) {
    if (!(value >= 0.0 && value <= 100.0)) {
      throw guide::GuideError(cfg.option_ref(key),
                              fmt::format("option '{}' of rule '{}' must be a ΔE00 between 0 "
                                          "and 100, got {}",
                                          key, kId, value));
    }
  }

  Verdict judge(color::Rgb rgb) const {
    Verdict v;
    if (matcher_.exact(rgb)) {
      v.allowed = true;
      return v;
    }
    v.lab = color::srgb_to_lab(rgb);
    const auto colors = matcher_.colors();
    for (std::size_t i = 0; i < colors.size(); ++i) {
      const double d = color::delta_e00(v.lab, colors[i].lab);
      if (d <= tolerances_[i]) v.allowed = true;
      // Strictly less: ties go to the first colour in palette order, as in PaletteMatcher.
      if (i == 0 || d < v.delta_e00) {
        v.nearest = i;
        v.delta_e00 = d;
      }
    }
    return v;
  }

  void report(RuleContext& ctx, std::size_t begin, std::size_t end, std::string_view literal,
              const color::CssHex& written, const Verdict& v) const {
    const color::AllowedColor& nearest = matcher_.colors()[v.nearest];
    const double tolerance = tolerances_[v.nearest];
    std::string message = fmt::format(
        "{} is off-palette: nearest brand colour is {} at ΔE00 {:.2f} (allowed ≤ {:.2f})",
        literal, nearest.label(), v.delta_e00, tolerance);
    std::string measured(literal);
    for (char& c : measured) {
      if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 32);
    }
    Json evidence;
    evidence["measured"] = measured;
    evidence["measured_lab"] = {round_2(v.lab.L), round_2(v.lab.a), round_2(v.lab.b)};
    evidence["expected"] = nearest.label();
    evidence["delta_e00"] = round_2(v.delta_e00);
    evidence["tolerance"] = tolerance;
    evidence["guide_key"] = keys_[v.nearest];
    std::optional<Fix> fix;
    // Snapping is only safe for a drifted brand colour; far away, the nearest brand colour is a
    // guess and a designer has to choose.
    if (v.delta_e00 <= fix_within_) {
      fix = Fix{begin, end, snap_replacement(literal, written, nearest.rgb)};
    }
    ctx.report_text(begin, end, std::move(message), std::move(evidence), std::move(fix));
  }

  color::PaletteMatcher matcher_;
  double default_tolerance_ = 1.2;
  std::string default_key_;
  double fix_within_ = kDefaultFixWithin;
  std::vector<double> tolerances_;  // per allowed colour, parallel to matcher_.colors()
  std::vector<std::string> keys_;   // guide key of the tolerance that applies to each
};

}  // namespace

RuleEntry color_css_off_palette_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<CssOffPalette>(cfg);
          }};
}

}  // namespace brandlint::rules
