// What the six logo rules share: the guide's logo library (built once per run), the per-asset
// sightings (one detection per asset), and the evidence every logo finding carries.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/rule.h"
#include "rules/support/logo_detect.h"
#include "rules/support/logo_library.h"

namespace brandlint::rules::logo_rules {

/// Asset kinds the logo rules look for logos in: rasters, rendered SVG and rendered PDF pages.
inline const std::vector<AssetKind>& kinds() {
  static const std::vector<AssetKind> k = {AssetKind::image, AssetKind::svg, AssetKind::pdf};
  return k;
}

/// The guide's library for a rule factory; a logo file that cannot be prepared is a guide error
/// at its [[logo]] entry. nullptr when the guide has no logos.
std::shared_ptr<const logo::LogoLibrary> library_for(const RuleConfig& cfg);

/// The sightings of `asset` (computed once per asset, shared by the logo rules).
const std::vector<logo::LogoSighting>& sightings(const logo::LogoLibrary& library,
                                                 const Asset& asset);

/// The guide key of a logo's field: "logo[1].deprecated".
std::string logo_key(const logo::LogoLibrary& library, const std::string& logo_id,
                     const std::string& field);

/// The figures every logo finding carries: which logo, where, how sure.
Json sighting_evidence(const logo::LogoSighting& s);

/// "primary 240×66 at (300,200)": how messages name a sighting.
std::string describe(const logo::LogoSighting& s);

double round_to(double value, double scale);

/// Whether the sighting is below its logo's minimum width: `min_width_mm` when the asset's
/// resolution is known (PDF pages), else `min_width_px`. logo/too-small reports it.
bool below_minimum_width(const guide::Logo& logo, const logo::LogoSighting& s);

}  // namespace brandlint::rules::logo_rules
