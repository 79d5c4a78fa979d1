// The logo detector on generated scenes with known truth: where, which variant, how big,
// stretched, rotated, recoloured, with or without clear space; several logos; no logo; odd input;
// the same answer on every call.
#include "rules/support/logo_detect.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "brandguide/brand_guide.h"
#include "rules/support/logo_library.h"
#include "tests/logo_scene.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

using logo_scene::Placement;

const guide::BrandGuide& nordlys() {
  static const guide::BrandGuide g =
      guide::load_guide(testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml");
  return g;
}

const logo::LogoLibrary& library() {
  static const std::shared_ptr<const logo::LogoLibrary> lib = logo::LogoLibrary::shared(nordlys());
  return *lib;
}

std::vector<logo::LogoSighting> detect(const cv::Mat& pixels) {
  return logo::find_logos(library(), logo_scene::asset_of(pixels));
}

cv::Mat scene(const Placement& p, const std::string& background = "#FFFFFF", int w = 960,
              int h = 540) {
  cv::Mat c = logo_scene::canvas(w, h, background);
  logo_scene::place(c, library(), p);
  return c;
}

TEST(LogoDetect, FindsThePrimaryLogoWhereItWasPlaced) {
  const auto found = detect(scene({.width = 240, .x = 300, .y = 200}));
  ASSERT_EQ(found.size(), 1u);
  const logo::LogoSighting& s = found[0];
  EXPECT_EQ(s.logo_id, "primary");
  EXPECT_FALSE(s.deprecated);
  EXPECT_EQ(s.runner_up_id, "2019-wordmark");
  EXPECT_GT(s.variant_margin, 0.2);
  EXPECT_NEAR(s.box.x, 300, 3);
  EXPECT_NEAR(s.box.y, 200, 3);
  EXPECT_NEAR(s.width_px, 240, 3);
  EXPECT_LT(s.stretch, 0.01);
  EXPECT_LT(std::abs(s.rotation_deg), 0.5);
  EXPECT_FALSE(s.recolored);
  EXPECT_LT(s.colorway_delta_e, 1.0);
  EXPECT_TRUE(s.clear_space_ok) << s.clear_space_problem;
  EXPECT_GE(s.inliers, 8);
}

TEST(LogoDetect, TellsTheDeprecatedWordmarkFromTheCurrentLogo) {
  const auto found = detect(scene({.logo_id = "2019-wordmark", .width = 220, .x = 120, .y = 80}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].logo_id, "2019-wordmark");
  EXPECT_TRUE(found[0].deprecated);
  EXPECT_EQ(found[0].replaced_by, "primary");
  EXPECT_EQ(found[0].runner_up_id, "primary");
  EXPECT_GT(found[0].variant_margin, 0.2);
}

TEST(LogoDetect, MeasuresStretch) {
  const auto found = detect(scene({.width = 200, .x = 200, .y = 200, .stretch_x = 1.2}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].stretch, 0.2, 0.02);
  EXPECT_NEAR(found[0].width_px, 240, 4);
}

TEST(LogoDetect, MeasuresRotation) {
  const auto found = detect(scene({.width = 220, .x = 300, .y = 200, .rotation_deg = 12}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].rotation_deg, 12, 0.7);
  EXPECT_LT(found[0].stretch, 0.02);
}

TEST(LogoDetect, AcceptsAnAllowedColourwayAndFlagsAnotherColour) {
  // Reversed: white on Nordlys Blå is an allowed colourway.
  auto white = detect(
      scene({.width = 220, .x = 300, .y = 200, .recolor = logo_scene::bgr("#FFFFFF")}, "#0B3D91"));
  ASSERT_EQ(white.size(), 1u);
  EXPECT_EQ(white[0].logo_id, "primary");
  EXPECT_FALSE(white[0].recolored) << white[0].colorway << " " << white[0].colorway_delta_e;
  EXPECT_EQ(white[0].colorway, "#FFFFFF");
  // Nordlys Rød is a palette colour, but not one of the logo's colourways.
  auto red =
      detect(scene({.width = 220, .x = 300, .y = 200, .recolor = logo_scene::bgr("#E4002B")}));
  ASSERT_EQ(red.size(), 1u);
  EXPECT_TRUE(red[0].recolored);
  EXPECT_EQ(red[0].measured_hex, "#E4002B");
  EXPECT_GT(red[0].colorway_delta_e, 20);
}

TEST(LogoDetect, ReportsClearSpaceProblems) {
  // clear_space = 0.5 × height: a 240 px logo is ~66 px high, so it needs ~33 px on every side.
  cv::Mat crowded = scene({.width = 240, .x = 300, .y = 200});
  cv::rectangle(crowded, cv::Rect(560, 205, 60, 40), logo_scene::bgr("#E4002B"), cv::FILLED);
  auto found = detect(crowded);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].clear_space_ok);
  ASSERT_TRUE(found[0].clear_space_offender.has_value());
  EXPECT_NEAR(found[0].clear_space_offender->x, 560, 3);

  auto clipped = detect(scene({.width = 240, .x = 10, .y = 200}));
  ASSERT_EQ(clipped.size(), 1u);
  EXPECT_FALSE(clipped[0].clear_space_ok);
  EXPECT_NE(clipped[0].clear_space_problem.find("clipped by the canvas (left"), std::string::npos)
      << clipped[0].clear_space_problem;
}

// Below its minimum width (96 px), a 64 px logo (14 px high) in a 1280×720 banner is too small
// for SIFT features even at twice the working size: the small-logo search (an allowed ink on a calm
// ground, then correlation with the reference) finds it, on a flat ground and on a gradient,
// in a dark colourway and reversed.
TEST(LogoDetect, FindsALogoBelowItsMinimumWidthByTemplate) {
  struct Case {
    std::string ground;
    std::optional<cv::Scalar> ink;
  };
  for (const Case& c :
       {Case{"#FFFFFF", logo_scene::bgr("#0A1A2F")}, Case{"#0B3D91", logo_scene::bgr("#FFFFFF")},
        Case{"#F4F4F2", std::nullopt}}) {
    const auto found =
        detect(scene({.width = 64, .x = 900, .y = 500, .recolor = c.ink}, c.ground, 1280, 720));
    ASSERT_EQ(found.size(), 1u) << c.ground;
    const logo::LogoSighting& s = found[0];
    EXPECT_EQ(s.logo_id, "primary") << c.ground;
    EXPECT_EQ(s.found_by, "template") << c.ground;
    EXPECT_GT(s.template_correlation, 0.45) << c.ground;
    EXPECT_NEAR(s.box.x, 900, 2) << c.ground;
    EXPECT_NEAR(s.box.y, 500, 2) << c.ground;
    EXPECT_NEAR(s.width_px, 64, 2) << c.ground;
    EXPECT_LT(s.stretch, 0.03) << c.ground;
    EXPECT_FALSE(s.recolored) << c.ground;
  }
  // A recoloured logo that small has no allowed ink: it is left to SIFT, which cannot see it.
  EXPECT_TRUE(detect(scene({.width = 64, .x = 900, .y = 500, .recolor = logo_scene::bgr("#E4002B")},
                           "#FFFFFF", 1280, 720))
                  .empty());
}

// A PDF page has a resolution (Asset::dpi), and its minimum is min_width_mm: an A1 poster
// rendered 2000 px high (as load_asset does) is 60.4 dpi, so 25 mm is 59 px, and a logo 45 px
// (19 mm) wide there is too small for SIFT; the small-logo pass finds it at the page's own
// minimum, on the page at its own resolution (29 px wide in the 1280 px working image, it is
// too few pixels high there).
TEST(LogoDetect, FindsALogoBelowItsPrintMinimumOnAPdfPage) {
  Asset page = logo_scene::asset_of(
      scene({.width = 45, .x = 1250, .y = 1850, .recolor = logo_scene::bgr("#0A1A2F")}, "#FFFFFF",
            1412, 1999),
      "poster.pdf");
  page.kind = AssetKind::pdf;
  page.pixel_format = "pdf";
  page.dpi = 2000.0 * 72.0 / 2384.0;  // A1 (2384 pt high) rendered 2000 px high
  const auto found = logo::find_logos(library(), page);
  ASSERT_EQ(found.size(), 1u);
  const logo::LogoSighting& s = found[0];
  EXPECT_EQ(s.found_by, "template");
  EXPECT_NEAR(s.box.x, 1250, 2);
  ASSERT_TRUE(s.width_mm.has_value());
  EXPECT_NEAR(*s.width_mm, 45 / page.dpi * 25.4, 1.0);
  EXPECT_LT(*s.width_mm, 25.0);
}

// A large photo export (3000×2000) is searched in a working image of 1280 px: a logo 64 px wide
// (below the 96 px minimum) is 27 px there, too few for the small-logo pass, which therefore
// searches the image again at a resolution where the smallest width it tries is large enough.
TEST(LogoDetect, FindsASmallLogoInALargeImage) {
  const auto found = detect(scene({.width = 64, .x = 2700, .y = 1800}, "#F4F4F2", 3000, 2000));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].found_by, "template");
  EXPECT_NEAR(found[0].box.x, 2700, 3);
  EXPECT_NEAR(found[0].box.y, 1800, 3);
  EXPECT_NEAR(found[0].width_px, 64, 3);
}

TEST(LogoDetect, FindsSeveralLogosSortedByPosition) {
  cv::Mat c = logo_scene::canvas(1280, 720, "#F4F4F2");
  logo_scene::place(c, library(), {.width = 260, .x = 700, .y = 80});
  logo_scene::place(c, library(), {.logo_id = "2019-wordmark", .width = 240, .x = 100, .y = 400});
  logo_scene::place(c, library(), {.width = 140, .x = 120, .y = 120});
  const auto found = detect(c);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].logo_id, "primary");
  EXPECT_NEAR(found[0].box.x, 700, 4);
  EXPECT_EQ(found[1].logo_id, "primary");
  EXPECT_NEAR(found[1].box.x, 120, 4);
  EXPECT_EQ(found[2].logo_id, "2019-wordmark");
}

TEST(LogoDetect, FindsNothingWithoutALogo) {
  cv::Mat c = logo_scene::gradient(960, 540, "#0B3D91", "#3DDC97");
  cv::putText(c, "Vinter med Nordlys", {60, 260}, cv::FONT_HERSHEY_SIMPLEX, 2.0,
              logo_scene::bgr("#FFFFFF"), 4, cv::LINE_AA);
  cv::circle(c, {760, 380}, 90, logo_scene::bgr("#E4002B"), cv::FILLED, cv::LINE_AA);
  EXPECT_TRUE(detect(c).empty());
  EXPECT_TRUE(detect(logo_scene::canvas(960, 540, "#FFFFFF")).empty());
}

TEST(LogoDetect, OddInputGivesNoSighting) {
  EXPECT_TRUE(detect(cv::Mat()).empty());
  EXPECT_TRUE(detect(logo_scene::canvas(3, 3, "#FFFFFF")).empty());
  EXPECT_TRUE(detect(logo_scene::canvas(4000, 1, "#0B3D91")).empty());
}

TEST(LogoDetect, SharedResultIsComputedOnceAndIsDeterministic) {
  const cv::Mat pixels = scene({.width = 200, .x = 333, .y = 111, .rotation_deg = 5});
  const Asset a = logo_scene::asset_of(pixels);
  const auto& first = logo::logo_sightings(library(), a);
  const auto& second = logo::logo_sightings(library(), a);
  EXPECT_EQ(&first, &second);
  const auto again = logo::find_logos(library(), logo_scene::asset_of(pixels));
  ASSERT_EQ(first.size(), again.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(first[i].box, again[i].box);
    EXPECT_EQ(first[i].inliers, again[i].inliers);
    EXPECT_DOUBLE_EQ(first[i].rotation_deg, again[i].rotation_deg);
  }
}

TEST(LogoCheck, PrintsEachSightingWithItsScores) {
  const std::string cmd =
      testing::brandlint_binary().string() + " logo-check --guide " +
      (testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml").string() + " " +
      (testing::source_dir() / "fixtures/logo/deprecated/invalid/old-wordmark.png").string();
  const auto text = testing::run_command(cmd);
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("1 logo (480×270 px)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("#1 2019-wordmark (DEPRECATED) at (130,90)"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("variants  primary 0."), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("margin 0."), std::string::npos) << text.out;

  const auto json = testing::run_command(cmd + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["schema"], "brandlint-logo-check/1");
  ASSERT_EQ(doc["files"].size(), 1u);
  const auto& logo = doc["files"][0]["logos"][0];
  EXPECT_EQ(logo["logo"], "2019-wordmark");
  EXPECT_EQ(logo["deprecated"], true);
  EXPECT_EQ(logo["replaced_by"], "primary");
  EXPECT_GE(logo["inliers"].get<int>(), 8);
  EXPECT_EQ(logo["box"][0], 130);

  const auto bad = testing::run_command(
      testing::brandlint_binary().string() + " logo-check --guide " +
      (testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml").string() +
      " /nonexistent.png README.md 2>&1");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
}

// The checked-in fixture images of fixtures/logo/*: each is a scene built here, so they can be
// rebuilt (BRANDLINT_WRITE_LOGO_FIXTURES=1 writes them) and checked: the PNG on disk must decode
// to exactly the scene's pixels.
struct FixtureScene {
  std::string path;  // under fixtures/
  std::function<cv::Mat()> draw;
};

cv::Mat small(const Placement& p, const std::string& background = "#FFFFFF") {
  cv::Mat c = logo_scene::canvas(480, 270, background);
  logo_scene::place(c, library(), p);
  return c;
}

std::vector<FixtureScene> fixture_scenes() {
  const Placement centred{.width = 200, .x = 140, .y = 110};
  return {
      {"logo/deprecated/invalid/old-wordmark.png",
       [] { return small({.logo_id = "2019-wordmark", .width = 220, .x = 130, .y = 90}); }},
      {"logo/deprecated/valid/current.png", [=] { return small(centred); }},
      {"logo/deprecated/valid/no-logo.png",
       [] {
         cv::Mat c = logo_scene::canvas(480, 270, "#0B3D91");
         cv::putText(c, "Vinter", {40, 160}, cv::FONT_HERSHEY_SIMPLEX, 2.5,
                     logo_scene::bgr("#FFFFFF"), 6, cv::LINE_AA);
         return c;
       }},
      {"logo/recolored/invalid/red.png",
       [] {
         return small({.width = 200, .x = 140, .y = 110, .recolor = logo_scene::bgr("#E4002B")});
       }},
      {"logo/recolored/invalid/polarlys-on-midnat.png",
       [] {
         return small({.width = 200, .x = 140, .y = 110, .recolor = logo_scene::bgr("#3DDC97")},
                      "#0A1A2F");
       }},
      {"logo/recolored/valid/blaa.png", [=] { return small(centred); }},
      {"logo/recolored/valid/reversed.png",
       [] {
         return small({.width = 200, .x = 140, .y = 110, .recolor = logo_scene::bgr("#FFFFFF")},
                      "#0B3D91");
       }},
      {"logo/recolored/valid/midnat-on-sne.png",
       [] {
         return small({.width = 200, .x = 140, .y = 110, .recolor = logo_scene::bgr("#0A1A2F")},
                      "#F4F4F2");
       }},
      {"logo/distorted/invalid/stretched.png",
       [] { return small({.width = 180, .x = 130, .y = 110, .stretch_x = 1.2}); }},
      {"logo/distorted/invalid/squashed.png",
       [] { return small({.width = 200, .x = 160, .y = 110, .stretch_x = 0.85}); }},
      {"logo/distorted/invalid/rotated.png",
       [] { return small({.width = 200, .x = 140, .y = 110, .rotation_deg = 8}); }},
      {"logo/distorted/valid/straight.png", [=] { return small(centred); }},
      {"logo/distorted/valid/tilt-1deg.png",
       [] { return small({.width = 200, .x = 140, .y = 110, .rotation_deg = 1}); }},
      {"logo/too-small/invalid/tiny.png", [] { return small({.width = 80, .x = 200, .y = 120}); }},
      {"logo/too-small/valid/large.png", [] { return small({.width = 120, .x = 180, .y = 120}); }},
      {"logo/clear-space/invalid/crowded.png",
       [=] {
         cv::Mat c = small(centred);
         cv::rectangle(c, cv::Rect(350, 100, 40, 40), logo_scene::bgr("#E4002B"), cv::FILLED);
         return c;
       }},
      {"logo/clear-space/invalid/at-the-edge.png",
       [] { return small({.width = 200, .x = 12, .y = 110}); }},
      {"logo/clear-space/valid/spacious.png", [=] { return small(centred); }},
      {"logo/clear-space/valid/on-a-gradient.png",
       [] {
         cv::Mat c = logo_scene::gradient(480, 270, "#0B3D91", "#0A1A2F");
         logo_scene::place(
             c, library(),
             {.width = 200, .x = 140, .y = 110, .recolor = logo_scene::bgr("#FFFFFF")});
         return c;
       }},
      {"logo/missing/invalid/no-logo.png",
       [] {
         cv::Mat c = logo_scene::gradient(480, 270, "#0B3D91", "#3DDC97");
         cv::putText(c, "Nordlys", {60, 160}, cv::FONT_HERSHEY_SIMPLEX, 2.5,
                     logo_scene::bgr("#FFFFFF"), 6, cv::LINE_AA);
         return c;
       }},
      {"logo/missing/invalid/old-logo-only.png",
       [] { return small({.logo_id = "2019-wordmark", .width = 220, .x = 130, .y = 90}); }},
      {"logo/missing/valid/with-logo.png", [=] { return small(centred); }},
      // The demo campaign's logo banners (fixtures/demo/README.md, "Display").
      {"demo/ads/display/gammelt-logo-300x250.png",
       [] {
         cv::Mat c = logo_scene::canvas(300, 250, "#FFFFFF");
         logo_scene::place(c, library(),
                           {.logo_id = "2019-wordmark", .width = 200, .x = 50, .y = 40});
         cv::putText(c, "Vinter", {50, 175}, cv::FONT_HERSHEY_SIMPLEX, 1.4,
                     logo_scene::bgr("#0A1A2F"), 3, cv::LINE_AA);
         cv::rectangle(c, cv::Rect(0, 220, 300, 30), logo_scene::bgr("#0B3D91"), cv::FILLED);
         return c;
       }},
      {"demo/ads/display/straekt-logo-728x90.png",
       [] {
         cv::Mat c = logo_scene::canvas(728, 90, "#0B3D91");
         logo_scene::place(c, library(),
                           {.width = 150,
                            .x = 30,
                            .y = 29,
                            .stretch_x = 1.3,
                            .recolor = logo_scene::bgr("#FFFFFF")});
         cv::putText(c, "Vinter med Nordlys", {320, 58}, cv::FONT_HERSHEY_SIMPLEX, 1.0,
                     logo_scene::bgr("#FFFFFF"), 2, cv::LINE_AA);
         return c;
       }},
      {"demo/ads/display/lille-logo-320x50.png",
       [] {
         cv::Mat c = logo_scene::canvas(320, 50, "#0B3D91");
         logo_scene::place(c, library(),
                           {.width = 80, .x = 14, .y = 16, .recolor = logo_scene::bgr("#FFFFFF")});
         cv::putText(c, "Vinter", {200, 34}, cv::FONT_HERSHEY_SIMPLEX, 0.8,
                     logo_scene::bgr("#FFFFFF"), 2, cv::LINE_AA);
         return c;
       }},
  };
}

TEST(LogoFixtures, CheckedInImagesAreTheGeneratedScenes) {
  const auto root = testing::source_dir() / "fixtures";
  const bool write = std::getenv("BRANDLINT_WRITE_LOGO_FIXTURES") != nullptr;
  for (const FixtureScene& f : fixture_scenes()) {
    const cv::Mat drawn = f.draw();
    const auto path = root / f.path;
    if (write) {
      std::filesystem::create_directories(path.parent_path());
      cv::Mat bgr;
      cv::cvtColor(drawn, bgr, cv::COLOR_BGRA2BGR);
      ASSERT_TRUE(cv::imwrite(path.string(), bgr, {cv::IMWRITE_PNG_COMPRESSION, 9}));
    }
    const cv::Mat disk = cv::imread(path.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(disk.empty()) << path;
    cv::Mat bgr;
    cv::cvtColor(drawn, bgr, cv::COLOR_BGRA2BGR);
    EXPECT_EQ(cv::norm(disk, bgr, cv::NORM_INF), 0.0) << f.path << " differs from its scene";
  }
}

}  // namespace
}  // namespace brandlint
