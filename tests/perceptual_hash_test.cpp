// The DCT pHash and the measurement behind its match threshold (phash::kMatchDistance): the
// same logo under re-encoding, rescaling, margins, shifts, blur and a light background stays
// within the threshold; different images in the repository stay beyond it. The figures are
// printed so the justification in perceptual_hash.h can be re-checked.
#include "rules/support/perceptual_hash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/assets/load_asset.h"
#include "linter/classify.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

namespace fs = std::filesystem;
constexpr guide::Rgb kWhite{255, 255, 255};

cv::Mat load_pixels(const fs::path& path) {
  static const guide::Channel channel;
  DiscoveredFile file;
  file.path = path;
  file.display_path = file.match_path = path.generic_string();
  const Asset asset = load_asset(file, *kind_from_extension(path.string()), channel, LoadOptions{});
  return asset.pixels;
}

// The variants a logo goes through on its way into a web page.
std::vector<std::pair<std::string, cv::Mat>> variants(const cv::Mat& bgra) {
  std::vector<std::pair<std::string, cv::Mat>> out;
  for (const double scale : {0.25, 0.5, 2.0, 4.0}) {
    cv::Mat m;
    cv::resize(bgra, m, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    out.emplace_back("scale " + std::to_string(scale), m);
  }
  {
    // JPEG has no alpha: flattened on white, encoded at quality 40, decoded.
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", phash::flatten(bgra, kWhite), bytes, {cv::IMWRITE_JPEG_QUALITY, 40});
    cv::Mat decoded = cv::imdecode(bytes, cv::IMREAD_COLOR), m;
    cv::cvtColor(decoded, m, cv::COLOR_BGR2BGRA);
    out.emplace_back("jpeg q40", m);
  }
  {
    cv::Mat m;
    cv::copyMakeBorder(bgra, m, 40, 10, 25, 60, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0, 0));
    out.emplace_back("margins", m);
  }
  {
    cv::Mat m;
    cv::copyMakeBorder(bgra, m, 1, 0, 1, 0, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0, 0));
    out.emplace_back("shift 1px", m);
  }
  {
    cv::Mat m;
    cv::GaussianBlur(bgra, m, cv::Size(3, 3), 0.8);
    out.emplace_back("blur", m);
  }
  return out;
}

TEST(PerceptualHash, HammingCountsDifferingBits) {
  EXPECT_EQ(phash::hamming(0, 0), 0);
  EXPECT_EQ(phash::hamming(0, ~std::uint64_t{0}), 64);
  EXPECT_EQ(phash::hamming(0b1011, 0b0001), 2);
}

TEST(PerceptualHash, EmptyAndFlatImagesAreHarmless) {
  EXPECT_EQ(phash::dct_hash(cv::Mat(), kWhite), 0u);
  EXPECT_EQ(phash::dct_hash(cv::Mat(1, 1, CV_8UC4, cv::Scalar(0, 0, 0, 255)), kWhite),
            phash::dct_hash(cv::Mat(5, 9, CV_8UC4, cv::Scalar(0, 0, 0, 255)), kWhite));
  EXPECT_EQ(phash::dct_hash(cv::Mat(4, 4, CV_8UC3), kWhite), 0u);  // not BGRA: refused
  // Only background: fully transparent, or the background colour itself.
  EXPECT_EQ(phash::dct_hash(cv::Mat(8, 8, CV_8UC4, cv::Scalar(0, 0, 0, 0)), kWhite), 0u);
  EXPECT_EQ(phash::dct_hash(cv::Mat(8, 8, CV_8UC4, cv::Scalar(250, 250, 250, 255)), kWhite), 0u);
}

TEST(PerceptualHash, FlattenBlendsOverTheBackground) {
  const cv::Mat half(1, 1, CV_8UC4, cv::Scalar(0, 0, 0, 128));
  const cv::Vec3b p = phash::flatten(half, guide::Rgb{255, 255, 255}).at<cv::Vec3b>(0, 0);
  EXPECT_EQ(p, cv::Vec3b(127, 127, 127));
}

TEST(PerceptualHash, ThresholdSeparatesTheSameLogoFromOtherImages) {
  const fs::path root = testing::source_dir();
  const fs::path logos = root / "brandguide/examples/nordlys/logos";
  int same_max = 0;
  for (const char* name : {"nordlys-primary.svg", "nordlys-2019.svg"}) {
    const cv::Mat logo = load_pixels(logos / name);
    ASSERT_FALSE(logo.empty()) << name;
    const std::uint64_t reference = phash::dct_hash(logo, kWhite);
    for (const auto& [what, m] : variants(logo)) {
      const int d = phash::hamming(reference, phash::dct_hash(m, kWhite));
      std::printf("same   %-22s %-12s %2d\n", name, what.c_str(), d);
      same_max = std::max(same_max, d);
    }
    // The page background: both sides are flattened over it, so a light one changes little.
    const guide::Rgb sne{0xF4, 0xF4, 0xF2};
    const int d = phash::hamming(reference, phash::dct_hash(logo, sne));
    std::printf("same   %-22s %-12s %2d\n", name, "on #F4F4F2", d);
    same_max = std::max(same_max, d);
  }
  // Every other image in the repository, and the two logos against each other. Files that are
  // byte-for-byte copies of a guide logo (the demo site's and the web-reference fixture's) are
  // the same picture, not other images.
  const auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string primary_bytes = bytes(logos / "nordlys-primary.svg");
  const std::string old_bytes = bytes(logos / "nordlys-2019.svg");
  // The logo rules' own fixtures (fixtures/logo/) hold logos on purpose and are left out.
  std::vector<fs::path> others{logos / "nordlys-2019.svg"};
  for (const char* folder : {"fixtures/color", "fixtures/demo", "fixtures/guides"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / folder)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".png" && ext != ".jpg" && ext != ".svg")) continue;
      const std::string content = bytes(e.path());
      if (content != primary_bytes && content != old_bytes) others.push_back(e.path());
    }
  }
  std::sort(others.begin(), others.end());
  const std::uint64_t primary = phash::dct_hash(load_pixels(logos / "nordlys-primary.svg"), kWhite);
  const std::uint64_t old = phash::dct_hash(load_pixels(logos / "nordlys-2019.svg"), kWhite);
  int other_min = 64;
  for (const fs::path& p : others) {
    const cv::Mat m = load_pixels(p);
    if (m.empty()) continue;
    const std::uint64_t h = phash::dct_hash(m, kWhite);
    const int d = std::min(phash::hamming(primary, h),
                           p.filename() == "nordlys-2019.svg" ? 64 : phash::hamming(old, h));
    std::printf("other  %-60s %2d\n", fs::relative(p, root).generic_string().c_str(), d);
    other_min = std::min(other_min, d);
  }
  std::printf("same logo: max %d; other images: min %d; threshold %d\n", same_max, other_min,
              phash::kMatchDistance);
  EXPECT_LE(same_max, phash::kMatchDistance);
  EXPECT_GT(other_min, phash::kMatchDistance);
}

TEST(PerceptualHash, GuideLogosArePreparedOncePerGuideAndBackground) {
  const guide::BrandGuide g =
      guide::load_guide(testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml");
  const auto a = phash::prepared_logos(g, kWhite);
  const auto b = phash::prepared_logos(g, kWhite);
  EXPECT_EQ(a.get(), b.get());
  ASSERT_EQ(a->size(), 2u);
  EXPECT_TRUE((*a)[0].ok);
  EXPECT_EQ((*a)[0].id, "primary");
  EXPECT_EQ((*a)[0].width, 240);
  EXPECT_EQ((*a)[0].height, 80);
  EXPECT_TRUE((*a)[1].deprecated);
  EXPECT_EQ((*a)[1].replaced_by, "primary");
  EXPECT_NE(phash::prepared_logos(g, guide::Rgb{0, 0, 0}).get(), a.get());
  const phash::LogoMatch m = phash::best_match(*a, (*a)[1].hash);
  ASSERT_NE(m.logo, nullptr);
  EXPECT_EQ(m.logo->id, "2019-wordmark");
  EXPECT_EQ(m.distance, 0);
}

}  // namespace
}  // namespace brandlint
