// Finding the guide's logos in a raster (image, rendered SVG, rendered PDF page) and measuring
// how each is used. Method (issue 6; docs visual.md §2.2–2.3):
//   1. SIFT keypoints of the image (gray; the working image at half size, which OpenCV doubles
//      back), matched against every reference logo in both polarities, Lowe ratio test, RANSAC
//      homography (fixed seed: deterministic); then SIFT at the working size on windows where
//      unexplained matches cluster (smaller logos), and for logos below their minimum width a
//      search by normalised cross-correlation around patches of their allowed inks;
//   2. accept only sane homographies: enough inliers and inlier ratio, positive determinant,
//      convex quadrilateral, plausible scale and aspect; after accepting one, drop the image
//      keypoints inside it and search again (several logos per image);
//   3. verify against EVERY variant: warp the image into each reference frame and compare edge
//      maps (masked normalised correlation, polarity-free); best variant wins, margin reported;
//   4. measure: colour (median ΔE00 of the ink vs each colourway), stretch |sx/sy − 1|, rotation,
//      size (px, and mm when the asset has a DPI), clear space (zone = box grown by
//      clear_space × logo height: canvas clipping, foreign edges, off-background pixels).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "linter/asset.h"
#include "linter/diagnostic.h"
#include "rules/support/logo_library.h"

namespace brandlint::logo {

/// How one variant scored against a sighting (for logo-check and evidence).
struct VariantScore {
  std::string logo_id;
  double score = 0.0;  // edge-map correlation in the variant's frame, −1..1
};

/// One logo found in an asset. Coordinates are in the asset's file pixels (decode_scale applied).
struct LogoSighting {
  std::string logo_id;          // the best-scoring variant
  bool deprecated = false;      // that variant is deprecated in the guide
  std::string replaced_by;      // its replacement's id, when deprecated
  std::string runner_up_id;     // the second-best variant ("" when the guide has one logo)
  double variant_margin = 0.0;  // best score − runner-up score
  std::vector<VariantScore> variant_scores;  // every variant, in guide order
  std::array<cv::Point2f, 4> quad{};         // the logo's visible box projected: TL, TR, BR, BL
  PixelBox box;                              // axis-aligned box around quad, clipped to the canvas
  // How it was found: "features" (SIFT and a homography: inliers, matches, inlier_ratio) or
  // "template" (the small-logo search: template_correlation; no features).
  std::string found_by = "features";
  double template_correlation = 0.0;
  int inliers = 0;
  int matches = 0;  // ratio-test matches the homography was fitted to
  double inlier_ratio = 0.0;
  double scale_x = 1.0, scale_y = 1.0;     // image px per reference px along the logo's axes
  double stretch = 0.0;                    // |sx/sy − 1|
  double rotation_deg = 0.0;               // counter-clockwise angle of the logo's x axis
  double width_px = 0.0, height_px = 0.0;  // along the logo's axes
  std::optional<double> width_mm;          // when the asset has a DPI (PDF pages)
  std::optional<double> dpi;
  std::string colorway;           // nearest allowed colourway (label), or "own colours"
  std::string measured_hex;       // median colour of the primary ink in the image
  double colorway_delta_e = 0.0;  // its ΔE00 to that colourway
  bool recolored = false;         // colorway_delta_e > library recolor_threshold()
  // Clear space.
  double clear_space_px = 0.0;  // required margin: clear_space × height_px
  bool clear_space_ok = true;
  std::string
      clear_space_problem;  // "clipped by the canvas", "foreign edges", "off-background pixels"
  std::optional<PixelBox> clear_space_offender;  // what intrudes (or the clipped zone)
  double clear_space_foreign_share = 0.0;        // share of the zone ring that is foreign
};

/// Every logo in `asset` (its pixels), sorted by box y, then x, then id. Empty when the asset
/// has no pixels or the library no logos. Never throws on odd input.
std::vector<LogoSighting> find_logos(const LogoLibrary& library, const Asset& asset);

/// find_logos, computed once per asset and stored in Asset::derived so the six logo rules
/// share one detection.
const std::vector<LogoSighting>& logo_sightings(const LogoLibrary& library, const Asset& asset);

}  // namespace brandlint::logo
