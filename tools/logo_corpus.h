// The labelled logo corpus (issue 6, "Quality bar"): banners with the Nordlys example logos
// (brandguide/examples/nordlys/logos: primary = current, 2019 = deprecated) placed at known
// boxes, sizes, colours, stretches, rotations and clear-space situations, on flat, gradient and
// photographic backgrounds, plus banners with no logo (some with lookalike shapes and text).
// Deterministic from a seed. Written by tools/logo_corpus (see docs/logo-corpus.md), read by
// tests/logo_corpus_test.cpp and bench/logo_bench.cpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "linter/diagnostic.h"

namespace brandlint::logo_corpus {

/// Violation classes, named as the logo rules are (rule id = "logo/" + class).
inline constexpr const char* kDeprecated = "deprecated";
inline constexpr const char* kRecolored = "recolored";
inline constexpr const char* kDistorted = "distorted";
inline constexpr const char* kTooSmall = "too-small";
inline constexpr const char* kClearSpace = "clear-space";
/// The boxed classes, in report order; "missing" is per image.
inline const std::vector<std::string>& violation_classes() {
  static const std::vector<std::string> classes = {kDeprecated, kRecolored, kDistorted, kTooSmall,
                                                   kClearSpace};
  return classes;
}

/// One placed logo, as it is in the image.
struct LabelledLogo {
  std::string logo_id;              // "primary" or "2019-wordmark"
  PixelBox box;                     // the visible artwork (alpha ≥ 25 %), clipped to the canvas
  PixelBox artboard;                // the SVG's whole viewBox as placed (may leave the canvas)
  std::string color;                // "#RRGGBB" the artwork's blue was drawn in ("" = as drawn)
  double scale_x = 1, scale_y = 1;  // artboard px per SVG unit
  double rotation_deg = 0;          // counter-clockwise, as the image shows it
  std::vector<std::string> violations;  // subset of violation_classes()
  std::string note;                     // what was done to it, for the failure list
  bool has(const std::string& violation) const;
};

struct LabelledImage {
  std::string file;        // relative to the corpus folder, '/'-separated
  std::string scenario;    // clean, deprecated, recolored, stretched, rotated, ...
  std::string background;  // flat, gradient, photo, photo-plate
  int width = 0, height = 0;
  std::vector<LabelledLogo> logos;
  bool missing = false;  // in the require_logo channel, and no current logo shown
};

struct Corpus {
  std::filesystem::path dir;
  std::filesystem::path guide;       // brandguide.toml: the two example logos, require_logo
  std::filesystem::path guide_one;   // brandguide-1.toml: the primary logo only
  std::filesystem::path guide_five;  // brandguide-5.toml: the two plus three more references
  std::uint64_t seed = 0;
  std::vector<LabelledImage> images;
};

struct Options {
  int images = 210;
  std::uint64_t seed = 6;
  std::filesystem::path source_dir;  // the repository (for brandguide/examples/nordlys)
  std::filesystem::path photos;      // folder of sample photos; empty = procedural texture
};

/// Writes the images, labels.json, brandguide.toml, brandguide-1.toml and brandguide-5.toml
/// into `out` (created).
/// The same options give byte-identical files.
Corpus generate(const std::filesystem::path& out, const Options& options);

/// One banner of `scenario` ("clean", "busy", "multi", "no-logo", ...; see docs/logo-corpus.md)
/// at `size`, BGRA, without writing files (the benchmark's input); its labels go to `label`.
/// Photographic backgrounds are procedural here.
cv::Mat scenario_image(const Options& options, const std::string& scenario, cv::Size size,
                       LabelledImage* label = nullptr);

/// labels.json of a corpus, and back.
Json to_json(const Corpus& corpus);
Corpus read_labels(const std::filesystem::path& labels_json);

/// The example logo `id` ("primary" or "2019-wordmark") rendered by brandlint's render_svg_bgra
/// at `width`×`height` px (the viewBox stretched to fill), BGRA, optionally with its blue
/// (#0B3D91) replaced by `color`.
cv::Mat render_logo(const std::filesystem::path& source_dir, const std::string& id, int width,
                    int height, const std::string& color = {});

/// The default folder of OpenCV's sample photos (Debian opencv-doc), or empty when absent.
std::filesystem::path default_photos();

}  // namespace brandlint::logo_corpus
