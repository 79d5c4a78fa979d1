// Writes the image fixtures of the raster colour rules, deterministically:
//
//   tools/make_raster_fixtures.sh          # builds this file and writes into fixtures/color
//   make_raster_fixtures FIXTURES_COLOR_DIR
//
// fixtures/color/off-palette/    valid: clean banner (PNG and JPEG q75), gradients, near misses,
//                                transparent logo, procedural photo inset; invalid: planted
//                                #C8102E patch (error), #0B3DA0 patch (warning band), orange
//                                button in a JPEG.
// fixtures/color/accent-share/   Polarlys at 10 % (valid) and 40 % (invalid) of the graphic area.
// fixtures/color/color-profile/  no profile, an sRGB profile (valid); Display P3 PNG and Adobe RGB
//                                JPEG (invalid). The ICC profiles are minimal hand-built v2
//                                profiles (header, desc, rXYZ/gXYZ/bXYZ), enough to be recognised.
// Every file stays far below the 64 KB fixture limit. Drawing helpers: make_raster_fixtures.h.
#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tools/make_raster_fixtures.h"

namespace fs = std::filesystem;
namespace corpus = brandlint::raster_corpus;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
}
void put_str(Bytes& b, const std::string& s) { b.insert(b.end(), s.begin(), s.end()); }
void set32(Bytes& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + std::size_t(i)] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

// A minimal ICC v2 display profile: header, 'desc', and the three primaries (D50, s15Fixed16).
Bytes icc_profile(const std::string& description, const std::array<std::array<double, 3>, 3>& rgb) {
  Bytes tags;  // tag data, placed after the header and the tag table
  struct Entry {
    std::string sig;
    std::uint32_t offset, size;
  };
  std::vector<Entry> entries;
  const std::uint32_t data_start = 128 + 4 + 4 * 12;
  const auto add = [&](const std::string& sig, const Bytes& data) {
    entries.push_back({sig, data_start + std::uint32_t(tags.size()), std::uint32_t(data.size())});
    tags.insert(tags.end(), data.begin(), data.end());
    while (tags.size() % 4 != 0) tags.push_back(0);
  };
  Bytes desc;
  put_str(desc, "desc");
  put32(desc, 0);
  put32(desc, std::uint32_t(description.size() + 1));
  put_str(desc, description);
  desc.push_back(0);
  for (int i = 0; i < 4 + 2 + 1 + 67; ++i) desc.push_back(0);  // empty Unicode and ScriptCode parts
  add("desc", desc);
  const char* names[] = {"rXYZ", "gXYZ", "bXYZ"};
  for (std::size_t c = 0; c < 3; ++c) {
    Bytes xyz;
    put_str(xyz, "XYZ ");
    put32(xyz, 0);
    for (const double v : rgb[c]) put32(xyz, static_cast<std::uint32_t>(std::lround(v * 65536.0)));
    add(names[c], xyz);
  }
  Bytes p(128, 0);
  set32(p, 8, 0x02100000);
  std::copy_n("mntrRGB XYZ ", 12, p.begin() + 12);
  std::copy_n("acsp", 4, p.begin() + 36);
  put32(p, std::uint32_t(entries.size()));
  for (const Entry& e : entries) {
    put_str(p, e.sig);
    put32(p, e.offset);
    put32(p, e.size);
  }
  p.insert(p.end(), tags.begin(), tags.end());
  set32(p, 0, std::uint32_t(p.size()));
  return p;
}

constexpr std::array<std::array<double, 3>, 3> kSrgb = {
    {{0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7141}}};
constexpr std::array<std::array<double, 3>, 3> kDisplayP3 = {
    {{0.5151, 0.2412, -0.0011}, {0.2920, 0.6922, 0.0419}, {0.1571, 0.0666, 0.7841}}};
constexpr std::array<std::array<double, 3>, 3> kAdobeRgb = {
    {{0.6097, 0.3111, 0.0195}, {0.2053, 0.6257, 0.0609}, {0.1492, 0.0632, 0.7446}}};

// PNG with an iCCP chunk right after IHDR.
Bytes png_with_profile(const cv::Mat& img, const std::string& name, const Bytes& profile) {
  Bytes png;
  cv::imencode(".png", img, png);
  uLongf size = compressBound(uLong(profile.size()));
  Bytes compressed(size);
  compress2(compressed.data(), &size, profile.data(), uLong(profile.size()), 9);
  compressed.resize(size);
  Bytes chunk;
  put32(chunk, std::uint32_t(name.size() + 2 + compressed.size()));
  put_str(chunk, "iCCP");
  put_str(chunk, name);
  chunk.push_back(0);
  chunk.push_back(0);  // compression method: zlib
  chunk.insert(chunk.end(), compressed.begin(), compressed.end());
  put32(chunk, std::uint32_t(crc32(0, chunk.data() + 4, uInt(chunk.size() - 4))));
  png.insert(png.begin() + 33, chunk.begin(), chunk.end());  // signature 8 + IHDR 25
  return png;
}

// JPEG with an APP2 ICC_PROFILE segment after the JFIF APP0 segment.
Bytes jpeg_with_profile(const cv::Mat& bgra, const Bytes& profile) {
  cv::Mat bgr;
  cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
  Bytes jpg;
  cv::imencode(".jpg", bgr, jpg, {cv::IMWRITE_JPEG_QUALITY, 85});
  const std::size_t after_app0 = 4 + (std::size_t(jpg[4]) << 8 | jpg[5]);
  Bytes seg = {0xFF, 0xE2};
  const std::size_t length = 2 + 14 + profile.size();
  seg.push_back(static_cast<std::uint8_t>(length >> 8));
  seg.push_back(static_cast<std::uint8_t>(length));
  put_str(seg, std::string("ICC_PROFILE\0", 12));
  seg.push_back(1);
  seg.push_back(1);
  seg.insert(seg.end(), profile.begin(), profile.end());
  jpg.insert(jpg.begin() + std::ptrdiff_t(after_app0), seg.begin(), seg.end());
  return jpg;
}

void write(const fs::path& path, const Bytes& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  std::printf("%-60s %6.1f KB\n", path.string().c_str(), double(bytes.size()) / 1024.0);
}

void write_image(const fs::path& path, const cv::Mat& img, int jpeg_quality = 0) {
  Bytes bytes;
  if (jpeg_quality > 0) {
    cv::Mat bgr;
    cv::cvtColor(img, bgr, cv::COLOR_BGRA2BGR);
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, jpeg_quality});
  } else {
    cv::imencode(".png", img, bytes, {cv::IMWRITE_PNG_COMPRESSION, 9});
  }
  write(path, bytes);
}

void off_palette(const fs::path& dir) {
  const double s = 0.5;  // 400×200 banners keep the PNGs small
  write_image(dir / "valid/clean-banner.png", corpus::flat_banner(s));
  write_image(dir / "valid/clean-banner-q75.jpg", corpus::flat_banner(s), 75);
  write_image(dir / "valid/gradients.png", corpus::gradient_banner({400, 200}));
  write_image(dir / "valid/transparent-logo.png", corpus::transparent_logo());
  cv::Mat near = corpus::flat_banner(s);
  cv::rectangle(near, cv::Rect(230, 20, 40, 30), corpus::bgra(corpus::kNearMissRed), cv::FILLED);
  cv::rectangle(near, cv::Rect(40, 120, 40, 30), corpus::bgra(corpus::kNearMissBlue), cv::FILLED);
  write_image(dir / "valid/near-misses.png", near);
  const corpus::Banner photo = corpus::photo_banner({400, 200}, 11, 0.35);
  write_image(dir / "valid/photo-inset.jpg", photo.image(cv::Rect(0, 0, 400, 200)).clone(), 80);

  write_image(dir / "invalid/planted-sale-red.png", corpus::planted_banner(s).image);
  cv::Mat warn = corpus::flat_banner(s);
  cv::rectangle(warn, cv::Rect(250, 30, 50, 40), corpus::bgra("#0B3DA0"), cv::FILLED);  // 2.33
  write_image(dir / "invalid/warning-band-blue.png", warn);
  cv::Mat orange = corpus::flat_banner(s);
  cv::rectangle(orange, cv::Rect(256, 144, 96, 40), corpus::bgra(corpus::kOffOrange), cv::FILLED);
  corpus::text(orange, "Kob nu", {266, 172}, 0.7, corpus::kWhite, 2);
  write_image(dir / "invalid/orange-button-q80.jpg", orange, 80);
}

void accent_share(const fs::path& dir) {
  cv::Mat ok(200, 400, CV_8UC4, corpus::bgra(corpus::kBlaa));
  cv::rectangle(ok, cv::Rect(0, 0, 40, 200), corpus::bgra(corpus::kPolarlys), cv::FILLED);  // 10 %
  corpus::text(ok, "Polarlys", {80, 110}, 1.4, corpus::kWhite, 3);
  write_image(dir / "valid/accent-10-percent.png", ok);
  cv::Mat much(200, 400, CV_8UC4, corpus::bgra(corpus::kBlaa));
  cv::rectangle(much, cv::Rect(0, 0, 160, 200), corpus::bgra(corpus::kPolarlys), cv::FILLED);  // 40 %
  corpus::text(much, "Polarlys", {180, 110}, 1.2, corpus::kWhite, 3);
  write_image(dir / "invalid/accent-40-percent.png", much);
}

void color_profile(const fs::path& dir) {
  const cv::Mat img = corpus::flat_banner(0.25);
  write_image(dir / "valid/no-profile.png", img);
  write(dir / "valid/srgb-profile.png",
        png_with_profile(img, "ICC profile", icc_profile("sRGB IEC61966-2.1", kSrgb)));
  write(dir / "valid/unnamed-srgb-primaries.png",
        png_with_profile(img, "ICC profile", icc_profile("Monitor", kSrgb)));
  write(dir / "invalid/display-p3.png",
        png_with_profile(img, "ICC profile", icc_profile("Display P3", kDisplayP3)));
  write(dir / "invalid/adobe-rgb.jpg", jpeg_with_profile(img, icc_profile("Adobe RGB (1998)", kAdobeRgb)));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_raster_fixtures FIXTURES_COLOR_DIR\n");
    return 2;
  }
  const fs::path root = argv[1];
  off_palette(root / "off-palette");
  accent_share(root / "accent-share");
  color_profile(root / "color-profile");
  return 0;
}
