// The raster palette pipeline against the generated corpus (tools/make_raster_fixtures.h):
// every planted patch found with its box, no near miss, no false region at JPEG quality 50–95,
// gradients and anti-aliasing accepted, photos excluded, transparency ignored.
#include "rules/support/raster_palette.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "rules/support/raster_photo_mask.h"
#include "rules/support/raster_regions.h"
#include "rules/support/raster_verdicts.h"
#include "tools/make_raster_fixtures.h"

namespace brandlint::raster {
namespace {

namespace corpus = raster_corpus;

guide::Palette nordlys_palette() {
  guide::Palette p;
  const auto color = [](std::string name, std::string hex, std::vector<int> tints = {}) {
    guide::PaletteColor c;
    c.name = std::move(name);
    c.rgb = *guide::parse_hex(hex);
    c.hex = hex;
    c.tints = std::move(tints);
    return c;
  };
  p.colors = {color("Nordlys Blå", corpus::kBlaa, {20, 40, 60, 80}),
              color("Midnat", corpus::kMidnat), color("Polarlys", corpus::kPolarlys),
              color("Nordlys Rød", corpus::kRoed)};
  p.colors[3].tolerance = 1.5;
  for (const char* hex : {"#FFFFFF", "#000000", "#F4F4F2"}) {
    guide::Neutral n;
    n.rgb = *guide::parse_hex(hex);
    n.hex = hex;
    p.neutrals.push_back(n);
  }
  return p;
}

const RasterPalette& palette() {
  static const RasterPalette p(nordlys_palette(), RasterThresholds{});
  return p;
}

std::string describe(const RasterAnalysis& a) {
  std::string out;
  for (const OffRegion& r : a.regions) {
    out += fmt::format("  {}x{} at ({},{}) {} dE {:.2f}, {} px\n", r.box.w, r.box.h, r.box.x,
                       r.box.y, guide::to_hex(r.median), r.delta_e00, r.pixels);
  }
  return out;
}

// Each planted patch is found once, its box within `slack` px on every side, with its colour.
void expect_found_exactly(const RasterAnalysis& a, const corpus::Banner& b, int slack,
                          bool exact_colour) {
  ASSERT_EQ(a.regions.size(), b.planted.size()) << describe(a);
  for (const corpus::Planted& p : b.planted) {
    bool found = false;
    for (const OffRegion& r : a.regions) {
      if (std::abs(r.box.x - p.box.x) <= slack && std::abs(r.box.y - p.box.y) <= slack &&
          std::abs(r.box.x + r.box.w - p.box.br().x) <= slack &&
          std::abs(r.box.y + r.box.h - p.box.br().y) <= slack) {
        found = true;
        if (exact_colour) {
          EXPECT_EQ(guide::to_hex(r.median), p.hex);
        } else {
          EXPECT_LT(color::delta_e00(r.median, *guide::parse_hex(p.hex)), 3.0);
        }
      }
    }
    EXPECT_TRUE(found) << p.hex << " at " << p.box << " not found; regions:\n" << describe(a);
  }
}

TEST(RasterPalette, PlantedPatchInLosslessBannerIsTheOnlyRegion) {
  const corpus::Banner b = corpus::planted_banner();
  const RasterAnalysis a = analyze_raster(b.image, false, palette());
  expect_found_exactly(a, b, 1, true);
  ASSERT_EQ(a.regions.size(), 1u);
  EXPECT_NEAR(a.regions[0].delta_e00, 5.94, 0.01);
  EXPECT_EQ(palette().colors()[a.regions[0].nearest].allowed.name, "Nordlys Rød");
  EXPECT_EQ(a.regions[0].pixels, 60 * 40);
  EXPECT_EQ(a.photo_px, 0);
  EXPECT_EQ(a.graphic_px, 800 * 400);
}

TEST(RasterPalette, PlantedPatchSurvivesEveryJpegQuality) {
  const corpus::Banner b = corpus::planted_banner();
  for (const int q : {50, 60, 75, 85, 90, 95}) {
    SCOPED_TRACE(fmt::format("JPEG q{}", q));
    const RasterAnalysis a = analyze_raster(corpus::jpeg_round_trip(b.image, q), true, palette());
    expect_found_exactly(a, b, 3, false);
  }
}

TEST(RasterPalette, SeveralPatchesOnDifferentBackgrounds) {
  const corpus::Banner b = corpus::multi_patch_banner();
  expect_found_exactly(analyze_raster(b.image, false, palette()), b, 1, true);
  for (const int q : {50, 75, 95}) {
    SCOPED_TRACE(fmt::format("JPEG q{}", q));
    expect_found_exactly(analyze_raster(corpus::jpeg_round_trip(b.image, q), true, palette()), b, 3,
                         false);
  }
}

TEST(RasterPalette, CleanBannerHasNoRegionAtAnyQuality) {
  const cv::Mat img = corpus::flat_banner();
  EXPECT_TRUE(analyze_raster(img, false, palette()).regions.empty());
  for (int q = 50; q <= 95; q += 5) {
    SCOPED_TRACE(fmt::format("JPEG q{}", q));
    const RasterAnalysis a = analyze_raster(corpus::jpeg_round_trip(img, q), true, palette());
    EXPECT_TRUE(a.regions.empty()) << describe(a);
  }
}

TEST(RasterPalette, GradientsBetweenBrandColoursAreBlends) {
  const cv::Mat img = corpus::gradient_banner();
  RasterAnalysis a = analyze_raster(img, false, palette());
  EXPECT_TRUE(a.regions.empty()) << describe(a);
  for (const int q : {50, 75, 95}) {
    SCOPED_TRACE(fmt::format("JPEG q{}", q));
    a = analyze_raster(corpus::jpeg_round_trip(img, q), true, palette());
    EXPECT_TRUE(a.regions.empty()) << describe(a);
  }
}

TEST(RasterPalette, PhotoAreasAreExcludedBeforeLookup) {
  const corpus::Banner b = corpus::photo_banner({1200, 600}, 7, 0.5);
  for (const int q : {0, 50, 75, 95}) {
    SCOPED_TRACE(fmt::format("JPEG q{} (0 = lossless)", q));
    const cv::Mat img = q == 0 ? b.image : corpus::jpeg_round_trip(b.image, q);
    const RasterAnalysis a = analyze_raster(img, q != 0, palette());
    expect_found_exactly(a, b, q == 0 ? 1 : 3, q == 0);
    ASSERT_EQ(a.photo_areas.size(), 1u);
    const PixelBox& area = a.photo_areas[0];
    // The photo starts at x = 600; the area is tile-aligned and may take in one tile more.
    EXPECT_GE(area.x, 600 - kPhotoTile);
    EXPECT_LE(area.x, 600);
    EXPECT_EQ(area.w, 1200 - area.x);
    EXPECT_NEAR(double(a.photo_px) / double(a.opaque_px), 0.5, 0.02);
    // Photo colours never reach the verdict table: a flat banner has few distinct colours.
    if (q == 0) {
      EXPECT_LT(a.distinct_colors, 2000u);
    }
  }
}

// A photo whose top is a smooth sky (a vertical gradient: 2–8 colours per tile, neither busy nor
// textured, off-palette) next to flat planted patches, one of them touching the photo's side.
// The sky is part of the photo (it drifts and touches it); the flat patches are still found.
TEST(RasterPalette, SmoothSkyJoinsItsPhotoFlatPatchesBesideItAreFound) {
  corpus::Banner b = corpus::planted_banner(1.5);  // 1200×600, patch 90×60 at (618,144)
  const cv::Rect inset(700, 240, 480, 340);
  cv::Mat photo = corpus::procedural_photo(inset.size(), 3);
  const cv::Scalar top = corpus::bgra("#2264A6"), horizon = corpus::bgra("#8FB8DE");
  constexpr int kSky = 160;
  for (int y = 0; y < kSky; ++y) {
    const double t = y / double(kSky - 1);
    photo.row(y).setTo(top + t * (horizon - top));
  }
  photo.copyTo(b.image(inset));
  // Its right edge ends a tile column; the next column is the photo's (tile-aligned) border.
  const cv::Rect beside(628, 420, 60, 60);
  cv::rectangle(b.image, beside, corpus::bgra(corpus::kOffRed), cv::FILLED);
  b.planted.push_back({beside, corpus::kOffRed});
  for (const int q : {0, 90, 75, 60}) {
    SCOPED_TRACE(fmt::format("JPEG q{} (0 = lossless)", q));
    const cv::Mat img = q == 0 ? b.image : corpus::jpeg_round_trip(b.image, q);
    const RasterAnalysis a = analyze_raster(img, q != 0, palette());
    for (const OffRegion& r : a.regions) {
      EXPECT_TRUE((cv::Rect(r.box.x, r.box.y, r.box.w, r.box.h) & inset).empty())
          << "region inside the photo:\n"
          << describe(a);
    }
    expect_found_exactly(a, b, q == 0 ? 1 : 4, q == 0);
    ASSERT_EQ(a.photo_areas.size(), 1u);
    const PixelBox& p = a.photo_areas[0];
    EXPECT_EQ(cv::Rect(p.x, p.y, p.w, p.h) & inset, inset);
  }
}

// Odd shapes and contents through the whole pipeline, both ways (lossless and lossy): single
// rows and columns, images narrower than a core or a 64-bit row word, blocks of brand and
// off-palette colour touching every border, noise, holes of transparency. Nothing may read out
// of bounds (the sanitizer build runs this), every opaque pixel is graphic or photo, the regions
// lie inside the image, and the same image gives the same analysis twice.
TEST(RasterPalette, OddSizesAndContentsAreAnalysedSafely) {
  cv::RNG rng(77);
  std::size_t regions = 0;
  const std::vector<cv::Scalar> inks{corpus::bgra(corpus::kBlaa), corpus::bgra(corpus::kRoed),
                                     corpus::bgra(corpus::kOffOrange),
                                     corpus::bgra(corpus::kMidnat), corpus::bgra(corpus::kOffRed)};
  for (int round = 0; round < 120; ++round) {
    SCOPED_TRACE(round);
    const int w = round < 8 ? 1 + round : rng.uniform(1, 140);
    const int h = round < 8 ? 200 - round : rng.uniform(1, 140);
    cv::Mat img(h, w, CV_8UC4, inks[std::size_t(rng.uniform(0, int(inks.size())))]);
    for (int i = 0; i < 6; ++i) {
      const cv::Rect r(rng.uniform(-10, w), rng.uniform(-10, h), rng.uniform(1, 60),
                       rng.uniform(1, 60));
      img(r & cv::Rect(0, 0, w, h)).setTo(inks[std::size_t(rng.uniform(0, int(inks.size())))]);
    }
    if (round % 3 == 0) {  // noise
      cv::Mat noise(img.size(), CV_8UC4);
      rng.fill(noise, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar(12, 12, 12, 1));
      img += noise;
    }
    if (round % 4 == 1) {  // transparent holes
      const cv::Rect r(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(1, 30),
                       rng.uniform(1, 30));
      img(r & cv::Rect(0, 0, w, h)).setTo(cv::Scalar(0, 0, 0, 0));
    }
    for (const bool lossy : {false, true}) {
      const RasterAnalysis a = analyze_raster(img, lossy, palette());
      const RasterAnalysis b = analyze_raster(img, lossy, palette());
      ASSERT_EQ(a.regions.size(), b.regions.size());
      regions += a.regions.size();
      EXPECT_EQ(a.group_px, b.group_px);
      EXPECT_EQ(a.opaque_px, a.graphic_px + a.photo_px);
      EXPECT_EQ(a.opaque_px, cv::countNonZero(img.reshape(1, int(img.total())).col(3) >= 250));
      long long shared = 0;
      for (const long long px : a.group_px) shared += px;
      EXPECT_GE(shared, 0);
      EXPECT_LE(shared + a.off_px, a.graphic_px);
      for (std::size_t i = 0; i < a.regions.size(); ++i) {
        const PixelBox& box = a.regions[i].box;
        EXPECT_EQ(box.x, b.regions[i].box.x);
        EXPECT_GE(box.x, 0);
        EXPECT_GE(box.y, 0);
        EXPECT_LE(box.x + box.w, w);
        EXPECT_LE(box.y + box.h, h);
      }
    }
  }
  EXPECT_GT(regions, 50U);  // off-palette blocks were found: the pipeline ran to the end
}

TEST(RasterPalette, TransparentPixelsDoNotCount) {
  const cv::Mat img = corpus::transparent_logo();
  const RasterAnalysis a = analyze_raster(img, false, palette());
  EXPECT_TRUE(a.regions.empty()) << describe(a);
  long long opaque = 0;
  for (int y = 0; y < img.rows; ++y) {
    for (int x = 0; x < img.cols; ++x) opaque += img.at<cv::Vec4b>(y, x)[3] >= 250 ? 1 : 0;
  }
  EXPECT_EQ(a.opaque_px, opaque);
  // The same logo with an opaque orange glow is reported.
  cv::Mat solid = img.clone();
  for (int y = 0; y < solid.rows; ++y) {
    for (int x = 0; x < solid.cols; ++x) {
      cv::Vec4b& p = solid.at<cv::Vec4b>(y, x);
      if (p[3] == 200) p[3] = 255;
    }
  }
  EXPECT_EQ(analyze_raster(solid, false, palette()).regions.size(), 1u);
}

TEST(RasterPalette, SharesCountTintsForTheirBaseColour) {
  cv::Mat img(100, 100, CV_8UC4, corpus::bgra(corpus::kBlaa));
  cv::rectangle(img, cv::Rect(0, 0, 50, 100), corpus::bgra("#6D8BBD"), cv::FILLED);  // Blå 40%
  cv::rectangle(img, cv::Rect(50, 0, 50, 20), corpus::bgra(corpus::kPolarlys), cv::FILLED);
  const RasterAnalysis a = analyze_raster(img, false, palette());
  ASSERT_EQ(palette().groups()[0], "Nordlys Blå");
  ASSERT_EQ(palette().groups()[2], "Polarlys");
  EXPECT_EQ(a.group_px[0], 50 * 100 + 50 * 80);
  EXPECT_EQ(a.group_px[2], 50 * 20);
  EXPECT_EQ(a.graphic_px, 100 * 100);
}

// mask_edges() has two ways to the same mask: per candidate (for sparse candidates) and dense
// morphology (for blocks they fill). On a JPEG banner with text, patches, a photo and a
// transparent corner, with every pixel of a window as a candidate, both clear the same pixels.
TEST(RasterRegions, DenseAndPerCandidateEdgeMasksAgree) {
  corpus::Banner b = corpus::photo_banner({640, 360}, 3, 0.3);
  cv::Mat img = corpus::jpeg_round_trip(b.image, 75);
  img(cv::Rect(0, 0, 40, 30)).setTo(cv::Scalar(0, 0, 0, 0));  // transparent corner
  const PhotoMask photo = find_photo_areas(img);
  ASSERT_TRUE(photo.any());
  VerdictTable table(palette(), JudgeMode{3.0, true});
  for (int y = 0; y < img.rows; ++y) {
    for (int x = 0; x < img.cols; ++x) {
      const std::uint8_t* p = img.ptr<std::uint8_t>(y) + 4 * x;
      if (p[3] >= 250 && !photo.photo_at(x, y)) table.get(color_key(p));
    }
  }
  for (const cv::Rect window : {cv::Rect(0, 0, 640, 360), cv::Rect(3, 5, 250, 150),
                                cv::Rect(390, 210, 250, 150), cv::Rect(100, 201, 333, 77)}) {
    SCOPED_TRACE(window.x);
    SweepResult dense;
    dense.candidates = cv::Mat1b(img.size(), std::uint8_t{0});
    dense.candidates(window).setTo(1);
    dense.candidate_bounds = window;
    SweepResult each;
    dense.candidates.copyTo(each.candidates);
    each.candidate_bounds = window;
    mask_edges(img, photo, table, dense, EdgeMaskWay::dense);
    mask_edges(img, photo, table, each, EdgeMaskWay::per_candidate);
    EXPECT_EQ(cv::countNonZero(dense.candidates != each.candidates), 0);
    EXPECT_EQ(dense.candidate_bounds, each.candidate_bounds);
    const int kept = cv::countNonZero(dense.candidates);
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, window.area());  // something was masked: the test compares real work
  }
}

// reachable_off_edges() (lossy images: the edge mask before any verdict, Lab only, row by row
// around the reachable pixels) against mask_edges() on the same pixels: the runs it returns are
// exactly the reachable pixels mask_edges() keeps. A JPEG banner with text, patches, a photo and
// a transparent corner; reachable pixels in blobs, strips and scattered points, some touching
// the image border, so the clipping at borders is compared too.
TEST(RasterRegions, ReachableOffEdgesKeepsWhatTheEdgeMaskKeeps) {
  corpus::Banner b = corpus::photo_banner({640, 360}, 3, 0.3);
  cv::Mat img = corpus::jpeg_round_trip(b.image, 75);
  img(cv::Rect(0, 0, 40, 30)).setTo(cv::Scalar(0, 0, 0, 0));  // transparent corner
  const PhotoMask photo = find_photo_areas(img);
  ASSERT_TRUE(photo.any());
  cv::RNG rng(5);
  long long kept_total = 0, masked_total = 0;
  for (int round = 0; round < 12; ++round) {
    SCOPED_TRACE(round);
    cv::Mat1b reachable(img.size(), std::uint8_t{0});
    for (int i = 0; i < 30; ++i) {
      const int w = rng.uniform(1, 90), h = rng.uniform(1, 60);
      const int x = rng.uniform(-20, img.cols), y = rng.uniform(-20, img.rows);
      reachable(cv::Rect(x, y, w, h) & cv::Rect(0, 0, img.cols, img.rows)).setTo(2);
    }
    for (int i = 0; i < 400; ++i) reachable(rng.uniform(0, img.rows), rng.uniform(0, img.cols)) = 2;
    // Band pixels (1) beside them must be ignored.
    for (int i = 0; i < 400; ++i) {
      std::uint8_t& v = reachable(rng.uniform(0, img.rows), rng.uniform(0, img.cols));
      if (v == 0) v = 1;
    }
    cv::Mat1b only_reachable;
    cv::compare(reachable, 2, only_reachable, cv::CMP_EQ);
    const cv::Rect reach = cv::boundingRect(only_reachable);
    VerdictTable table(palette(), JudgeMode{3.0, true});
    const std::vector<PixelRun> runs = reachable_off_edges(img, photo, table, reachable, reach);
    EXPECT_EQ(table.size(), 0U);  // no verdicts: Lab only
    cv::Mat1b from_runs(img.size(), std::uint8_t{0});
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const PixelRun& r = runs[i];
      ASSERT_LT(r.begin, r.end);
      if (i > 0) {  // row order, no touching runs left unmerged
        const PixelRun& p = runs[i - 1];
        ASSERT_TRUE(p.y < r.y || (p.y == r.y && p.end < r.begin));
      }
      from_runs(cv::Rect(r.begin, r.y, r.end - r.begin, 1)).setTo(1);
    }
    SweepResult expected;
    cv::threshold(only_reachable, expected.candidates, 0, 1, cv::THRESH_BINARY);
    expected.candidate_bounds = reach;
    VerdictTable judged(palette(), JudgeMode{3.0, true});
    mask_edges(img, photo, judged, expected, EdgeMaskWay::per_candidate);
    EXPECT_EQ(cv::countNonZero(from_runs != expected.candidates), 0);
    // SharedPixels::counts() finds exactly the pixels of the runs (outside sure boxes).
    SharedPixels shared{&palette().sure_cubes(), runs};
    for (int i = 0; i < 2000; ++i) {
      const int x = rng.uniform(0, img.cols), y = rng.uniform(0, img.rows);
      const std::uint32_t key = color_key(img.ptr<std::uint8_t>(y) + 4 * x);
      const bool in_box = std::any_of(shared.cubes->begin(), shared.cubes->end(),
                                      [key](const SureCube& c) { return c.contains(key); });
      ASSERT_EQ(shared.counts(x, y, key), in_box || from_runs(y, x) != 0) << x << "," << y;
    }
    kept_total += cv::countNonZero(from_runs);
    masked_total += cv::countNonZero(only_reachable) - cv::countNonZero(from_runs);
  }
  // Both outcomes occur: the test compares real work.
  EXPECT_GT(kept_total, 1000);
  EXPECT_GT(masked_total, 1000);
}

// drop_coreless() against the definition: keep the 8-connected components of the candidates
// that contain a 7×7 square of candidates (an erosion with a zero border), drop the rest. Random
// blobs, strips up to 8 px thick and single pixels, in windows that touch the image border and
// windows that do not.
TEST(RasterRegions, DropCorelessKeepsExactlyTheComponentsWithASolidCore) {
  cv::RNG rng(11);
  long long kept = 0, dropped = 0;
  for (int round = 0; round < 60; ++round) {
    SCOPED_TRACE(round);
    cv::Mat1b mask(97 + rng.uniform(0, 60), 131 + rng.uniform(0, 60), std::uint8_t{0});
    for (int i = 0; i < 25; ++i) {
      const int w = rng.uniform(1, 12), h = rng.uniform(1, 12);
      const int x = rng.uniform(-5, mask.cols), y = rng.uniform(-5, mask.rows);
      mask(cv::Rect(x, y, w, h) & cv::Rect(0, 0, mask.cols, mask.rows)).setTo(1);
    }
    for (int i = 0; i < 300; ++i) mask(rng.uniform(0, mask.rows), rng.uniform(0, mask.cols)) = 1;
    const cv::Rect window = round % 2 == 0 ? cv::Rect(0, 0, mask.cols, mask.rows)
                                           : cv::Rect(4, 3, mask.cols - 9, mask.rows - 5);
    cv::Mat1b inside(mask.size(), std::uint8_t{0});
    inside(window).setTo(1);
    mask &= inside;  // candidates only inside the window
    // The definition, with OpenCV's erosion and labelling.
    cv::Mat1b cores;
    cv::erode(mask(window), cores, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}), {-1, -1}, 1,
              cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::Mat1i labels;
    const int n = cv::connectedComponents(mask(window), labels, 8, CV_32S);
    std::vector<bool> cored(std::size_t(n), false);
    for (int y = 0; y < cores.rows; ++y) {
      for (int x = 0; x < cores.cols; ++x) {
        if (cores(y, x) != 0) cored[std::size_t(labels(y, x))] = true;
      }
    }
    cv::Mat1b expected(mask.size(), std::uint8_t{0});
    for (int y = 0; y < labels.rows; ++y) {
      for (int x = 0; x < labels.cols; ++x) {
        const int label = labels(y, x);
        if (label != 0 && cored[std::size_t(label)]) expected(y + window.y, x + window.x) = 1;
      }
    }
    SweepResult sweep;
    sweep.candidates = mask.clone();
    sweep.candidate_bounds = cv::boundingRect(mask);
    drop_coreless(sweep);
    EXPECT_EQ(cv::countNonZero(sweep.candidates != expected), 0);
    EXPECT_EQ(sweep.candidate_bounds, cv::boundingRect(expected));
    kept += cv::countNonZero(expected);
    dropped += cv::countNonZero(mask) - cv::countNonZero(expected);
  }
  // Both outcomes occur: blobs with cores are kept, strips and single pixels dropped.
  EXPECT_GT(kept, 0);
  EXPECT_GT(dropped, 0);
}

// Verdicts against the straightforward computation: ΔE00 to every allowed colour. Random colours
// everywhere, and colours a few steps from each allowed colour (JPEG noise, where verdicts come
// from bounds alone), in both modes.
TEST(RasterVerdicts, VerdictsAreExactCiede2000) {
  cv::RNG rng(42);
  std::vector<color::Rgb> samples;
  for (int i = 0; i < 3000; ++i) {
    samples.push_back({static_cast<std::uint8_t>(rng.uniform(0, 256)),
                       static_cast<std::uint8_t>(rng.uniform(0, 256)),
                       static_cast<std::uint8_t>(rng.uniform(0, 256))});
  }
  const auto near = [&rng](std::uint8_t v) {
    return static_cast<std::uint8_t>(std::clamp(int(v) + rng.uniform(-9, 10), 0, 255));
  };
  for (const RasterColor& c : palette().colors()) {
    for (int i = 0; i < 400; ++i) {
      samples.push_back({near(c.allowed.rgb.r), near(c.allowed.rgb.g), near(c.allowed.rgb.b)});
    }
  }
  std::size_t decided_by_bounds = 0;
  for (const bool lossy : {false, true}) {
    VerdictTable table(palette(), JudgeMode{2.0, lossy});
    for (const color::Rgb& rgb : samples) {
      const std::uint32_t key = (std::uint32_t{rgb.r} << 16) | (std::uint32_t{rgb.g} << 8) | rgb.b;
      const ColorVerdict v = table.get(key);
      decided_by_bounds += v.delta_e00 == kUnknownDistance ? 1 : 0;
      const color::Lab lab = color::srgb_to_lab(rgb);
      double best = 1e9;
      std::size_t index = 0;
      bool within = false;
      for (std::size_t k = 0; k < palette().colors().size(); ++k) {
        const RasterColor& c = palette().colors()[k];
        const double d = color::delta_e00(lab, c.allowed.lab);
        within = within || d <= (lossy ? c.fail : c.warn);
        if (d < best) best = d, index = k;
      }
      ASSERT_EQ(v.nearest, index) << guide::to_hex(rgb);
      ASSERT_EQ(v.group, palette().colors()[index].group) << guide::to_hex(rgb);
      ASSERT_EQ(v.off, !within) << guide::to_hex(rgb);
      // The sweep reads group and "off" from the table's slots, which survive its growth.
      const VerdictTable::Brief& brief = table.lookup(key);
      ASSERT_EQ(brief.key, key);
      ASSERT_EQ(brief.group, v.group) << guide::to_hex(rgb);
      ASSERT_EQ(brief.off, v.off) << guide::to_hex(rgb);
      ASSERT_NEAR(table.distance(key), best, 1e-4) << guide::to_hex(rgb);
      EXPECT_EQ(lab_of(rgb), lab);
    }
  }
  // The bounds are what make this fast: most noise colours need no exact ΔE00.
  EXPECT_GT(decided_by_bounds, samples.size() / 2);
}

// The sure boxes settle a lossy pixel without its own verdict, so every colour in them must get
// exactly that verdict: nearest to the box's colour, not off-palette. All colours on the faces
// of every box, and random colours inside; boxes of different colours never overlap.
TEST(RasterVerdicts, SureBoxesHoldOnlyColoursWithTheirColoursVerdict) {
  const std::vector<SureCube>& boxes = palette().sure_cubes();
  ASSERT_EQ(boxes.size(), palette().colors().size());  // no duplicate colours in this palette
  JudgeScratch scratch;
  const JudgeMode mode{3.0, true};
  cv::RNG rng(5);
  long long checked = 0;
  for (const SureCube& box : boxes) {
    SCOPED_TRACE(guide::to_hex(palette().colors()[box.color].allowed.rgb));
    EXPECT_EQ(box.group, palette().colors()[box.color].group);
    const auto check = [&](int b, int g, int r) {
      const color::Rgb rgb{std::uint8_t(r), std::uint8_t(g), std::uint8_t(b)};
      const ColorVerdict v = judge_color(rgb, palette(), mode, scratch);
      ASSERT_EQ(v.nearest, box.color) << guide::to_hex(rgb);
      ASSERT_FALSE(v.off) << guide::to_hex(rgb);
      ++checked;
    };
    for (int b = box.lo[0]; b <= box.hi[0]; ++b) {
      for (int g = box.lo[1]; g <= box.hi[1]; ++g) {
        for (int r = box.lo[2]; r <= box.hi[2]; ++r) {
          const bool face = b == box.lo[0] || b == box.hi[0] || g == box.lo[1] || g == box.hi[1] ||
                            r == box.lo[2] || r == box.hi[2];
          if (face || rng.uniform(0, 8) == 0) check(b, g, r);
        }
      }
    }
    for (const SureCube& other : boxes) {
      if (&other == &box) continue;
      bool overlap = true;
      for (std::size_t c = 0; c < 3; ++c) {
        overlap = overlap && box.lo[c] <= other.hi[c] && other.lo[c] <= box.hi[c];
      }
      EXPECT_FALSE(overlap);
    }
    // contains() agrees with the bounds, alpha ignored.
    const std::uint32_t inside =
        0x12000000u | std::uint32_t{box.hi[2]} << 16 | std::uint32_t{box.lo[1]} << 8 | box.hi[0];
    EXPECT_TRUE(box.contains(inside));
    if (box.hi[0] < 255) {
      EXPECT_FALSE(box.contains(inside + 1));
    }
  }
  EXPECT_GT(checked, 1000);
}

// block_stats() (SSE2 for full 8-pixel blocks) against a plain loop, on an image whose size is
// no multiple of 8, with random pixels, flat areas and transparency; and the photo mask with
// block statistics (counts skipped where they cannot matter) equals the one without.
TEST(RasterPhotoMask, BlockStatsAndTheirShortcutsAreExact) {
  cv::Mat img = corpus::jpeg_round_trip(corpus::photo_banner({613, 301}, 9, 0.4).image, 70);
  cv::RNG rng(3);
  cv::Mat noise(40, 50, CV_8UC4);
  rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
  noise.copyTo(img(cv::Rect(20, 250, 50, 40)));  // random alpha too
  img(cv::Rect(590, 0, 23, 9)).setTo(cv::Scalar(10, 20, 30, 0));
  const BlockStats blocks = block_stats(img);
  ASSERT_EQ(blocks.cols, 77);
  ASSERT_EQ(blocks.rows, 38);
  for (int by = 0; by < blocks.rows; ++by) {
    for (int bx = 0; bx < blocks.cols; ++bx) {
      std::array<int, 4> lo{255, 255, 255, 255}, hi{0, 0, 0, 0};
      for (int y = by * 8; y < std::min(img.rows, by * 8 + 8); ++y) {
        for (int x = bx * 8; x < std::min(img.cols, bx * 8 + 8); ++x) {
          const cv::Vec4b p = img.at<cv::Vec4b>(y, x);
          for (int c = 0; c < 4; ++c)
            lo[c] = std::min(lo[c], int(p[c])), hi[c] = std::max(hi[c], int(p[c]));
        }
      }
      for (int c = 0; c < 4; ++c) {
        ASSERT_EQ(int(blocks.min_of(bx, by) >> (8 * c) & 0xFFu), lo[std::size_t(c)])
            << bx << "," << by;
        ASSERT_EQ(int(blocks.max_of(bx, by) >> (8 * c) & 0xFFu), hi[std::size_t(c)])
            << bx << "," << by;
      }
    }
  }
  for (const cv::Mat& image : {img, corpus::jpeg_round_trip(corpus::planted_banner(1.2).image, 80),
                               corpus::photo_banner({800, 400}, 2, 0.5).image}) {
    const PhotoMask plain = find_photo_areas(image);
    const BlockStats stats = block_stats(image);
    const PhotoMask quick = find_photo_areas(image, &stats);
    EXPECT_EQ(cv::countNonZero(plain.tiles != quick.tiles), 0);
    ASSERT_EQ(plain.areas.size(), quick.areas.size());
    for (std::size_t i = 0; i < plain.areas.size(); ++i) {
      EXPECT_EQ(plain.areas[i].x, quick.areas[i].x);
      EXPECT_EQ(plain.areas[i].w, quick.areas[i].w);
      EXPECT_EQ(plain.areas[i].h, quick.areas[i].h);
    }
  }
}

// The sweep and the photo tiles skip runs of one pixel value eight at a time; the run must end
// exactly at the first different pixel wherever it falls relative to those chunks.
TEST(RasterPhotoMask, RunEndStopsAtTheFirstDifferentPixel) {
  const std::vector<std::uint32_t> flat(40, 7u);
  for (int diff = 0; diff < 40; ++diff) {
    std::vector<std::uint32_t> row = flat;
    row[std::size_t(diff)] = 0xFF000007u;  // same colour, other alpha: a different pixel
    for (int start = 0; start <= diff; ++start) {
      ASSERT_EQ(run_end(row.data(), start, 40, 7u), diff) << start << " " << diff;
    }
  }
  EXPECT_EQ(run_end(flat.data(), 3, 40, 7u), 40);
  EXPECT_EQ(run_end(flat.data(), 3, 17, 7u), 17);  // stops at `end`, never reads past it
  EXPECT_EQ(run_end(flat.data(), 5, 5, 7u), 5);
}

// The trigonometry-free bounds enclose ΔE00, for random pairs, close pairs, neutrals, and the
// 34 pairs of Sharma, Wu & Dalal's table's kind (blue region with the R_T term, zero chroma).
TEST(RasterVerdicts, Delta00BoundsEncloseTheExactValue) {
  cv::RNG rng(7);
  const auto check = [](const color::Lab& p, const color::Lab& q) {
    const double d = color::delta_e00(p, q);
    const De00Bounds b = delta_e00_bounds(p, q);
    ASSERT_LE(b.lo, d) << p.L << ' ' << p.a << ' ' << p.b << " / " << q.L << ' ' << q.a << ' '
                       << q.b;
    ASSERT_GE(b.hi, d) << p.L << ' ' << p.a << ' ' << p.b << " / " << q.L << ' ' << q.a << ' '
                       << q.b;
  };
  for (int i = 0; i < 200000; ++i) {
    const color::Lab p{rng.uniform(0.0, 100.0), rng.uniform(-128.0, 128.0),
                       rng.uniform(-128.0, 128.0)};
    const double r = i % 2 == 0 ? 100.0 : 3.0;
    const color::Lab q{std::clamp(p.L + rng.uniform(-r, r), 0.0, 100.0), p.a + rng.uniform(-r, r),
                       p.b + rng.uniform(-r, r)};
    check(p, q);
  }
  check({50, 0, 0}, {50, 0, 0});
  check({50, 0, 0}, {60, 0, 0});
  check({50, 2.6772, -79.7751}, {50, 0, -82.7485});              // Sharma #1, blue: R_T matters
  check({50, 2.49, -0.001}, {50, -2.49, 0.0009});                // Sharma #9, hues 180° apart
  check({2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514});  // Sharma #34, near black
  // Both b* > 0 (the narrower hue range): hues near 0° and 180°, tiny and large chroma.
  check({50, 80, 2e-6}, {52, 79, 1e-5});
  check({50, -80, 2e-6}, {48, -79, 3e-6});
  check({50, -80, 2e-6}, {50, 80, 2e-6});
  check({60, 0.001, 0.002}, {61, -0.002, 0.001});
  check({60, 0.001, 1e-12}, {61, -0.002, 1e-12});  // below kUpperMinB: all hues
  // Both b* < 0 (the other half): hues near 180° and 360°, the blue region.
  check({50, 80, -2e-6}, {52, 79, -1e-5});
  check({50, -80, -2e-6}, {48, -79, -3e-6});
  check({50, -80, -2e-6}, {50, 80, -2e-6});
  check({9.5, 3.2, -17.8}, {10.4, 5.0, -16.1});  // Midnat and a JPEG neighbour
  // One quadrant each (narrower T and rotation): around 45°, 135°, 225°, 275° (the blue peak),
  // and pairs near the quadrant borders.
  check({50, 30, 30}, {51, 28, 33});
  check({50, -30, 30}, {51, -28, 33});
  check({50, -30, -30}, {51, -28, -33});
  check({40, 2.6, -30}, {41, 3.1, -33});
  check({50, 1e-5, 40}, {52, 2e-5, 41});
  check({50, 40, 1e-5}, {52, 41, 2e-5});
  check({50, -1e-5, -40}, {52, -2e-5, -41});
  // Random pairs within one quadrant, close and far.
  cv::RNG quad(11);
  for (int i = 0; i < 100000; ++i) {
    const double sa = i % 4 == 0 || i % 4 == 3 ? 1.0 : -1.0, sb = i % 4 < 2 ? 1.0 : -1.0;
    const double r = i % 8 < 4 ? 80.0 : 2.0;
    const color::Lab p{quad.uniform(0.0, 100.0), sa * quad.uniform(0.0, 100.0),
                       sb * quad.uniform(0.0, 100.0)};
    const color::Lab q{std::clamp(p.L + quad.uniform(-r, r), 0.0, 100.0),
                       sa * std::abs(p.a + quad.uniform(-r, r)),
                       sb * std::abs(p.b + quad.uniform(-r, r))};
    check(p, q);
  }
  check({53.24, 80.09, 67.20}, {54.0, 76.0, 70.5});  // sRGB red and a neighbour
  // Bounds tight enough to be useful: for a small difference, within a factor of ~2.
  const De00Bounds b = delta_e00_bounds(color::srgb_to_lab(color::Rgb{0xE4, 0x00, 0x2B}),
                                        color::srgb_to_lab(color::Rgb{0xE6, 0x01, 0x2A}));
  EXPECT_LT(b.hi, 2.0 * std::max(b.lo, 0.1));
}

}  // namespace
}  // namespace brandlint::raster
