// color/contrast: the ratio shown truncated, AA/AAA thresholds, large text, alpha compositing,
// var() resolution, ancestor backgrounds in HTML, the guide's pairs and "needs review".
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "linter/assets/css_tokenizer.h"
#include "linter/assets/html.h"
#include "linter/rule.h"
#include "rules/color/contrast_paint.h"
#include "rules/registry.h"

namespace brandlint {

namespace rules {
RuleEntry color_contrast_rule();
}

namespace {

constexpr std::string_view kGuide = R"(
[brand]
name = "Nordlys"
version = "1"
[palette]
neutrals = ["#FFFFFF"]
[[palette.color]]
name = "Midnat"
hex = "#0A1A2F"
[[palette.color]]
name = "Polarlys"
hex = "#3DDC97"
[[palette.pair]]
text = "Midnat"
background = "#FFFFFF"
[[palette.pair]]
text = "Polarlys"
background = "#FFFFFF"
)";

const guide::BrandGuide& nordlys() {
  static const guide::BrandGuide g = guide::load_guide_from_string(kGuide, "brandguide.toml");
  return g;
}

std::vector<Finding> run(const std::string& text, AssetKind kind = AssetKind::css,
                         const guide::RuleOverride* override = nullptr) {
  const guide::BrandGuide& g = nordlys();
  const guide::Channel& channel = g.channels.back();
  const RuleEntry entry = rules::color_contrast_rule();
  const std::unique_ptr<Rule> rule = entry.make(RuleConfig{g, channel, override});
  Asset asset;
  asset.kind = kind;
  asset.display_path = kind == AssetKind::css ? "t.css" : "t.html";
  asset.text = text;
  asset.lines = LineIndex(asset.text);
  asset.channel = &channel;
  if (kind == AssetKind::css)
    css::parse_stylesheet(asset, 0, asset.text.size());
  else
    extract_html(asset);
  std::vector<Finding> out;
  RuleContext ctx(asset, g, entry.meta->id, entry.meta->default_severity, out);
  rule->check(asset, ctx);
  std::sort(out.begin(), out.end(), finding_less);
  return out;
}

std::vector<std::string> messages(const std::string& text, AssetKind kind = AssetKind::css,
                                  const guide::RuleOverride* override = nullptr) {
  std::vector<std::string> out;
  for (const Finding& f : run(text, kind, override)) out.push_back(f.message);
  return out;
}

using Messages = std::vector<std::string>;

TEST(Contrast, Registered) {
  const auto table = rules::registry();
  EXPECT_TRUE(std::any_of(table.begin(), table.end(),
                          [](const RuleEntry& e) { return e.meta->id == "color/contrast"; }));
}

TEST(Contrast, ExactEvidenceAtTheColourDeclaration) {
  const auto findings = run(".a {\n  background: #fff;\n  color: #777777;\n}\n");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.severity, Severity::error);
  EXPECT_EQ(f.location.line, 3);
  EXPECT_EQ(f.location.column, 3);
  EXPECT_EQ(f.message,
            "text #777777 on #FFFFFF has contrast 4.47:1, below the 4.5:1 WCAG AA requires for "
            "normal text");
  EXPECT_EQ(f.evidence.dump(),
            R"({"foreground":"#777777","background":"#FFFFFF","background_source":"this rule",)"
            R"("ratio":4.47,"required":4.5,"level":"AA",)"
            R"("text_size":"no font-size declared here; normal text assumed",)"
            R"("measured":"4.47:1","expected":"≥ 4.5:1","guide_key":"palette.pair"})");
}

TEST(Contrast, RatioIsTruncatedNotRounded) {
  // #358282 on white is 4.4998:1: rounding would show a passing 4.50.
  EXPECT_EQ(messages("a { color: #358282; background: #fff }"),
            Messages{"text #358282 on #FFFFFF has contrast 4.49:1, below the 4.5:1 WCAG AA "
                     "requires for normal text"});
  EXPECT_EQ(messages("a { color: #767676; background: #fff }"), Messages{});  // 4.54
}

TEST(Contrast, LargeTextThresholds) {
  // #949494 on white is 3.03:1: enough for large text only.
  EXPECT_EQ(messages("a { font-size: 24px; color: #949494; background: #fff }"), Messages{});
  EXPECT_EQ(messages("a { font-size: 18pt; color: #949494; background: #fff }"), Messages{});
  EXPECT_EQ(messages("a { font-size: 14pt; font-weight: bold; color: #949494; background: #fff }"),
            Messages{});
  EXPECT_EQ(messages("a { font: 700 18.66px serif; color: #949494; background: #fff }"),
            Messages{});
  EXPECT_EQ(messages("a { font-size: 1.5rem; color: #949494; background: #fff }"), Messages{});
  // 14pt without bold, 23px, and an uncomputable size are normal text.
  for (const char* size : {"font-size: 14pt", "font-size: 23px", "font-size: larger",
                           "font-weight: 700; font-size: 18px"}) {
    EXPECT_EQ(run(std::string("a { ") + size + "; color: #949494; background: #fff }").size(), 1u)
        << size;
  }
  const auto findings = run("a { font-size: larger; color: #949494; background: #fff }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence["text_size"],
            "font-size larger is not computable; normal text assumed");
}

TEST(Contrast, TextSizeEvidenceSaysWhatWasAssumed) {
  EXPECT_EQ(contrast::text_size("24px", "", "").evidence, "font-size 24px");
  EXPECT_EQ(contrast::text_size("14pt", "bold", "").evidence, "font-size 14pt = 18.67px bold");
  EXPECT_TRUE(contrast::text_size("14pt", "bold", "").large);
  EXPECT_EQ(contrast::text_size("2em", "", "").evidence,
            "font-size 2em = 32px (assuming a 16px parent)");
  EXPECT_EQ(contrast::text_size("", "", "italic bold 19px/1.2 Nordlys Sans").evidence,
            "font-size 19px bold");
  EXPECT_FALSE(contrast::text_size("", "", "").large);
}

TEST(Contrast, LevelAaaOption) {
  guide::RuleOverride aaa;
  aaa.rule = "color/contrast";
  aaa.options["level"] = std::string("AAA");
  // 4.54 passes AA but not AAA's 7; as large text it needs 4.5 and passes.
  EXPECT_EQ(messages("a { color: #767676; background: #fff }", AssetKind::css, &aaa),
            Messages{"text #767676 on #FFFFFF has contrast 4.54:1, below the 7:1 WCAG AAA "
                     "requires for normal text"});
  EXPECT_EQ(
      messages("a { font-size: 24px; color: #767676; background: #fff }", AssetKind::css, &aaa),
      Messages{});
  guide::RuleOverride bad;
  bad.rule = "color/contrast";
  bad.options["level"] = std::string("A");
  EXPECT_THROW(run("a{}", AssetKind::css, &bad), guide::GuideError);
  bad.options["level"] = 3.0;
  EXPECT_THROW(run("a{}", AssetKind::css, &bad), guide::GuideError);
}

TEST(Contrast, TranslucentTextIsCompositedOverAnOpaqueBackground) {
  const auto findings = run("a { color: rgb(11 61 145 / 30%); background: white }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence["composited"], "#B6C5DE");
  EXPECT_EQ(findings[0].evidence["foreground"], "#0B3D914D");
  // 80 % is seen as #3C64A7: 5.87:1, a pass.
  EXPECT_EQ(messages("a { color: rgba(11, 61, 145, .8); background: #FFF }"), Messages{});
}

TEST(Contrast, UnknowableBackgroundsNeedReviewNeverPassOrFail) {
  const std::string css =
      ".a { color: #fff; background: url(x.png) }\n"
      ".b { color: #fff; background-image: none; background: radial-gradient(#000, #fff) }\n"
      ".c { color: #fff; background: var(--nope) }\n"
      ".d { color: #fff; background: #00000080 }\n"
      ".e { color: #fff }\n"
      ".f { color: #fff; background: transparent }\n"
      ".g { color: #fff; background-color: #000; background-image: url(a.png) }\n"
      ".h { color: #fff; background: url(a.png); background-color: #000 }\n";
  const auto findings = run(css);
  ASSERT_EQ(findings.size(), 8u);
  for (const Finding& f : findings) {
    EXPECT_EQ(f.severity, Severity::info) << f.message;
    EXPECT_NE(f.message.find("needs review"), std::string::npos) << f.message;
    EXPECT_TRUE(f.evidence["ratio"].is_null());
  }
}

TEST(Contrast, CustomPropertiesResolveOnlyWhenUnambiguous) {
  EXPECT_EQ(messages(":root { --ink: #999; --bg: #fff } a { color: var(--ink); "
                     "background: var(--bg) }"),
            Messages{"text #999999 on #FFFFFF has contrast 2.84:1, below the 4.5:1 WCAG AA "
                     "requires for normal text"});
  // A fallback is used when the property is not declared.
  EXPECT_EQ(run("a { color: var(--x, #999); background: #fff }").size(), 1u);
  // Two values (a dark theme): which one applies is not knowable here.
  const auto findings =
      run(":root { --bg: #fff } .dark { --bg: #000 } a { color: #999; "
          "background: var(--bg) }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::info);
  // A cycle ends without hanging.
  EXPECT_EQ(run(":root { --a: var(--b); --b: var(--a) } x { color: #999; background: var(--a) }")
                .at(0)
                .severity,
            Severity::info);
}

TEST(Contrast, HtmlElementsTakeTheNearestAncestorBackground) {
  const std::string page =
      "<div style=\"background:#0A1A2F\">\n"
      "  <section style=\"background: transparent\">\n"
      "    <p style=\"color:#0B3D91\">x</p>\n"
      "  </section>\n"
      "</div>\n"
      "<p style=\"color:#0B3D91\">no background</p>\n";
  const auto findings = run(page, AssetKind::html);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location.line, 3);
  EXPECT_EQ(findings[0].evidence["background"], "#0A1A2F");
  EXPECT_EQ(findings[0].evidence["background_source"], "ancestor <div> (line 1)");
  EXPECT_EQ(findings[1].location.line, 6);
  EXPECT_EQ(findings[1].severity, Severity::info);
  // Closing the ancestor ends its background; void elements never become ancestors.
  EXPECT_EQ(run("<img style=\"background:#000\"><p style=\"color:#111\">x</p>", AssetKind::html)
                .at(0)
                .severity,
            Severity::info);
}

TEST(Contrast, TheGuidesPairIsNamedWhenItFails) {
  const auto findings = run("a { color: #3DDC97; background: #FFFFFF }");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence["guide_key"], "palette.pair[1]");
  EXPECT_NE(findings[0].message.find("the guide's pair palette.pair[1] (Polarlys #3DDC97 on "
                                     "#FFFFFF) fails too"),
            std::string::npos);
}

TEST(Contrast, HostileInputNeverCrashes) {
  for (const char* text : {"a { color: ", "a { color: var(", "a{color:var(--x,var(--y,var(--z",
                           "{{{{ color: #fff; background: url(", "}}} color: rgb(1 2", ""}) {
    EXPECT_NO_THROW(run(text));
    EXPECT_NO_THROW(run(std::string("<p style=\"") + text + "\">", AssetKind::html));
  }
}

}  // namespace
}  // namespace brandlint
