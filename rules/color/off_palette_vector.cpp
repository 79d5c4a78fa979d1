// Vector colours against the palette: exact brand colours pass, colours within the tolerance are
// an info (a near miss that should use the token), everything else is an error naming the
// nearest brand colour. The fix snaps to the brand colour in the literal's own notation where
// that is lossless (hex keeps its case and length, rgb() keeps its syntax and its alpha as
// written); other notations become hex. Far-off colours get no fix: the nearest brand colour is
// then a guess.
#include "rules/color/off_palette_vector.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "rules/support/css_color.h"

namespace brandlint::rules {
namespace {

constexpr double kDefaultFixWithin = 3.0;

double round_2(double value) { return std::round(value * 100.0) / 100.0; }

// Upper or lower case as written; the guide's canonical upper case when the literal has no
// letters to tell.
bool written_lower_case(std::string_view literal) {
  for (const char c : literal.substr(1)) {
    if (c >= 'a' && c <= 'f') return true;
    if (c >= 'A' && c <= 'F') return false;
  }
  return false;
}

std::string hex_replacement(std::string_view literal, int digits, color::Rgb brand) {
  const bool lower = written_lower_case(literal);
  const auto hex2 = [lower](std::uint8_t v) {
    return lower ? fmt::format("{:02x}", v) : fmt::format("{:02X}", v);
  };
  const bool short_form = digits == 3 || digits == 4;
  if (short_form && brand.r % 17 == 0 && brand.g % 17 == 0 && brand.b % 17 == 0) {
    std::string out = "#";
    for (const std::uint8_t v : {brand.r, brand.g, brand.b}) out += hex2(v).substr(1);
    if (digits == 4) out += literal.substr(4, 1);  // the alpha digit exactly as written
    return out;
  }
  std::string out = "#" + hex2(brand.r) + hex2(brand.g) + hex2(brand.b);
  if (digits == 8)
    out += literal.substr(7, 2);
  else if (digits == 4)
    out += std::string(2, literal[4]);  // #rgbA -> #rrggbbAA
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// rgb()/rgba() with the brand's channels: the function name, the separator style (commas or
// spaces) and the alpha text are kept exactly as written ("50%" stays "50%").
std::string rgb_replacement(std::string_view literal, color::Rgb brand) {
  const std::size_t open = literal.find('(');
  const std::string_view args = literal.substr(open + 1, literal.size() - open - 2);
  const bool legacy = args.find(',') != std::string_view::npos;
  std::string alpha;
  if (legacy) {
    std::size_t comma = std::string_view::npos;
    for (int k = 0, from = 0; k < 3; ++k) {
      comma = args.find(',', static_cast<std::size_t>(from));
      if (comma == std::string_view::npos) break;
      from = static_cast<int>(comma) + 1;
    }
    if (comma != std::string_view::npos) alpha = fmt::format(", {}", trim(args.substr(comma + 1)));
  } else if (const std::size_t slash = args.find('/'); slash != std::string_view::npos) {
    alpha = fmt::format(" / {}", trim(args.substr(slash + 1)));
  }
  const std::string_view sep = legacy ? ", " : " ";
  return fmt::format("{}({}{}{}{}{}{})", literal.substr(0, open), brand.r, sep, brand.g, sep,
                     brand.b, alpha);
}

std::string replacement(std::string_view literal, const css::ColorLiteral& lit, color::Rgb brand) {
  switch (lit.notation) {
    case css::Notation::hex:
      return hex_replacement(literal, lit.hex_digits, brand);
    case css::Notation::rgb:
      return rgb_replacement(literal, brand);
    default: {
      // hsl(), hwb(), lab()... and names: integer components in those notations rarely land
      // on the brand's 8-bit value exactly, so the fix writes the hex, with the alpha.
      std::string out = guide::to_hex(brand);
      if (lit.alpha < 1.0) {
        out += fmt::format("{:02X}", static_cast<int>(std::lround(lit.alpha * 255)));
      }
      return out;
    }
  }
}

void check_range(std::string_view key, double value, const RuleConfig& cfg, std::string_view id) {
  if (!(value >= 0.0 && value <= 100.0)) {
    throw guide::GuideError(cfg.option_ref(key),
                            fmt::format("option '{}' of rule '{}' must be a ΔE00 between 0 "
                                        "and 100, got {}",
                                        key, id, value));
  }
}

}  // namespace

VectorPalette::VectorPalette(const RuleConfig& cfg, std::string_view rule_id)
    : matcher_(cfg.channel.palette) {
  const guide::Palette& palette = cfg.channel.palette;
  double tolerance = palette.tolerance.exact;
  // The loader keys the tolerance table where it was written ("palette.tolerance", or a
  // channel's override), so the evidence points at the line that set the limit.
  std::string key = palette.tolerance.ref.key.empty() ? std::string("palette.tolerance.exact")
                                                      : palette.tolerance.ref.key + ".exact";
  if (cfg.option("tolerance") != nullptr) {
    tolerance = cfg.option_number("tolerance", tolerance);
    key = cfg.option_ref("tolerance").key;
    if (key.empty()) key = fmt::format("rules.\"{}\".tolerance", rule_id);
    check_range("tolerance", tolerance, cfg, rule_id);
  }
  fix_within_ = cfg.option_number("fix_within", kDefaultFixWithin);
  check_range("fix_within", fix_within_, cfg, rule_id);
  for (const color::AllowedColor& c : matcher_.colors()) {
    tolerances_.push_back(c.tolerance.value_or(tolerance));
    keys_.push_back(c.tolerance ? c.guide_key : key);
  }
}

VectorPalette::Verdict VectorPalette::judge(color::Rgb rgb) const {
  Verdict v;
  if (matcher_.exact(rgb)) {
    v.exact = true;
    return v;
  }
  v.lab = color::srgb_to_lab(rgb);
  const auto colors = matcher_.colors();
  for (std::size_t i = 0; i < colors.size(); ++i) {
    const double d = color::delta_e00(v.lab, colors[i].lab);
    if (d <= tolerances_[i]) v.near = true;
    if (i == 0 || d < v.delta_e00) {  // ties: first in palette order, as PaletteMatcher
      v.nearest = i;
      v.delta_e00 = d;
    }
  }
  return v;
}

std::vector<color::Rgb> check_vector_colors(const Asset& asset, RuleContext& ctx,
                                            const VectorPalette& palette) {
  std::vector<color::Rgb> seen;
  if (palette.matcher().colors().empty()) return seen;
  const std::string_view text = asset.text;
  // Custom properties defined in this file: their definitions are checked where they are
  // written, so a var() naming one is neither re-reported nor its (dead) fallback read.
  std::unordered_set<std::string_view> defined;
  for (const CssDeclaration& d : asset.css_declarations) {
    if (d.property.rfind("--", 0) == 0) defined.insert(d.property);
  }
  std::unordered_map<std::uint32_t, VectorPalette::Verdict> verdicts;  // per distinct colour
  std::vector<css::ColorLiteral> literals;
  for (const CssDeclaration& d : asset.css_declarations) {
    if (!css::takes_color(d.property)) continue;
    literals.clear();
    css::find_colors(text, d.value_begin, d.value_end, literals, &defined);
    for (const css::ColorLiteral& lit : literals) {
      if (lit.alpha <= 0.0) continue;  // fully transparent: no visible colour
      const std::uint32_t key =
          (std::uint32_t{lit.rgb.r} << 16) | (std::uint32_t{lit.rgb.g} << 8) | lit.rgb.b;
      auto it = verdicts.find(key);
      if (it == verdicts.end()) {
        it = verdicts.emplace(key, palette.judge(lit.rgb)).first;
        seen.push_back(lit.rgb);
      }
      const VectorPalette::Verdict& v = it->second;
      if (v.exact) continue;
      const color::AllowedColor& nearest = palette.matcher().colors()[v.nearest];
      const double tolerance = palette.tolerance(v.nearest);
      const std::string_view literal = text.substr(lit.begin, lit.end - lit.begin);
      std::string message =
          v.near ? fmt::format("{} is a near miss of {} (ΔE00 {:.2f} ≤ {:.2f}) — use the token",
                               literal, nearest.label(), v.delta_e00, tolerance)
                 : fmt::format(
                       "{} is off-palette: nearest brand colour is {} at ΔE00 {:.2f} "
                       "(allowed ≤ {:.2f})",
                       literal, nearest.label(), v.delta_e00, tolerance);
      if (lit.out_of_gamut) message += "; the colour is outside sRGB and was clamped";
      Json evidence;
      evidence["measured"] = guide::to_hex(lit.rgb);
      evidence["measured_lab"] = {round_2(v.lab.L), round_2(v.lab.a), round_2(v.lab.b)};
      evidence["expected"] = nearest.label();
      evidence["delta_e00"] = round_2(v.delta_e00);
      evidence["tolerance"] = tolerance;
      evidence["guide_key"] = palette.key(v.nearest);
      evidence["property"] = d.property;
      std::optional<Fix> fix;
      // A near miss is the token mistyped; a drifted colour within fix_within is one too.
      // Farther away the nearest brand colour is a guess and a designer has to choose.
      // fix_within = 0 turns fixes off altogether.
      if (palette.fix_within() > 0.0 && (v.near || v.delta_e00 <= palette.fix_within())) {
        fix = Fix{lit.begin, lit.end, replacement(literal, lit, nearest.rgb)};
      }
      const Severity severity = v.near ? std::min(Severity::info, ctx.severity()) : ctx.severity();
      ctx.report_text(lit.begin, lit.end, std::move(message), std::move(evidence), std::move(fix),
                      severity);
    }
  }
  return seen;
}

}  // namespace brandlint::rules
