// The generated raster corpus: banners drawn with OpenCV in the Nordlys palette
// (brandguide/examples/nordlys/brandguide.toml), with off-palette patches and near misses planted
// at known boxes, anti-aliased text and shapes, gradients between brand colours, procedural
// "photos" and transparency. Shared by tests/raster_*_test.cpp, bench/raster_palette_bench.cpp
// and tools/make_raster_fixtures.cpp (which writes the small fixture PNGs). Header-only so each of
// them can include it without another library target. Deterministic: every random choice comes
// from cv::RNG seeded by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace brandlint::raster_corpus {

/// "#RRGGBB" -> opaque BGRA scalar (OpenCV order).
inline cv::Scalar bgra(std::string_view hex) {
  const auto nib = [](char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  };
  const auto byte = [&](std::size_t i) { return double(nib(hex[i]) * 16 + nib(hex[i + 1])); };
  return {byte(5), byte(3), byte(1), 255.0};
}

// The Nordlys palette.
inline const char* const kBlaa = "#0B3D91";
inline const char* const kMidnat = "#0A1A2F";
inline const char* const kPolarlys = "#3DDC97";
inline const char* const kRoed = "#E4002B";
inline const char* const kWhite = "#FFFFFF";
inline const char* const kSne = "#F4F4F2";
// Off-palette colours with their ΔE00 to the nearest brand colour.
inline const char* const kOffRed = "#C8102E";      // 5.94 from Nordlys Rød: error
inline const char* const kOffBlue = "#2050A0";     // ~4.3 from Nordlys Blå: error
inline const char* const kOffOrange = "#FF7A00";   // far from everything: error
inline const char* const kNearMissRed = "#E4002F"; // 0.97 from Nordlys Rød: must not be reported
inline const char* const kNearMissBlue = "#0C3E93"; // ~0.5 from Nordlys Blå: must not be reported

/// A patch planted on purpose, where the check must find it.
struct Planted {
  cv::Rect box;
  std::string hex;
};

struct Banner {
  cv::Mat image;                    // CV_8UC4
  std::vector<Planted> planted;     // must each be found, box within a few pixels
  std::vector<cv::Rect> near_misses;  // must never be reported
  std::vector<cv::Rect> photos;     // procedural photo areas
};

/// Anti-aliased text, as banners have it.
inline void text(cv::Mat& img, const std::string& s, cv::Point org, double scale,
                 std::string_view hex, int thickness) {
  cv::putText(img, s, org, cv::FONT_HERSHEY_DUPLEX, scale, bgra(hex), thickness, cv::LINE_AA);
}

/// Photo-like texture: a smooth random colour field, fine multi-scale detail and sensor-like
/// noise. Has 40–200 distinct 5-bit colours per 16×16 tile, like the photos in visual.md §1.6.
inline cv::Mat procedural_photo(cv::Size size, std::uint64_t seed) {
  cv::RNG rng(seed);
  cv::Mat small(4, 6, CV_32FC3), field, detail_small(size.height / 6 + 1, size.width / 6 + 1, CV_32FC3),
      detail, noise(size, CV_32FC3);
  rng.fill(small, cv::RNG::UNIFORM, cv::Scalar::all(30), cv::Scalar::all(225));
  cv::resize(small, field, size, 0, 0, cv::INTER_CUBIC);
  rng.fill(detail_small, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(28));
  cv::resize(detail_small, detail, size, 0, 0, cv::INTER_LINEAR);
  rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(9));
  cv::Mat sum = field + detail + noise, out8, out;
  sum.convertTo(out8, CV_8UC3);
  cv::cvtColor(out8, out, cv::COLOR_BGR2BGRA);
  return out;
}

/// A flat banner in brand colours: red background, a blue block, white anti-aliased headline, a
/// Polarlys anti-aliased ring and an anti-aliased Midnat line, as in visual.md §1.6. `scale`
/// multiplies every coordinate (1 = 800×400). Plants nothing.
inline cv::Mat flat_banner(double scale = 1.0) {
  const auto s = [scale](int v) { return static_cast<int>(v * scale); };
  cv::Mat img(s(400), s(800), CV_8UC4, bgra(kRoed));
  cv::rectangle(img, cv::Rect(s(40), s(220), s(300), s(140)), bgra(kBlaa), cv::FILLED);
  text(img, "Vinterlys", {s(40), s(120)}, 2.6 * scale, kWhite, std::max(1, s(5)));
  text(img, "solstrom til hytten", {s(60), s(300)}, 1.1 * scale, kWhite, std::max(1, s(2)));
  cv::circle(img, {s(620), s(240)}, s(90), bgra(kPolarlys), std::max(1, s(12)), cv::LINE_AA);
  cv::line(img, {s(420), s(380)}, {s(780), s(330)}, bgra(kMidnat), std::max(1, s(4)), cv::LINE_AA);
  return img;
}

/// flat_banner() with the §1.6 violations planted: a 60×40 #C8102E patch (5.94 ΔE00, an error)
/// and a 30×30 #E4002F near miss (0.97 ΔE00, never reported).
inline Banner planted_banner(double scale = 1.0) {
  const auto s = [scale](int v) { return static_cast<int>(v * scale); };
  Banner b;
  b.image = flat_banner(scale);
  const cv::Rect patch(s(412), s(96), s(60), s(40));
  const cv::Rect near_miss(s(500), s(40), s(30), s(30));
  cv::rectangle(b.image, patch, bgra(kOffRed), cv::FILLED);
  cv::rectangle(b.image, near_miss, bgra(kNearMissRed), cv::FILLED);
  b.planted.push_back({patch, kOffRed});
  b.near_misses.push_back(near_miss);
  return b;
}

/// A banner with several planted patches on different backgrounds, near misses, and a tint.
inline Banner multi_patch_banner() {
  Banner b;
  b.image = cv::Mat(400, 800, CV_8UC4, bgra(kWhite));
  cv::rectangle(b.image, cv::Rect(0, 0, 400, 400), bgra(kBlaa), cv::FILLED);
  cv::rectangle(b.image, cv::Rect(400, 250, 400, 150), bgra("#6D8BBD"), cv::FILLED);  // Blå 40%
  text(b.image, "Nordlys", {430, 90}, 2.0, kMidnat, 4);
  text(b.image, "Plus", {60, 360}, 2.0, kWhite, 4);
  const std::vector<Planted> plants = {{{60, 60, 80, 50}, kOffBlue},
                                       {{600, 120, 120, 60}, kOffOrange},
                                       {{200, 200, 24, 24}, kOffRed}};
  for (const Planted& p : plants) cv::rectangle(b.image, p.box, bgra(p.hex), cv::FILLED);
  b.planted = plants;
  const cv::Rect near1(250, 60, 50, 50), near2(450, 150, 40, 40);
  cv::rectangle(b.image, near1, bgra(kNearMissBlue), cv::FILLED);
  cv::rectangle(b.image, near2, bgra("#FDFDFD"), cv::FILLED);  // 0.7 from white
  b.near_misses = {near1, near2};
  return b;
}

/// Linear sRGB-space gradients between brand colours (what design tools export by default).
inline cv::Mat gradient_banner(cv::Size size = {800, 400}) {
  cv::Mat img(size, CV_8UC4, bgra(kWhite));
  const cv::Scalar a = bgra(kBlaa), b = bgra(kRoed), c = bgra(kPolarlys);
  for (int y = 0; y < size.height; ++y) {
    auto* row = img.ptr<cv::Vec4b>(y);
    for (int x = 0; x < size.width; ++x) {
      const double t = double(x) / (size.width - 1);
      const cv::Scalar& to = y < size.height / 2 ? b : c;
      for (int k = 0; k < 3; ++k) row[x][k] = cv::saturate_cast<std::uint8_t>(a[k] + t * (to[k] - a[k]));
      row[x][3] = 255;
    }
  }
  text(img, "Vinter", {40, 120}, 2.5, kWhite, 5);
  return img;
}

/// A banner whose right part is a procedural photo, with a planted patch on the flat part.
inline Banner photo_banner(cv::Size size, std::uint64_t seed, double photo_share = 0.5) {
  Banner b;
  b.image = cv::Mat(size, CV_8UC4, bgra(kBlaa));
  const int photo_w = static_cast<int>(size.width * photo_share);
  const cv::Rect photo(size.width - photo_w, 0, photo_w, size.height);
  procedural_photo(photo.size(), seed).copyTo(b.image(photo));
  b.photos.push_back(photo);
  const int unit = std::max(1, size.height / 400);
  text(b.image, "Nordlys", {20 * unit, 90 * unit}, 2.0 * unit, kWhite, 4 * unit);
  const cv::Rect patch(40 * unit, 200 * unit, 70 * unit, 50 * unit);
  if (patch.x + patch.width < photo.x - 32) {
    cv::rectangle(b.image, patch, bgra(kOffOrange), cv::FILLED);
    b.planted.push_back({patch, kOffOrange});
  }
  return b;
}

/// The image after a JPEG round trip at `quality` (4:2:0, as every encoder defaults to).
inline cv::Mat jpeg_round_trip(const cv::Mat& img, int quality) {
  cv::Mat bgr, decoded, out;
  cv::cvtColor(img, bgr, cv::COLOR_BGRA2BGR);
  std::vector<std::uint8_t> bytes;
  cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
  decoded = cv::imdecode(bytes, cv::IMREAD_COLOR);
  cv::cvtColor(decoded, out, cv::COLOR_BGR2BGRA);
  return out;
}

/// A "logo" on a transparent canvas: fully transparent pixels store black (as exporters do),
/// the edge is anti-aliased alpha, and a translucent off-palette glow (α 200) surrounds it.
inline cv::Mat transparent_logo() {
  cv::Mat img(300, 300, CV_8UC4, cv::Scalar(0, 0, 0, 0));
  cv::circle(img, {150, 150}, 120, cv::Scalar(0x00, 0x7A, 0xFF, 200), cv::FILLED);  // orange glow
  cv::circle(img, {150, 150}, 100, bgra(kBlaa), cv::FILLED, cv::LINE_AA);
  text(img, "N", {105, 195}, 3.0, kWhite, 8);
  return img;
}

}  // namespace brandlint::raster_corpus
