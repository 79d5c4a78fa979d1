// color/off-palette for vector colours: CSS files, <style>/style="" in HTML, SVG presentation
// attributes. The raster half of the rule (rules/color/off_palette.cpp) dispatches here.
#pragma once

#include <string>
#include <vector>

#include "linter/rule.h"
#include "rules/support/color.h"

namespace brandlint::rules {

/// The palette prepared once per channel for vector checks.
class VectorPalette {
 public:
  explicit VectorPalette(const guide::Palette& palette);

  struct Verdict {
    bool exact = false;
    bool near = false;  // within the tolerance: info "near miss — use the token"
    std::size_t nearest = 0;
    double delta_e00 = 0.0;
    color::Lab lab;
  };
  Verdict judge(color::Rgb rgb) const;

  const color::PaletteMatcher& matcher() const { return matcher_; }
  double tolerance(std::size_t i) const { return tolerances_[i]; }
  const std::string& key(std::size_t i) const { return keys_[i]; }

 private:
  color::PaletteMatcher matcher_;
  std::vector<double> tolerances_;  // per allowed colour (its own, else tolerance.exact)
  std::vector<std::string> keys_;   // the guide key that set each tolerance
};

/// Reports every colour literal in the asset's CSS declarations that is not a brand colour.
void check_vector_colors(const Asset& asset, RuleContext& ctx, const VectorPalette& palette);

}  // namespace brandlint::rules
