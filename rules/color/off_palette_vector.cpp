// Vector colours against the palette: exact brand colours pass, colours within the tolerance are
// an info (a near miss that should use the token), everything else is an error naming the
// nearest brand colour. The fix snaps to the brand colour in the literal's own notation where
// that is lossless (hex keeps its case and length, rgb() keeps its syntax and its alpha as
// written); other notations become hex. Far-off colours get no fix: the nearest brand colour is
// then a guess.
#include "rules/color/off_palette_vector.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

namespace {

// One file's vector check: the verdict per distinct colour, the custom properties defined in
// the file, and the colours seen (for the raster half).
class VectorCheck {
 public:
  VectorCheck(const Asset& asset, RuleContext& ctx, const VectorPalette& palette)
      : text_(asset.text), asset_(asset), ctx_(ctx), palette_(palette) {
    for (const CssDeclaration& d : asset.css_declarations) {
      if (d.property.rfind("--", 0) == 0) {
        defined_.insert(d.property);
        definitions_[d.property].push_back(&d);
      }
    }
  }

  std::vector<color::Rgb> run() {
    std::vector<css::ColorLiteral> literals;
    std::vector<css::VarColorFunction> functions;
    for (const CssDeclaration& d : asset_.css_declarations) {
      if (!css::takes_color(d.property)) continue;
      literals.clear();
      // A var() naming a property defined here is skipped: the definition is checked where it
      // is written, and the var()'s fallback is dead.
      css::find_colors(text_, d.value_begin, d.value_end, literals, &defined_);
      for (const css::ColorLiteral& lit : literals) {
        const Verdict* v = verdict(lit);
        if (v == nullptr || v->exact) continue;
        const std::string_view literal = text_.substr(lit.begin, lit.end - lit.begin);
        std::optional<std::string> fix_text;
        if (fixable(*v)) fix_text = replacement(literal, lit, nearest(*v).rgb);
        report(lit.begin, lit.end, literal, lit, *v, d.property, std::move(fix_text));
      }
      if (text_.substr(d.value_begin, d.value_end - d.value_begin).find("var(") !=
          std::string_view::npos) {
        functions.clear();
        css::find_var_color_functions(text_, d.value_begin, d.value_end, functions);
        for (const css::VarColorFunction& f : functions) resolve(f);
      }
    }
    return std::move(seen_);
  }

 private:
  using Verdict = VectorPalette::Verdict;

  // A near miss is the token mistyped; a drifted colour within fix_within is one too.
  // Farther away the nearest brand colour is a guess and a designer has to choose.
  // fix_within = 0 turns fixes off altogether.
  bool fixable(const Verdict& v) const {
    return palette_.fix_within() > 0.0 && (v.near || v.delta_e00 <= palette_.fix_within());
  }

  const color::AllowedColor& nearest(const Verdict& v) const {
    return palette_.matcher().colors()[v.nearest];
  }

  // The verdict for a visible colour (computed once per distinct colour), or null for a fully
  // transparent one.
  const Verdict* verdict(const css::ColorLiteral& lit) {
    if (lit.alpha <= 0.0) return nullptr;
    const std::uint32_t key =
        (std::uint32_t{lit.rgb.r} << 16) | (std::uint32_t{lit.rgb.g} << 8) | lit.rgb.b;
    auto it = verdicts_.find(key);
    if (it == verdicts_.end()) {
      it = verdicts_.emplace(key, palette_.judge(lit.rgb)).first;
      seen_.push_back(lit.rgb);
    }
    return &it->second;
  }

  // A colour function built from custom properties ("rgba(var(--brand-rgb), .5)", Bootstrap's
  // pattern): resolved with each definition in this file of the first property it names, and
  // reported once per definition, at the definition — the use is as right or wrong as it.
  void resolve(const css::VarColorFunction& f) {
    const std::string_view args = text_.substr(f.args_begin, f.args_end - f.args_begin);
    std::string_view primary;
    for_each_var(args, [&](std::string_view name, std::string_view) {
      if (primary.empty() && defined_.count(name) != 0) primary = name;
    });
    if (primary.empty()) return;  // defined in another file: nothing to resolve here
    for (const CssDeclaration* def : definitions_[primary]) {
      if (resolved_.count(def) != 0) continue;
      const std::string_view value =
          text_.substr(def->value_begin, def->value_end - def->value_begin);
      // Colours written out in the definition are checked as literals, not as channels.
      if (value.empty() || value.find_first_of("#()") != std::string_view::npos) continue;
      const std::optional<std::string> args_resolved = substitute(args, primary, value);
      if (!args_resolved) continue;
      std::optional<css::ColorLiteral> lit = css::parse_color_function(f.name, *args_resolved);
      if (!lit) continue;
      resolved_.insert(def);
      const Verdict* v = verdict(*lit);
      if (v == nullptr || v->exact) continue;
      const std::string_view use = text_.substr(f.begin, f.end - f.begin);
      const std::string shown = fmt::format("{} in {}", value, use);
      report(def->value_begin, def->value_end, shown, *lit, *v, def->property,
             fixable(*v) ? channel_replacement(f.name, value, nearest(*v).rgb) : std::nullopt);
    }
  }

  // Calls on_var(name, fallback) for each top-level var() in `args`.
  template <typename OnVar>
  static void for_each_var(std::string_view args, OnVar&& on_var) {
    for (std::size_t at = args.find("var("); at != std::string_view::npos;
         at = args.find("var(", at + 4)) {
      const std::size_t close = args.find(')', at);
      if (close == std::string_view::npos) return;
      std::string_view inner = args.substr(at + 4, close - at - 4);
      std::string_view fallback;
      if (const std::size_t comma = inner.find(','); comma != std::string_view::npos) {
        fallback = trim(inner.substr(comma + 1));
        inner = inner.substr(0, comma);
      }
      on_var(trim(inner), fallback);
    }
  }

  // `args` with var(primary) replaced by `value` and every other var() by its first definition
  // here or its fallback; nullopt when one cannot be resolved or nests another var().
  std::optional<std::string> substitute(std::string_view args, std::string_view primary,
                                        std::string_view value) const {
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = args.find("var("); at != std::string_view::npos;
         at = args.find("var(", from)) {
      const std::size_t close = args.find(')', at);
      if (close == std::string_view::npos) return std::nullopt;
      std::string_view name, fallback;
      for_each_var(args.substr(at, close - at + 1), [&](std::string_view n, std::string_view fb) {
        name = n;
        fallback = fb;
      });
      std::string_view with = fallback;
      if (name == primary) {
        with = value;
      } else if (const auto it = definitions_.find(name); it != definitions_.end()) {
        const CssDeclaration& d = *it->second.front();
        with = text_.substr(d.value_begin, d.value_end - d.value_begin);
      }
      if (with.empty() || with.find('(') != std::string_view::npos) return std::nullopt;
      out.append(args.substr(from, at - from));
      out.append(with);
      from = close + 1;
    }
    out.append(args.substr(from));
    return out;
  }

  // The fix for a channel definition used by rgb()/rgba(): the brand's channels, separated as
  // written. Other notations (hsl channels…) cannot hold the brand colour exactly: no fix.
  static std::optional<std::string> channel_replacement(std::string_view function,
                                                        std::string_view value, color::Rgb brand) {
    if (function != "rgb" && function != "rgba") return std::nullopt;
    std::size_t parts = 0;
    for (std::size_t i = 0; i < value.size();) {
      while (i < value.size() && (value[i] == ' ' || value[i] == ',')) ++i;
      if (i == value.size()) break;
      ++parts;
      while (i < value.size() && value[i] != ' ' && value[i] != ',') ++i;
    }
    if (parts != 3) return std::nullopt;  // an alpha or percentages in the token: leave it
    const std::string_view sep = value.find(',') != std::string_view::npos ? ", " : " ";
    return fmt::format("{}{}{}{}{}", brand.r, sep, brand.g, sep, brand.b);
  }

  void report(std::size_t begin, std::size_t end, std::string_view shown,
              const css::ColorLiteral& lit, const Verdict& v, const std::string& property,
              std::optional<std::string> fix_text) {
    const color::AllowedColor& brand = nearest(v);
    const double tolerance = palette_.tolerance(v.nearest);
    std::string message =
        v.near ? fmt::format("{} is a near miss of {} (ΔE00 {:.2f} ≤ {:.2f}) — use the token",
                             shown, brand.label(), v.delta_e00, tolerance)
               : fmt::format(
                     "{} is off-palette: nearest brand colour is {} at ΔE00 {:.2f} "
                     "(allowed ≤ {:.2f})",
                     shown, brand.label(), v.delta_e00, tolerance);
    if (lit.out_of_gamut) message += "; the colour is outside sRGB and was clamped";
    Json evidence;
    evidence["measured"] = guide::to_hex(lit.rgb);
    evidence["measured_lab"] = {round_2(v.lab.L), round_2(v.lab.a), round_2(v.lab.b)};
    evidence["expected"] = brand.label();
    evidence["delta_e00"] = round_2(v.delta_e00);
    evidence["tolerance"] = tolerance;
    evidence["guide_key"] = palette_.key(v.nearest);
    evidence["property"] = property;
    std::optional<Fix> fix;
    if (fix_text) fix = Fix{begin, end, std::move(*fix_text)};
    const Severity severity = v.near ? std::min(Severity::info, ctx_.severity()) : ctx_.severity();
    ctx_.report_text(begin, end, std::move(message), std::move(evidence), std::move(fix), severity);
  }

  std::string_view text_;
  const Asset& asset_;
  RuleContext& ctx_;
  const VectorPalette& palette_;
  std::unordered_set<std::string_view> defined_;
  std::unordered_map<std::string_view, std::vector<const CssDeclaration*>> definitions_;
  std::unordered_set<const CssDeclaration*> resolved_;   // channel definitions already judged
  std::unordered_map<std::uint32_t, Verdict> verdicts_;  // per distinct colour
  std::vector<color::Rgb> seen_;
};

}  // namespace

std::vector<color::Rgb> check_vector_colors(const Asset& asset, RuleContext& ctx,
                                            const VectorPalette& palette) {
  if (palette.matcher().colors().empty()) return {};
  return VectorCheck(asset, ctx, palette).run();
}

}  // namespace brandlint::rules
