// color/off-palette for vector colours: CSS files, <style>/style="" in HTML, SVG presentation
// attributes. The raster half of the rule (rules/color/off_palette.cpp) dispatches here.
#pragma once

#include <string>
#include <vector>

#include "linter/rule.h"
#include "rules/support/color.h"

namespace brandlint::rules {

/// The palette prepared once per channel for vector checks, with the rule's vector options
/// (`tolerance`, `fix_within`) validated.
class VectorPalette {
 public:
  VectorPalette(const RuleConfig& cfg, std::string_view rule_id);

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
  double fix_within() const { return fix_within_; }

 private:
  color::PaletteMatcher matcher_;
  std::vector<double> tolerances_;  // per allowed colour (its own, else the rule's tolerance)
  std::vector<std::string> keys_;   // the guide key that set each tolerance
  double fix_within_ = 3.0;
};

/// Reports every colour literal in the asset's CSS declarations that is not a brand colour and
/// returns the distinct visible colours it read (brand colours included), so the raster half
/// can leave the regions those colours paint to it.
std::vector<color::Rgb> check_vector_colors(const Asset& asset, RuleContext& ctx,
                                            const VectorPalette& palette);

}  // namespace brandlint::rules
