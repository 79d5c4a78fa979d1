// The raster colour rules end to end through run(): SVG and PDF rendering, ICC profile
// detection, reduced JPEG decoding with boxes in file pixels, the measurement shape the
// cross-channel report reads, --annotate output, and OpenCV's sample photos (opencv-doc) when
// the package (or its .deb) is on the machine.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <zlib.h>

#include "linter/assets/image_header.h"
#include "linter/runner.h"
#include "rules/registry.h"
#include "rules/support/raster_annotate.h"
#include "rules/support/raster_palette.h"
#include "tests/support/paths.h"
#include "tools/make_raster_fixtures.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

namespace corpus = raster_corpus;

const fs::path& fixture_guide() {
  static const fs::path p = testing::source_dir() / "fixtures/color/off-palette/brand.toml";
  return p;
}

RunResult lint(const fs::path& target, std::vector<std::string> rules,
               std::uint64_t max_pixels = 100'000'000) {
  const guide::BrandGuide guide = guide::load_guide(fixture_guide());
  RunOptions options;
  options.jobs = 1;
  options.only_rules = std::move(rules);
  options.load.max_pixels = max_pixels;
  return run(guide, rules::registry(), {target}, options);
}

void write_png(const fs::path& path, const cv::Mat& img) {
  fs::create_directories(path.parent_path());
  ASSERT_TRUE(cv::imwrite(path.string(), img));
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RasterRules, MeasurementsHaveTheShapeReportsRead) {
  testing::TempDir dir;
  write_png(dir.path() / "banner.png", corpus::planted_banner().image);
  const RunResult r = lint(dir.path(), {"color/off-palette"});
  ASSERT_EQ(r.files.size(), 1u);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "region 60×40 at (412,96) is #C8102E, 5.94 ΔE00 from Nordlys Rød #E4002B "
            "(error above 3.0)");
  EXPECT_EQ(r.findings[0].severity, Severity::error);
  const Json& e = r.findings[0].evidence;
  EXPECT_EQ(e["box"], Json::array({412, 96, 60, 40}));
  EXPECT_EQ(e["pixels"], 2400);
  EXPECT_EQ(e["guide_key"], "palette.tolerance.fail");
  EXPECT_EQ(e["measured"], "#C8102E");
  EXPECT_EQ(e["expected"], "Nordlys Rød #E4002B");

  const Json& m = r.files[0].measurements["color/off-palette"];
  EXPECT_EQ(m["graphic_px"], 800 * 400);
  std::vector<std::string> names;
  double sum = m["off_palette"].get<double>();
  for (const auto& [name, share] : m["shares"].items()) {
    names.push_back(name);
    sum += share.get<double>();
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Nordlys Blå", "Midnat", "Polarlys", "Nordlys Rød",
                                             "#FFFFFF", "#000000", "#F4F4F2"}));
  EXPECT_NEAR(sum, 1.0, 1e-3);
  EXPECT_NEAR(m["off_palette"].get<double>(), 2400.0 / (800 * 400), 1e-4);
  EXPECT_EQ(m["photo"], 0.0);
  EXPECT_FALSE(m.contains("excluded"));
}

TEST(RasterRules, SvgIsRenderedAndChecked) {
  testing::TempDir dir;
  dir.write("banner.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">)"
                          R"(<rect width="200" height="100" fill="#E4002B"/>)"
                          R"(<rect x="20" y="30" width="60" height="40" fill="#C8102E"/></svg>)");
  const RunResult r = lint(dir.path(), {"color/off-palette"});
  // The rectangle's colour is named in the markup, so it is reported there (line:column) and
  // not again as the 60×40 box it paints; the rendering still ran (the file has its size).
  // tests/off_palette_vector_test.cpp has the raster half reporting an embedded image.
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].location.box);
  EXPECT_EQ(r.findings[0].evidence["measured"], "#C8102E");
  EXPECT_EQ(r.files[0].width, 200);
}

// A one-page PDF, 200×100 pt, red with a #C8102E rectangle, written by hand (xref included).
std::string tiny_pdf() {
  const std::string content =
      "0.894 0 0.169 rg 0 0 200 100 re f 0.784 0.063 0.180 rg 20 30 60 40 re f";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
      fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size(), content)};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (const std::size_t o : offsets) pdf += fmt::format("{:010} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, xref);
  return pdf;
}

TEST(RasterRules, PdfFirstPageIsRenderedAtAboutTwoThousandPixels) {
  testing::TempDir dir;
  dir.write("poster.pdf", tiny_pdf());
  const RunResult r = lint(dir.path(), {"color/off-palette"});
  ASSERT_EQ(r.files.size(), 1u);
  // 200 pt long side: 2000 px would need 720 dpi, capped at 600: 200 × 600 / 72 = 1666 px.
  EXPECT_EQ(r.files[0].width, 1666);
  ASSERT_EQ(r.findings.size(), 1u);
  const PixelBox box = *r.findings[0].location.box;
  const double px_per_pt = r.files[0].width / 200.0;
  EXPECT_NEAR(box.x, 20 * px_per_pt, 3);
  EXPECT_NEAR(box.y, 30 * px_per_pt, 3);  // PDF y grows upwards: 100 − 30 − 40 = 30
  EXPECT_NEAR(box.w, 60 * px_per_pt, 3);
  EXPECT_NEAR(box.h, 40 * px_per_pt, 3);
}

TEST(RasterRules, ColourProfilesAreDescribed) {
  const fs::path dir = testing::source_dir() / "fixtures/color/color-profile";
  const auto summary = [&](const std::string& file) {
    const std::optional<ImageHeader> h = read_image_header(read(dir / file));
    EXPECT_TRUE(h && !h->icc_profile.empty()) << file;
    return h ? describe_icc(h->icc_profile) : IccSummary{};
  };
  const IccSummary p3 = summary("invalid/display-p3.png");
  EXPECT_EQ(p3.description, "Display P3");
  EXPECT_EQ(p3.color_space, "RGB");
  EXPECT_FALSE(p3.srgb);
  EXPECT_EQ(summary("invalid/adobe-rgb.jpg").description, "Adobe RGB (1998)");
  EXPECT_TRUE(summary("valid/srgb-profile.png").srgb);
  EXPECT_TRUE(summary("valid/unnamed-srgb-primaries.png").srgb);
  EXPECT_EQ(describe_icc("garbage").description, "unreadable ICC profile");
}

std::string le32(std::size_t v) {
  return {char(v & 0xFF), char((v >> 8) & 0xFF), char((v >> 16) & 0xFF), char((v >> 24) & 0xFF)};
}

// A WebP in the extended format (VP8X with the ICC flag, an ICCP chunk) around the bitstream
// chunk OpenCV's encoder writes.
std::string webp_with_icc(const cv::Mat& bgr, const std::string& profile) {
  std::vector<std::uint8_t> encoded;
  EXPECT_TRUE(cv::imencode(".webp", bgr, encoded, {cv::IMWRITE_WEBP_QUALITY, 90}));
  const std::string simple(encoded.begin(), encoded.end());
  const std::string bitstream = simple.substr(12);  // "VP8 " or "VP8L" chunk
  std::string body = "WEBP";
  body += "VP8X" + le32(10);
  body += std::string{char(0x20), 0, 0, 0};  // flags: ICC profile present
  body +=
      le32(std::size_t(bgr.cols - 1)).substr(0, 3) + le32(std::size_t(bgr.rows - 1)).substr(0, 3);
  body += "ICCP" + le32(profile.size()) + profile;
  if (profile.size() % 2 == 1) body += '\0';
  body += bitstream;
  return "RIFF" + le32(body.size()) + body;
}

// A JPEG with `profile` in APP2 ICC_PROFILE segments of at most `chunk` bytes, right after SOI.
std::string jpeg_with_icc(const cv::Mat& bgr, const std::string& profile, std::size_t chunk) {
  std::vector<std::uint8_t> encoded;
  EXPECT_TRUE(cv::imencode(".jpg", bgr, encoded, {cv::IMWRITE_JPEG_QUALITY, 90}));
  const std::string jpeg(encoded.begin(), encoded.end());
  const std::size_t count = (profile.size() + chunk - 1) / chunk;
  std::string segments;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string part = profile.substr(i * chunk, chunk);
    const std::size_t length = 2 + 12 + 2 + part.size();
    segments += {char(0xFF), char(0xE2), char(length >> 8), char(length & 0xFF)};
    segments += std::string("ICC_PROFILE\0", 12);
    segments += {char(i + 1), char(count)};
    segments += part;
  }
  return jpeg.substr(0, 2) + segments + jpeg.substr(2);
}

// The Display P3 profile of the fixture, embedded the three ways: PNG iCCP (the fixture), JPEG
// APP2 split over several segments, WebP ICCP chunk. Each is read back whole and reported.
TEST(RasterRules, EmbeddedProfilesAreReportedInPngJpegAndWebp) {
  const fs::path fixtures = testing::source_dir() / "fixtures/color/color-profile";
  const std::optional<ImageHeader> png =
      read_image_header(read(fixtures / "invalid/display-p3.png"));
  ASSERT_TRUE(png && png->has_icc_profile);
  const std::string profile = png->icc_profile;
  ASSERT_GT(profile.size(), 200u);

  testing::TempDir dir;
  const cv::Mat bgr(64, 96, CV_8UC3, cv::Scalar(0x91, 0x3D, 0x0B));
  const std::string jpeg = jpeg_with_icc(bgr, profile, 200);  // several APP2 segments
  const std::string webp = webp_with_icc(bgr, profile);
  for (const auto& [name, bytes] : {std::pair{"p3.jpg", jpeg}, std::pair{"p3.webp", webp}}) {
    SCOPED_TRACE(name);
    const std::optional<ImageHeader> h = read_image_header(bytes);
    ASSERT_TRUE(h);
    EXPECT_TRUE(h->has_icc_profile);
    EXPECT_EQ(h->icc_profile, profile);
    EXPECT_EQ(h->width, 96u);
    EXPECT_EQ(h->height, 64u);
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
    // The file still decodes: the profile is reported, the pixels are checked as usual.
    const cv::Mat decoded =
        cv::imdecode(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), cv::IMREAD_COLOR);
    EXPECT_EQ(decoded.size(), bgr.size());
  }
  fs::copy_file(fixtures / "invalid/display-p3.png", dir.path() / "p3.png");
  const RunResult r = lint(dir.path(), {"color/color-profile"});
  ASSERT_EQ(r.findings.size(), 3u);
  for (const Finding& f : r.findings) {
    SCOPED_TRACE(f.path);
    EXPECT_EQ(f.rule, "color/color-profile");
    EXPECT_EQ(f.severity, Severity::info);
    EXPECT_EQ(f.evidence["measured"], "Display P3");
    EXPECT_EQ(f.evidence["color_space"], "RGB");
  }
  EXPECT_EQ(fs::path(r.findings[0].path).filename(), "p3.jpg");
  EXPECT_EQ(fs::path(r.findings[1].path).filename(), "p3.png");
  EXPECT_EQ(fs::path(r.findings[2].path).filename(), "p3.webp");
}

// A profile that is announced but cannot be read (empty ICCP chunk) is reported as unreadable,
// not taken for sRGB.
TEST(RasterRules, AnnouncedButUnreadableProfileIsReported) {
  testing::TempDir dir;
  const cv::Mat bgr(32, 32, CV_8UC3, cv::Scalar(0x91, 0x3D, 0x0B));
  std::ofstream(dir.path() / "broken.webp", std::ios::binary) << webp_with_icc(bgr, "");
  const RunResult r = lint(dir.path(), {"color/color-profile"});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].evidence["measured"], "unreadable ICC profile");
}

std::string be32(std::uint32_t v) {
  return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}

// A PNG whose IHDR declares `width`×`height` and whose IDAT holds a few bytes.
std::string png_declaring(std::uint32_t width, std::uint32_t height) {
  const auto chunk = [](const std::string& type, const std::string& data) {
    std::string c = type + data;
    const auto crc =
        std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(c.data()), uInt(c.size())));
    return be32(std::uint32_t(data.size())) + c + be32(crc);
  };
  std::string ihdr = be32(width) + be32(height);
  ihdr += {8, 2, 0, 0, 0};  // 8-bit RGB, deflate, no filter, no interlace
  return "\x89PNG\r\n\x1a\n" + chunk("IHDR", ihdr) +
         chunk("IDAT", std::string("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9)) + chunk("IEND", "");
}

// The encoded bytes of a small real JPEG: a red banner with a blue block.
std::string small_jpeg() {
  cv::Mat img(400, 800, CV_8UC3, cv::Scalar(0x2B, 0x00, 0xE4));
  cv::rectangle(img, cv::Rect(100, 100, 200, 100), cv::Scalar(0x91, 0x3D, 0x0B), cv::FILLED);
  std::vector<std::uint8_t> encoded;
  EXPECT_TRUE(cv::imencode(".jpg", img, encoded, {cv::IMWRITE_JPEG_QUALITY, 90}));
  return {encoded.begin(), encoded.end()};
}

// Decompression bombs (30000×30000 declared in a few kilobytes) and truncated files are refused
// from their headers and sizes, before any pixel is decoded: one unreadable-asset finding each,
// quickly, and never an out-of-memory.
TEST(RasterRules, BombsAndTruncatedImagesAreRefusedBeforeDecoding) {
  testing::TempDir dir;
  const std::string jpeg = small_jpeg();
  std::string bomb = jpeg;  // the same data under a 30000×30000 frame header
  const std::size_t sof = bomb.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  bomb.replace(
      sof + 5, 4,
      std::string{char(30000 >> 8), char(30000 & 0xFF), char(30000 >> 8), char(30000 & 0xFF)});
  const std::map<std::string, std::string> files{
      {"bomb.jpg", bomb},
      {"bomb.png", png_declaring(30000, 30000)},
      {"truncated.jpg", jpeg.substr(0, jpeg.size() / 2)},
      {"header-only.jpg", jpeg.substr(0, sof + 20)},
      {"truncated.png", png_declaring(800, 400).substr(0, 40)},
  };
  for (const auto& [name, bytes] : files)
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = lint(dir.path(), {"color/off-palette"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  std::map<std::string, std::string> messages;
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.rule, "brandlint/unreadable-asset") << f.message;
    messages[fs::path(f.path).filename().string()] = f.message;
  }
  ASSERT_EQ(messages.size(), files.size());
  EXPECT_EQ(messages["bomb.jpg"],
            fmt::format("JPEG declares 30000×30000 pixels but holds only {} bytes, too few to "
                        "encode them: a damaged file or a decompression bomb",
                        bomb.size()));
  EXPECT_EQ(messages["bomb.png"],
            "image is 30000×30000 (900 Mpx), over the 100 Mpx decode budget; export it smaller "
            "or raise --max-pixels");
  EXPECT_EQ(messages["truncated.jpg"],
            fmt::format("truncated JPEG: no end-of-image marker after the image data (the file "
                        "ends after {} bytes)",
                        jpeg.size() / 2));
  EXPECT_EQ(
      messages["header-only.jpg"],
      fmt::format("truncated JPEG: the file ends after {} bytes, before the image data", sof + 20));
  EXPECT_NE(messages["truncated.png"].find("cannot decode png image"), std::string::npos)
      << messages["truncated.png"];
  // The untouched file is read and checked: its blue block is a brand colour, no finding.
  fs::create_directories(dir.path() / "ok");
  std::ofstream(dir.path() / "ok" / "full.jpg", std::ios::binary) << jpeg;
  const RunResult ok = lint(dir.path() / "ok", {"color/off-palette"});
  EXPECT_TRUE(ok.findings.empty()) << ok.findings.at(0).message;
}

// Hostile SVG: an entity-expansion bomb and an external entity are refused by the renderer (no
// expansion, no file read), each with one single-line diagnostic naming the cause.
TEST(RasterRules, HostileSvgIsRefusedWithAOneLineDiagnostic) {
  testing::TempDir dir;
  std::string entities = R"(<!ENTITY a0 "lol">)";
  for (int i = 1; i <= 9; ++i) {
    std::string body;
    for (int k = 0; k < 10; ++k) body += fmt::format("&a{};", i - 1);
    entities += fmt::format(R"(<!ENTITY a{} "{}">)", i, body);
  }
  dir.write("bomb.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [" + entities +
                            R"(]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">)"
                            R"(<text>&a9;</text></svg>)");
  dir.write("external.svg",
            R"(<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>)"
            R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>)");
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = lint(dir.path(), {"color/off-palette"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  std::map<std::string, std::string> messages;
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.rule, "brandlint/unreadable-asset") << f.message;
    EXPECT_EQ(f.message.find('\n'), std::string::npos) << f.message;
    messages[fs::path(f.path).filename().string()] = f.message;
  }
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages["bomb.svg"].find("entity reference loop"), std::string::npos)
      << messages["bomb.svg"];
  EXPECT_NE(messages["external.svg"].find("Entity 'x' not defined"), std::string::npos)
      << messages["external.svg"];
}

TEST(RasterRules, ReducedJpegDecodeReportsBoxesInFilePixels) {
  testing::TempDir dir;
  const corpus::Banner b = corpus::planted_banner(4.0);  // 3200×1600, patch 240×160 at (1648,384)
  cv::Mat bgr;
  cv::cvtColor(b.image, bgr, cv::COLOR_BGRA2BGR);
  ASSERT_TRUE(cv::imwrite((dir.path() / "big.jpg").string(), bgr, {cv::IMWRITE_JPEG_QUALITY, 92}));
  const RunResult r = lint(dir.path(), {"color/off-palette"}, 2'000'000);  // forces 1/2 decode
  ASSERT_EQ(r.findings.size(), 1u);
  const PixelBox box = *r.findings[0].location.box;
  EXPECT_NEAR(box.x, 1648, 8);
  EXPECT_NEAR(box.y, 384, 8);
  EXPECT_NEAR(box.w, 240, 12);
  EXPECT_NEAR(box.h, 160, 12);
  EXPECT_EQ(r.findings[0].evidence["decoded_at"], "1/2");
  EXPECT_EQ(r.files[0].measurements["color/off-palette"]["graphic_px"], 3200 * 1600);
}

TEST(RasterRules, AccentShareUsesTheSameShares) {
  testing::TempDir dir;
  cv::Mat img(100, 100, CV_8UC4, corpus::bgra(corpus::kBlaa));
  cv::rectangle(img, cv::Rect(0, 0, 30, 100), corpus::bgra(corpus::kPolarlys), cv::FILLED);
  write_png(dir.path() / "a.png", img);
  const RunResult r = lint(dir.path(), {"color/accent-share", "color/off-palette"});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "color/accent-share");
  EXPECT_EQ(r.findings[0].evidence["measured"], 0.3);
  EXPECT_EQ(r.findings[0].evidence["guide_key"], "palette.color[2].max_share");
  EXPECT_EQ(r.files[0].measurements["color/off-palette"]["shares"]["Polarlys"], 0.3);
}

TEST(RasterRules, AnnotateWritesOneOutlinedImagePerFileWithRegions) {
  testing::TempDir dir;
  write_png(dir.path() / "in/banner.png", corpus::planted_banner().image);
  write_png(dir.path() / "in/photo.jpg", corpus::planted_banner().image);
  write_png(dir.path() / "in/clean.png", corpus::flat_banner());
  const fs::path in = dir.path() / "in";
  const RunResult r = lint(in, {"color/off-palette"});
  const guide::BrandGuide guide = guide::load_guide(fixture_guide());
  EXPECT_EQ(rules::write_annotations(r, guide, dir.path() / "out", LoadOptions{}), 2);
  // One file per input with findings, named after it: a PNG's extension is not doubled.
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(dir.path() / "out")) {
    written.push_back(entry.path().filename().string());
  }
  std::sort(written.begin(), written.end());
  std::string prefix = (in / "").string();
  std::replace(prefix.begin(), prefix.end(), '/', '_');
  EXPECT_EQ(written, (std::vector<std::string>{prefix + "banner.annotated.png",
                                               prefix + "photo.jpg.annotated.png"}));
  const cv::Mat out = cv::imread((dir.path() / "out" / (prefix + "banner.annotated.png")).string());
  ASSERT_FALSE(out.empty());
  // The outline is drawn just outside the region; the region itself keeps its colour.
  EXPECT_NE(out.at<cv::Vec3b>(96 - 2, 412 + 30), cv::Vec3b(0x2B, 0x00, 0xE4));
  EXPECT_EQ(out.at<cv::Vec3b>(96 + 20, 412 + 30), cv::Vec3b(0x2E, 0x10, 0xC8));
}

TEST(RasterRules, AnnotationNamesKeepOnlyOneExtension) {
  EXPECT_EQ(rules::annotation_name("ads/banner.png"), "ads_banner.annotated.png");
  EXPECT_EQ(rules::annotation_name("ads/Logo.PNG"), "ads_Logo.annotated.png");
  EXPECT_EQ(rules::annotation_name("ads/banner.jpg"), "ads_banner.jpg.annotated.png");
  EXPECT_EQ(rules::annotation_name("print/flyer.pdf"), "print_flyer.pdf.annotated.png");
  EXPECT_EQ(rules::annotation_name(".png"), ".png.annotated.png");
}

// OpenCV's sample photos, from Debian's opencv-doc: installed, or extracted from its .deb
// (BRANDLINT_OPENCV_DOC_DEB, or apt's cache) at test time, never committed.
fs::path opencv_samples(const testing::TempDir& tmp) {
  const fs::path installed = "/usr/share/doc/opencv-doc/examples/data";
  if (fs::exists(installed / "fruits.jpg")) return installed;
  std::string deb;
  if (const char* env = std::getenv("BRANDLINT_OPENCV_DOC_DEB")) deb = env;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/var/cache/apt/archives", ec)) {
    const std::string name = entry.path().filename().string();
    if (deb.empty() && name.rfind("opencv-doc_", 0) == 0) deb = entry.path().string();
  }
  if (deb.empty() || !fs::exists(deb)) return {};
  const std::string cmd = fmt::format(
      "dpkg-deb --fsys-tarfile '{}' | tar -x -C '{}' --wildcards '*/examples/data/fruits.jpg' "
      "'*/examples/data/baboon.jpg' '*/examples/data/messi5.jpg' "
      "'*/examples/data/starry_night.jpg' 2>/dev/null",
      deb, tmp.path().string());
  if (testing::run_command(cmd).exit_code != 0) return {};
  const fs::path extracted = tmp.path() / "usr/share/doc/opencv-doc/examples/data";
  return fs::exists(extracted / "fruits.jpg") ? extracted : fs::path();
}

TEST(RasterRules, OpenCvSamplePhotosAreExcludedNotFlagged) {
  testing::TempDir tmp;
  const fs::path samples = opencv_samples(tmp);
  if (samples.empty()) GTEST_SKIP() << "opencv-doc not installed and no opencv-doc .deb found";
  const guide::BrandGuide guide = guide::load_guide(fixture_guide());
  const raster::RasterPalette palette(guide.channels.back().palette, raster::RasterThresholds{});
  // fruits.jpg has large smooth, out-of-focus areas (10–60 colours per tile) beside its busy
  // ones; they must be recognised as part of the photo, not judged as graphics.
  for (const char* name : {"fruits.jpg", "baboon.jpg", "messi5.jpg", "starry_night.jpg"}) {
    SCOPED_TRACE(name);
    cv::Mat photo = cv::imread((samples / name).string()), bgra;
    ASSERT_FALSE(photo.empty());
    cv::cvtColor(photo, bgra, cv::COLOR_BGR2BGRA);
    // Alone: all photo (or no finding), never a violation.
    EXPECT_TRUE(raster::analyze_raster(bgra, true, palette).regions.empty());
    // Inset into a banner next to a planted patch: only the patch, with its box.
    corpus::Banner b = corpus::planted_banner(1.5);  // 1200×600, patch 90×60 at (618,144)
    const cv::Rect inset_box(700, 240, 480, 340);
    cv::Mat inset;
    cv::resize(bgra, inset, inset_box.size());
    inset.copyTo(b.image(inset_box));
    for (const int quality : {85, 60}) {
      SCOPED_TRACE(quality);
      const cv::Mat jpeg = corpus::jpeg_round_trip(b.image, quality);
      const raster::RasterAnalysis a = raster::analyze_raster(jpeg, true, palette);
      for (const raster::OffRegion& r : a.regions) {
        EXPECT_TRUE((cv::Rect(r.box.x, r.box.y, r.box.w, r.box.h) & inset_box).empty())
            << "region inside the photo at " << r.box.x << "," << r.box.y;
      }
      ASSERT_EQ(a.regions.size(), 1u);
      const PixelBox& box = a.regions[0].box;
      EXPECT_NEAR(box.x, 618, 4);
      EXPECT_NEAR(box.y, 144, 4);
      EXPECT_NEAR(box.w, 90, 6);
      EXPECT_NEAR(box.h, 60, 6);
      EXPECT_NEAR(a.regions[0].delta_e00, 5.94, 0.5);  // q60 moves the median colour a little
      // The photo is excluded as a whole.
      ASSERT_EQ(a.photo_areas.size(), 1u);
      const PixelBox& p = a.photo_areas[0];
      EXPECT_TRUE((cv::Rect(p.x, p.y, p.w, p.h) & inset_box) == inset_box);
      EXPECT_GE(a.photo_px, inset_box.area());
    }
  }
}

}  // namespace
}  // namespace brandlint
