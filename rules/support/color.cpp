#include "rules/support/color.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace brandlint::color {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double deg(double radians) { return radians * 180.0 / kPi; }
constexpr double rad(double degrees) { return degrees * kPi / 180.0; }

// CIE constants as exact rationals (visual.md §1.1), not the rounded 0.008856 / 903.3.
constexpr double kEpsilon = 216.0 / 24389.0;
constexpr double kKappa = 24389.0 / 27.0;
constexpr double kPow25To7 = 6103515625.0;  // 25^7

double lab_f(double t) { return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0; }

double pow7(double x) {
  const double x2 = x * x;
  const double x3 = x2 * x;
  return x3 * x3 * x;
}

// Hue angle in degrees, [0, 360); 0 for the achromatic axis.
double hue_degrees(double b, double a_prime) {
  if (a_prime == 0.0 && b == 0.0) return 0.0;
  const double h = deg(std::atan2(b, a_prime));
  return h < 0.0 ? h + 360.0 : h;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

double srgb_to_linear(double encoded) {
  return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

Xyz linear_srgb_to_xyz(double r, double g, double b) {
  return {0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
          0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
          0.0193339 * r + 0.1191920 * g + 0.9503041 * b};
}

Lab xyz_to_lab(const Xyz& xyz) {
  const double fx = lab_f(xyz.x / 0.95047);
  const double fy = lab_f(xyz.y / 1.0);
  const double fz = lab_f(xyz.z / 1.08883);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab srgb_to_lab(double r, double g, double b) {
  return xyz_to_lab(linear_srgb_to_xyz(srgb_to_linear(r), srgb_to_linear(g), srgb_to_linear(b)));
}

Lab srgb_to_lab(Rgb rgb) { return srgb_to_lab(rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0); }

double delta_e00(const Lab& lab1, const Lab& lab2, De00Weights weights) {
  // Step 1: chroma, the G correction of a*, primed chroma and hue.
  const double c1 = std::hypot(lab1.a, lab1.b);
  const double c2 = std::hypot(lab2.a, lab2.b);
  const double c_mean7 = pow7((c1 + c2) / 2.0);
  const double g = 0.5 * (1.0 - std::sqrt(c_mean7 / (c_mean7 + kPow25To7)));
  const double a1p = (1.0 + g) * lab1.a;
  const double a2p = (1.0 + g) * lab2.a;
  const double c1p = std::hypot(a1p, lab1.b);
  const double c2p = std::hypot(a2p, lab2.b);
  const double h1p = hue_degrees(lab1.b, a1p);
  const double h2p = hue_degrees(lab2.b, a2p);

  // Step 2: differences. The hue difference is taken the short way round the circle.
  const double dLp = lab2.L - lab1.L;
  const double dCp = c2p - c1p;
  const double chroma_product = c1p * c2p;
  double dhp = 0.0;
  if (chroma_product != 0.0) {
    dhp = h2p - h1p;
    if (dhp > 180.0) dhp -= 360.0;
    else if (dhp < -180.0) dhp += 360.0;
  }
  const double dHp = 2.0 * std::sqrt(chroma_product) * std::sin(rad(dhp) / 2.0);

  // Step 3: means; the mean hue also goes the short way round.
  const double Lp_mean = (lab1.L + lab2.L) / 2.0;
  const double Cp_mean = (c1p + c2p) / 2.0;
  double hp_mean = h1p + h2p;
  if (chroma_product != 0.0) {
    if (std::abs(h1p - h2p) <= 180.0) hp_mean /= 2.0;
    else if (hp_mean < 360.0) hp_mean = (hp_mean + 360.0) / 2.0;
    else hp_mean = (hp_mean - 360.0) / 2.0;
  }

  // Step 4: weighting functions and the blue-region rotation term.
  const double t = 1.0 - 0.17 * std::cos(rad(hp_mean - 30.0)) + 0.24 * std::cos(rad(2.0 * hp_mean)) +
                   0.32 * std::cos(rad(3.0 * hp_mean + 6.0)) -
                   0.20 * std::cos(rad(4.0 * hp_mean - 63.0));
  const double hue_offset = (hp_mean - 275.0) / 25.0;
  const double d_theta = 30.0 * std::exp(-hue_offset * hue_offset);
  const double cp_mean7 = pow7(Cp_mean);
  const double r_c = 2.0 * std::sqrt(cp_mean7 / (cp_mean7 + kPow25To7));
  const double l50 = (Lp_mean - 50.0) * (Lp_mean - 50.0);
  const double s_l = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
  const double s_c = 1.0 + 0.045 * Cp_mean;
  const double s_h = 1.0 + 0.015 * Cp_mean * t;
  const double r_t = -std::sin(rad(2.0 * d_theta)) * r_c;

  // Step 5.
  const double l_term = dLp / (weights.kL * s_l);
  const double c_term = dCp / (weights.kC * s_c);
  const double h_term = dHp / (weights.kH * s_h);
  return std::sqrt(l_term * l_term + c_term * c_term + h_term * h_term + r_t * c_term * h_term);
}

double delta_e00(Rgb rgb1, Rgb rgb2) { return delta_e00(srgb_to_lab(rgb1), srgb_to_lab(rgb2)); }

Lab srgb_to_oklab(double r, double g, double b) {
  const double lr = srgb_to_linear(r), lg = srgb_to_linear(g), lb = srgb_to_linear(b);
  const double l = std::cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const double m = std::cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const double s = std::cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
          1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
          0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Lab srgb_to_oklab(Rgb rgb) { return srgb_to_oklab(rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0); }

double delta_e_ok(const Lab& ok1, const Lab& ok2) {
  const double dL = ok1.L - ok2.L, da = ok1.a - ok2.a, db = ok1.b - ok2.b;
  return std::sqrt(dL * dL + da * da + db * db);
}

double relative_luminance(Rgb rgb) {
  // WCAG's 0.03928 threshold and sRGB's 0.04045 agree on every 8-bit value (visual.md §5).
  return 0.2126 * srgb_to_linear(rgb.r / 255.0) + 0.7152 * srgb_to_linear(rgb.g / 255.0) +
         0.0722 * srgb_to_linear(rgb.b / 255.0);
}

double contrast_ratio(Rgb rgb1, Rgb rgb2) {
  const double y1 = relative_luminance(rgb1), y2 = relative_luminance(rgb2);
  return (std::max(y1, y2) + 0.05) / (std::min(y1, y2) + 0.05);
}

double truncate_2(double value) {
  // The small epsilon keeps values such as 4.5 (stored as 4.4999999...) from dropping to 4.49.
  return std::floor(value * 100.0 + 1e-9) / 100.0;
}

Rgb tint(Rgb base, int pct) {
  // Integer arithmetic, so a half always rounds up instead of depending on how pct/100 is stored.
  const int p = std::clamp(pct, 0, 100);
  const auto mix = [p](std::uint8_t c) {
    return static_cast<std::uint8_t>((c * 100 + (255 - c) * p + 50) / 100);
  };
  return {mix(base.r), mix(base.g), mix(base.b)};
}

std::optional<CssHex> parse_css_hex(std::string_view text) {
  if (text.empty() || text.front() != '#') return std::nullopt;
  const std::string_view digits = text.substr(1);
  const std::size_t n = digits.size();
  if (n != 3 && n != 4 && n != 6 && n != 8) return std::nullopt;
  int values[8] = {};
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = hex_value(digits[i]);
    if (values[i] < 0) return std::nullopt;
  }
  const bool short_form = n <= 4;
  const auto component = [&](std::size_t i) {
    const int v = short_form ? values[i] * 17 : values[2 * i] * 16 + values[2 * i + 1];
    return static_cast<std::uint8_t>(v);
  };
  CssHex out;
  out.rgb = {component(0), component(1), component(2)};
  out.alpha = (n == 4 || n == 8) ? component(3) : std::uint8_t{255};
  out.digits = static_cast<int>(n);
  return out;
}

PaletteMatcher::PaletteMatcher(const guide::Palette& palette) {
  const auto add = [this](std::string name, Rgb rgb, std::string key, std::optional<double> tol) {
    colors_.push_back({std::move(name), guide::to_hex(rgb), rgb, srgb_to_lab(rgb), std::move(key),
                       tol});
  };
  for (std::size_t i = 0; i < palette.colors.size(); ++i) {
    const guide::PaletteColor& c = palette.colors[i];
    const std::string key = c.ref.key.empty() ? fmt::format("palette.color[{}]", i) : c.ref.key;
    add(c.name, c.rgb, key, c.tolerance);
    for (const int pct : c.tints) {
      add(fmt::format("{} {}%", c.name, pct), tint(c.rgb, pct), key + ".tints", c.tolerance);
    }
  }
  for (std::size_t j = 0; j < palette.neutrals.size(); ++j) {
    const guide::Neutral& n = palette.neutrals[j];
    add("neutral", n.rgb, n.ref.key.empty() ? fmt::format("palette.neutrals[{}]", j) : n.ref.key,
        std::nullopt);
  }
}

PaletteMatch PaletteMatcher::nearest(const Lab& lab) const {
  PaletteMatch best;
  for (std::size_t i = 0; i < colors_.size(); ++i) {
    const double d = delta_e00(lab, colors_[i].lab);
    // Strictly less: on a tie the earlier colour in list order stays.
    if (best.color == nullptr || d < best.delta_e00) best = {&colors_[i], i, d};
  }
  return best;
}

PaletteMatch PaletteMatcher::nearest(Rgb rgb) const {
  if (const auto i = exact(rgb)) return {&colors_[*i], *i, 0.0};
  return nearest(srgb_to_lab(rgb));
}

std::optional<std::size_t> PaletteMatcher::exact(Rgb rgb) const {
  for (std::size_t i = 0; i < colors_.size(); ++i) {
    if (colors_[i].rgb == rgb) return i;
  }
  return std::nullopt;
}

}  // namespace brandlint::color
