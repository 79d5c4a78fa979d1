// What a CSS declaration value paints, for color/contrast: a concrete colour, nothing, or
// something a linter cannot judge (an image, a gradient, an unresolved var()). Also the text
// size a block declares, for WCAG's "large text".
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "linter/asset.h"
#include "rules/support/color.h"

namespace brandlint::contrast {

/// The custom properties (`--name: value`) of one file. A name declared with two different
/// values (a theme switch, a media query) is ambiguous and resolves to nothing: the rule cannot
/// know which one applies.
class CustomProperties {
 public:
  explicit CustomProperties(const Asset& asset);
  /// The value of `name` ("--brand"), or nullopt when undeclared or ambiguous.
  std::optional<std::string_view> value(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::map<std::string, bool, std::less<>> ambiguous_;
};

/// Replaces every var(--x[, fallback]) in `value` by the definition of --x (or the fallback),
/// recursively up to a small depth. nullopt when a var() cannot be resolved.
std::optional<std::string> substitute_vars(std::string_view value, const CustomProperties& props);

struct Paint {
  enum class Kind {
    none,        // nothing painted here: keyword, `transparent`, `none`, no colour at all
    color,       // a concrete colour (maybe translucent)
    image,       // url(), image-set(), element()
    gradient,    // linear-/radial-/conic-gradient()
    unresolved,  // var() without a definition in this file, or a system colour/currentColor
  };
  Kind kind = Kind::none;
  color::Rgb rgb;
  double alpha = 1.0;
  std::string written;  // the colour as written (after var() substitution), for messages
};

/// Analyses the value of `color`.
Paint text_paint(std::string_view value, const CustomProperties& props);
/// Analyses the value of `background` or `background-color`.
Paint background_paint(std::string_view value, const CustomProperties& props);

/// WCAG 2.x text size class from a block's font declarations.
struct TextSize {
  bool large = false;
  std::string
      evidence;  // "24px", "18pt bold = 24px", "not computable (larger); normal text assumed"
};

/// `font_size`, `font_weight`, `font`: the values of the block's last such declarations (empty
/// when the block has none).
TextSize text_size(std::string_view font_size, std::string_view font_weight, std::string_view font);

/// `value` with at most two decimals and no trailing zeros: 24 -> "24", 18.6667 -> "18.67".
std::string short_number(double value);

/// "#RRGGBB" for opaque colours, "#RRGGBBAA" for translucent ones.
std::string hex_of(color::Rgb rgb, double alpha);

/// `fg` with opacity `alpha` composited over the opaque `bg` in 8-bit sRGB (how browsers blend).
color::Rgb composite(color::Rgb fg, double alpha, color::Rgb bg);

}  // namespace brandlint::contrast
