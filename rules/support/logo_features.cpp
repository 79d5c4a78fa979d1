#include "rules/support/logo_features.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <vector>

#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

namespace brandlint::logo {

cv::Mat composite_bgr(const cv::Mat& pixels) {
  if (pixels.channels() == 3) return pixels;
  if (pixels.channels() == 1) {
    cv::Mat bgr;
    cv::cvtColor(pixels, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
  }
  cv::Mat bgr(pixels.size(), CV_8UC3);
  double lowest_alpha = 0;
  cv::Mat alpha;
  cv::extractChannel(pixels, alpha, 3);
  cv::minMaxLoc(alpha, &lowest_alpha);
  if (lowest_alpha >= 255) {  // opaque: nothing to composite
    cv::cvtColor(pixels, bgr, cv::COLOR_BGRA2BGR);
    return bgr;
  }
  for (int y = 0; y < pixels.rows; ++y) {
    const cv::Vec4b* src = pixels.ptr<cv::Vec4b>(y);
    cv::Vec3b* dst = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < pixels.cols; ++x) {
      const int a = src[x][3];
      for (int c = 0; c < 3; ++c) {
        dst[x][c] = static_cast<std::uint8_t>((src[x][c] * a + 255 * (255 - a) + 127) / 255);
      }
    }
  }
  return bgr;
}

cv::Mat composite_gray(const cv::Mat& pixels) {
  if (pixels.channels() == 1) return pixels.clone();
  cv::Mat gray;
  cv::cvtColor(composite_bgr(pixels), gray, cv::COLOR_BGR2GRAY);
  return gray;
}

cv::Mat edge_map(const cv::Mat& gray) {
  cv::Mat blurred, gx, gy, magnitude;
  cv::GaussianBlur(gray, blurred, cv::Size(0, 0), 1.0);
  cv::Sobel(blurred, gx, CV_32F, 1, 0, 3);
  cv::Sobel(blurred, gy, CV_32F, 0, 1, 3);
  cv::magnitude(gx, gy, magnitude);
  return magnitude;
}

LogoFeatures sift_features(const cv::Mat& gray, cv::InputArray mask, int max_keypoints) {
  // contrastThreshold 0.03 (OpenCV's default is 0.04): flat logos have few blobs, and a
  // pale colourway (yellow on white) still has to give enough of them.
  static thread_local cv::Ptr<cv::SIFT> all = cv::SIFT::create(0, 3, 0.03, 10.0, 1.6);
  const cv::Ptr<cv::SIFT> sift =
      max_keypoints > 0 ? cv::SIFT::create(max_keypoints, 3, 0.03, 10.0, 1.6) : all;
  // One pass builds the scale space for both detection and descriptors: detect followed by
  // compute built it twice (a third of SIFT's time on a 1080p banner, measured with
  // logo_bench). A descriptor depends only on its own keypoint, so the deterministic order is
  // obtained by permuting keypoints and descriptor rows together after the fact.
  std::vector<cv::KeyPoint> keypoints;
  cv::Mat descriptors;
  sift->detectAndCompute(gray, mask, keypoints, descriptors);
  std::vector<int> order(keypoints.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int i, int j) {
    const cv::KeyPoint& a = keypoints[std::size_t(i)];
    const cv::KeyPoint& b = keypoints[std::size_t(j)];
    return std::tie(a.pt.y, a.pt.x, a.size, a.angle, a.octave, a.response) <
           std::tie(b.pt.y, b.pt.x, b.size, b.angle, b.octave, b.response);
  });
  LogoFeatures out;
  out.keypoints.reserve(keypoints.size());
  if (!keypoints.empty())
    out.descriptors.create(descriptors.rows, descriptors.cols, descriptors.type());
  for (std::size_t k = 0; k < order.size(); ++k) {
    out.keypoints.push_back(keypoints[std::size_t(order[k])]);
    descriptors.row(order[k]).copyTo(out.descriptors.row(int(k)));
  }
  return out;
}

}  // namespace brandlint::logo
