// logo/web-reference beyond its fixture: raster logos (PNG, JPEG) drawn by the test, a page
// background other than white, root-relative and percent-encoded references, remote URLs,
// srcset parsing, hostile markup, and identical output at any thread count.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/assets/html.h"
#include "linter/assets/load_asset.h"
#include "linter/reporters/reporter.h"
#include "linter/runner.h"
#include "rules/logo/web_reference_refs.h"
#include "rules/registry.h"
#include "rules/support/perceptual_hash.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A guide folder with the two Nordlys logos, and a site/ folder next to it.
class WebReference : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path logos = testing::source_dir() / "brandguide/examples/nordlys/logos";
    primary_svg_ = read(logos / "nordlys-primary.svg");
    old_svg_ = read(logos / "nordlys-2019.svg");
    dir_.write("logos/nordlys-primary.svg", primary_svg_);
    dir_.write("logos/nordlys-2019.svg", old_svg_);
    dir_.write("brandguide.toml", R"(
[brand]
name = "Nordlys"
version = "1"
[palette]
neutrals = ["#FFFFFF"]
[[palette.color]]
name = "Midnat"
hex = "#0A1A2F"
[[logo]]
id = "primary"
file = "logos/nordlys-primary.svg"
[[logo]]
id = "2019-wordmark"
file = "logos/nordlys-2019.svg"
deprecated = true
replaced_by = "primary"
)");
  }

  // The logo rendered by the engine, saved as a raster file in site/.
  void write_raster(const std::string& svg, const std::string& relative, int jpeg_quality = 0) {
    Asset a;
    decode_pixels(svg, AssetKind::svg, a, LoadOptions{});
    ASSERT_FALSE(a.pixels.empty());
    const fs::path out = dir_.path() / "site" / relative;
    fs::create_directories(out.parent_path());
    if (jpeg_quality > 0) {
      ASSERT_TRUE(cv::imwrite(out.string(), phash::flatten(a.pixels, {255, 255, 255}),
                              {cv::IMWRITE_JPEG_QUALITY, jpeg_quality}));
    } else {
      ASSERT_TRUE(cv::imwrite(out.string(), a.pixels));
    }
  }

  std::vector<std::string> lint(int jobs = 1) {
    const guide::BrandGuide guide = guide::load_guide(dir_.path() / "brandguide.toml");
    RunOptions options;
    options.jobs = jobs;
    options.only_rules = {"logo/web-reference"};
    const RunResult result = run(guide, rules::registry(), {dir_.path() / "site"}, options);
    std::vector<std::string> out;
    for (Finding f : result.findings) {
      f.path = fs::path(f.path).filename().string();
      out.push_back(format_finding_line(f, false));
    }
    return out;
  }

  testing::TempDir dir_;
  std::string primary_svg_, old_svg_;
};

TEST_F(WebReference, RasterLogosAreRecognisedWhateverTheirName) {
  write_raster(old_svg_, "img/banner-top.png");
  write_raster(primary_svg_, "img/header.jpg", 60);
  dir_.write("site/index.html",
             "<img src=\"img/banner-top.png\" alt=\"Nordlys\">\n"
             "<img src=\"img/header.jpg\" width=\"300\" height=\"80\" alt=\"Nordlys\">\n");
  const std::vector<std::string> findings = lint();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_NE(findings[0].find("index.html:1:11: error: <img src> 'img/banner-top.png' shows the "
                             "deprecated logo '2019-wordmark'"),
            std::string::npos)
      << findings[0];
  EXPECT_EQ(findings[1],
            "index.html:2:34: error: logo 'primary' is stretched wide: shown 300×80 (ratio "
            "3.750) but the file is 240×80 (ratio 3.000), 25.0 % off (allowed 3 %) "
            "[logo/web-reference]");
}

TEST_F(WebReference, PageBackgroundIsUsedForBothSides) {
  dir_.write("site/img/old.svg", old_svg_);
  dir_.write("site/index.html",
             "<body style=\"background: #0A1A2F\">\n<img src=\"img/old.svg\" alt=\"Nordlys\">\n");
  for (const char* page : {"<style>html, body { background: #0A1A2F }</style>",
                           "<body style=\"background-color: #0A1A2F\">",
                           "<style>:root { background: rgb(10 26 47) }</style>"}) {
    Asset a;
    a.kind = AssetKind::html;
    a.text = page;
    a.lines = LineIndex(a.text);
    extract_html(a);
    EXPECT_EQ(logo_web::page_background(a), (guide::Rgb{0x0A, 0x1A, 0x2F})) << page;
  }
  const std::vector<std::string> findings = lint();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].find("2019-wordmark"), std::string::npos);
}

TEST_F(WebReference, RootRelativePercentEncodedAndDataReferences) {
  dir_.write("site/img/old mark.svg", old_svg_);
  std::string encoded;
  for (const char c : old_svg_) {
    encoded += (c == '#' || c == '%' || c == '"' || c == '\n' || c == '<' || c == '>')
                   ? fmt::format("%{:02X}", static_cast<unsigned char>(c))
                   : std::string(1, c);
  }
  dir_.write("site/en/index.html",
             "<img src=\"/img/old%20mark.svg?v=3#top\" alt=\"Nordlys\">\n"
             "<img src=\"data:image/svg+xml," +
                 encoded +
                 "\" alt=\"Nordlys\">\n"
                 "<img src=\"https://cdn.example/img/old%20mark.svg\" alt=\"\">\n"
                 "<img src=\"//cdn.example/img/old%20mark.svg\" alt=\"\">\n"
                 "<img src=\"data:image/png;base64,!!!!\" alt=\"\">\n"
                 "<img src=\"data:text/plain,hello\" alt=\"\">\n");
  const std::vector<std::string> findings = lint();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_NE(findings[0].find("index.html:1:11: error: <img src> '/img/old%20mark.svg?v=3#top' "
                             "shows the deprecated logo"),
            std::string::npos)
      << findings[0];
  EXPECT_NE(findings[1].find("index.html:2:11: error: <img src> 'data:image/svg+xml,…' shows"),
            std::string::npos)
      << findings[1];
}

TEST_F(WebReference, SameOutputAtAnyThreadCount) {
  dir_.write("site/img/old.svg", old_svg_);
  dir_.write("site/img/new.svg", primary_svg_);
  for (int k = 0; k < 12; ++k) {
    dir_.write(fmt::format("site/p{}.html", k),
               "<img src=\"img/old.svg\" alt=\"x\"><img src=\"img/new.svg\" width=\"9\" "
               "height=\"9\">\n");
    dir_.write(fmt::format("site/s{}.css", k), "a { background: url(img/old.svg) }\n");
  }
  const std::vector<std::string> one = lint(1);
  EXPECT_EQ(one.size(), 12u * 5u);
  EXPECT_EQ(lint(4), one);
}

TEST(WebReferenceRefs, SrcsetCandidates) {
  using Urls = std::vector<std::pair<std::string, std::size_t>>;
  EXPECT_EQ(logo_web::srcset_urls("a.png 1x, b.png 2x"), (Urls{{"a.png", 0}, {"b.png", 10}}));
  // As HTML parses it: a URL runs to whitespace (so "a.png,b.png" is one URL, as a data: URL
  // with commas must be), trailing commas end it, descriptors run to the next comma.
  EXPECT_EQ(logo_web::srcset_urls("a.png,b.png 300w"), (Urls{{"a.png,b.png", 0}}));
  EXPECT_EQ(logo_web::srcset_urls("a.png, b.png"), (Urls{{"a.png", 0}, {"b.png", 7}}));
  EXPECT_EQ(logo_web::srcset_urls("a.png 1x,b.png 2x"), (Urls{{"a.png", 0}, {"b.png", 9}}));
  EXPECT_EQ(logo_web::srcset_urls(" data:image/png;base64,AAAA 1x"),
            (Urls{{"data:image/png;base64,AAAA", 1}}));
  EXPECT_EQ(logo_web::srcset_urls(" , ,"), Urls{});
}

TEST(WebReferenceRefs, HostileMarkupNeverCrashes) {
  for (const char* text :
       {"<svg", "<svg a=\"1\">", "<svg a=1><svg b=2></svg>", "<picture><source srcset=\",,,\">",
        "<img src=\"\" width=\"-1\" height=\"0\">", "<img srcset=\"   \">",
        "<style>a{background:url(</style>", "<style>a{background:url('x</style>",
        "<img src=\"data:\">", "<img src=\"data:image/svg+xml;base64,\">"}) {
    Asset a;
    a.kind = AssetKind::html;
    a.text = text;
    a.lines = LineIndex(a.text);
    extract_html(a);
    EXPECT_NO_THROW(logo_web::find_image_refs(a)) << text;
  }
}

}  // namespace
}  // namespace brandlint
