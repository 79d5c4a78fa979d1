// Reports: golden files for every format from one canned RunResult (built here, with the files
// it refers to written into a temp folder), plus the properties each format promises — SARIF
// locations, fingerprints, URIs and schema validity; JUnit names; GitHub escaping; HTML escaping
// and self-containment; scores; consistency; the command line's --format/--report-dir.
// BRANDLINT_UPDATE_GOLDEN=1 rewrites tests/golden/ for review with `git diff`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/cli.h"
#include "linter/consistency.h"
#include "linter/reporters/reporter.h"
#include "linter/score.h"
#include "tests/support/paths.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

// --- the canned run ---------------------------------------------------------------------------

const std::vector<AssetKind> kAll = {AssetKind::text, AssetKind::css, AssetKind::image};
const RuleMeta kUnreadable{"brandlint/unreadable-asset",
                           "The file could not be read",
                           kAll,
                           Severity::error,
                           Fixable::never,
                           "rules/brandlint/unreadable-asset.md",
                           {}};
// One rule for vector (CSS) and raster findings, as color/off-palette is.
const RuleMeta kOffPalette{
    "color/off-palette",
    "Colours in images, web pages, stylesheets and SVG must be brand colours",
    kAll,
    Severity::error,
    Fixable::sometimes,
    "rules/color/off-palette.md",
    {}};
const RuleMeta kBanned{"voice/banned-term", "Words the brand never uses", kAll, Severity::warning,
                       Fixable::never,      "rules/voice/banned-term.md", {}};
const RuleMeta kReadability{"voice/readability",
                            "Copy is as easy to read as the guide asks",
                            kAll,
                            Severity::warning,
                            Fixable::never,
                            "rules/voice/readability.md",
                            {}};

// Fixed metadata and docs, so the goldens change only when a reporter does.
ReportOptions canned_options(const fs::path& base_dir) {
  ReportOptions options;
  options.rules = {&kUnreadable,        &kOffPalette, &palette_drift_meta(),
                   &voice_drift_meta(), &kBanned,     &kReadability};
  options.doc_for = [](std::string_view path) -> std::string_view {
    static const std::map<std::string_view, std::string_view> docs = {
        {"rules/color/off-palette.md",
         "# color/off-palette: colours must be brand colours\n\nEvery colour in stylesheets, "
         "markup and images "
         "is compared with the palette (ΔE00).\n\n## Options\n\n| Option | "
         "Default |\n|---|---|\n| `tolerance` | 1.2 |\n\n```toml\n[rules]\n"
         "\"color/off-palette\" = \"error\"\n```\n"},
        {"rules/voice/banned-term.md",
         "# voice/banned-term\n\nWords the brand never uses, with **Danish** inflections.\n\n"
         "- `gratis*` matches *gratis* and *gratisfragt*\n- see [the "
         "guide](https://brand.example/voice)\n"}};
    const auto it = docs.find(path);
    return it == docs.end() ? std::string_view() : it->second;
  };
  options.docs_base_uri = "https://docs.example/brandlint/";
  options.base_dir = base_dir;
  return options;
}

constexpr const char* kGuideToml = R"([brand]
name = "Nordlys"

[channels.web]
include = ["site/**"]

[channels.instagram]
include = ["social/instagram/**"]

[channels.display]
include = ["kampagne/**"]

[channels.outdoor]
include = ["print/**"]

[channels.email]
include = ["email/**"]

[channels.sms]
include = ["sms/**"]
)";

guide::BrandGuide canned_guide() {
  guide::BrandGuide guide;
  guide.path = "brandguide.toml";
  guide.brand.name = "Nordlys";
  guide.brand.version = "2026.2";
  guide.brand.locale = "da-DK";
  const std::pair<const char*, int> channels[] = {
      {"web", 4}, {"instagram", 7}, {"display", 10}, {"outdoor", 13}, {"email", 16}, {"sms", 19}};
  for (const auto& [name, line] : channels) {
    guide::Channel c;
    c.name = name;
    c.locale = "da-DK";
    c.ref = {"brandguide.toml", line, 1, std::string("channels.") + name};
    guide.channels.push_back(c);
  }
  return guide;
}

void write_image(const fs::path& file, cv::Size size, cv::Scalar background, cv::Rect patch,
                 cv::Scalar colour) {
  cv::Mat image(size, CV_8UC3, background);
  cv::rectangle(image, patch, colour, cv::FILLED);
  fs::create_directories(file.parent_path());
  ASSERT_TRUE(cv::imwrite(file.string(), image));
}

Json palette(double px, std::map<std::string, double> shares, double off, double photo = 0) {
  Json s = Json::object();
  for (const auto& [name, share] : shares) s[name] = share;
  return {{"graphic_px", px}, {"shares", s}, {"off_palette", off}, {"photo", photo}};
}

Json voice(int words, int sentences, double lix, int exclamations, int emoji, int du, int de = 0) {
  return {{"words", words},
          {"sentences", sentences},
          {"lix", lix},
          {"flesch", nullptr},
          {"exclamations", exclamations},
          {"emoji", emoji},
          {"address", {{"du", du}, {"De", de}, {"I", 0}, {"you", 0}, {"we", 0}}}};
}

Finding text_finding(std::string rule, Severity s, std::string channel, std::string path, int line,
                     int column, int end_column, std::string message, Json evidence) {
  Finding f{std::move(rule),     s,           std::move(channel),
            std::move(path),     {},          std::move(message),
            std::move(evidence), std::nullopt};
  f.location.line = f.location.end_line = line;
  f.location.column = column;
  f.location.end_column = end_column;
  return f;
}

Finding box_finding(std::string rule, Severity s, std::string channel, std::string path,
                    PixelBox box, std::string message, Json evidence) {
  Finding f{std::move(rule),     s,           std::move(channel),
            std::move(path),     {},          std::move(message),
            std::move(evidence), std::nullopt};
  f.location.box = box;
  return f;
}

FileRecord file(std::string path, std::string channel, AssetKind kind,
                std::vector<std::string> rules, Json measurements = Json::object()) {
  FileRecord f;
  f.path = std::move(path);
  f.channel = std::move(channel);
  f.kind = kind;
  f.bytes = 1000;
  f.content_hash = 0x1234abcd;
  f.rules = std::move(rules);
  f.measurements = std::move(measurements);
  return f;
}

// Writes the scanned files into `dir` and returns the run that "found" these problems.
RunResult canned_run(const testing::TempDir& dir) {
  dir.write("brandguide.toml", kGuideToml);
  dir.write("site/css/site.css",
            ":root {\n  --blue: #0B3D91;\n  color: #1A4FA0;\n  --accent: #3DDC98;\n}\n");
  dir.write("social/instagram/vinter.txt",
            "Gratis fragt! <script>alert(1)</script>\nVinter med Nordlys.\n");
  dir.write("sms/03-tilbud.txt", "Nordlys: billigste solstrøm i år. Svar STOP for afmelding.\n");
  dir.write("social/instagram/story-udkast.png", "\x89PNG\r\n\x1a\nnot really a png");
  write_image(dir.path() / "social/instagram/vinter-1080x1080.png", {1080, 1080},
              cv::Scalar(145, 61, 11), {800, 520, 200, 120}, cv::Scalar(46, 16, 200));
  write_image(dir.path() / "kampagne/forår banner.png", {728, 90}, cv::Scalar(145, 61, 11),
              {560, 18, 150, 50}, cv::Scalar(0, 122, 255));

  RunResult r;
  r.tool_version = "0.1.0";
  r.guide_path = "brandguide.toml";
  r.brand_name = "Nordlys";
  r.guide_version = "2026.2";
  r.locale = "da-DK";
  r.scan_time = "2026-01-15T09:30:00Z";
  r.palette = {{"Nordlys Blå", "#0B3D91"},
               {"Midnat", "#0A1A2F"},
               {"Polarlys", "#3DDC97"},
               {"Nordlys Rød", "#E4002B"}};
  for (const char* c : {"web", "instagram", "display", "outdoor", "email", "sms"}) {
    r.channels.push_back({c, "da-DK"});
  }
  const std::vector<std::string> copy = {"voice/banned-term", "voice/readability"};
  r.files = {
      file("email/nyhedsbrev.md", "email", AssetKind::markdown, copy,
           {{"voice/readability", voice(400, 20, 52, 1, 0, 8, 1)}}),
      file("kampagne/forår banner.png", "display", AssetKind::image, {"color/off-palette"},
           {{"color/off-palette",
             palette(
                 65520,
                 {{"Nordlys Blå", 0.7}, {"Polarlys", 0.06}, {"Midnat", 0.1}, {"Nordlys Rød", 0.1}},
                 0.04)}}),
      file("print/plakat-a1.png", "outdoor", AssetKind::image, {"color/off-palette"},
           {{"color/off-palette",
             palette(4014656, {{"Nordlys Blå", 0.7}, {"Midnat", 0.25}, {"Polarlys", 0.05}}, 0.0)}}),
      file("site/css/site.css", "web", AssetKind::css, {"color/off-palette"}),
      file("site/img/ikon.svg", "web", AssetKind::svg, {"color/off-palette"},
           {{"color/off-palette",
             palette(1000, {{"Nordlys Blå", 0.7}, {"Midnat", 0.2}, {"Polarlys", 0.07}}, 0.03)}}),
      file("site/index.html", "web", AssetKind::html, copy,
           {{"voice/readability", voice(300, 25, 35, 1, 0, 6)}}),
      file("sms/03-tilbud.txt", "sms", AssetKind::text, copy,
           {{"voice/readability", voice(9, 2, 20, 0, 0, 0)}}),
      file("social/instagram/nordlys-plus.png", "instagram", AssetKind::image,
           {"color/off-palette"},
           {{"color/off-palette",
             palette(200000, {{"Nordlys Blå", 0.5}, {"Polarlys", 0.41}, {"Midnat", 0.05}}, 0.04,
                     0.1)}}),
      file("social/instagram/story-udkast.png", "instagram", AssetKind::image, {}),
      file("social/instagram/vinter-1080x1080.png", "instagram", AssetKind::image,
           {"color/off-palette"},
           {{"color/off-palette",
             palette(
                 800000,
                 {{"Nordlys Blå", 0.3}, {"Polarlys", 0.41}, {"Midnat", 0.2}, {"Nordlys Rød", 0.05}},
                 0.04)}}),
      file("social/instagram/vinter.txt", "instagram", AssetKind::text, copy,
           {{"voice/readability", voice(60, 5, 30, 2, 3, 3)}}),
  };
  r.files[8].readable = false;
  r.files[9].width = r.files[9].height = 1080;

  Finding css =
      text_finding("color/off-palette", Severity::error, "web", "site/css/site.css", 3, 10, 17,
                   "#1A4FA0 is off-palette: nearest brand colour is Nordlys Blå #0B3D91 "
                   "at ΔE00 5.94 (allowed ≤ 1.20)",
                   {{"measured", "#1A4FA0"},
                    {"expected", "Nordlys Blå #0B3D91"},
                    {"delta_e00", 5.94},
                    {"guide_key", "palette.color[0]"}});
  css.fix = Fix{31, 38, "#0B3D91"};
  r.findings = {
      css,
      text_finding("color/off-palette", Severity::info, "web", "site/css/site.css", 4, 13, 20,
                   "#3DDC98 is a near miss of Polarlys #3DDC97 (ΔE00 0.20 ≤ 1.20) — use the token",
                   {{"measured", "#3DDC98"}, {"expected", "Polarlys #3DDC97"}, {"delta_e00", 0.2}}),
      text_finding("voice/banned-term", Severity::warning, "instagram",
                   "social/instagram/vinter.txt", 1, 1, 7,
                   "»Gratis« is banned: Vi konkurrerer ikke på pris.",
                   {{"measured", "Gratis"},
                    {"context", "Gratis fragt! <script>alert(1)</script>"},
                    {"guide_key", "voice.banned[0]"}}),
      text_finding("voice/banned-term", Severity::warning, "sms", "sms/03-tilbud.txt", 1, 10, 19,
                   "»billigste« is banned: Vi konkurrerer ikke på pris.",
                   {{"measured", "billigste"}, {"guide_key", "voice.banned[0]"}}),
      box_finding(
          "color/off-palette", Severity::error, "instagram",
          "social/instagram/vinter-1080x1080.png", {800, 520, 200, 120},
          "region 200×120 at (800,520) is #C8102E, 5.94 ΔE00 from Nordlys Rød #E4002B",
          {{"measured", "#C8102E"}, {"expected", "Nordlys Rød #E4002B"}, {"delta_e00", 5.94}}),
      box_finding(
          "color/off-palette", Severity::warning, "display", "kampagne/forår banner.png",
          {560, 18, 150, 50}, "orange button #FF7A00 is 27.1 ΔE00 from every brand colour",
          {{"measured", "#FF7A00"}, {"expected", "Nordlys Rød #E4002B"}, {"delta_e00", 27.1}}),
  };
  Finding unreadable{"brandlint/unreadable-asset",
                     Severity::error,
                     "instagram",
                     "social/instagram/story-udkast.png",
                     {},
                     "not a readable image: damaged header",
                     Json::object(),
                     std::nullopt};
  r.findings.push_back(unreadable);
  r.skipped = {{"notes/brief.docx", "not a kind of file brandlint checks"}};
  std::sort(r.findings.begin(), r.findings.end(), finding_less);
  check_consistency(canned_guide(), r);
  return r;
}

std::string render(std::string_view format, const RunResult& r, const ReportOptions& o) {
  std::ostringstream out;
  EXPECT_TRUE(write_report(format, r, o, out)) << format;
  return out.str();
}

void expect_golden(const std::string& name, const std::string& actual) {
  const fs::path path = testing::source_dir() / "tests/golden" / name;
  const char* update = std::getenv("BRANDLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << "; run with BRANDLINT_UPDATE_GOLDEN=1 and review";
  const std::string expected((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (expected == actual) return;
  // Point at the first differing line rather than dumping two reports.
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, le));
    const bool more_a = static_cast<bool>(std::getline(a, la));
    if (!more_e && !more_a) break;
    if (le != la || more_e != more_a) {
      ADD_FAILURE() << name << " differs at line " << line << "\n  golden: " << le.substr(0, 300)
                    << "\n  actual: " << la.substr(0, 300)
                    << "\n(BRANDLINT_UPDATE_GOLDEN=1 rewrites the goldens)";
      return;
    }
  }
}

class ReportGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportGolden, MatchesTheGoldenFile) {
  testing::TempDir dir;
  const RunResult run = canned_run(dir);
  const std::string format = GetParam();
  expect_golden("report" + std::string(report_extension(format)),
                render(format, run, canned_options(dir.path())));
}

INSTANTIATE_TEST_SUITE_P(Reporters, ReportGolden,
                         ::testing::Values("text", "json", "sarif", "junit", "github", "markdown",
                                           "html"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

TEST(ReportGoldenIndex, MatchesTheGoldenFile) {
  testing::TempDir dir;
  std::ostringstream out;
  write_html_index(canned_run(dir), canned_options(dir.path()), out);
  expect_golden("index.html", out.str());
}

TEST(ReportGoldenMarkdown, StaysUnderItsSizeLimit) {
  testing::TempDir dir;
  const RunResult run = canned_run(dir);
  std::ostringstream out;
  write_markdown(run, canned_options(dir.path()), out, 2500);
  EXPECT_LE(out.str().size(), 2500u);
  EXPECT_NE(out.str().find("more findings are not shown"), std::string::npos) << out.str();
}

// --- scores and consistency -------------------------------------------------------------------

TEST(ReportScore, FormulaBandsAndChecks) {
  EXPECT_EQ(compliance_score(0, 0, 0), std::nullopt);
  EXPECT_EQ(compliance_score(10, 0, 0), 100);
  EXPECT_EQ(compliance_score(10, 1, 2), 80);   // 100 × (10 − 1 − 1) ÷ 10
  EXPECT_EQ(compliance_score(3, 0, 1), 83);    // 83.3, rounded down
  EXPECT_EQ(compliance_score(300, 1, 0), 99);  // one error never rounds up to 100
  EXPECT_EQ(compliance_score(2, 2, 0), 0);
  EXPECT_EQ(score_band(90), ScoreBand::pass);
  EXPECT_EQ(score_band(89), ScoreBand::average);
  EXPECT_EQ(score_band(50), ScoreBand::average);
  EXPECT_EQ(score_band(49), ScoreBand::fail);

  testing::TempDir dir;
  const RunResult run = canned_run(dir);
  std::map<std::string, ChannelScore> by_name;
  for (const ChannelScore& s : score_channels(run)) by_name[s.channel] = s;
  // web: css (error, info counts once at its worst), svg, html, html readability = 4 checks,
  // one failed; plus the consistency checks of web's palette and voice.
  EXPECT_EQ(by_name["web"].checks, 6);
  EXPECT_EQ(by_name["web"].failed, 1);
  EXPECT_EQ(by_name["web"].score, compliance_score(6, 1, 0));
  // The unreadable draft has no rule run, but its engine finding is a check.
  EXPECT_EQ(by_name["instagram"].failed, 2);
}

TEST(ReportConsistency, AggregatesPerChannelAndComparesWithTheOtherChannels) {
  testing::TempDir dir;
  const RunResult run = canned_run(dir);
  auto figure = [&](const std::string& channel, const std::string& metric) {
    for (const ConsistencyFigure& f : run.consistency.figures) {
      if (f.channel == channel && f.metric == metric) return f;
    }
    ADD_FAILURE() << "no figure " << channel << " " << metric;
    return ConsistencyFigure{};
  };
  // Weighted by graphic area: 0.3 × 800 000 + 0.5 × 200 000 over 1 000 000 px.
  EXPECT_NEAR(figure("instagram", "palette.Nordlys Blå").value, 0.34, 1e-9);
  const ConsistencyFigure polarlys = figure("instagram", "palette.Polarlys");
  EXPECT_NEAR(polarlys.value, 0.41, 1e-9);
  EXPECT_NEAR(*polarlys.brand_average, (0.07 + 0.06 + 0.05) / 3, 1e-9);  // the other channels
  EXPECT_TRUE(polarlys.drift);
  EXPECT_FALSE(figure("web", "palette.Polarlys").drift);
  // Voice: word-weighted; SMS (9 words) is shown but neither judged nor averaged in.
  EXPECT_TRUE(figure("email", "voice.lix").drift);
  EXPECT_NEAR(*figure("email", "voice.lix").brand_average, (35 + 30) / 2.0, 1e-9);
  EXPECT_FALSE(figure("sms", "voice.lix").threshold.has_value());
  EXPECT_NEAR(figure("instagram", "voice.exclamations_per_100w").value, 100 * 2 / 60.0, 1e-9);
  EXPECT_TRUE(figure("instagram", "voice.exclamations_per_100w").drift);
  EXPECT_FALSE(figure("web", "voice.exclamations_per_100w").drift);

  // Drift findings point at the channel's table in the guide, so every format has a location.
  int drift_findings = 0;
  for (const Finding& f : run.findings) {
    if (f.rule.rfind("consistency/", 0) != 0) continue;
    ++drift_findings;
    EXPECT_EQ(f.path, "brandguide.toml");
    EXPECT_GT(f.location.line, 0) << f.message;
  }
  EXPECT_GT(drift_findings, 0);
}

TEST(ReportConsistency, ThresholdsAndSeverityComeFromTheGuide) {
  testing::TempDir dir;
  RunResult run = canned_run(dir);
  guide::BrandGuide guide = canned_guide();
  guide::RuleOverride palette;
  palette.rule = std::string(kPaletteDrift);
  palette.options["max_share_difference"] = 0.5;
  guide::RuleOverride voice;
  voice.rule = std::string(kVoiceDrift);
  voice.severity = Severity::off;
  guide.rules = {palette, voice};
  std::erase_if(run.findings,
                [](const Finding& f) { return f.rule.rfind("consistency/", 0) == 0; });
  run.run_checks.clear();
  check_consistency(guide, run);
  for (const Finding& f : run.findings) EXPECT_NE(f.rule.rfind("consistency/", 0), 0u) << f.message;
  for (const ConsistencyFigure& f : run.consistency.figures) {
    if (f.metric.rfind("voice.", 0) == 0) {
      EXPECT_FALSE(f.threshold.has_value());
    }
    if (f.metric.rfind("palette.", 0) == 0 && f.threshold) {
      EXPECT_EQ(*f.threshold, 0.5);
    }
  }
  guide.rules[0].options["max_share_difference"] = std::string("a lot");
  EXPECT_THROW(drift_limits(guide), guide::GuideError);
}

// --- properties of the machine formats ---------------------------------------------------------

TEST(SarifReport, EveryResultHasALocationAStableFingerprintAndAnEncodedUri) {
  testing::TempDir dir;
  RunResult run = canned_run(dir);
  const Json sarif = Json::parse(render("sarif", run, canned_options(dir.path())));
  const Json& sarif_run = sarif["runs"][0];
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif_run["columnKind"], "unicodeCodePoints");
  std::set<std::string> fingerprints;
  bool danish = false;
  for (const Json& r : sarif_run["results"]) {
    const Json& location = r["locations"][0]["physicalLocation"];
    EXPECT_GE(location["region"]["startLine"].get<int>(), 1);
    const std::string uri = location["artifactLocation"]["uri"];
    EXPECT_EQ(uri.find(' '), std::string::npos) << uri;
    danish = danish || uri == "kampagne/for%C3%A5r%20banner.png";
    fingerprints.insert(r["partialFingerprints"]["primaryLocationLineHash"].get<std::string>());
    EXPECT_TRUE(r["ruleIndex"].is_number()) << r["ruleId"];
  }
  EXPECT_TRUE(danish);
  EXPECT_EQ(fingerprints.size(), sarif_run["results"].size()) << "fingerprints must be unique";
  const Json& rule = sarif_run["tool"]["driver"]["rules"][1];
  EXPECT_EQ(rule["id"], "color/off-palette");
  EXPECT_EQ(rule["helpUri"], "https://docs.example/brandlint/rules/color/off-palette.md");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
  EXPECT_NE(rule["help"]["markdown"].get<std::string>().find("## Options"), std::string::npos);

  // Moving a finding to another line keeps its fingerprint: GitHub keeps the alert.
  for (Finding& f : run.findings) f.location.line += f.location.line > 0 ? 3 : 0;
  const Json moved = Json::parse(render("sarif", run, canned_options(dir.path())));
  std::set<std::string> moved_prints;
  for (const Json& r : moved["runs"][0]["results"]) {
    moved_prints.insert(r["partialFingerprints"]["primaryLocationLineHash"].get<std::string>());
  }
  EXPECT_EQ(moved_prints, fingerprints);
}

// The official SARIF 2.1.0 JSON schema (the schemastore copy that GitHub's docs name, shipped
// by the npm package @microsoft/jest-sarif) checked with Debian's python3-jsonschema.
TEST(SarifSchema, CannedDemoAndEmptyReportsAreValidSarif) {
  const fs::path schema = testing::source_dir() /
                          "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";
  if (!fs::is_regular_file(schema)) {
    GTEST_SKIP() << "SARIF schema not installed (" << schema << "): scripts/deps runs npm ci";
  }
  if (testing::run_command("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null").exit_code != 0) {
    GTEST_SKIP() << "the validator is missing: scripts/deps installs python3-jsonschema";
  }
  testing::TempDir dir;
  const fs::path validator = dir.write("validate.py", R"(import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
for e in errors[:20]:
    print("/".join(str(p) for p in e.path), ":", e.message)
print("valid" if not errors else "%d schema errors" % len(errors))
sys.exit(1 if errors else 0)
)");
  RunResult empty;
  empty.tool_version = "0.1.0";
  const std::map<std::string, std::string> documents = {
      {"canned.sarif", render("sarif", canned_run(dir), canned_options(dir.path()))},
      {"empty.sarif", render("sarif", empty, ReportOptions{})},
  };
  for (const auto& [name, text] : documents) {
    const fs::path file = dir.write(name, text);
    const auto result = testing::run_command("/usr/bin/python3 " + validator.string() + " " +
                                             schema.string() + " " + file.string() + " 2>&1");
    EXPECT_EQ(result.exit_code, 0) << name << ":\n" << result.out;
  }
  const fs::path demo = dir.path() / "demo.sarif";
  const auto run = testing::run_command(
      "cd " + testing::source_dir().string() + " && " + testing::brandlint_binary().string() +
      " check fixtures/demo --guide brandguide/examples/nordlys/brandguide.toml --format sarif=" +
      demo.string() + " --format text >/dev/null 2>&1");
  ASSERT_NE(run.exit_code, 2);
  const auto result = testing::run_command("/usr/bin/python3 " + validator.string() + " " +
                                           schema.string() + " " + demo.string() + " 2>&1");
  EXPECT_EQ(result.exit_code, 0) << "demo.sarif:\n" << result.out;
}

TEST(JunitReport, OneSuitePerChannelUniqueCaseNamesAndAllFindingsInTheFailure) {
  testing::TempDir dir;
  const std::string xml = render("junit", canned_run(dir), canned_options(dir.path()));
  std::set<std::string> names;
  std::size_t cases = 0;
  for (std::size_t at = xml.find("<testcase name=\""); at != std::string::npos;
       at = xml.find("<testcase name=\"", at + 1)) {
    const std::size_t begin = at + 16;
    names.insert(xml.substr(begin, xml.find('"', begin) - begin));
    ++cases;
  }
  EXPECT_EQ(names.size(), cases);
  EXPECT_EQ(names.count("site/css/site.css :: color/off-palette"), 1u);
  EXPECT_NE(xml.find("<testsuite name=\"instagram\""), std::string::npos);
  // Both findings of the css check are in its failure, the info near miss included.
  const std::size_t css = xml.find("site/css/site.css :: color/off-palette");
  const std::string failure = xml.substr(css, xml.find("</testcase>", css) - css);
  EXPECT_NE(failure.find("#1A4FA0"), std::string::npos);
  EXPECT_NE(failure.find("#3DDC98"), std::string::npos);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
}

TEST(ReportGithub, AnnotationsEscapeDataAndProperties) {
  RunResult run;
  run.channels = {{"web", "en"}};
  Finding f = text_finding("voice/x", Severity::info, "web", "a,b:c%.txt", 2, 3, 5,
                           "50% off\r\nnow, really: yes", Json::object());
  run.findings = {f};
  std::ostringstream out;
  write_github(run, ReportOptions{}, out);
  EXPECT_EQ(out.str(),
            "::notice file=a%2Cb%3Ac%25.txt,line=2,col=3,endLine=2,endColumn=5,"
            "title=voice/x (web)::50%25 off%0D%0Anow, really: yes\n");
}

TEST(HtmlReport, EscapesCopyEmbedsJsonSafelyAndFetchesNothing) {
  testing::TempDir dir;
  RunResult run = canned_run(dir);
  run.findings.front().message += " </script><script>alert(2)</script>";
  const std::string html = render("html", run, canned_options(dir.path()));
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'; img-src data:"),
            std::string::npos);
  // Inside the embedded JSON no '<' survives, so nothing can close the script element early.
  const std::string open = "<script type=\"application/json\" id=\"brandlint-data\">";
  const std::size_t data = html.find(open);
  ASSERT_NE(data, std::string::npos);
  const std::size_t body = data + open.size();
  const std::string json = html.substr(body, html.find("</script>", body) - body);
  EXPECT_EQ(json.find('<'), std::string::npos);
  EXPECT_EQ(Json::parse(json)["findings"].size(), run.findings.size());
  for (const char* external : {"src=\"http", "href=\"//", "url(http", "@import"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_NE(html.find("data:image/png;base64,"), std::string::npos) << "thumbnails are embedded";
  EXPECT_NE(html.find("<mark>Gratis</mark>"), std::string::npos) << "copy snippet highlights";
  EXPECT_NE(
      html.find("Instagram bruger Polarlys på 41\u00A0% af grafikfladen, andre kanaler 6\u00A0%."),
      std::string::npos);
}

TEST(HtmlReport, SpeaksEnglishForEnglishBrands) {
  testing::TempDir dir;
  RunResult run = canned_run(dir);
  run.locale = "en-GB";
  const std::string html = render("html", run, canned_options(dir.path()));
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Instagram uses Polarlys on 41% of its graphic area, other channels 6%."),
            std::string::npos);
  EXPECT_EQ(html.find("Kanalerne"), std::string::npos);
}

// A JPEG's shares leave the compression band along edges out (color/off-palette), so its bar
// does not fill up: the rest is named in the legend instead of looking like a gap. Shares that add
// up (the canned run's) get no such entry.
TEST(HtmlReport, NamesTheShareOfCompressedEdges) {
  testing::TempDir dir;
  RunResult run = canned_run(dir);
  const std::string whole = render("html", run, canned_options(dir.path()));
  EXPECT_EQ(whole.find("bar-rest\"></span>"), std::string::npos);
  bool scaled = false;
  for (ChannelUse& channel : run.consistency.channels) {
    if (!channel.palette) continue;
    for (auto& [name, share] : channel.palette->shares) share *= 0.9;
    scaled = true;
  }
  ASSERT_TRUE(scaled);
  const std::string html = render("html", run, canned_options(dir.path()));
  EXPECT_NE(html.find("bar-rest\"></span>Kanter i komprimerede billeder (i ingen andel) <b>"),
            std::string::npos);
}

// --- the command line ---------------------------------------------------------------------------

CliOptions parse(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

TEST(ReportCli, FormatIsRepeatableWithAFileEach) {
  const CliOptions o = parse({"brandlint", "check", "--format", "sarif=out/x.sarif", "--format",
                              "text", "-f", "junit=out/j.xml", "src"});
  ASSERT_EQ(o.command, Command::check);
  ASSERT_EQ(o.formats.size(), 3u);
  EXPECT_EQ(o.formats[0].format, "sarif");
  EXPECT_EQ(o.formats[0].path, "out/x.sarif");
  EXPECT_EQ(o.formats[1].path, "");
  EXPECT_EQ(o.paths, std::vector<std::string>{"src"});
  EXPECT_EQ(parse({"brandlint", "check"}).formats.front().format, "text");
  EXPECT_EQ(parse({"brandlint", "check", "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(parse({"brandlint", "check", "--format", "json", "--format", "text"}).exit_code, 2);
}

TEST(ReportCli, WritesEveryRequestedFileTheReportDirAndTheJobSummary) {
  testing::TempDir dir;
  const fs::path out = dir.path() / "out";
  const std::string summary = (dir.path() / "summary.md").string();
  const auto result = testing::run_command(
      "cd " + testing::source_dir().string() + " && GITHUB_STEP_SUMMARY=" + summary + " " +
      testing::brandlint_binary().string() +
      " check fixtures/demo --guide brandguide/examples/nordlys/brandguide.toml --format github "
      "--format sarif=" +
      (out / "r.sarif").string() + " --format junit=" + (out / "j.xml").string() +
      " --report-dir " + (out / "reports").string() + " 2>&1");
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_EQ(result.out.rfind("::", 0), 0u) << result.out;
  for (const char* name :
       {"r.sarif", "j.xml", "reports/index.html", "reports/web.html", "reports/web.json",
        "reports/instagram.sarif", "reports/sms.xml", "reports/email.md", "reports/display.txt"}) {
    EXPECT_TRUE(fs::is_regular_file(out / name)) << name;
  }
  std::ifstream in(summary);
  const std::string markdown((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  EXPECT_NE(markdown.find("| Channel | Score |"), std::string::npos);
}

TEST(ReportCli, ConsistencyOptionsAreCheckedInTheGuide) {
  testing::TempDir dir;
  const std::string guide =
      "[brand]\nname = \"Nordlys\"\n\n[palette]\n[[palette.color]]\n"
      "name = \"Nordlys Blå\"\nhex = \"#0B3D91\"\n\n[rules]\n";
  dir.write("copy.txt", "Hej\n");
  dir.write("brandguide.toml",
            guide + "\"consistency/palette-drift\" = { max_share_difference = 0.3 }\n");
  const std::string cd =
      "cd " + dir.path().string() + " && " + testing::brandlint_binary().string();
  EXPECT_EQ(testing::run_command(cd + " check . 2>&1").exit_code, 0);
  dir.write("brandguide.toml",
            guide + "\"consistency/voice-drift\" = { max_lix_difference = \"x\" }\n");
  const auto bad = testing::run_command(cd + " check . 2>&1");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.out.find("max_lix_difference"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace brandlint
