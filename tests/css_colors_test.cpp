// Colour extraction cross-check: a realistic stylesheet written for this test, covering every
// notation, comments, strings that contain "#fff", url(#id) and escapes, must yield exactly the
// expected colour literals with their line:column and sRGB value. The expected list was worked
// out by hand (and the lab/oklab conversions with the CSS Color 4 sample code), not copied from
// the program's output.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "brandguide/brand_guide.h"
#include "linter/asset.h"
#include "linter/assets/css_tokenizer.h"
#include "linter/assets/html.h"
#include "rules/support/css_color.h"

namespace brandlint {
namespace {

constexpr std::string_view kSheet = R"css(@charset "utf-8";
/* Header colours: #fff in a comment is not a colour */
:root {
  --brand: #0B3D91;
  --ink: rgb(10 26 47 / 80%);
  --alert: rgba(228, 0, 43, .5);
}
@import url("theme.css#fff");
@media (prefers-color-scheme: dark) {
  @supports (color: lab(0 0 0)) {
    body { color: lab(29.69% 39.35 20.07); background: lch(50% 40 270deg); }
  }
}
@font-face { font-family: "Nordlys Sans"; src: url(fonts/n.woff2) format("woff2"); }
.quote::before { content: "#fff \"red\""; color: HSL(120 100% 25%); }
.icon { fill: url(#fff); stroke: hsla(0, 100%, 50%, 0.25); }
.hw { background-color: hwb(200 40% 10%); }
.ok { color: oklab(0.62796 0.22486 0.12585); border-color: oklch(70% 0.4 150); }
.n { color: RebeccaPurple; outline: 2px solid transparent; caret-color: currentColor; }
.esc\#fff { color: #abcd; background: #11223344 url('a;b}.png'); }
.grid { grid-area: red; transition: color 1s; border: 1px solid #ccc }
.pct { color: rgb(4.3% 23.9% 56.9%); background-color: rgba(100%, 0%, 0%, 50%); }
.sys { color: Canvas; background: ButtonFace; border-color: inherit; outline-color: /* #123 */ #0a1a2f; }
.hero { background-image: linear-gradient(to right, #fff 0%, rgb(228 0 43) 100%), url(#grad); box-shadow: 0 0 0 1px #0B3D9140, inset 0 1px rgb(0 0 0 / .2); }
.x { color: var(--brand, #e4002b); content: "\23 fff"; }
)css";

std::vector<std::string> extract(std::string_view sheet) {
  Asset asset;
  asset.text = std::string(sheet);
  asset.lines = LineIndex(asset.text);
  css::parse_stylesheet(asset, 0, asset.text.size());
  std::vector<std::string> out;
  std::vector<css::ColorLiteral> literals;
  for (const CssDeclaration& d : asset.css_declarations) {
    if (!css::takes_color(d.property)) continue;
    literals.clear();
    css::find_colors(asset.text, d.value_begin, d.value_end, literals);
    for (const css::ColorLiteral& c : literals) {
      const LineColumn at = asset.lines.at(asset.text, c.begin);
      out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                    asset.text.substr(c.begin, c.end - c.begin) + " " + guide::to_hex(c.rgb) +
                    (c.alpha < 1.0 ? " a" : "") + (c.out_of_gamut ? " oog" : ""));
    }
  }
  return out;
}

TEST(CssColors, ExtractsExactlyTheExpectedLiterals) {
  // Worked out by hand from the sheet above (columns count from 1; lab() is D50, converted
  // with CSS Color 4's Bradford and sRGB matrices). Not here: the colours in comments, strings,
  // url()s, the @supports prelude, the escaped selector, `red` as a grid area name, and
  // transparent / currentColor / inherit / Canvas / ButtonFace, which name no fixed colour.
  const std::vector<std::string> expected = {
      "4:12 #0B3D91 #0B3D91",
      "5:10 rgb(10 26 47 / 80%) #0A1A2F a",
      "6:12 rgba(228, 0, 43, .5) #E4002B a",
      "11:19 lab(29.69% 39.35 20.07) #7E2529",
      "11:56 lch(50% 40 270deg) #4D79BB",
      "15:50 HSL(120 100% 25%) #008000",
      "16:34 hsla(0, 100%, 50%, 0.25) #FF0000 a",
      "17:25 hwb(200 40% 10%) #66BBE6",
      "18:14 oklab(0.62796 0.22486 0.12585) #FF0000",
      "18:60 oklch(70% 0.4 150) #00D600 oog",  // far outside sRGB: clamped and flagged
      "19:13 RebeccaPurple #663399",
      "20:20 #abcd #AABBCC a",
      "20:39 #11223344 #112233 a",
      "21:65 #ccc #CCCCCC",
      "22:15 rgb(4.3% 23.9% 56.9%) #0B3D91",
      "22:56 rgba(100%, 0%, 0%, 50%) #FF0000 a",
      "23:96 #0a1a2f #0A1A2F",
      "24:53 #fff #FFFFFF",
      "24:62 rgb(228 0 43) #E4002B",
      "24:117 #0B3D9140 #0B3D91 a",
      "24:140 rgb(0 0 0 / .2) #000000 a",
      "25:26 #e4002b #E4002B",  // a var() fallback is a literal too
  };
  EXPECT_EQ(extract(kSheet), expected);
}

std::string parsed(std::string_view name, std::string_view args) {
  const auto lit = css::parse_color_function(name, args);
  if (!lit) return "none";
  return guide::to_hex(lit->rgb) + (lit->alpha < 1.0 ? " a" : "");
}

TEST(CssColors, FunctionArgumentsUnitsAndBadInput) {
  // Hue units: 0.5turn = 200grad = π rad = 180deg (cyan).
  EXPECT_EQ(parsed("hsl", "0.5turn 100% 50%"), "#00FFFF");
  EXPECT_EQ(parsed("hsl", "200grad 100% 50%"), "#00FFFF");
  EXPECT_EQ(parsed("hsl", "3.14159265rad 100% 50%"), "#00FFFF");
  EXPECT_EQ(parsed("hsl", "-180 100% 50%"), "#00FFFF");
  // `none` is a zero component; channels and alpha outside their range are clamped.
  EXPECT_EQ(parsed("rgb", "none 0 none"), "#000000");
  EXPECT_EQ(parsed("rgb", "300 -5 128"), "#FF0080");
  EXPECT_EQ(parsed("rgb", "1 2 3 / 150%"), "#010203");
  EXPECT_EQ(parsed("rgb", "+1 2e1 3"), "#011403");
  // Not colours: too few or too many components, two slashes, units that do not belong,
  // arguments that need evaluation, unknown functions.
  for (const auto& [name, args] :
       std::vector<std::pair<std::string_view, std::string_view>>{{"rgb", "1 2"},
                                                                  {"rgb", "1 2 3 4 5"},
                                                                  {"rgb", "1 2 3 / 4 / 5"},
                                                                  {"rgb", "1px 2 3"},
                                                                  {"rgb", "var(--r) 0 0"},
                                                                  {"rgb", "calc(1 + 2) 0 0"},
                                                                  {"rgb", ""},
                                                                  {"foo", "1 2 3"},
                                                                  {"hsl", "1e999 0% 0%"},
                                                                  {"rgb", "1 2 3 /"}}) {
    EXPECT_EQ(parsed(name, args), "none") << name << "(" << args << ")";
  }
}

}  // namespace
}  // namespace brandlint
