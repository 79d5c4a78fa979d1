// The logo library: every guide logo rendered once at the canonical size, with a mask, SIFT
// features in both polarities, a verification frame and resolved colourways; one shared
// instance per guide; a broken logo file is an error, not a crash.
#include "rules/support/logo_library.h"

#include <gtest/gtest.h>

#include <thread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "brandguide/brand_guide.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

guide::BrandGuide nordlys() {
  return guide::load_guide(testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml");
}

TEST(LogoLibrary, PreparesEveryGuideLogo) {
  const guide::BrandGuide g = nordlys();
  const logo::LogoLibrary lib(g);
  ASSERT_EQ(lib.logos().size(), 2u);
  const logo::ReferenceLogo* primary = lib.find("primary");
  ASSERT_NE(primary, nullptr);
  EXPECT_FALSE(primary->deprecated);
  // The visible artwork is exactly kCanonicalWidth wide inside the transparent margin.
  EXPECT_FLOAT_EQ(primary->extent.width, float(logo::LogoLibrary::kCanonicalWidth));
  EXPECT_EQ(primary->rgba.cols, int(primary->extent.width + 2 * primary->extent.x));
  EXPECT_GT(primary->aspect, 4.0);  // the aurora mark plus "Nordlys": a wide logo
  EXPECT_LT(primary->aspect, 5.5);
  EXPECT_GT(cv::countNonZero(primary->mask), 1000);
  // Flat logos still give SIFT enough to work with, in both polarities.
  EXPECT_GE(primary->dark.keypoints.size(), 30u);
  EXPECT_GE(primary->light.keypoints.size(), 30u);
  EXPECT_EQ(primary->dark.descriptors.rows, int(primary->dark.keypoints.size()));
  // One ink colour: Nordlys Blå.
  EXPECT_EQ(guide::to_hex(primary->primary_ink), "#0B3D91");
  EXPECT_GT(primary->primary_share, 0.8);
  ASSERT_EQ(primary->colorways.size(), 3u);
  EXPECT_EQ(primary->colorways[0].label, "Nordlys Blå");
  EXPECT_EQ(primary->colorways[0].hex, "#0B3D91");
  EXPECT_EQ(primary->colorways[1].hex, "#FFFFFF");
  EXPECT_EQ(primary->colorways[2].hex, "#0A1A2F");
  EXPECT_EQ(primary->verify_size.width, logo::LogoLibrary::kVerifyWidth);
  EXPECT_GT(cv::countNonZero(primary->verify_ink), 100);

  const logo::ReferenceLogo* old = lib.find("2019-wordmark");
  ASSERT_NE(old, nullptr);
  EXPECT_TRUE(old->deprecated);
  EXPECT_EQ(old->replaced_by, "primary");
  EXPECT_TRUE(old->colorways.empty());
  EXPECT_EQ(guide::to_hex(old->primary_ink), "#0B3D91");  // the blue square and the wordmark
  EXPECT_EQ(lib.find("nope"), nullptr);
  EXPECT_DOUBLE_EQ(lib.recolor_threshold(), 3.0);
}

TEST(LogoLibrary, SharedOncePerGuideAcrossThreads) {
  const guide::BrandGuide g = nordlys();
  std::shared_ptr<const logo::LogoLibrary> a, b;
  std::thread t1([&] { a = logo::LogoLibrary::shared(g); });
  std::thread t2([&] { b = logo::LogoLibrary::shared(g); });
  t1.join();
  t2.join();
  EXPECT_EQ(a.get(), b.get());
  const guide::BrandGuide again = nordlys();  // another object, same content: same library
  EXPECT_EQ(logo::LogoLibrary::shared(again).get(), a.get());
}

TEST(LogoLibrary, ABrokenLogoFileIsAnErrorNotACrash) {
  testing::TempDir dir;
  dir.write("broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect");
  dir.write("empty.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
  dir.write("junk.png", "not a png at all");
  for (const char* file : {"broken.svg", "empty.svg", "junk.png"}) {
    guide::BrandGuide g;
    g.path = dir.path() / "brandguide.toml";
    g.dir = dir.path();
    guide::Logo l;
    l.id = "x";
    l.file = dir.path() / file;
    g.logos.push_back(l);
    EXPECT_THROW(logo::LogoLibrary lib(g), std::runtime_error) << file;
  }
}

TEST(LogoLibrary, RasterLogosKeepTheirAlpha) {
  testing::TempDir dir;
  cv::Mat png(60, 200, CV_8UC4, cv::Scalar(0, 0, 0, 0));
  cv::rectangle(png, cv::Rect(10, 10, 50, 40), cv::Scalar(0x91, 0x3D, 0x0B, 255), cv::FILLED);
  cv::circle(png, {120, 30}, 20, cv::Scalar(0x91, 0x3D, 0x0B, 255), cv::FILLED);
  const auto path = dir.path() / "mark.png";
  ASSERT_TRUE(cv::imwrite(path.string(), png));
  guide::BrandGuide g;
  g.path = dir.path() / "brandguide.toml";
  guide::Logo l;
  l.id = "mark";
  l.file = path;
  g.logos.push_back(l);
  const logo::LogoLibrary lib(g);
  const logo::ReferenceLogo& r = lib.logos()[0];
  // The opaque part (10..140 px wide in the file) is scaled to the canonical width.
  EXPECT_NEAR(r.extent.width, logo::LogoLibrary::kCanonicalWidth, 3);
  EXPECT_NEAR(r.aspect, 130.0 / 40.0, 0.1);
  EXPECT_EQ(guide::to_hex(r.primary_ink), "#0B3D91");
}

}  // namespace
}  // namespace brandlint
