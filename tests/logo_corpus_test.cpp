// The labelled logo corpus (tools/logo_corpus*): the generator's labels are checked against the
// pixels it wrote, the scoring is checked on hand-made findings, and — once the logo engine is
// built in — detection and the six logo rules are scored on a generated corpus against the
// issue's targets (precision and recall ≥ 0.95, no deprecated verdict on a current logo).
#include "tools/logo_corpus.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <opencv2/imgcodecs.hpp>

#include "brandguide/brand_guide.h"
#include "rules/support/color.h"
#include "tests/support/paths.h"
#include "tools/logo_corpus_eval.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

namespace lc = logo_corpus;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

lc::Options small_options(int images) {
  lc::Options o;
  o.images = images;
  o.seed = 11;
  o.source_dir = testing::source_dir();
  return o;
}

// ------------------------------------------------------------------------------ matching, scores

TEST(LogoCorpusEval, IouOfBoxes) {
  EXPECT_DOUBLE_EQ(lc::iou({0, 0, 10, 10}, {0, 0, 10, 10}), 1.0);
  EXPECT_DOUBLE_EQ(lc::iou({0, 0, 10, 10}, {5, 0, 10, 10}), 50.0 / 150.0);
  EXPECT_DOUBLE_EQ(lc::iou({0, 0, 10, 10}, {10, 0, 10, 10}), 0.0);  // touching edges
  EXPECT_DOUBLE_EQ(lc::iou({0, 0, 10, 10}, {2, 2, 5, 5}), 25.0 / 100.0);
  EXPECT_DOUBLE_EQ(lc::iou({0, 0, 0, 10}, {0, 0, 10, 10}), 0.0);
}

TEST(LogoCorpusEval, MatchingIsOneToOneAndPrefersTheBestOverlap) {
  // Found box 0 overlaps both truths; truth 1 is its better match, so truth 0 goes to found 1.
  const std::vector<PixelBox> truth = {{0, 0, 100, 40}, {20, 0, 100, 40}};
  const std::vector<PixelBox> found = {{18, 0, 100, 40}, {2, 0, 100, 40}};
  const auto pairs = lc::match_boxes(truth, found);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], std::make_pair(std::size_t(0), std::size_t(1)));
  EXPECT_EQ(pairs[1], std::make_pair(std::size_t(1), std::size_t(0)));
  // Below IoU 0.5: no match. {0,0,100,40} vs {50,0,100,40}: 2000 / 6000.
  EXPECT_TRUE(lc::match_boxes({{0, 0, 100, 40}}, {{50, 0, 100, 40}}).empty());
  // Two findings on one logo: only one is matched.
  EXPECT_EQ(lc::match_boxes({{0, 0, 100, 40}}, {{0, 0, 100, 40}, {1, 0, 100, 40}}).size(), 1u);
}

TEST(LogoCorpusEval, EitherTheArtworkOrTheArtboardMatches) {
  lc::LabelledLogo l;
  l.box = {10, 20, 200, 40};
  l.artboard = {0, 0, 220, 80};
  EXPECT_DOUBLE_EQ(lc::label_iou(l, {0, 0, 220, 80}), 1.0);
  EXPECT_DOUBLE_EQ(lc::label_iou(l, {10, 20, 200, 40}), 1.0);
  EXPECT_LT(lc::label_iou(l, {300, 0, 50, 50}), 0.01);
}

std::vector<lc::LabelledImage> two_images() {
  lc::LabelledImage a;
  a.file = "images/0001-x.png";
  lc::LabelledLogo current;
  current.logo_id = "primary";
  current.box = current.artboard = {100, 100, 200, 50};
  current.violations = {lc::kDistorted};
  lc::LabelledLogo old;
  old.logo_id = "2019-wordmark";
  old.box = old.artboard = {500, 100, 200, 50};
  old.violations = {lc::kDeprecated};
  a.logos = {current, old};
  lc::LabelledImage b;
  b.file = "required/0002-missing.png";
  b.missing = true;
  return {a, b};
}

lc::Reported rep(std::string file, std::string what, std::optional<PixelBox> box) {
  lc::Reported r;
  r.file = std::move(file);
  r.what = std::move(what);
  r.box = box;
  return r;
}

TEST(LogoCorpusEval, ClassScoresCountRightWrongAndMissedFindings) {
  const auto images = two_images();
  // Right: distorted on the current logo. Wrong: distorted on the 2019 logo (not labelled
  // distorted) and distorted where no logo is. Missed: nothing.
  const std::vector<lc::Reported> findings = {
      rep("images/0001-x.png", "distorted", PixelBox{102, 101, 198, 50}),
      rep("images/0001-x.png", "distorted", PixelBox{500, 100, 200, 50}),
      rep("images/0001-x.png", "distorted", PixelBox{0, 400, 50, 50}),
      rep("images/0001-x.png", "deprecated", PixelBox{500, 100, 200, 50})};
  const lc::Tally d = lc::score_class(images, lc::kDistorted, findings);
  EXPECT_EQ(d.tp, 1);
  EXPECT_EQ(d.fp, 2);
  EXPECT_EQ(d.fn, 0);
  EXPECT_DOUBLE_EQ(d.precision(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(d.recall(), 1.0);
  ASSERT_EQ(d.false_alarms.size(), 2u);
  EXPECT_NE(d.false_alarms[0].find("2019-wordmark"), std::string::npos);
  EXPECT_NE(d.false_alarms[1].find("no labelled logo"), std::string::npos);

  const lc::Tally dep = lc::score_class(images, lc::kDeprecated, findings);
  EXPECT_EQ(dep.tp, 1);
  EXPECT_EQ(dep.fp, 0);
  // Nothing reported for too-small and nothing labelled: perfect by definition.
  const lc::Tally small = lc::score_class(images, lc::kTooSmall, findings);
  EXPECT_EQ(small.tp + small.fp + small.fn, 0);
  // Recolored: nothing labelled, nothing found. Clear space on the current logo missed:
  std::vector<lc::LabelledImage> with_cs = images;
  with_cs[0].logos[0].violations.push_back(lc::kClearSpace);
  const lc::Tally cs = lc::score_class(with_cs, lc::kClearSpace, findings);
  EXPECT_EQ(cs.fn, 1);
  EXPECT_DOUBLE_EQ(cs.recall(), 0.0);
  ASSERT_EQ(cs.misses.size(), 1u);
  EXPECT_NE(cs.misses[0].find("images/0001-x.png: primary"), std::string::npos);
}

TEST(LogoCorpusEval, MissingIsScoredPerImage) {
  const auto images = two_images();
  // Found on the image that has no logo (right) and on the one that has logos (wrong).
  const std::vector<lc::Reported> findings = {rep("required/0002-missing.png", "missing", {}),
                                              rep("images/0001-x.png", "missing", {})};
  const lc::Tally m = lc::score_class(images, "missing", findings);
  EXPECT_EQ(m.tp, 1);
  EXPECT_EQ(m.fp, 1);
  EXPECT_EQ(m.fn, 0);
  EXPECT_EQ(lc::score_class(images, "missing", {}).fn, 1);
}

TEST(LogoCorpusEval, DetectionAndDeprecatedOnCurrent) {
  const auto images = two_images();
  lc::Reported on_current = rep("images/0001-x.png", "logo", PixelBox{100, 100, 200, 50});
  on_current.deprecated = true;  // the engine calls the current logo deprecated
  const std::vector<lc::Reported> detections = {
      on_current, rep("images/0001-x.png", "logo", PixelBox{900, 0, 40, 40})};
  const lc::Evaluation e = lc::evaluate(images, detections, {});
  EXPECT_EQ(e.detection.tp, 1);
  EXPECT_EQ(e.detection.fp, 1);
  EXPECT_EQ(e.detection.fn, 1);  // the 2019 logo
  ASSERT_EQ(e.deprecated_on_current.size(), 1u);
  // A deprecated finding on the 2019 logo is not one of them.
  EXPECT_TRUE(lc::deprecated_on_current(
                  images, {rep("images/0001-x.png", "deprecated", PixelBox{500, 100, 200, 50})})
                  .empty());
  const std::string table = lc::format_evaluation(e);
  EXPECT_NE(table.find("detection"), std::string::npos);
  EXPECT_NE(table.find("deprecated verdicts on current logos: 1"), std::string::npos);
}

TEST(LogoCorpusEval, ReportPathsAndJsonFindings) {
  const auto images = two_images();
  EXPECT_EQ(lc::corpus_file(images, "/tmp/c/images/0001-x.png"), "images/0001-x.png");
  EXPECT_EQ(lc::corpus_file(images, "images/0001-x.png"), "images/0001-x.png");
  EXPECT_EQ(lc::corpus_file(images, "/tmp/c/ximages/0001-x.png"), "");
  const Json report = Json::parse(R"({"findings": [
    {"rule": "logo/deprecated", "path": "c/images/0001-x.png", "location": {"line": 0, "box": [500, 100, 200, 50]}},
    {"rule": "logo/missing", "path": "c/required/0002-missing.png", "location": {"line": 0}},
    {"rule": "color/off-palette", "path": "c/images/0001-x.png", "location": {"box": [1, 2, 3, 4]}}]})");
  const auto found = lc::findings_from_report(images, report);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].what, "deprecated");
  EXPECT_EQ(found[0].file, "images/0001-x.png");
  EXPECT_EQ(*found[0].box, (PixelBox{500, 100, 200, 50}));
  EXPECT_EQ(found[1].what, "missing");
  EXPECT_FALSE(found[1].box.has_value());
}

// ------------------------------------------------------------------------------------ generator

TEST(LogoCorpusGenerator, SameSeedSameFiles) {
  testing::TempDir a, b;
  const lc::Corpus ca = lc::generate(a.path(), small_options(16));
  const lc::Corpus cb = lc::generate(b.path(), small_options(16));
  EXPECT_EQ(slurp(a.path() / "labels.json"), slurp(b.path() / "labels.json"));
  ASSERT_EQ(ca.images.size(), 16u);
  for (const lc::LabelledImage& li : ca.images) {
    EXPECT_EQ(slurp(a.path() / li.file), slurp(b.path() / li.file)) << li.file;
  }
  // And the labels read back as written.
  const lc::Corpus back = lc::read_labels(a.path() / "labels.json");
  EXPECT_EQ(lc::to_json(back).dump(), lc::to_json(ca).dump());
  // Another seed, another corpus.
  lc::Options other = small_options(16);
  other.seed = 12;
  testing::TempDir c;
  lc::generate(c.path(), other);
  EXPECT_NE(slurp(a.path() / "labels.json"), slurp(c.path() / "labels.json"));
}

TEST(LogoCorpusGenerator, GuidesLoadWithTheirLogos) {
  testing::TempDir dir;
  const lc::Corpus c = lc::generate(dir.path(), small_options(2));
  const guide::BrandGuide g = guide::load_guide(c.guide);
  ASSERT_EQ(g.logos.size(), 2u);
  EXPECT_EQ(g.logos[0].id, "primary");
  EXPECT_EQ(g.logos[0].min_width_px, 96);
  EXPECT_TRUE(g.logos[1].deprecated);
  const guide::Channel* required = g.find_channel("required");
  ASSERT_NE(required, nullptr);
  EXPECT_TRUE(required->require_logo);
  EXPECT_EQ(guide::load_guide(c.guide_one).logos.size(), 1u);
  const guide::BrandGuide five = guide::load_guide(c.guide_five);
  ASSERT_EQ(five.logos.size(), 5u);
  EXPECT_EQ(five.logos[4].id, "symbol-2019");
}

// Every class and scenario is there, and each label agrees with the pixels: on a flat
// background, the ring just outside a clear logo's box is background and each side of the box
// touches the artwork.
TEST(LogoCorpusGenerator, LabelsAgreeWithThePixels) {
  testing::TempDir dir;
  const lc::Corpus c = lc::generate(dir.path(), small_options(56));
  std::map<std::string, int> classes, scenarios;
  int checked = 0;
  for (const lc::LabelledImage& li : c.images) {
    ++scenarios[li.scenario];
    EXPECT_EQ(li.missing, li.scenario == "missing") << li.file;
    const cv::Mat img = cv::imread((c.dir / li.file).string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(img.empty()) << li.file;
    EXPECT_EQ(img.cols, li.width);
    EXPECT_EQ(img.rows, li.height);
    for (const lc::LabelledLogo& l : li.logos) {
      for (const std::string& v : l.violations) ++classes[v];
      const cv::Rect box(l.box.x, l.box.y, l.box.w, l.box.h);
      ASSERT_EQ(box & cv::Rect(0, 0, img.cols, img.rows), box) << li.file;
      EXPECT_EQ(l.has(lc::kTooSmall), l.box.w < 96) << li.file;
      EXPECT_EQ(l.has(lc::kDeprecated), l.logo_id == "2019-wordmark") << li.file;
      if (l.logo_id == "primary") {
        // Allowed colourways exactly, or far from all of them (no label near the threshold).
        double nearest = 1e9;
        for (const char* allowed : {"#0B3D91", "#FFFFFF", "#0A1A2F"}) {
          nearest = std::min(nearest, color::delta_e00(color::parse_css_hex(allowed)->rgb,
                                                       color::parse_css_hex(l.color)->rgb));
        }
        EXPECT_EQ(l.has(lc::kRecolored), nearest > 20.0) << li.file << " " << l.color;
        EXPECT_TRUE(nearest == 0.0 || nearest > 20.0) << li.file << " " << l.color;
      }
      if (li.background != "flat" || l.has(lc::kClearSpace) || li.file.ends_with(".jpg")) continue;
      const cv::Vec3b bg = img.at<cv::Vec3b>(std::max(0, box.y - 1), std::max(0, box.x - 1));
      const auto diff = [&](int x, int y) {
        return cv::norm(cv::Vec3d(img.at<cv::Vec3b>(y, x)) - cv::Vec3d(bg), cv::NORM_INF);
      };
      double ring = 0, top = 0, bottom = 0, left = 0, right = 0;
      for (int x = box.x - 1; x <= box.x + box.width; ++x) {
        ring = std::max({ring, diff(x, box.y - 1), diff(x, box.y + box.height)});
      }
      for (int y = box.y - 1; y <= box.y + box.height; ++y) {
        ring = std::max({ring, diff(box.x - 1, y), diff(box.x + box.width, y)});
      }
      for (int x = box.x; x < box.x + box.width; ++x) {
        top = std::max(top, diff(x, box.y));
        bottom = std::max(bottom, diff(x, box.y + box.height - 1));
      }
      for (int y = box.y; y < box.y + box.height; ++y) {
        left = std::max(left, diff(box.x, y));
        right = std::max(right, diff(box.x + box.width - 1, y));
      }
      // Alpha below 25 % may lie outside the box; at or above it is inside.
      EXPECT_LE(ring, 0.25 * 255) << li.file;
      EXPECT_GE(std::min({top, bottom, left, right}), 24.0) << li.file;
      ++checked;
    }
  }
  EXPECT_GE(checked, 5);
  for (const std::string& cls : lc::violation_classes()) EXPECT_GE(classes[cls], 3) << cls;
  EXPECT_EQ(scenarios.size(), 14u);
}

TEST(LogoCorpusGenerator, ScenarioBannersForTheBenchmark) {
  lc::LabelledImage label;
  const cv::Mat img = lc::scenario_image(small_options(1), "clean", {1920, 1080}, &label);
  EXPECT_EQ(img.size(), cv::Size(1920, 1080));
  ASSERT_EQ(label.logos.size(), 1u);
  EXPECT_TRUE(label.logos[0].violations.empty());
  lc::LabelledImage none;
  lc::scenario_image(small_options(1), "no-logo", {1920, 1080}, &none);
  EXPECT_TRUE(none.logos.empty());
  EXPECT_THROW(lc::scenario_image(small_options(1), "nonsense", {100, 100}), std::invalid_argument);
}

}  // namespace
}  // namespace brandlint
