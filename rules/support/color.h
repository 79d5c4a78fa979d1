// Colour math shared by every colour rule: sRGB -> CIELAB (D65) and CIEDE2000 in double
// precision (reference: docs visual.md §1.1, Sharma, Wu & Dalal 2005), OKLab and ΔEOK, WCAG 2.x
// contrast, CSS hex literals, and the palette matcher that answers "which allowed colour is
// nearest, and how far is it?".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "brandguide/brand_guide.h"

namespace brandlint::color {

using guide::Rgb;

/// CIELAB (D65) or OKLab coordinates.
struct Lab {
  double L = 0.0, a = 0.0, b = 0.0;
  friend bool operator==(const Lab&, const Lab&) = default;
};

/// CIE XYZ, Y of white = 1.
struct Xyz {
  double x = 0.0, y = 0.0, z = 0.0;
};

/// sRGB transfer function inverse: encoded 0..1 -> linear 0..1 (threshold 0.04045).
double srgb_to_linear(double encoded);

/// Linear sRGB 0..1 -> XYZ with the IEC 61966-2-1 matrix.
Xyz linear_srgb_to_xyz(double r, double g, double b);

/// XYZ -> CIELAB relative to the D65 white (0.95047, 1, 1.08883).
Lab xyz_to_lab(const Xyz& xyz);

/// Encoded sRGB channels in 0..1 -> CIELAB D65.
Lab srgb_to_lab(double r, double g, double b);
/// 8-bit sRGB -> CIELAB D65.
Lab srgb_to_lab(Rgb rgb);

/// Weighting factors of CIEDE2000; all 1 for the reference conditions (graphic arts).
struct De00Weights {
  double kL = 1.0, kC = 1.0, kH = 1.0;
};

/// CIEDE2000 colour difference. Symmetric in its arguments.
double delta_e00(const Lab& lab1, const Lab& lab2, De00Weights weights = {});
/// Convenience: ΔE00 between two 8-bit sRGB colours.
double delta_e00(Rgb rgb1, Rgb rgb2);

/// Encoded sRGB 0..1 -> OKLab (Ottosson 2020).
Lab srgb_to_oklab(double r, double g, double b);
Lab srgb_to_oklab(Rgb rgb);
/// ΔEOK: Euclidean distance in OKLab (JND about 0.02).
double delta_e_ok(const Lab& ok1, const Lab& ok2);

/// WCAG 2.x relative luminance of an 8-bit sRGB colour, 0 (black) .. 1 (white).
double relative_luminance(Rgb rgb);
/// WCAG 2.x contrast ratio, 1 .. 21; order of the arguments does not matter.
double contrast_ratio(Rgb rgb1, Rgb rgb2);
/// Truncates (never rounds up) to 2 decimals, as axe-core reports ratios: 4.499 -> 4.49, so a
/// displayed "4.50" always passes AA.
double truncate_2(double value);

/// A tint: `pct` percent of the way from `base` to white, each channel rounded
/// (c + (255 − c)·pct/100, halves rounded up). pct is clamped to 0..100.
Rgb tint(Rgb base, int pct);

/// A CSS hex colour literal.
struct CssHex {
  Rgb rgb;
  std::uint8_t alpha = 255;
  int digits = 6;  // 3, 4, 6 or 8: how it was written
};

/// Parses "#RGB", "#RGBA", "#RRGGBB" or "#RRGGBBAA" (case-insensitive, '#' required, nothing
/// else around it). Returns nullopt for anything else.
std::optional<CssHex> parse_css_hex(std::string_view text);

/// One colour the guide allows, with everything a finding needs to name it.
struct AllowedColor {
  std::string name;       // "Nordlys Blå", "Nordlys Blå 40%", "neutral"
  std::string hex;        // "#0B3D91"
  Rgb rgb;
  Lab lab;                // CIELAB D65, precomputed
  std::string guide_key;  // "palette.color[0]", "palette.color[0].tints", "palette.neutrals[1]"
  std::optional<double> tolerance;  // the colour's own ΔE00 tolerance, if the guide sets one

  /// "Nordlys Blå #0B3D91": how messages and evidence name the colour.
  std::string label() const { return name + " " + hex; }
};

/// The nearest allowed colour to a measured one.
struct PaletteMatch {
  const AllowedColor* color = nullptr;  // nullptr only when the palette is empty
  std::size_t index = 0;                // position in PaletteMatcher::colors()
  double delta_e00 = 0.0;
};

/// The allowed colours of a palette, built once per channel: every palette colour in order,
/// each followed by its tints, then the neutrals. That order is the tie-break of nearest(), so
/// results are deterministic and a named colour wins over an identical neutral.
class PaletteMatcher {
 public:
  explicit PaletteMatcher(const guide::Palette& palette);

  std::span<const AllowedColor> colors() const { return colors_; }

  /// The allowed colour with the smallest ΔE00 to `rgb` (first in list order on ties).
  PaletteMatch nearest(Rgb rgb) const;
  PaletteMatch nearest(const Lab& lab) const;

  /// Index of an allowed colour with exactly this sRGB value, if any (first in list order).
  std::optional<std::size_t> exact(Rgb rgb) const;

 private:
  std::vector<AllowedColor> colors_;
};

}  // namespace brandlint::color
