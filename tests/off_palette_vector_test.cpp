// color/off-palette, vector half: colour literals in CSS files, <style>/style="" in HTML and SVG
// markup. The cases of the former color/css-off-palette rule (the scanner's notion of
// "declaration value", the verdict, message, evidence and fix) live here, adapted to what the
// rule now does on top: every notation, near misses as info, custom properties, and SVG colours
// reported once (by the vector half, not again by the raster half).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/assets/css_tokenizer.h"
#include "linter/assets/html.h"
#include "linter/assets/load_asset.h"
#include "linter/rule.h"
#include "rules/registry.h"
#include "rules/support/color.h"
#include "rules/support/css_color.h"
#include "tests/support/paths.h"

namespace brandlint {

namespace rules {
RuleEntry color_off_palette_rule();
}

namespace {

namespace fs = std::filesystem;
constexpr std::string_view kRule = "color/off-palette";

guide::PaletteColor palette_color(std::string name, std::string_view hex,
                                  std::vector<int> tints = {},
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

// A Nordlys palette built by hand so these tests do not depend on the loader; Polarlys has its
// own tolerance of 2.5.
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

std::vector<Finding> check(const guide::BrandGuide& g, Asset& asset,
                           const guide::RuleOverride* override = nullptr) {
  const guide::Channel& channel = g.channels.back();
  const RuleEntry entry = rules::color_off_palette_rule();
  const std::unique_ptr<Rule> rule = entry.make(RuleConfig{g, channel, override});
  asset.lines = LineIndex(asset.text);
  asset.channel = &channel;
  std::vector<Finding> out;
  RuleContext ctx(asset, g, entry.meta->id, entry.meta->default_severity, out);
  rule->check(asset, ctx);
  return out;
}

std::vector<Finding> run(const guide::BrandGuide& g, std::string css,
                         const guide::RuleOverride* override = nullptr) {
  Asset asset;
  asset.kind = AssetKind::css;
  asset.display_path = "test.css";
  asset.text = std::move(css);
  css::parse_stylesheet(asset, 0, asset.text.size());
  return check(g, asset, override);
}

std::vector<Finding> run_html(const guide::BrandGuide& g, std::string html) {
  Asset asset;
  asset.kind = AssetKind::html;
  asset.display_path = "test.html";
  asset.text = std::move(html);
  extract_html(asset);
  return check(g, asset);
}

// The literals reported, in order, as written, with "(info)" after near misses.
using Literals = std::vector<std::string>;
Literals described(const std::string& text, const std::vector<Finding>& findings) {
  Literals out;
  for (const Finding& f : findings) {
    out.push_back(text.substr(f.location.begin, f.location.end - f.location.begin) +
                  (f.severity == Severity::info ? " (info)" : ""));
  }
  return out;
}
Literals reported(const std::string& css, const guide::RuleOverride* override = nullptr) {
  return described(css, run(nordlys_guide(), css, override));
}

// The text with every fix applied (fixes do not overlap).
std::string apply_fixes(std::string text, const std::vector<Finding>& findings) {
  for (auto it = findings.rbegin(); it != findings.rend(); ++it) {
    if (it->fix) text.replace(it->fix->begin, it->fix->end - it->fix->begin, it->fix->replacement);
  }
  return text;
}

TEST(OffPaletteVector, Metadata) {
  const RuleEntry entry = rules::color_off_palette_rule();
  EXPECT_EQ(entry.meta->id, kRule);
  EXPECT_EQ(entry.meta->kinds,
            (std::vector<AssetKind>{AssetKind::image, AssetKind::svg, AssetKind::pdf,
                                    AssetKind::html, AssetKind::css}));
  EXPECT_EQ(entry.meta->fixable, Fixable::sometimes);
  EXPECT_EQ(entry.meta->docs, "rules/color/off-palette.md");
  EXPECT_TRUE(fs::exists(fs::path(BRANDLINT_SOURCE_DIR) / entry.meta->docs));
  const auto table = rules::registry();
  EXPECT_TRUE(std::any_of(table.begin(), table.end(),
                          [](const RuleEntry& e) { return e.meta->id == kRule; }));
  // The hex-only rule it replaces is gone: one rule, so no colour is reported twice.
  EXPECT_FALSE(std::any_of(table.begin(), table.end(), [](const RuleEntry& e) {
    return e.meta->id == "color/css-off-palette";
  }));
}

TEST(OffPaletteVector, ExactMessageAndEvidence) {
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
            R"("guide_key":"palette.tolerance.exact","property":"color"})");
  EXPECT_FALSE(f.fix.has_value());  // 5.94 is a different colour, not a drifted one
}

TEST(OffPaletteVector, BrandColoursTintsAndNeutralsPass) {
  EXPECT_EQ(reported("a { color: #0B3D91; background: #0b3d91; border-color: #6D8BBD; }"),
            Literals{});
  EXPECT_EQ(reported("a { color: #fff; background: #000000; fill: #F4F4F2; }"), Literals{});
  // Alpha does not change the colour; alpha 0 is no visible colour at all.
  EXPECT_EQ(reported("a { color: #0B3D9180; background: #fff8; }"), Literals{});
  EXPECT_EQ(reported("a { color: #12345600; background: #f000; fill: rgb(1 2 3 / 0); }"),
            Literals{});
  // The brand colours in every other notation.
  EXPECT_EQ(reported("a { color: rgb(11, 61, 145); background: rgb(228 0 43 / 50%); "
                     "fill: white; stroke: BLACK; outline-color: rgba(10,26,47,.8); }"),
            Literals{});
}

TEST(OffPaletteVector, NearMissIsAnInfoWithTheTokenAsFix) {
  // One 8-bit step off Nordlys Blå: within palette.tolerance.exact, so not off-palette, but the
  // token was not used.
  const std::string css = "a { color: #0B3D92; }";
  const auto findings = run(nordlys_guide(), css);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::info);
  EXPECT_EQ(findings[0].message,
            "#0B3D92 is a near miss of Nordlys Blå #0B3D91 (ΔE00 0.16 ≤ 1.20) — use the token");
  EXPECT_EQ(apply_fixes(css, findings), "a { color: #0B3D91; }");
}

TEST(OffPaletteVector, EveryLiteralLength) {
  EXPECT_EQ(reported("a { color: #abc; background: #abc8; fill: #1a4fa0; stroke: #1A4FA0CC; }"),
            (Literals{"#abc", "#abc8", "#1a4fa0", "#1A4FA0CC"}));
  // Not colours: wrong digit counts, and hash tokens that go on past the hex digits.
  EXPECT_EQ(reported("a { color: #ab; background: #abcde; fill: #1234567; stroke: #abcdef012; "
                     "outline-color: #fffx; border-color: #c0ffee-x; }"),
            Literals{});
}

TEST(OffPaletteVector, SelectorsAreNotValues) {
  EXPECT_EQ(reported("#abc { color: #0B3D91; }\n#fff, .x #c0ffee:hover { color: #abc; }"),
            Literals{"#abc"});
  EXPECT_EQ(reported("a#deadbe:not(#beef) { color: #fff; }"), Literals{});
  // Nested rules: a ':' before a '{' belongs to a selector, not a declaration.
  EXPECT_EQ(
      reported(".c { color: #fff; &:hover #bad { color: #abc; } & #ace:is(.a) { fill: #000 } }"),
      Literals{"#abc"});
  EXPECT_EQ(reported("@media (min-width: 1px) { #abc:hover { color: #123 } }"), Literals{"#123"});
}

TEST(OffPaletteVector, CommentsStringsAndUrlsAreSkipped) {
  EXPECT_EQ(reported("/* #abc */ a { /* color: #abc; */ color: #fff; }"), Literals{});
  EXPECT_EQ(reported(R"(a { content: "#abc \" #def"; quotes: '#123' "\"#456\""; })"), Literals{});
  EXPECT_EQ(reported("a { fill: url(#abc); background: URL( \"x.svg#def\" ); "
                     "background-image: url(data:x;#123456); }"),
            Literals{});
  // A string left open at a newline ends there, so later lines are still checked.
  EXPECT_EQ(reported("a { content: \"open\n; color: #abc; }"), Literals{"#abc"});
  // Functions other than url() do contain colours.
  EXPECT_EQ(reported("a { background: linear-gradient(#abc, #fff); }"), Literals{"#abc"});
  // "curl(" is not url(.
  EXPECT_EQ(reported("a { background: curl(#abc); }"), Literals{"#abc"});
  // drop-shadow() paints its colour; a mask's colours are only coverage.
  EXPECT_EQ(reported("a { filter: drop-shadow(0 1px 2px #abc) blur(1px); "
                     "mask-image: linear-gradient(black, #abd); }"),
            Literals{"#abc"});
  // Colour words outside colour properties are names (a grid area, an animation).
  EXPECT_EQ(reported("a { grid-area: red; animation: tomato 1s; font-family: Orange; }"),
            Literals{});
}

TEST(OffPaletteVector, DeclarationsWithoutSemicolonAndUnclosedBlocks) {
  EXPECT_EQ(reported("a{color:#abc}b{color:#def;}"), (Literals{"#abc", "#def"}));
  EXPECT_EQ(reported("a { color: #abc"), Literals{"#abc"});
  EXPECT_EQ(reported("color: #abc;"), Literals{});               // top level has no declarations
  EXPECT_EQ(reported("} a { color: #abc }"), Literals{"#abc"});  // a stray '}' is harmless
  // An @media nested in a style rule holds that rule's declarations (CSS nesting).
  EXPECT_EQ(reported(".card { @media (min-width: 1px) { border-color: #999999; } }"),
            Literals{"#999999"});
  EXPECT_EQ(reported("@media print { @supports (color: #123) { a { color: #abc } } }"),
            Literals{"#abc"});
}

TEST(OffPaletteVector, EveryNotationIsRead) {
  // #C8102E (5.94 from Nordlys Rød) written eight ways; lab() is CIE Lab D50, so its value is
  // the D50 Lab of #C8102E.
  EXPECT_EQ(reported("a { color: rgb(200, 16, 46); background: rgba(200 16 46 / .5); "
                     "fill: hsl(350.2 85.2% 42.35%); stroke: hwb(350.2 6.27% 21.57%); "
                     "outline-color: #C8102E; border-color: lab(43.34 66.31 37.52); "
                     "caret-color: oklch(0.5304 0.2074 22.32); "
                     "text-decoration-color: oklab(0.5304 0.1919 0.0788); }"),
            (Literals{"rgb(200, 16, 46)", "rgba(200 16 46 / .5)", "hsl(350.2 85.2% 42.35%)",
                      "hwb(350.2 6.27% 21.57%)", "#C8102E", "lab(43.34 66.31 37.52)",
                      "oklch(0.5304 0.2074 22.32)", "oklab(0.5304 0.1919 0.0788)"}));
  for (const Finding& f : run(nordlys_guide(),
                              "a { border-color: lab(43.34 66.31 37.52); "
                              "color: oklch(0.5304 0.2074 22.32); }")) {
    EXPECT_EQ(f.evidence["measured"], "#C8102E") << f.message;
  }
  EXPECT_EQ(reported("a { color: Tomato; background: rebeccapurple; }"),
            (Literals{"Tomato", "rebeccapurple"}));
}

TEST(OffPaletteVector, KeywordsThatAreNoColourAreIgnored) {
  EXPECT_EQ(reported("a { color: currentColor; background: transparent; fill: none; "
                     "stroke: context-stroke; border-color: inherit; outline-color: initial; "
                     "caret-color: auto; accent-color: unset; column-rule-color: revert; "
                     "text-decoration-color: Canvas; scrollbar-color: ButtonText Highlight; "
                     "background-color: revert-layer; }"),
            Literals{});
}

TEST(OffPaletteVector, CustomPropertiesReportedAtTheDefinitionNotEachUse) {
  const std::string css =
      ":root { --accent: #1A4FA0; --brand: #0B3D91; }\n"
      ".a { color: var(--accent); }\n"
      ".b { background: var(--accent, #abc); border-color: var( --accent ); }\n"
      ".c { color: var(--elsewhere, #abc); fill: var(--brand); }\n";
  const auto findings = run(nordlys_guide(), css);
  // The definition once; the fallback of --accent is dead (it is defined here); the fallback
  // of a property defined in another file is what this file may show, so it is read.
  EXPECT_EQ(described(css, findings), (Literals{"#1A4FA0", "#abc"}));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location.line, 1);
  EXPECT_EQ(findings[0].evidence["property"], "--accent");
  EXPECT_EQ(findings[1].location.line, 4);
}

TEST(OffPaletteVector, ChannelPropertiesAreResolvedAndReportedAtTheDefinition) {
  // Bootstrap's pattern: channels in a custom property, the colour function at each use.
  const std::string css =
      ":root { --brand-rgb: 11, 61, 153; --ok-rgb: 11 61 145; --a: .5; --h: 350; }\n"
      "@media (prefers-color-scheme: dark) { :root { --brand-rgb: 200 16 46; } }\n"
      ".a { color: rgb(var(--brand-rgb)); background: rgba(var(--brand-rgb), var(--a)); }\n"
      ".b { color: rgb(var(--ok-rgb) / var(--a)); border-color: rgb(var(--elsewhere-rgb)); }\n"
      ".c { fill: hsl(var(--h) 85% 42%); stroke: rgb(var(--nope, 1 2 3)); }\n";
  const auto findings = run(nordlys_guide(), css);
  // Once per definition, however many uses; the exact --ok-rgb and the unresolvable uses give
  // nothing.
  ASSERT_EQ(described(css, findings), (Literals{"11, 61, 153", "200 16 46", "350"}));
  EXPECT_EQ(findings[0].message,
            "11, 61, 153 in rgb(var(--brand-rgb)) is off-palette: nearest brand colour is "
            "Nordlys Blå #0B3D91 at ΔE00 1.26 (allowed ≤ 1.20)");
  EXPECT_EQ(findings[0].location.line, 1);
  EXPECT_EQ(findings[0].location.column, 22);
  EXPECT_EQ(findings[0].evidence["property"], "--brand-rgb");
  EXPECT_EQ(findings[1].location.line, 2);
  EXPECT_EQ(findings[1].evidence["measured"], "#C8102E");
  EXPECT_FALSE(findings[1].fix);  // 5.94 away: a guess, no fix
  EXPECT_EQ(findings[2].evidence["property"], "--h");
  EXPECT_FALSE(findings[2].fix);  // hsl channels cannot hold the brand colour exactly
  // The fix writes the brand's channels with the separators of the definition.
  const std::string fixed = apply_fixes(css, findings);
  EXPECT_EQ(fixed.substr(0, fixed.find('\n')),
            ":root { --brand-rgb: 11, 61, 145; --ok-rgb: 11 61 145; --a: .5; --h: 350; }");
}

TEST(OffPaletteVector, PerColourToleranceAndItsGuideKey) {
  // Polarlys allows 2.5: #3DD898 (1.26) is a near miss, #3DD090 (2.89) is off-palette.
  EXPECT_EQ(reported("a { color: #3DD898; }"), Literals{"#3DD898 (info)"});
  const auto findings = run(nordlys_guide(), "a { color: #3DD090; }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "#3DD090 is off-palette: nearest brand colour is Polarlys #3DDC97 at ΔE00 2.89 "
            "(allowed ≤ 2.50)");
  EXPECT_EQ(findings[0].evidence["guide_key"], "palette.color[2]");
  EXPECT_EQ(findings[0].evidence["tolerance"], 2.5);
}

TEST(OffPaletteVector, ToleranceOption) {
  guide::RuleOverride override;
  override.rule = std::string(kRule);
  override.options["tolerance"] = 3.0;
  override.option_refs["tolerance"] = {"brandguide.toml", 9, 40,
                                       "rules.\"color/off-palette\".tolerance"};
  // 2.33 and 2.96 are near misses under a tolerance of 3.
  EXPECT_EQ(reported("a { color: #0B3DA0; fill: #111; stroke: #1a4fa0; }", &override),
            (Literals{"#0B3DA0 (info)", "#111 (info)", "#1a4fa0"}));
  const auto findings = run(nordlys_guide(), "a { color: #1a4fa0; }", &override);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence["guide_key"], "rules.\"color/off-palette\".tolerance");
  EXPECT_EQ(findings[0].evidence["tolerance"], 3.0);

  override.options["tolerance"] = -1.0;
  const guide::BrandGuide g = nordlys_guide();
  EXPECT_THROW(rules::color_off_palette_rule().make(RuleConfig{g, g.channels.back(), &override}),
               guide::GuideError);
  override.options["tolerance"] = std::string("loose");
  EXPECT_THROW(rules::color_off_palette_rule().make(RuleConfig{g, g.channels.back(), &override}),
               guide::GuideError);
}

TEST(OffPaletteVector, FixSnapsToTheBrandHexInTheLiteralsStyle) {
  const std::string css =
      "a { color: #0B3D99; fill: #0b3d99; stroke: #111; outline-color: #1118; "
      "background: #0b3da0cc; border-color: #EEE; caret-color: #eee8; accent-color: #1A4FA0; }";
  const auto findings = run(nordlys_guide(), css);
  ASSERT_EQ(findings.size(), 8u);
  EXPECT_EQ(apply_fixes(css, findings),
            "a { color: #0B3D91; fill: #0b3d91; stroke: #000; outline-color: #0008; "
            "background: #0b3d91cc; border-color: #F4F4F2; caret-color: #f4f4f288; "
            "accent-color: #1A4FA0; }");
  // Digits only: the guide's canonical upper case.
  EXPECT_EQ(apply_fixes("a { color: #111111; }", run(nordlys_guide(), "a { color: #111111; }")),
            "a { color: #000000; }");

  guide::RuleOverride never;
  never.rule = std::string(kRule);
  never.options["fix_within"] = std::int64_t{0};
  for (const Finding& f : run(nordlys_guide(), css, &never)) EXPECT_FALSE(f.fix) << f.message;
}

TEST(OffPaletteVector, FixKeepsTheNotationWherePossible) {
  // rgb() stays rgb() with its name, separators and alpha as written; notations whose integer
  // components cannot hit the brand value exactly become hex, alpha kept.
  const std::string css =
      "a { color: rgb(11, 61, 153); background: rgba(11 61 153 / 50%); fill: RGBA(12,61,145,.8); "
      "stroke: hsl(219 86% 32%); border-color: hsla(219, 86%, 32%, 0.5); "
      "outline-color: rgb(17 17 17); }";
  EXPECT_EQ(apply_fixes(css, run(nordlys_guide(), css)),
            "a { color: rgb(11, 61, 145); background: rgba(11 61 145 / 50%); "
            "fill: RGBA(11, 61, 145, .8); stroke: #0B3D91; border-color: #0B3D9180; "
            "outline-color: rgb(0 0 0); }");
}

TEST(OffPaletteVector, ColumnsCountCodePoints) {
  const auto findings = run(nordlys_guide(), "/* æøå ★ */ a { color: #abc; }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.line, 1);
  EXPECT_EQ(findings[0].location.column, 24);  // byte column would be 29
}

TEST(OffPaletteVector, EachDistinctColourReportedAtEveryUse) {
  const auto findings = run(nordlys_guide(), "a { color: #abc; fill: #AABBCC; stroke: #abc; }");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].evidence["delta_e00"], findings[1].evidence["delta_e00"]);
  EXPECT_EQ(findings[1].evidence["measured"], "#AABBCC");
  EXPECT_EQ(findings[2].evidence["measured"], "#AABBCC");  // #abc, as sRGB
}

TEST(OffPaletteVector, TruncatedAndHostileInput) {
  for (const char* css :
       {"", "#", "a{color:#", "a{color:#ab", "a{color:\\", "a{color:url(", "a{color:url(\"#abc",
        "/*", "a{/* #abc", "a{color:\"#abc", "a{color:'", "}}}}", "{{{{color:#abc", "a{color:rgb(",
        "a{color:rgb(1 2", "a{color:hsl(1e999 0% 0%)}", "a{color:var(--x,", "a{--x:"}) {
    EXPECT_NO_THROW(run(nordlys_guide(), css)) << css;
  }
  EXPECT_EQ(reported("{{{{color:#abc"), Literals{"#abc"});
  EXPECT_EQ(reported("a{color:#ab"), Literals{});
  // Random bytes: every reported span is one colour literal inside the text.
  constexpr std::string_view kAlphabet = "#{}:;/*\"'()url abc0123rgb,%\ncolor\xC3\xA5";
  std::uint32_t seed = 12345;
  std::string noise;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245u + 12345u;
    noise += kAlphabet[(seed >> 16) % kAlphabet.size()];
  }
  for (const Finding& f : run(nordlys_guide(), noise)) {
    ASSERT_LE(f.location.end, noise.size());
    std::vector<css::ColorLiteral> again;
    css::find_colors(noise, f.location.begin, f.location.end, again);
    ASSERT_EQ(again.size(), 1u) << noise.substr(f.location.begin,
                                                f.location.end - f.location.begin);
    EXPECT_EQ(again[0].end, f.location.end);
  }
}

TEST(OffPaletteVector, HostileCustomProperties) {
  // Random custom properties, var() chains and colour functions: no crash, no hang, every
  // finding inside the text.
  constexpr std::string_view kAlphabet = "--ab:;{}()var(rgb hsl,/ 1 20 255 #abc\n";
  std::uint32_t seed = 777;
  std::string noise = "a{";
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245u + 12345u;
    noise += kAlphabet[(seed >> 16) % kAlphabet.size()];
  }
  for (const Finding& f : run(nordlys_guide(), noise)) {
    ASSERT_LT(f.location.begin, f.location.end);
    ASSERT_LE(f.location.end, noise.size());
  }
  EXPECT_NO_THROW(run(nordlys_guide(), "a{--x:1 2 3;color:rgb(var(--x)"));
  EXPECT_NO_THROW(run(nordlys_guide(), "a{--x:;color:rgb(var(--x))}"));
  EXPECT_NO_THROW(run(nordlys_guide(), "a{--x:var(--x);color:rgb(var(--x))}"));
  EXPECT_EQ(reported("a{--x:var(--y);--y:1 2 3;color:rgb(var(--x))}"), Literals{});
}

TEST(OffPaletteVector, HtmlStyleBlocksAndAttributesButNotLinkedSheets) {
  const std::string html =
      "<!doctype html><link rel=\"stylesheet\" href=\"site.css\">\n"
      "<style>.k { background: #ff7a01; }</style>\n"
      "<p style=\"color: #C8102E; border-color: #E4002B\">Køb</p>\n";
  const auto findings = run_html(nordlys_guide(), html);
  // site.css is linted as its own file (once); the page only answers for its own CSS.
  EXPECT_EQ(described(html, findings), (Literals{"#ff7a01", "#C8102E"}));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].location.line, 3);
  EXPECT_EQ(findings[1].location.column, 18);
}

// A 60×40 PNG of #FF7A01 (an orange no brand colour is near), embedded in the SVG below: only
// the rendering can see it.
constexpr std::string_view kOrangePng =
    "iVBORw0KGgoAAAANSUhEUgAAADwAAAAoCAIAAAAt2Q6oAAAAOUlEQVR42u3OQQkAAAgEsLO25TWFD2GwAMt0vRNpaWlpaW"
    "lp"
    "aWlpaWlpaWlpaWlpaWlpaWlpaelLC7nl2IQv/85lAAAAAElFTkSuQmCC";

TEST(OffPaletteVector, SvgColoursAreReportedOnceByTheMarkupAndImagesByTheRendering) {
  testing::TempDir dir;
  const std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\n"
      "  <rect width=\"100\" height=\"100\" fill=\"#C8102E\"/>\n"
      "  <rect x=\"100\" width=\"100\" height=\"50\" style=\"fill: #0B3D91\"/>\n"
      "  <image x=\"120\" y=\"55\" width=\"60\" height=\"40\" href=\"data:image/png;base64,{}\"/>\n"
      "</svg>\n",
      kOrangePng);
  const fs::path path = dir.write("icon.svg", svg);
  const guide::BrandGuide g = nordlys_guide();
  Asset asset = load_asset(DiscoveredFile{path, "icon.svg", "icon.svg", true}, AssetKind::svg,
                           g.channels.back(), LoadOptions{});
  ASSERT_FALSE(asset.pixels.empty());
  const auto findings = check(g, asset);
  ASSERT_EQ(findings.size(), 2u);
  // The red rectangle: once, at its attribute, with a line and column.
  EXPECT_EQ(findings[0].location.line, 2);
  EXPECT_EQ(findings[0].location.column, 40);
  EXPECT_EQ(findings[0].evidence["measured"], "#C8102E");
  // The embedded image: a box, from the rendering.
  EXPECT_EQ(findings[1].evidence["measured"], "#FF7A01");
  EXPECT_EQ(findings[1].evidence["box"], Json::array({120, 55, 60, 40}));
}

TEST(OffPaletteVector, SvgMarkupWithoutRendering) {
  Asset asset;
  asset.kind = AssetKind::svg;
  asset.display_path = "icon.svg";
  asset.text =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><style><![CDATA[ .a { fill: #abc } ]]></style>\n"
      "<rect fill=\"url(#g)\" stroke=\"none\"/><rect fill=\"currentColor\" stroke=\"#0B3D91\"/>\n"
      "<stop stop-color=\"Tomato\"/><rect style=\"fill:#E4002B;stroke:#0b3d92\"/></svg>\n";
  extract_svg(asset);
  const auto findings = check(nordlys_guide(), asset);
  EXPECT_EQ(described(asset.text, findings), (Literals{"#abc", "Tomato", "#0b3d92 (info)"}));
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].location.line, 1);
  EXPECT_EQ(findings[0].location.column, 69);
  EXPECT_EQ(findings[1].location.line, 3);
  EXPECT_EQ(findings[1].location.column, 19);
}

TEST(OffPaletteVector, LoadedGuideNamesTheKeysAsWritten) {
  const guide::BrandGuide g =
      guide::load_guide(testing::source_dir() / "fixtures/color/off-palette/brand.toml");
  // The fixture guide gives Nordlys Rød its own tolerance of 1.5.
  const auto findings = run(g, "a { color: #1a4fa0; fill: #C8102E; stroke: #ABC; }");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].evidence["guide_key"], "palette.tolerance.exact");
  EXPECT_EQ(findings[1].evidence["guide_key"], "palette.color[3]");
  EXPECT_EQ(findings[1].evidence["tolerance"], 1.5);
  EXPECT_EQ(findings[2].evidence["expected"], "Nordlys Blå 60% #9DB1D3");
}

}  // namespace
}  // namespace brandlint
