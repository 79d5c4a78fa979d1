// The guide's logos, prepared once per run for detection (rules/support/logo_detect.h): each
// [[logo]] file rendered (SVG through librsvg, raster files decoded with alpha) at a canonical
// size, its opacity mask, SIFT keypoints and descriptors in both polarities (dark ink on a light
// ground and reversed), its edge map for verification, its ink colours and aspect ratio.
// Immutable once built, so one instance serves every thread and every channel.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "brandguide/brand_guide.h"
#include "rules/support/color.h"

namespace brandlint::logo {

/// One allowed colourway of a logo: the colour its ink may be printed in.
struct Colorway {
  std::string label;  // as the guide wrote it: a palette colour name or a hex value
  std::string hex;    // "#0B3D91"
  color::Lab lab;
};

/// SIFT features of one rendering, in the reference frame (canonical size).
struct LogoFeatures {
  std::vector<cv::KeyPoint> keypoints;
  cv::Mat descriptors;  // CV_32F, one row per keypoint
};

/// One guide logo, ready to be found and compared.
struct ReferenceLogo {
  std::size_t index = 0;  // position in BrandGuide::logos
  guide::Logo logo;       // a copy: a cached library may outlive the guide object it came from
  std::string id;
  bool deprecated = false;
  std::string replaced_by;
  cv::Mat rgba;  // BGRA 8-bit, straight alpha, at the canonical size
  cv::Mat mask;  // CV_8U, 255 where the logo is opaque (alpha ≥ 128)
  cv::Mat gray;  // CV_8U, the logo composited on white, grayscale
  // Verification frame: the visible extent at kVerifyWidth px wide. Small on purpose: edge maps
  // compared there tolerate a pixel or two of homography error and cost little to warp into.
  cv::Size verify_size;
  cv::Mat verify_gray;     // CV_8U, the visible extent composited on white
  cv::Mat verify_ink;      // CV_8U, 255 on primary-ink pixels away from edges
  LogoFeatures dark;       // features of `gray` (ink darker than its ground)
  LogoFeatures light;      // features of the inverted `gray` (reversed logos)
  cv::Rect2f extent;       // the opaque part of `rgba` (the logo's visible box), canonical px
  double aspect = 1.0;     // extent width / height
  color::Rgb primary_ink;  // the most common opaque colour: what a colourway replaces
  color::Lab primary_ink_lab;
  double primary_share =
      1.0;  // share of ink pixels that are the primary ink (≈1 for one-colour logos)
  std::vector<Colorway> colorways;  // resolved from Logo::colorways; empty = only its own colours
};

/// Every guide logo, prepared once. Build with shared(); never mutated afterwards.
class LogoLibrary {
 public:
  /// Canonical rendering width (px) of every reference logo: large enough for stable SIFT
  /// features, small enough to keep preparation and warps cheap.
  static constexpr int kCanonicalWidth = 480;
  /// Width of the verification frame (see ReferenceLogo::verify_gray).
  static constexpr int kVerifyWidth = 192;

  /// Prepares every logo of `guide`. Throws std::runtime_error when a logo file cannot be read
  /// or rendered (the guide loader has already checked that it exists).
  explicit LogoLibrary(const guide::BrandGuide& guide);

  /// The library of `guide`, built on first use and cached per guide (thread-safe): rule
  /// factories run once per channel, and all of them share one preparation.
  static std::shared_ptr<const LogoLibrary> shared(const guide::BrandGuide& guide);

  const std::vector<ReferenceLogo>& logos() const { return logos_; }
  const ReferenceLogo* find(std::string_view id) const;
  bool empty() const { return logos_.empty(); }
  /// ΔE00 above which a logo's ink counts as recoloured (the guide's palette.tolerance.fail).
  double recolor_threshold() const { return recolor_threshold_; }
  std::string recolor_key() const { return recolor_key_; }
  /// A stable fingerprint (guide path + logo ids) for cache keys in Asset::derived.
  const std::string& key() const { return key_; }

 private:
  std::vector<ReferenceLogo> logos_;
  double recolor_threshold_ = 3.0;
  std::string recolor_key_ = "palette.tolerance.fail";
  std::string key_;
};

}  // namespace brandlint::logo
