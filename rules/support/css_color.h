// CSS colour values: every notation of CSS Color 4 that names a concrete sRGB colour, found in a
// declaration value with its exact byte span.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rules/support/color.h"

namespace brandlint::css {

enum class Notation { hex, rgb, hsl, hwb, lab, lch, oklab, oklch, named };

/// One colour literal in a value.
struct ColorLiteral {
  std::size_t begin = 0, end = 0;  // byte span in the scanned text
  Notation notation = Notation::hex;
  color::Rgb rgb;             // sRGB, clamped to the gamut
  double alpha = 1.0;         // 0..1
  bool out_of_gamut = false;  // lab/lch/oklab/oklch outside sRGB before clamping
  int hex_digits = 0;         // 3, 4, 6 or 8 for hex
};

/// The named colour `lower_name` ("rebeccapurple"), if it is one of the 148.
std::optional<color::Rgb> named_color(std::string_view lower_name);

/// True for properties whose values can hold a colour: colour literals elsewhere (a grid area
/// named "red", an animation called "tomato") are not colours.
bool takes_color(std::string_view property);

/// Appends every colour literal in text[begin, end) (a declaration value) to `out`. Comments,
/// strings, url() and escapes are skipped; var(), transparent, currentColor, inherit and system
/// colours are not literals. Functions with an unparseable argument list are skipped.
/// A var() whose custom property is in `defined` is skipped whole: its fallback is dead, and
/// the definition's colour is checked where it is defined. Other var() fallbacks are read.
void find_colors(std::string_view text, std::size_t begin, std::size_t end,
                 std::vector<ColorLiteral>& out,
                 const std::unordered_set<std::string_view>* defined = nullptr);

/// A colour function whose arguments use var(): "rgba(var(--brand-rgb), .5)".
struct VarColorFunction {
  std::string name;                // lower-cased: "rgba"
  std::size_t begin = 0, end = 0;  // the whole function
  std::size_t args_begin = 0, args_end = 0;
};

/// Appends the colour functions (rgb() … oklch()) in text[begin, end) whose arguments use var(),
/// skipping comments, strings and url() as find_colors does.
void find_var_color_functions(std::string_view text, std::size_t begin, std::size_t end,
                              std::vector<VarColorFunction>& out);

/// Parses one function colour: `name` lower-cased ("rgb"), `args` between the parentheses.
std::optional<ColorLiteral> parse_color_function(std::string_view name, std::string_view args);

}  // namespace brandlint::css
