// The result cache (linter/cache.h): entries round-trip exactly, damaged or stale entries are
// misses, and through the CLI a warm run gives byte-identical reports while re-checking exactly
// what changed: the file, the guide, or an image a page references.
#include "linter/cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>

#include <opencv2/imgcodecs.hpp>

#include "tests/support/paths.h"
#include "tests/support/small_guide.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

FileResult sample() {
  FileResult r;
  r.record.path = "copy/a.txt";
  r.record.channel = "sms";
  r.record.kind = AssetKind::text;
  r.record.content_hash = 0xFEDCBA9876543210ull;  // above 2^63: must survive as unsigned
  r.record.bytes = 42;
  r.record.measurements = {{"voice/readability", {{"lix", 31.25}, {"words", 7}}}};
  r.record.rules = {"voice/banned-term", "voice/readability"};
  Finding f;
  f.rule = "voice/banned-term";
  f.severity = Severity::error;
  f.channel = "sms";
  f.path = "copy/a.txt";
  f.location = {7, 13, 1, 8, 1, 14, std::nullopt};
  f.message = "\"billig\" is banned";
  f.evidence = {{"measured", "billig"}, {"ratio", 0.1 + 0.2}, {"guide_key", "voice.banned[0]"}};
  f.fix = Fix{7, 13, "prisvenlig"};
  r.findings.push_back(f);
  Finding boxed = f;
  boxed.location = {0, 0, 0, 0, 0, 0, PixelBox{3, 4, 50, 60}};
  boxed.fix.reset();
  r.suppressed.push_back({boxed, "a quote"});
  return r;
}

std::string dump(const FileResult& r) { return file_result_json(r).dump(); }

TEST(ResultCache, EntriesRoundTripExactly) {
  const FileResult r = sample();
  const std::optional<FileResult> back = file_result_from_json(Json::parse(dump(r)));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(dump(*back), dump(r));
  EXPECT_EQ(back->record.content_hash, 0xFEDCBA9876543210ull);
  EXPECT_EQ(back->findings[0].evidence["ratio"].get<double>(), 0.1 + 0.2);  // bit-exact double
  ASSERT_TRUE(back->findings[0].fix.has_value());
  EXPECT_EQ(back->findings[0].fix->replacement, "prisvenlig");
  EXPECT_EQ(*back->suppressed[0].finding.location.box, (PixelBox{3, 4, 50, 60}));
}

TEST(ResultCache, DamagedForeignAndStaleEntriesAreMisses) {
  Json j = file_result_json(sample());
  j["format"] = "brandlint-cache/0";
  EXPECT_FALSE(file_result_from_json(j).has_value());
  j = file_result_json(sample());
  j["findings"][0]["severity"] = "loud";
  EXPECT_FALSE(file_result_from_json(j).has_value());
  j = file_result_json(sample());
  j["record"].erase("rules");
  EXPECT_FALSE(file_result_from_json(j).has_value());

  testing::TempDir dir;
  FileResult r = sample();
  r.dependencies = {dir.write("img/logo.svg", "<svg/>"), dir.path() / "img/not-yet.png"};
  const Json entry = file_result_json(r);
  EXPECT_TRUE(file_result_from_json(entry).has_value());
  dir.write("img/logo.svg", "<svg></svg>");  // the referenced image changed
  EXPECT_FALSE(file_result_from_json(entry).has_value());
  dir.write("img/logo.svg", "<svg/>");
  EXPECT_TRUE(file_result_from_json(entry).has_value());
  dir.write("img/not-yet.png", "x");  // a missing file that now exists is a change too
  EXPECT_FALSE(file_result_from_json(entry).has_value());

  // On disk: a truncated entry is a miss, not an error.
  ResultCache cache(dir.path() / "cache", 1);
  cache.store(7, sample());
  ASSERT_TRUE(cache.load(7).has_value());
  for (const auto& e : fs::recursive_directory_iterator(dir.path() / "cache")) {
    if (e.is_regular_file()) fs::resize_file(e.path(), 20);
  }
  EXPECT_FALSE(cache.load(7).has_value());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
}

// A small campaign: copy, a banner, and a page showing the banner.
struct Campaign {
  testing::TempDir dir;
  testing::TempDir logs;  // stderr goes here, outside the linted folder
  Campaign() {
    // With a logo, logo/web-reference looks at the page's images: the page depends on them.
    dir.write("brandguide.toml", guide());
    dir.write("logos/primary.svg",
              "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\">"
              "<circle cx=\"20\" cy=\"20\" r=\"16\" fill=\"#0B3D91\"/>"
              "<rect x=\"44\" y=\"12\" width=\"70\" height=\"16\" fill=\"#0B3D91\"/></svg>");
    dir.write("copy/a.txt", "Det er billig.\n");
    dir.write("copy/b.txt", "Alt er fint.\n");
    banner("#0B3D91");
    dir.write("site/index.html",
              "<html lang=\"da\"><body><p>Billig vinter.</p><img src=\"banner.png\" "
              "alt=\"Nordlys\"></body></html>\n");
  }
  static std::string guide() {
    return std::string(testing::kSmallGuide) +
           "\n[[logo]]\nid = \"primary\"\nfile = \"logos/primary.svg\"\n";
  }
  void banner(const char* hex) const {
    const int v = std::stoi(std::string(hex + 1), nullptr, 16);
    cv::Mat img(60, 80, CV_8UC3, cv::Scalar(v & 0xFF, (v >> 8) & 0xFF, v >> 16));
    fs::create_directories(dir.path() / "site");
    ASSERT_TRUE(cv::imwrite((dir.path() / "site/banner.png").string(), img));
  }
  // The JSON report and the cache line from stderr.
  std::pair<std::string, std::string> check() const {
    const auto r = testing::run_command(
        "cd " + dir.path().string() + " && SOURCE_DATE_EPOCH=0 " +
        testing::brandlint_binary().string() + " check . --cache --format json 2>" + (logs.path() / "stderr.txt").string());
    std::ifstream err(logs.path() / "stderr.txt");
    std::string line, cache_line;
    while (std::getline(err, line)) {
      if (line.find("brandlint: cache") == 0) cache_line = line;
    }
    return {r.out, cache_line};
  }
};

TEST(ResultCacheCli, WarmRunsAreIdenticalAndRecheckOnlyWhatChanged) {
  const Campaign c;
  const auto cold = c.check();
  // Five files: two texts, the banner, the page, and the logo file under logos/.
  EXPECT_EQ(cold.second, "brandlint: cache .brandlint-cache: 0 file(s) reused, 5 checked");
  const auto warm = c.check();
  EXPECT_EQ(warm.second, "brandlint: cache .brandlint-cache: 5 file(s) reused, 0 checked");
  EXPECT_TRUE(warm.first == cold.first) << "a warm run's report is byte-identical";
  EXPECT_NE(cold.first.find("is banned"), std::string::npos);

  c.dir.write("copy/b.txt", "Alt er billig.\n");  // one file changed
  const auto one = c.check();
  EXPECT_EQ(one.second, "brandlint: cache .brandlint-cache: 4 file(s) reused, 1 checked");
  EXPECT_FALSE(one.first == cold.first);

  c.banner("#C8102E");  // the banner changed: it and the page that shows it are checked again
  EXPECT_EQ(c.check().second, "brandlint: cache .brandlint-cache: 3 file(s) reused, 2 checked");

  c.dir.write("brandguide.toml", Campaign::guide() + "# a comment\n");
  EXPECT_EQ(c.check().second, "brandlint: cache .brandlint-cache: 0 file(s) reused, 5 checked");
  c.dir.write("logos/primary.svg",
              "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\">"
              "<circle cx=\"20\" cy=\"20\" r=\"12\" fill=\"#0B3D91\"/></svg>");
  EXPECT_EQ(c.check().second, "brandlint: cache .brandlint-cache: 0 file(s) reused, 5 checked")
      << "a logo file the guide names is part of every file's key";

  // Without the cache the report is the same as with it.
  const auto fresh = testing::run_command("cd " + c.dir.path().string() + " && SOURCE_DATE_EPOCH=0 " +
                                          testing::brandlint_binary().string() +
                                          " check . --format json 2>/dev/null");
  EXPECT_TRUE(fresh.out == c.check().first);
}

}  // namespace
}  // namespace brandlint
