#include "rules/support/logo_library.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <opencv2/features2d.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/assets/load_asset.h"
#include "rules/support/logo_features.h"

namespace brandlint::logo {

namespace {

// Transparent margin around the canonical rendering: SIFT needs room around the logo's outer
// strokes to describe them (its descriptor window reaches ~8 px past a keypoint at the finest
// scale), exactly as the logo has room around it in a banner.
constexpr int kPad = 24;
constexpr std::uint64_t kRenderBudget = 16'000'000;

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read logo file {}", file.string()));
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

cv::Mat to_bgra(const cv::Mat& decoded) {
  cv::Mat out;
  cv::Mat eight = decoded;
  if (decoded.depth() == CV_16U) decoded.convertTo(eight, CV_8U, 1.0 / 257.0);
  switch (eight.channels()) {
    case 1:
      cv::cvtColor(eight, out, cv::COLOR_GRAY2BGRA);
      break;
    case 3:
      cv::cvtColor(eight, out, cv::COLOR_BGR2BGRA);
      break;
    case 4:
      out = eight;
      break;
    default:
      break;
  }
  return out;
}

// The bounding box of pixels with alpha ≥ 128; empty when the picture is fully transparent.
cv::Rect opaque_box(const cv::Mat& bgra) {
  cv::Mat alpha;
  cv::extractChannel(bgra, alpha, 3);
  cv::Mat solid = alpha >= 128;
  return cv::boundingRect(solid);
}

// The logo rendered so that its visible part is `kCanonicalWidth` wide (SVG: rendered again at
// the right size, so strokes stay sharp; raster logos: resampled), cropped to that part and
// padded with transparency.
cv::Mat canonical_rendering(const guide::Logo& logo) {
  const std::string bytes = read_bytes(logo.file);
  std::string ext = logo.file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  cv::Mat picture;
  if (ext == ".svg") {
    std::string error;
    cv::Mat first = render_svg_bgra(bytes, 0.0, kRenderBudget, error);
    if (first.empty()) {
      throw std::runtime_error(fmt::format("cannot render logo {}: {}", logo.file.string(), error));
    }
    const cv::Rect box = opaque_box(first);
    if (box.width <= 0)
      throw std::runtime_error(fmt::format("logo {} is empty", logo.file.string()));
    const double width = double(first.cols) * LogoLibrary::kCanonicalWidth / double(box.width);
    picture = render_svg_bgra(bytes, width, kRenderBudget, error);
    if (picture.empty()) {
      throw std::runtime_error(fmt::format("cannot render logo {}: {}", logo.file.string(), error));
    }
  } else {
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
    cv::Mat decoded;
    try {
      decoded = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception&) {
      decoded.release();
    }
    picture = decoded.empty() ? cv::Mat() : to_bgra(decoded);
    if (picture.empty()) {
      throw std::runtime_error(fmt::format("cannot decode logo {}", logo.file.string()));
    }
    const cv::Rect box = opaque_box(picture);
    if (box.width <= 0)
      throw std::runtime_error(fmt::format("logo {} is empty", logo.file.string()));
    const double f = double(LogoLibrary::kCanonicalWidth) / double(box.width);
    cv::resize(picture, picture, cv::Size(), f, f, f < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  }
  const cv::Rect box = opaque_box(picture);
  if (box.width <= 0 || box.height <= 0) {
    throw std::runtime_error(fmt::format("logo {} is empty", logo.file.string()));
  }
  cv::Mat out(box.height + 2 * kPad, box.width + 2 * kPad, CV_8UC4, cv::Scalar(0, 0, 0, 0));
  picture(box).copyTo(out(cv::Rect(kPad, kPad, box.width, box.height)));
  return out;
}

// The most common opaque colour (alpha ≥ 250), counted exactly; ties go to the smaller packed
// value so the choice is deterministic.
color::Rgb most_common_colour(const cv::Mat& bgra, double& share) {
  std::map<std::uint32_t, long long> counts;
  long long total = 0;
  for (int y = 0; y < bgra.rows; ++y) {
    const cv::Vec4b* row = bgra.ptr<cv::Vec4b>(y);
    for (int x = 0; x < bgra.cols; ++x) {
      if (row[x][3] < 250) continue;
      ++counts[(std::uint32_t(row[x][2]) << 16) | (std::uint32_t(row[x][1]) << 8) | row[x][0]];
      ++total;
    }
  }
  std::uint32_t best = 0;
  long long best_count = -1;
  for (const auto& [packed, count] : counts) {
    if (count > best_count) {
      best = packed;
      best_count = count;
    }
  }
  share = total > 0 ? double(best_count) / double(total) : 0.0;
  return {std::uint8_t(best >> 16), std::uint8_t((best >> 8) & 0xFF), std::uint8_t(best & 0xFF)};
}

std::vector<Colorway> resolve_colorways(const guide::Logo& logo, const guide::Palette& palette) {
  std::vector<Colorway> out;
  for (const std::string& way : logo.colorways) {
    std::optional<guide::Rgb> rgb;
    for (const guide::PaletteColor& c : palette.colors) {
      if (c.name == way) rgb = c.rgb;
    }
    if (!rgb) rgb = guide::parse_hex(way);
    if (!rgb) continue;  // the guide loader reports unknown names; nothing to compare with here
    out.push_back({way, guide::to_hex(*rgb), color::srgb_to_lab(*rgb)});
  }
  return out;
}

ReferenceLogo prepare(const guide::BrandGuide& guide, std::size_t index) {
  const guide::Logo& logo = guide.logos[index];
  ReferenceLogo ref;
  ref.index = index;
  ref.logo = logo;
  ref.id = logo.id;
  ref.deprecated = logo.deprecated;
  ref.replaced_by = logo.replaced_by;
  ref.rgba = canonical_rendering(logo);
  cv::Mat alpha;
  cv::extractChannel(ref.rgba, alpha, 3);
  ref.mask = alpha >= 128;
  ref.extent = cv::Rect2f(float(kPad), float(kPad), float(ref.rgba.cols - 2 * kPad),
                          float(ref.rgba.rows - 2 * kPad));
  ref.aspect = double(ref.extent.width) / double(ref.extent.height);
  ref.gray = composite_gray(ref.rgba);
  ref.dark = sift_features(ref.gray, cv::noArray());
  cv::Mat inverted = 255 - ref.gray;
  ref.light = sift_features(inverted, cv::noArray());

  ref.primary_ink = most_common_colour(ref.rgba, ref.primary_share);
  ref.primary_ink_lab = color::srgb_to_lab(ref.primary_ink);
  ref.colorways = resolve_colorways(logo, guide.palette);

  // Verification frame.
  const int vw = LogoLibrary::kVerifyWidth;
  const int vh = std::max(8, int(std::lround(vw / ref.aspect)));
  ref.verify_size = cv::Size(vw, vh);
  cv::Mat extent_rgba =
      ref.rgba(cv::Rect(kPad, kPad, ref.rgba.cols - 2 * kPad, ref.rgba.rows - 2 * kPad));
  cv::Mat small;
  cv::resize(extent_rgba, small, ref.verify_size, 0, 0, cv::INTER_AREA);
  ref.verify_gray = composite_gray(small);
  // Primary ink: pixels of that colour (ΔE00 ≤ 2: anti-aliasing of the resize stays out),
  // eroded once so the warped image is sampled inside strokes, not on their edges.
  cv::Mat ink(small.size(), CV_8U, cv::Scalar(0));
  for (int y = 0; y < small.rows; ++y) {
    for (int x = 0; x < small.cols; ++x) {
      const cv::Vec4b p = small.at<cv::Vec4b>(y, x);
      if (p[3] < 250) continue;
      const color::Rgb rgb{p[2], p[1], p[0]};
      if (color::delta_e00(color::srgb_to_lab(rgb), ref.primary_ink_lab) <= 2.0) {
        ink.at<std::uint8_t>(y, x) = 255;
      }
    }
  }
  cv::Mat eroded;
  cv::erode(ink, eroded, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  // Thin strokes vanish under erosion at this size; then the un-eroded ink is all there is.
  ref.verify_ink = cv::countNonZero(eroded) >= 12 ? eroded : ink;
  return ref;
}

std::string file_stamp(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  const auto time = std::filesystem::last_write_time(file, ec);
  return fmt::format("{}:{}", ec ? 0 : size, ec ? 0 : time.time_since_epoch().count());
}

}  // namespace

LogoLibrary::LogoLibrary(const guide::BrandGuide& guide) {
  recolor_threshold_ = guide.palette.tolerance.fail;
  recolor_key_ = (guide.palette.tolerance.ref.key.empty() ? std::string("palette.tolerance")
                                                          : guide.palette.tolerance.ref.key) +
                 ".fail";
  key_ = guide.path.string();
  for (std::size_t i = 0; i < guide.logos.size(); ++i) {
    logos_.push_back(prepare(guide, i));
    key_ += "|" + guide.logos[i].id;
  }
}

const ReferenceLogo* LogoLibrary::find(std::string_view id) const {
  for (const ReferenceLogo& ref : logos_) {
    if (ref.id == id) return &ref;
  }
  return nullptr;
}

std::shared_ptr<const LogoLibrary> LogoLibrary::shared(const guide::BrandGuide& guide) {
  // Keyed by what the preparation reads (guide path, every logo's id, file, stamp, colourways
  // and the recolour tolerance), not by the guide's address: tests load many guides, and a
  // freed guide's address is reused.
  std::string key = fmt::format("{}|{}", guide.path.string(), guide.palette.tolerance.fail);
  for (const guide::Logo& logo : guide.logos) {
    key += fmt::format("|{}:{}:{}:{}:{}:{}:{}:{}:{}:{}", logo.id, logo.file.string(),
                       file_stamp(logo.file), logo.deprecated, logo.replaced_by,
                       logo.min_width_px.value_or(-1), logo.min_width_mm.value_or(-1.0),
                       logo.clear_space, logo.rotation, logo.ref.line);
    for (const Colorway& way : resolve_colorways(logo, guide.palette)) key += "," + way.hex;
  }
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const LogoLibrary>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, std::make_shared<const LogoLibrary>(guide)).first;
  return it->second;
}

}  // namespace brandlint::logo
