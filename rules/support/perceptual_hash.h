// A DCT perceptual hash (pHash) of an image, and the guide's logos prepared for matching by it.
//
// The hash answers "is this the same picture?" across re-encoding, rescaling and small margins:
// the image is flattened over the page background, cropped to its content, reduced to a 32×32
// grey image, transformed with a 2-D DCT, and the 8×8 lowest frequencies are compared with their
// median — one bit each. Two images of the same logo differ in a few bits; different logos in
// about half of them (see kMatchDistance for the measurement).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "brandguide/brand_guide.h"

namespace brandlint::phash {

/// Largest Hamming distance (of 64 bits) at which two hashes are the same logo. Measured with
/// tests/perceptual_hash_test.cpp (it prints every figure): the two Nordlys logos rendered at
/// 0.25×, 0.5×, 2× and 4×, JPEG quality 40, with added margins, shifted 1 px, blurred, and on
/// Sne (#F4F4F2) instead of white differ from their reference by 0–6 bits (6 at 0.25× and 0.5×);
/// the 26 other images under fixtures/{color,demo,guides} (banners, photos, icons, test logos)
/// and the other Nordlys logo are 22 bits or more from both logos (22: a 160×600 display banner;
/// the 2019 mark is 26 from the 2026 mark), and unrelated images sit near 32, as chance predicts.
/// 12 leaves 6 bits of room above the worst variant and 10 below the nearest different image.
inline constexpr int kMatchDistance = 12;

/// 8-bit BGRA pixels flattened over an opaque background: BGR.
cv::Mat flatten(const cv::Mat& bgra, guide::Rgb background);

/// The 64-bit pHash of BGRA pixels shown over `background`. Pixels that show the background
/// (within a small tolerance) around the content are cropped off first, so the margin a file
/// has does not change its hash. An empty image, or one that shows only the background, hashes
/// to 0 (about 32 bits from any logo, so it never matches one).
std::uint64_t dct_hash(const cv::Mat& bgra, guide::Rgb background);

/// Number of differing bits.
int hamming(std::uint64_t a, std::uint64_t b);

/// One guide logo, rendered over a background and hashed.
struct PreparedLogo {
  // Copied from the guide's [[logo]], so a cached set never points into a guide that is gone.
  std::string id;
  bool deprecated = false;
  std::string replaced_by;
  std::string key;   // "logo[1]"
  std::string file;  // the logo file as the guide resolved it
  std::uint64_t hash = 0;
  int width = 0, height = 0;  // intrinsic size of the rendered file
  bool ok = false;            // false: the file could not be rendered (never matches)
};

/// The guide's logos over one background, in guide order.
using LogoSet = std::vector<PreparedLogo>;

/// The guide's logos rendered (SVG through the engine's librsvg path, rasters through its
/// decoders) over `background` and hashed. Prepared once per process for each guide, logo file
/// version and background, behind a mutex, so every channel's rule and every thread share one
/// preparation.
std::shared_ptr<const LogoSet> prepared_logos(const guide::BrandGuide& guide,
                                              guide::Rgb background);

/// The best match of `hash` among `logos`: the smallest distance, first in guide order on a tie.
struct LogoMatch {
  const PreparedLogo* logo = nullptr;  // nullptr when no logo could be prepared
  int distance = 65;
};
LogoMatch best_match(const LogoSet& logos, std::uint64_t hash);

}  // namespace brandlint::phash
