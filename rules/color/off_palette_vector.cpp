// Vector colours against the palette: exact brand colours pass, colours within the tolerance are
// an info (a near miss that should use the token), everything else is an error naming the
// nearest brand colour. The fix snaps to the brand colour in the literal's own notation where
// that is lossless (hex keeps its case and length, rgb() keeps its syntax and alpha); other
// notations become hex. Far-off colours get no fix: the nearest brand colour is then a guess.
#include "rules/color/off_palette_vector.h"

#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "rules/support/css_color.h"

namespace brandlint::rules {
namespace {

constexpr double kFixWithin = 3.0;

double round_2(double value) { return std::round(value * 100.0) / 100.0; }

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
    if (digits == 4) out += literal.substr(4, 1);
    return out;
  }
  std::string out = "#" + hex2(brand.r) + hex2(brand.g) + hex2(brand.b);
  if (digits == 8) out += literal.substr(7, 2);
  else if (digits == 4) out += std::string(2, literal[4]);
  return out;
}

std::string replacement(std::string_view literal, const css::ColorLiteral& lit, color::Rgb brand) {
  switch (lit.notation) {
    case css::Notation::hex: return hex_replacement(literal, lit.hex_digits, brand);
    case css::Notation::rgb: {
      const std::size_t open = literal.find('(');
      const bool legacy = literal.find(',') != std::string_view::npos;
      std::string alpha;
      if (lit.alpha < 1.0) alpha = fmt::format("{}{:g}", legacy ? ", " : " / ", lit.alpha);
      const std::string_view sep = legacy ? ", " : " ";
      return fmt::format("{}({}{}{}{}{}{})", literal.substr(0, open), brand.r, sep, brand.g, sep,
                         brand.b, alpha);
    }
    default: {
      std::string out = guide::to_hex(brand);
      if (lit.alpha < 1.0) out += fmt::format("{:02X}", static_cast<int>(std::lround(lit.alpha * 255)));
      return out;
    }
  }
}

}  // namespace

VectorPalette::VectorPalette(const guide::Palette& palette) : matcher_(palette) {
  const std::string base = palette.tolerance.ref.key.empty() ? std::string("palette.tolerance")
                                                             : palette.tolerance.ref.key;
  for (const color::AllowedColor& c : matcher_.colors()) {
    tolerances_.push_back(c.tolerance.value_or(palette.tolerance.exact));
    keys_.push_back(c.tolerance ? c.guide_key : base + ".exact");
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

void check_vector_colors(const Asset& asset, RuleContext& ctx, const VectorPalette& palette) {
  if (palette.matcher().colors().empty()) return;
  const std::string_view text = asset.text;
  std::unordered_map<std::uint32_t, VectorPalette::Verdict> verdicts;  // per distinct colour
  std::vector<css::ColorLiteral> literals;
  for (const CssDeclaration& d : asset.css_declarations) {
    if (!css::takes_color(d.property)) continue;
    literals.clear();
    css::find_colors(text, d.value_begin, d.value_end, literals);
    for (const css::ColorLiteral& lit : literals) {
      if (lit.alpha <= 0.0) continue;  // fully transparent: no visible colour
      const std::uint32_t key = (std::uint32_t{lit.rgb.r} << 16) | (std::uint32_t{lit.rgb.g} << 8) | lit.rgb.b;
      auto it = verdicts.find(key);
      if (it == verdicts.end()) it = verdicts.emplace(key, palette.judge(lit.rgb)).first;
      const VectorPalette::Verdict& v = it->second;
      if (v.exact) continue;
      const color::AllowedColor& nearest = palette.matcher().colors()[v.nearest];
      const double tolerance = palette.tolerance(v.nearest);
      const std::string_view literal = text.substr(lit.begin, lit.end - lit.begin);
      const std::string measured = guide::to_hex(lit.rgb);
      std::string message =
          v.near ? fmt::format("{} is a near miss of {} (ΔE00 {:.2f} ≤ {:.2f}) — use the token",
                               literal, nearest.label(), v.delta_e00, tolerance)
                 : fmt::format("{} is off-palette: nearest brand colour is {} at ΔE00 {:.2f} "
                               "(allowed ≤ {:.2f})",
                               literal, nearest.label(), v.delta_e00, tolerance);
      if (lit.out_of_gamut) message += "; the colour is outside sRGB and was clamped";
      Json evidence;
      evidence["measured"] = measured;
      evidence["measured_lab"] = {round_2(v.lab.L), round_2(v.lab.a), round_2(v.lab.b)};
      evidence["expected"] = nearest.label();
      evidence["delta_e00"] = round_2(v.delta_e00);
      evidence["tolerance"] = tolerance;
      evidence["guide_key"] = palette.key(v.nearest);
      evidence["property"] = d.property;
      std::optional<Fix> fix;
      if (v.near || v.delta_e00 <= kFixWithin) {
        fix = Fix{lit.begin, lit.end, replacement(literal, lit, nearest.rgb)};
      }
      const Severity severity = v.near ? Severity::info : std::min(Severity::error, ctx.severity());
      ctx.report_text(lit.begin, lit.end, std::move(message), std::move(evidence), std::move(fix),
                      severity);
    }
  }
}

}  // namespace brandlint::rules
