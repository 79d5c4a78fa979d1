// `brandlint check --annotate DIR`: a copy of every image with off-palette findings, each region
// outlined and labelled with its measured colour and ΔE00, photo areas outlined as excluded, so a
// designer sees at a glance what the report means.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "brandguide/brand_guide.h"
#include "linter/assets/load_asset.h"
#include "linter/result.h"

namespace brandlint::rules {

/// The file name of an annotated copy: the display path with '/' replaced by '_', a ".png"
/// extension dropped, then ".annotated.png" ("ads/banner.png" -> "ads_banner.annotated.png",
/// "ads/banner.jpg" -> "ads_banner.jpg.annotated.png").
std::string annotation_name(std::string_view path);

/// Writes `<dir>/<annotation_name(display path)>` for every file of `result` that has
/// a finding with a pixel box. Images are decoded again (one at a time, never all at once) with
/// the run's load options. Returns the number of files written; throws std::runtime_error when
/// `dir` cannot be created or a file cannot be written.
int write_annotations(const RunResult& result, const guide::BrandGuide& guide,
                      const std::filesystem::path& dir, const LoadOptions& options);

/// The annotated image: `bgra` with the boxes of `findings` (in file pixels, `decode_scale`
/// times the decoded size) and the photo areas of `measurements` drawn on it.
cv::Mat annotate_image(const cv::Mat& bgra, const std::vector<const Finding*>& findings,
                       const Json& measurements, int decode_scale);

}  // namespace brandlint::rules
