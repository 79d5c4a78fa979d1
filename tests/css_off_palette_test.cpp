// color/css-off-palette: the CSS scanner's notion of "declaration value", the verdict, the exact
// message, evidence and fix, and the rule's fixture folder (valid/ gives nothing, invalid/ gives
// exactly expected.txt).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "linter/rule.h"
#include "rules/registry.h"
#include "rules/support/color.h"

namespace brandlint {

namespace rules {
RuleEntry color_css_off_palette_rule();
}

namespace {

namespace fs = std::filesystem;
constexpr std::string_view kRule = "color/css-off-palette";

guide::PaletteColor palette_color(std::string name, std::string_view hex, std::vector<int> tints = {},
                                  std::optional<double> tolerance = std::nullopt) {
  guide::PaletteColor c;
  c.name = std::move(name);
  c.rgb = color::parse_css_hex(hex)->rgb;
  c.hex = guide::to_hex(c.rgb);
  c.tints = std::move(tints);
  c.tolerance = tolerance;
  return c;
}

guide::Neutral neutral(std::string_view hex) {
  guide::Neutral n;
  n.rgb = color::parse_css_hex(hex)->rgb;
  n.hex = guide::to_hex(n.rgb);
  return n;
}

// The fixture guide's palette, built by hand so these tests do not depend on the loader.
guide::BrandGuide nordlys_guide() {
  guide::BrandGuide g;
  g.brand.name = "Nordlys";
  guide::Channel channel;
  channel.name = "default";
  guide::Palette& p = channel.palette;
  p.colors.push_back(palette_color("Nordlys Blå", "#0B3D91", {20, 40, 60, 80}));
  p.colors.push_back(palette_color("Midnat", "#0A1A2F"));
  p.colors.push_back(palette_color("Polarlys", "#3DDC97", {}, 2.5));
  p.colors.push_back(palette_color("Nordlys Rød", "#E4002B"));
  for (const char* hex : {"#FFFFFF", "#000000", "#F4F4F2"}) p.neutrals.push_back(neutral(hex));
  g.palette = p;
  g.channels.push_back(std::move(channel));
  return g;
}

std::vector<Finding> run(const guide::BrandGuide& g, std::string css,
                         const guide::RuleOverride* override = nullptr,
                         std::string path = "test.css") {
  const guide::Channel& channel = g.channels.back();
  const RuleEntry entry = rules::color_css_off_palette_rule();
  const std::unique_ptr<Rule> rule = entry.make(RuleConfig{g, channel, override});
  Asset asset;
  asset.kind = AssetKind::css;
  asset.display_path = std::move(path);
  asset.text = std::move(css);
  asset.lines = LineIndex(asset.text);
  asset.channel = &channel;
  std::vector<Finding> out;
  RuleContext ctx(asset, g, entry.meta->id, entry.meta->default_severity, out);
  rule->check(asset, ctx);
  return out;
}

std::string text_line(const Finding& f) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", f.path, f.location.line, f.location.column,
                     guide::to_string(f.severity), f.message, f.rule);
}

// The literals reported, in order, as written.
std::vector<std::string> reported(const std::string& css,
                                  const guide::RuleOverride* override = nullptr) {
  std::vector<std::string> out;
  for (const Finding& f : run(nordlys_guide(), css, override)) {
    out.push_back(css.substr(f.location.begin, f.location.end - f.location.begin));
  }
  return out;
}

using Literals = std::vector<std::string>;

TEST(CssOffPalette, Metadata) {
  const RuleEntry entry = rules::color_css_off_palette_rule();
  EXPECT_EQ(entry.meta->id, kRule);
  EXPECT_EQ(entry.meta->kinds, std::vector<AssetKind>{AssetKind::css});
  EXPECT_EQ(entry.meta->default_severity, Severity::error);
  EXPECT_EQ(entry.meta->fixable, Fixable::sometimes);
  EXPECT_EQ(entry.meta->docs, "rules/color/css-off-palette.md");
  EXPECT_TRUE(fs::exists(fs::path(BRANDLINT_SOURCE_DIR) / entry.meta->docs));
  const auto table = rules::registry();
  EXPECT_TRUE(std::any_of(table.begin(), table.end(),
                          [](const RuleEntry& e) { return e.meta->id == kRule; }));
}

TEST(CssOffPalette, ExactMessageAndEvidence) {
  const auto findings = run(nordlys_guide(), ".a {\n  color: #1a4fa0;\n}\n");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.rule, kRule);
  EXPECT_EQ(f.severity, Severity::error);
  EXPECT_EQ(f.message,
            "#1a4fa0 is off-palette: nearest brand colour is Nordlys Blå #0B3D91 at ΔE00 5.94 "
            "(allowed ≤ 1.20)");
  EXPECT_EQ(f.location.line, 2);
  EXPECT_EQ(f.location.column, 10);
  EXPECT_EQ(f.location.end_column, 17);
  EXPECT_EQ(f.evidence.dump(),
            R"({"measured":"#1A4FA0","measured_lab":[34.7,14.04,-48.75],)"
            R"("expected":"Nordlys Blå #0B3D91","delta_e00":5.94,"tolerance":1.2,)"
            R"("guide_key":"palette.tolerance.exact"})");
  EXPECT_FALSE(f.fix.has_value());  // 5.94 is a different colour, not a drifted one
}

TEST(CssOffPalette, BrandColoursTintsAndNeutralsPass) {
  EXPECT_EQ(reported("a { color: #0B3D91; background: #0b3d91; border-color: #6D8BBD; }"),
            Literals{});
  EXPECT_EQ(reported("a { color: #fff; background: #000000; fill: #F4F4F2; }"), Literals{});
  // Within palette.tolerance.exact (one 8-bit step): not this rule's business.
  EXPECT_EQ(reported("a { color: #0B3D92; }"), Literals{});
  // Alpha does not change the colour; alpha 0 is no visible colour at all.
  EXPECT_EQ(reported("a { color: #0B3D9180; background: #fff8; }"), Literals{});
  EXPECT_EQ(reported("a { color: #12345600; background: #f000; }"), Literals{});
}

TEST(CssOffPalette, EveryLiteralLength) {
  EXPECT_EQ(reported("a { color: #abc; b: #abc8; c: #1a4fa0; d: #1A4FA0CC; }"),
            (Literals{"#abc", "#abc8", "#1a4fa0", "#1A4FA0CC"}));
  // Not colours: wrong digit counts, and hash tokens that go on past the hex digits.
  EXPECT_EQ(reported("a { b: #ab; c: #abcde; d: #1234567; e: #abcdef012; f: #fffx; g: #c0ffee-x; }"),
            Literals{});
}

TEST(CssOffPalette, SelectorsAreNotValues) {
  EXPECT_EQ(reported("#abc { color: #0B3D91; }\n#fff, .x #c0ffee:hover { color: #abc; }"),
            Literals{"#abc"});
  EXPECT_EQ(reported("a#deadbe:not(#beef) { color: #fff; }"), Literals{});
  // Nested rules: a ':' before a '{' belongs to a selector, not a declaration.
  EXPECT_EQ(reported(".c { color: #fff; &:hover #bad { color: #abc; } & #ace:is(.a) { x: #000 } }"),
            Literals{"#abc"});
  EXPECT_EQ(reported("@media (min-width: 1px) { #abc:hover { color: #123 } }"),
            Literals{"#123"});
}

TEST(CssOffPalette, CommentsStringsAndUrlsAreSkipped) {
  EXPECT_EQ(reported("/* #abc */ a { /* color: #abc; */ color: #fff; }"), Literals{});
  EXPECT_EQ(reported(R"(a { content: "#abc \" #def"; quotes: '#123' "\"#456\""; })"), Literals{});
  EXPECT_EQ(reported("a { mask: url(#abc); b: URL( \"x.svg#def\" ); c: url(data:x;#123456); }"),
            Literals{});
  // A string left open at a newline ends there, so later lines are still checked.
  EXPECT_EQ(reported("a { content: \"open\n; color: #abc; }"), Literals{"#abc"});
  // Functions other than url() do contain colours.
  EXPECT_EQ(reported("a { background: linear-gradient(#abc, #fff); }"), Literals{"#abc"});
  // "curl(" is not url(.
  EXPECT_EQ(reported("a { b: curl(#abc); }"), Literals{"#abc"});
}

TEST(CssOffPalette, DeclarationsWithoutSemicolonAndUnclosedBlocks) {
  EXPECT_EQ(reported("a{color:#abc}b{color:#def;}"), (Literals{"#abc", "#def"}));
  EXPECT_EQ(reported("a { color: #abc"), Literals{"#abc"});
  EXPECT_EQ(reported("color: #abc;"), Literals{});  // top level has no declarations
  EXPECT_EQ(reported("} a { color: #abc }"), Literals{"#abc"});  // a stray '}' is harmless
}

TEST(CssOffPalette, PerColourToleranceAndItsGuideKey) {
  // Polarlys allows 2.5: #3DD898 (1.26) passes, #3DD090 (2.89) does not.
  EXPECT_EQ(reported("a { color: #3DD898; }"), Literals{});
  const auto findings = run(nordlys_guide(), "a { color: #3DD090; }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "#3DD090 is off-palette: nearest brand colour is Polarlys #3DDC97 at ΔE00 2.89 "
            "(allowed ≤ 2.50)");
  EXPECT_EQ(findings[0].evidence["guide_key"], "palette.color[2]");
  EXPECT_EQ(findings[0].evidence["tolerance"], 2.5);
}

TEST(CssOffPalette, ToleranceOption) {
  guide::RuleOverride override;
  override.rule = std::string(kRule);
  override.options["tolerance"] = 3.0;
  override.option_refs["tolerance"] = {"brandguide.toml", 9, 40, "rules.\"color/css-off-palette\".tolerance"};
  EXPECT_EQ(reported("a { color: #0B3DA0; b: #111; c: #1a4fa0; }", &override),
            Literals{"#1a4fa0"});
  const auto findings = run(nordlys_guide(), "a { c: #1a4fa0; }", &override);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence["guide_key"], "rules.\"color/css-off-palette\".tolerance");
  EXPECT_EQ(findings[0].evidence["tolerance"], 3.0);

  override.options["tolerance"] = -1.0;
  const guide::BrandGuide g = nordlys_guide();
  EXPECT_THROW(rules::color_css_off_palette_rule().make(RuleConfig{g, g.channels.back(), &override}),
               guide::GuideError);
  override.options["tolerance"] = std::string("loose");
  EXPECT_THROW(rules::color_css_off_palette_rule().make(RuleConfig{g, g.channels.back(), &override}),
               guide::GuideError);
}

// The text with every fix applied (fixes do not overlap).
std::string apply_fixes(std::string text, const std::vector<Finding>& findings) {
  for (auto it = findings.rbegin(); it != findings.rend(); ++it) {
    if (it->fix) text.replace(it->fix->begin, it->fix->end - it->fix->begin, it->fix->replacement);
  }
  return text;
}

TEST(CssOffPalette, FixSnapsToTheBrandHexInTheLiteralsStyle) {
  const std::string css =
      "a { b: #0B3D99; c: #0b3d99; d: #111; e: #1118; f: #0b3da0cc; g: #EEE; h: #eee8; "
      "i: #1A4FA0; }";
  const auto findings = run(nordlys_guide(), css);
  ASSERT_EQ(findings.size(), 8u);
  EXPECT_EQ(apply_fixes(css, findings),
            "a { b: #0B3D91; c: #0b3d91; d: #000; e: #0008; f: #0b3d91cc; g: #F4F4F2; "
            "h: #f4f4f288; i: #1A4FA0; }");
  // Digits only: the guide's canonical upper case.
  EXPECT_EQ(apply_fixes("a { b: #111111; }", run(nordlys_guide(), "a { b: #111111; }")),
            "a { b: #000000; }");

  guide::RuleOverride never;
  never.rule = std::string(kRule);
  never.options["fix_within"] = std::int64_t{0};
  for (const Finding& f : run(nordlys_guide(), css, &never)) EXPECT_FALSE(f.fix) << f.message;
}

TEST(CssOffPalette, ColumnsCountCodePoints) {
  const auto findings = run(nordlys_guide(), "/* æøå ★ */ a { color: #abc; }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.line, 1);
  EXPECT_EQ(findings[0].location.column, 24);  // byte column would be 29
}

TEST(CssOffPalette, EachDistinctColourReportedAtEveryUse) {
  const auto findings = run(nordlys_guide(), "a { b: #abc; c: #AABBCC; d: #abc; }");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].evidence["delta_e00"], findings[1].evidence["delta_e00"]);
  EXPECT_EQ(findings[1].evidence["measured"], "#AABBCC");
  EXPECT_EQ(findings[2].evidence["measured"], "#ABC");
}

TEST(CssOffPalette, TruncatedAndHostileInput) {
  for (const char* css : {"", "#", "a{b:#", "a{b:#ab", "a{b:\\", "a{b:url(", "a{b:url(\"#abc",
                          "/*", "a{/* #abc", "a{b:\"#abc", "a{b:'", "}}}}", "{{{{:#abc"}) {
    EXPECT_NO_THROW(run(nordlys_guide(), css)) << css;
  }
  EXPECT_EQ(reported("{{{{:#abc"), Literals{"#abc"});
  EXPECT_EQ(reported("a{b:#ab"), Literals{});
  // Random bytes: every reported span is a hex literal inside the text.
  constexpr std::string_view kAlphabet = "#{}:;/*\"'()url abc0123\n\xC3\xA5";
  std::uint32_t seed = 12345;
  std::string noise;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245u + 12345u;
    noise += kAlphabet[(seed >> 16) % kAlphabet.size()];
  }
  for (const Finding& f : run(nordlys_guide(), noise)) {
    ASSERT_LE(f.location.end, noise.size());
    EXPECT_TRUE(color::parse_css_hex(noise.substr(f.location.begin, f.location.end - f.location.begin)));
  }
}

// --- the fixture folder ---------------------------------------------------------------------

const fs::path kFixture = fs::path(BRANDLINT_SOURCE_DIR) / "fixtures/color/css-off-palette";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> css_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".css") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> fixture_lines(const guide::BrandGuide& g, const fs::path& dir) {
  std::vector<Finding> all;
  for (const fs::path& file : css_files(dir)) {
    auto findings = run(g, read_file(file), nullptr, file.filename().string());
    all.insert(all.end(), findings.begin(), findings.end());
  }
  std::sort(all.begin(), all.end(), finding_less);
  std::vector<std::string> lines;
  for (const Finding& f : all) lines.push_back(text_line(f));
  return lines;
}

std::vector<std::string> expected_lines() {
  std::vector<std::string> lines;
  std::istringstream in(read_file(kFixture / "expected.txt"));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

TEST(CssOffPaletteFixture, HandBuiltGuide) {
  const guide::BrandGuide g = nordlys_guide();
  ASSERT_FALSE(css_files(kFixture / "valid").empty());
  EXPECT_EQ(fixture_lines(g, kFixture / "valid"), std::vector<std::string>{});
  EXPECT_EQ(fixture_lines(g, kFixture / "invalid"), expected_lines());
}

TEST(CssOffPaletteFixture, LoadedGuide) {
  const guide::BrandGuide g = guide::load_guide(kFixture / "brand.toml");
  EXPECT_EQ(fixture_lines(g, kFixture / "valid"), std::vector<std::string>{});
  EXPECT_EQ(fixture_lines(g, kFixture / "invalid"), expected_lines());
  // The evidence names the keys as the loader spells them.
  const auto findings = run(g, "a { b: #1a4fa0; c: #3DD090; d: #ABC; }");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].evidence["guide_key"], "palette.tolerance.exact");
  EXPECT_EQ(findings[1].evidence["guide_key"], "palette.color[2]");
  EXPECT_EQ(findings[2].evidence["expected"], "Nordlys Blå 60% #9DB1D3");
}

}  // namespace
}  // namespace brandlint
