#include "rules/support/perceptual_hash.h"

#include <algorithm>
#include <bit>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include <fmt/format.h>
#include <opencv2/imgproc.hpp>

#include "linter/assets/load_asset.h"
#include "linter/classify.h"

namespace brandlint::phash {
namespace {

// A pixel differs from the background when a channel is this far from it: anti-aliasing and
// JPEG noise around a logo stay below it, the logo's own strokes do not.
constexpr int kContentThreshold = 24;

// The bounding box of the pixels that do not show the background; nullopt when none does.
std::optional<cv::Rect> content_box(const cv::Mat& bgr, guide::Rgb background) {
  int x0 = bgr.cols, y0 = bgr.rows, x1 = -1, y1 = -1;
  for (int y = 0; y < bgr.rows; ++y) {
    const cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < bgr.cols; ++x) {
      const cv::Vec3b p = row[x];
      if (std::abs(p[0] - background.b) > kContentThreshold ||
          std::abs(p[1] - background.g) > kContentThreshold ||
          std::abs(p[2] - background.r) > kContentThreshold) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
    }
  }
  if (x1 < 0) return std::nullopt;
  return cv::Rect{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

std::string logo_set_key(const guide::BrandGuide& guide, guide::Rgb background) {
  std::string key = guide::to_hex(background);
  for (const guide::Logo& logo : guide.logos) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(logo.file, ec);
    const auto time = std::filesystem::last_write_time(logo.file, ec);
    key += fmt::format("|{}|{}|{}|{}|{}|{}|{}", logo.id, logo.deprecated, logo.replaced_by,
                       logo.ref.key, logo.file.string(), ec ? 0 : size,
                       ec ? 0 : time.time_since_epoch().count());
  }
  return key;
}

PreparedLogo prepare(const guide::Logo& logo, guide::Rgb background) {
  PreparedLogo out;
  out.id = logo.id;
  out.deprecated = logo.deprecated;
  out.replaced_by = logo.replaced_by;
  out.key = logo.ref.key;
  out.file = logo.file.generic_string();
  std::optional<AssetKind> kind = kind_from_extension(logo.file.string());
  if (kind != AssetKind::svg && kind != AssetKind::image) return out;
  DiscoveredFile file;
  file.path = logo.file;
  file.display_path = file.match_path = logo.file.generic_string();
  static const guide::Channel kNoChannel;  // the decoders read no channel setting
  const Asset asset = load_asset(file, *kind, kNoChannel, LoadOptions{});
  if (!asset.readable || asset.pixels.empty()) return out;
  out.hash = dct_hash(asset.pixels, background);
  out.width = asset.pixels.cols;
  out.height = asset.pixels.rows;
  out.ok = true;
  return out;
}

}  // namespace

cv::Mat flatten(const cv::Mat& bgra, guide::Rgb background) {
  cv::Mat out(bgra.rows, bgra.cols, CV_8UC3);
  const int bg[3] = {background.b, background.g, background.r};
  for (int y = 0; y < bgra.rows; ++y) {
    const cv::Vec4b* src = bgra.ptr<cv::Vec4b>(y);
    cv::Vec3b* dst = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < bgra.cols; ++x) {
      const int a = src[x][3];
      for (int c = 0; c < 3; ++c) {
        dst[x][c] = static_cast<std::uint8_t>((src[x][c] * a + bg[c] * (255 - a) + 127) / 255);
      }
    }
  }
  return out;
}

std::uint64_t dct_hash(const cv::Mat& bgra, guide::Rgb background) {
  if (bgra.empty() || bgra.type() != CV_8UC4) return 0;
  const cv::Mat bgr = flatten(bgra, background);
  // Nothing but background (a blank render, an unresolved <use>): no picture to compare, and a
  // flat image's DCT signs would be rounding noise.
  const std::optional<cv::Rect> box = content_box(bgr, background);
  if (!box) return 0;
  cv::Mat grey;
  cv::cvtColor(bgr(*box), grey, cv::COLOR_BGR2GRAY);
  cv::Mat small;
  cv::resize(grey, small, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
  cv::Mat f, freq;
  small.convertTo(f, CV_32F);
  cv::dct(f, freq);
  float low[64];
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) low[y * 8 + x] = freq.at<float>(y, x);
  }
  float sorted[64];
  std::copy(std::begin(low), std::end(low), std::begin(sorted));
  std::sort(std::begin(sorted), std::end(sorted));
  const float median = (sorted[31] + sorted[32]) / 2.0f;
  std::uint64_t hash = 0;
  for (int i = 0; i < 64; ++i) {
    if (low[i] > median) hash |= std::uint64_t{1} << i;
  }
  return hash;
}

int hamming(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::shared_ptr<const LogoSet> prepared_logos(const guide::BrandGuide& guide,
                                              guide::Rgb background) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const LogoSet>> cache;
  const std::string key = logo_set_key(guide, background);
  // Held while preparing: a second thread asking for the same set waits instead of rendering
  // the logos again, and the logos are few and small.
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[key];
  if (!slot) {
    auto set = std::make_shared<LogoSet>();
    for (const guide::Logo& logo : guide.logos) set->push_back(prepare(logo, background));
    slot = std::move(set);
  }
  return slot;
}

LogoMatch best_match(const LogoSet& logos, std::uint64_t hash) {
  LogoMatch best;
  for (const PreparedLogo& p : logos) {
    if (!p.ok) continue;
    const int d = hamming(p.hash, hash);
    if (best.logo == nullptr || d < best.distance) {
      best.logo = &p;
      best.distance = d;
    }
  }
  return best;
}

}  // namespace brandlint::phash
