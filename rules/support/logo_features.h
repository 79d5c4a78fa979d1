// Image primitives the logo library and the detector share, so reference logos and banners go
// through exactly the same steps (internal to rules/support/logo_*).
#pragma once

#include <opencv2/core.hpp>

#include "rules/support/logo_library.h"

namespace brandlint::logo {

/// BGRA (straight alpha) composited on white as 8-bit BGR (BGR is returned as it is).
cv::Mat composite_bgr(const cv::Mat& pixels);

/// BGRA (straight alpha) or BGR composited on white, as 8-bit gray.
cv::Mat composite_gray(const cv::Mat& pixels);

/// Gaussian-blurred (σ 1) Sobel gradient magnitude, CV_32F: what verification compares. The
/// magnitude ignores polarity, so a reversed or recoloured logo has the same edges.
cv::Mat edge_map(const cv::Mat& gray);

/// SIFT keypoints and descriptors of `gray` (inside `mask` when given), in a deterministic order:
/// keypoints (with their descriptor rows) are sorted by position, size and angle, so the result
/// does not depend on how OpenCV's threads interleaved. With `max_keypoints` > 0 only the
/// strongest keypoints are kept (OpenCV's retainBest keeps every keypoint tied with the last,
/// so the set does not depend on the order either) and only those get descriptors.
LogoFeatures sift_features(const cv::Mat& gray, cv::InputArray mask, int max_keypoints = 0);

}  // namespace brandlint::logo
