// Test scenes for the logo engine: a guide logo (as LogoLibrary renders it) placed on a
// background at a known box, scale, stretch, rotation and colour, optionally with an intruder
// in its clear space. Shared by tests/logo_{library,detect}_test.cpp and the fixture writer in
// tests/logo_detect_test.cpp (BRANDLINT_WRITE_LOGO_FIXTURES=1). Deterministic.
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/asset.h"
#include "rules/support/logo_library.h"

namespace brandlint::logo_scene {

struct Placement {
  std::string logo_id = "primary";
  double width = 200;       // visible width in px, before stretch
  double x = 100, y = 100;  // top-left of the visible extent (before rotation)
  double stretch_x = 1.0;   // horizontal scale on top of `width`
  double rotation_deg = 0;  // counter-clockwise, about the logo's centre
  std::optional<cv::Scalar> recolor =
      std::nullopt;  // BGR: every opaque pixel takes this colour (keeps alpha)
};

/// "#RRGGBB" → BGR scalar.
inline cv::Scalar bgr(const std::string& hex) {
  const auto v = std::stoul(hex.substr(1), nullptr, 16);
  return {double(v & 0xFF), double((v >> 8) & 0xFF), double((v >> 16) & 0xFF), 255.0};
}

/// Alpha-composites the logo onto `canvas` (BGRA, opaque) at `p`.
inline void place(cv::Mat& canvas, const logo::LogoLibrary& library, const Placement& p) {
  const logo::ReferenceLogo* ref = library.find(p.logo_id);
  if (ref == nullptr) return;
  cv::Mat src = ref->rgba.clone();
  if (p.recolor) {
    for (int y = 0; y < src.rows; ++y) {
      for (int x = 0; x < src.cols; ++x) {
        cv::Vec4b& px = src.at<cv::Vec4b>(y, x);
        for (int c = 0; c < 3; ++c) px[c] = cv::saturate_cast<std::uint8_t>((*p.recolor)[c]);
      }
    }
  }
  // Premultiply so resampling does not bleed the transparent pixels' colour into edges.
  cv::Mat premul(src.size(), CV_32FC4);
  for (int y = 0; y < src.rows; ++y) {
    for (int x = 0; x < src.cols; ++x) {
      const cv::Vec4b s = src.at<cv::Vec4b>(y, x);
      const float a = float(s[3]) / 255.f;
      premul.at<cv::Vec4f>(y, x) = {float(s[0]) * a, float(s[1]) * a, float(s[2]) * a, float(s[3])};
    }
  }
  const double k = p.width / double(ref->extent.width);
  const double sx = k * p.stretch_x, sy = k;
  // reference → canvas: scale about the extent's top-left, then rotate about the placed centre.
  const double cx = p.x + double(ref->extent.width) * sx / 2,
               cy = p.y + double(ref->extent.height) * sy / 2;
  const double t = p.rotation_deg * CV_PI / 180.0;
  const double c = std::cos(t), s = -std::sin(t);  // y points down: counter-clockwise on screen
  // scaled point q = (p.x + (u - ex)·sx, p.y + (v - ey)·sy); rotated: centre + R(q − centre)
  const double ax = sx * c, bx = -sy * s, ay = sx * s, by = sy * c;
  const double qx0 = p.x - double(ref->extent.x) * sx - cx,
               qy0 = p.y - double(ref->extent.y) * sy - cy;
  cv::Matx23d m(ax, bx, cx + c * qx0 - s * qy0, ay, by, cy + s * qx0 + c * qy0);
  cv::Mat warped;
  cv::warpAffine(premul, warped, cv::Mat(m), canvas.size(), cv::INTER_AREA, cv::BORDER_CONSTANT,
                 cv::Scalar(0, 0, 0, 0));
  for (int y = 0; y < canvas.rows; ++y) {
    for (int x = 0; x < canvas.cols; ++x) {
      const cv::Vec4f w = warped.at<cv::Vec4f>(y, x);
      const float a = std::clamp(w[3] / 255.f, 0.f, 1.f);
      if (a <= 0.f) continue;
      cv::Vec4b& d = canvas.at<cv::Vec4b>(y, x);
      for (int ch = 0; ch < 3; ++ch) {
        d[ch] = cv::saturate_cast<std::uint8_t>(w[ch] + float(d[ch]) * (1.f - a));
      }
    }
  }
}

/// A flat canvas (BGRA) of `hex`.
inline cv::Mat canvas(int width, int height, const std::string& hex) {
  return cv::Mat(height, width, CV_8UC4, bgr(hex));
}

/// A horizontal gradient canvas between two colours.
inline cv::Mat gradient(int width, int height, const std::string& from, const std::string& to) {
  cv::Mat out(height, width, CV_8UC4);
  const cv::Scalar a = bgr(from), b = bgr(to);
  for (int x = 0; x < width; ++x) {
    const double t = width > 1 ? double(x) / (width - 1) : 0;
    const cv::Scalar c = a * (1 - t) + b * t;
    out.col(x).setTo(cv::Scalar(c[0], c[1], c[2], 255));
  }
  return out;
}

/// An in-memory raster asset, as the loader would give it.
inline Asset asset_of(const cv::Mat& pixels, const std::string& name = "scene.png") {
  Asset a;
  a.display_path = name;
  a.match_path = name;
  a.kind = AssetKind::image;
  a.pixels = pixels;
  a.pixel_format = "png";
  return a;
}

}  // namespace brandlint::logo_scene
