// CSS colour notations -> sRGB (CSS Color 4 §4–§9, conversion matrices from its sample code).
// lab()/lch() are CIE Lab relative to D50 and are adapted to D65 with Bradford; oklab()/oklch()
// go straight to linear sRGB. Out-of-gamut results are clamped and flagged.
#include "rules/support/css_color.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "linter/assets/css_tokenizer.h"

namespace brandlint::css {
namespace {

constexpr double kPi = 3.14159265358979323846;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_hex(char c) { return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'f'); }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '\\' || static_cast<unsigned char>(c) >= 0x80;
}

enum class Unit { number, percent, angle, none };
struct Component {
  double value = 0.0;
  Unit unit = Unit::number;
};

std::optional<Component> parse_component(std::string_view token) {
  std::string low(token);
  std::transform(low.begin(), low.end(), low.begin(), lower);
  if (low == "none") return Component{0.0, Unit::none};
  double v = 0.0;
  const char* first = low.data();
  const char* last = low.data() + low.size();
  if (first != last && *first == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  const std::string_view unit(ptr, static_cast<std::size_t>(last - ptr));
  if (unit.empty()) return Component{v, Unit::number};
  if (unit == "%") return Component{v, Unit::percent};
  if (unit == "deg") return Component{v, Unit::angle};
  if (unit == "grad") return Component{v * 0.9, Unit::angle};
  if (unit == "rad") return Component{v * 180.0 / kPi, Unit::angle};
  if (unit == "turn") return Component{v * 360.0, Unit::angle};
  return std::nullopt;
}

// Splits the arguments on spaces, commas and '/'; the component after '/' (or the 4th comma
// separated one) is the alpha. var()/calc()/relative colours cannot be evaluated here.
bool split(std::string_view args, std::vector<Component>& out, std::optional<Component>& alpha) {
  if (args.find('(') != std::string_view::npos) return false;
  bool slash = false;
  std::size_t i = 0;
  while (i < args.size()) {
    const char c = args[i];
    if (is_space(c) || c == ',') {
      ++i;
      continue;
    }
    if (c == '/') {
      if (slash) return false;
      slash = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < args.size() && !is_space(args[j]) && args[j] != ',' && args[j] != '/') ++j;
    const std::optional<Component> comp = parse_component(args.substr(i, j - i));
    if (!comp) return false;
    if (slash) {
      if (alpha) return false;
      alpha = comp;
    } else {
      out.push_back(*comp);
    }
    i = j;
  }
  if (slash && !alpha) return false;  // "rgb(1 2 3 /)": a slash promises an alpha
  if (!slash && out.size() == 4) {
    alpha = out.back();
    out.pop_back();
  }
  return out.size() == 3;
}

double alpha_of(const std::optional<Component>& a) {
  if (!a || a->unit == Unit::none) return a ? 0.0 : 1.0;
  return std::clamp(a->unit == Unit::percent ? a->value / 100.0 : a->value, 0.0, 1.0);
}

double hue_of(const Component& c) {
  const double h = std::fmod(c.value, 360.0);
  return h < 0 ? h + 360.0 : h;
}

// A value where 100% means `full`.
double scaled(const Component& c, double full) {
  return c.unit == Unit::percent ? c.value * full / 100.0 : c.value;
}

std::uint8_t to_byte(double encoded) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(encoded, 0.0, 1.0) * 255.0));
}

double linear_to_srgb(double c) {
  const double a = std::abs(c);
  const double e = a <= 0.0031308 ? 12.92 * a : 1.055 * std::pow(a, 1.0 / 2.4) - 0.055;
  return c < 0 ? -e : e;
}

// Encoded 0..1 channels -> literal colour, flagging values outside the gamut by more than half
// an 8-bit step.
void set_encoded(ColorLiteral& lit, double r, double g, double b) {
  constexpr double kSlack = 0.5 / 255.0;
  for (const double v : {r, g, b}) {
    if (v < -kSlack || v > 1.0 + kSlack) lit.out_of_gamut = true;
  }
  lit.rgb = color::Rgb{to_byte(r), to_byte(g), to_byte(b)};
}

void set_linear(ColorLiteral& lit, double r, double g, double b) {
  set_encoded(lit, linear_to_srgb(r), linear_to_srgb(g), linear_to_srgb(b));
}

void hsl_to_rgb(ColorLiteral& lit, double h, double s, double l) {
  const auto f = [&](double n) {
    const double k = std::fmod(n + h / 30.0, 12.0);
    const double a = s * std::min(l, 1.0 - l);
    return l - a * std::max(-1.0, std::min({k - 3.0, 9.0 - k, 1.0}));
  };
  set_encoded(lit, f(0), f(8), f(4));
}

void lab_d50_to_rgb(ColorLiteral& lit, double L, double a, double b) {
  constexpr double kKappa = 24389.0 / 27.0, kEps = 216.0 / 24389.0;
  const double fy = (L + 16.0) / 116.0, fx = fy + a / 500.0, fz = fy - b / 200.0;
  const auto finv = [&](double t) { return t * t * t > kEps ? t * t * t : (116.0 * t - 16.0) / kKappa; };
  const double x = finv(fx) * 0.3457 / 0.3585;
  const double y = L > kKappa * kEps ? fy * fy * fy : L / kKappa;
  const double z = finv(fz) * (1.0 - 0.3457 - 0.3585) / 0.3585;
  // Bradford D50 -> D65, then XYZ D65 -> linear sRGB.
  const double X = 0.955473421488075 * x - 0.02309845494876471 * y + 0.06325924320057072 * z;
  const double Y = -0.0283697093338637 * x + 1.0099953980813041 * y + 0.021041441191917323 * z;
  const double Z = 0.012314014864481998 * x - 0.020507649298898964 * y + 1.330365926242124 * z;
  set_linear(lit, 3.2409699419045226 * X - 1.537383177570094 * Y - 0.4986107602930034 * Z,
             -0.9692436362808796 * X + 1.8759675015077202 * Y + 0.04155505740717559 * Z,
             0.05563007969699366 * X - 0.20397695888897652 * Y + 1.0569715142428786 * Z);
}

void oklab_to_rgb(ColorLiteral& lit, double L, double a, double b) {
  const double l_ = L + 0.3963377774 * a + 0.2158037573 * b;
  const double m_ = L - 0.1055613458 * a - 0.0638541728 * b;
  const double s_ = L - 0.0894841775 * a - 1.2914855480 * b;
  const double l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_;
  set_linear(lit, 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
             -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
             -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
}

// Index of the ')' matching the '(' at `open` within [open, end), or npos.
std::size_t matching_paren(std::string_view text, std::size_t open, std::size_t end) {
  int depth = 0;
  for (std::size_t i = open; i < end;) {
    const std::size_t skipped = skip_opaque(text, i, end);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    if (text[i] == '(') ++depth;
    else if (text[i] == ')' && --depth == 0) return i;
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<ColorLiteral> parse_color_function(std::string_view name, std::string_view args) {
  std::vector<Component> c;
  std::optional<Component> alpha;
  if (!split(args, c, alpha)) return std::nullopt;
  ColorLiteral lit;
  lit.alpha = alpha_of(alpha);
  const auto v = [&](std::size_t k, double full) { return scaled(c[k], full); };
  if (name == "rgb" || name == "rgba") {
    lit.notation = Notation::rgb;
    set_encoded(lit, v(0, 255.0) / 255.0, v(1, 255.0) / 255.0, v(2, 255.0) / 255.0);
    lit.out_of_gamut = false;  // rgb() clamps by definition
  } else if (name == "hsl" || name == "hsla") {
    lit.notation = Notation::hsl;
    hsl_to_rgb(lit, hue_of(c[0]), std::clamp(v(1, 100.0) / 100.0, 0.0, 1.0),
               std::clamp(v(2, 100.0) / 100.0, 0.0, 1.0));
  } else if (name == "hwb") {
    lit.notation = Notation::hwb;
    double w = std::clamp(v(1, 100.0) / 100.0, 0.0, 1.0), b = std::clamp(v(2, 100.0) / 100.0, 0.0, 1.0);
    if (w + b >= 1.0) {
      const double gray = w / (w + b);
      set_encoded(lit, gray, gray, gray);
    } else {
      hsl_to_rgb(lit, hue_of(c[0]), 1.0, 0.5);
      const auto mix = [&](std::uint8_t ch) { return ch / 255.0 * (1.0 - w - b) + w; };
      set_encoded(lit, mix(lit.rgb.r), mix(lit.rgb.g), mix(lit.rgb.b));
    }
  } else if (name == "lab") {
    lit.notation = Notation::lab;
    lab_d50_to_rgb(lit, std::clamp(v(0, 100.0), 0.0, 100.0), v(1, 125.0), v(2, 125.0));
  } else if (name == "lch") {
    lit.notation = Notation::lch;
    const double C = std::max(0.0, v(1, 150.0)), h = hue_of(c[2]) * kPi / 180.0;
    lab_d50_to_rgb(lit, std::clamp(v(0, 100.0), 0.0, 100.0), C * std::cos(h), C * std::sin(h));
  } else if (name == "oklab") {
    lit.notation = Notation::oklab;
    oklab_to_rgb(lit, std::clamp(v(0, 1.0), 0.0, 1.0), v(1, 0.4), v(2, 0.4));
  } else if (name == "oklch") {
    lit.notation = Notation::oklch;
    const double C = std::max(0.0, v(1, 0.4)), h = hue_of(c[2]) * kPi / 180.0;
    oklab_to_rgb(lit, std::clamp(v(0, 1.0), 0.0, 1.0), C * std::cos(h), C * std::sin(h));
  } else {
    return std::nullopt;
  }
  return lit;
}

bool takes_color(std::string_view p) {
  if (p.rfind("--", 0) == 0) return true;  // custom property: report at the definition
  static constexpr std::string_view kPrefixes[] = {"color", "background", "border", "outline",
                                                   "fill", "stroke", "stop-color", "flood-color",
                                                   "lighting-color", "box-shadow", "text-shadow",
                                                   "text-decoration", "column-rule", "caret",
                                                   "accent", "text-emphasis", "scrollbar", "filter",
                                                   "backdrop-filter"};  // drop-shadow(…)
  for (const std::string_view prefix : kPrefixes) {
    if (p.rfind(prefix, 0) == 0) return true;
  }
  return p.find("-color") != std::string_view::npos;
}

namespace {

// The custom property a var( argument list names: "--x" in " --x , red".
std::string_view var_name(std::string_view args) {
  std::size_t b = 0;
  while (b < args.size() && is_space(args[b])) ++b;
  std::size_t e = b;
  while (e < args.size() && is_name_char(args[e])) ++e;
  return args.substr(b, e - b);
}

}  // namespace

void find_colors(std::string_view text, std::size_t begin, std::size_t end,
                 std::vector<ColorLiteral>& out,
                 const std::unordered_set<std::string_view>* defined) {
  std::size_t i = begin;
  while (i < end) {
    const std::size_t skipped = skip_opaque(text, i, end);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    const char c = text[i];
    if (c == '#') {
      std::size_t j = i + 1;
      while (j < end && is_name_char(text[j])) ++j;
      const std::string_view literal = text.substr(i, j - i);
      if (std::all_of(literal.begin() + 1, literal.end(), is_hex)) {
        if (const auto hex = color::parse_css_hex(literal)) {
          ColorLiteral lit{i, j, Notation::hex, hex->rgb, hex->alpha / 255.0, false, hex->digits};
          out.push_back(lit);
        }
      }
      i = j;
    } else if ((c >= '0' && c <= '9') || c == '.' || c == '+') {
      // A number with its unit ("10px", "1e3"): never the start of a name.
      while (i < end && (is_name_char(text[i]) || text[i] == '.' || text[i] == '%' || text[i] == '+')) ++i;
    } else if (is_name_char(c)) {
      std::size_t j = i;
      while (j < end && is_name_char(text[j])) ++j;
      std::string name(text.substr(i, j - i));
      std::transform(name.begin(), name.end(), name.begin(), lower);
      if (j < end && text[j] == '(') {
        const std::size_t close = matching_paren(text, j, end);
        if (close == std::string_view::npos) return;
        if (defined != nullptr && name == "var" &&
            defined->count(var_name(text.substr(j + 1, close - j - 1))) != 0) {
          i = close + 1;
          continue;
        }
        if (auto lit = parse_color_function(name, text.substr(j + 1, close - j - 1))) {
          lit->begin = i;
          lit->end = close + 1;
          out.push_back(*lit);
          i = close + 1;
        } else {
          i = j + 1;  // look inside: gradients, var() fallbacks and calc() hold colours too
        }
        continue;
      }
      if (const auto rgb = named_color(name)) {
        out.push_back(ColorLiteral{i, j, Notation::named, *rgb, 1.0, false, 0});
      }
      i = j;
    } else {
      ++i;
    }
  }
}

void find_var_color_functions(std::string_view text, std::size_t begin, std::size_t end,
                              std::vector<VarColorFunction>& out) {
  static constexpr std::string_view kNames[] = {"rgb", "rgba", "hsl",   "hsla", "hwb",
                                                "lab", "lch",  "oklab", "oklch"};
  std::size_t i = begin;
  while (i < end) {
    const std::size_t skipped = skip_opaque(text, i, end);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    if (!is_name_char(text[i]) || (text[i] >= '0' && text[i] <= '9')) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < end && is_name_char(text[j])) ++j;
    if (j >= end || text[j] != '(') {
      i = j;
      continue;
    }
    std::string name(text.substr(i, j - i));
    std::transform(name.begin(), name.end(), name.begin(), lower);
    const std::size_t close = matching_paren(text, j, end);
    if (close == std::string_view::npos) return;
    const std::string_view args = text.substr(j + 1, close - j - 1);
    if (std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames) &&
        args.find("var(") != std::string_view::npos) {
      out.push_back(VarColorFunction{std::move(name), i, close + 1, j + 1, close});
      i = close + 1;
    } else {
      i = j + 1;  // gradients and other functions hold colour functions
    }
  }
}

}  // namespace brandlint::css
