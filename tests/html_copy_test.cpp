// HTML copy extraction: which text is copy, its scope and language, and exact source offsets
// through inline tags and character references.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "linter/asset.h"
#include "linter/assets/html.h"

namespace brandlint {
namespace {

Asset html_asset(std::string_view text) {
  Asset asset;
  asset.kind = AssetKind::html;
  asset.text = std::string(text);
  asset.lines = LineIndex(asset.text);
  extract_html(asset);
  return asset;
}

std::vector<std::string> describe(const Asset& asset) {
  std::vector<std::string> out;
  for (const TextRun& r : asset.runs) out.push_back(r.scope + "|" + r.lang + "|" + r.text);
  return out;
}

TEST(HtmlCopy, VisibleTextAttributesScopesAndLanguages) {
  const Asset a = html_asset(R"(<!doctype html><html lang="da-DK"><head>
<title>Nordlys &amp; lys</title><meta name="description" content="Bærbar strøm">
<meta property="og:title" content="Nordlys Plus"><style>p { color: red }</style>
<script>var s = "<p>not copy</p>";</script></head>
<body><h1>Lys til <em>de</em> mørke</h1><p>Gratis&nbsp;fragt <code>x = 1</code></p>
<img src="a.png" alt="Nordlys logo"><button aria-label="Køb nu">Køb</button>
<div hidden><p>skjult</p></div><p aria-hidden="true">også skjult</p>
<section lang="en"><p>Free shipping</p></section><!-- <p>comment</p> -->
<input type="submit" value="Send"></body></html>)");
  const std::vector<std::string> expected = {
      "title|da|Nordlys & lys", "meta|da|Bærbar strøm",
      "meta|da|Nordlys Plus",   "heading|da|Lys til de mørke",
      "body|da|Gratis fragt",   "alt|da|Nordlys logo",
      "label|da|Køb nu",        "button|da|Køb",
      "body|en|Free shipping",  "button|da|Send"};
  EXPECT_EQ(describe(a), expected);
}

TEST(HtmlCopy, OffsetsPointIntoTheSource) {
  const Asset a = html_asset("<p>Nord<b>lys</b> &amp; co</p>");
  ASSERT_EQ(a.runs.size(), 1u);
  const TextRun& r = a.runs[0];
  EXPECT_EQ(r.text, "Nordlys & co");
  EXPECT_EQ(r.source_of(0), 3u);    // 'N'
  EXPECT_EQ(r.source_of(4), 10u);   // 'l' after <b>
  EXPECT_EQ(r.source_of(8), 18u);   // '&' of &amp;
  EXPECT_EQ(r.source_of(10), 24u);  // 'c'
}

TEST(HtmlCopy, StyleAttributesAndBlocksBecomeDeclarations) {
  const Asset a = html_asset("<style>a{color:#123}</style><p style='color: red;fill:#fff'>x</p>");
  ASSERT_EQ(a.css_declarations.size(), 3u);
  EXPECT_EQ(a.css_declarations[0].property, "color");
  EXPECT_EQ(a.text.substr(a.css_declarations[0].value_begin, 4), "#123");
  EXPECT_EQ(a.text.substr(a.css_declarations[1].value_begin, 3), "red");
  EXPECT_EQ(a.css_blocks[size_t(a.css_declarations[1].block)].element, "p");
}

TEST(HtmlCopy, AttributeRunsPointAtTheirValues) {
  const Asset a = html_asset(
      "<p>Hej</p>\n<img alt=\"Nordlys &amp; logo\" title='Fjeld'>\n"
      "<meta property=\"og:description\" content=\"Strøm\">\n"
      "<div aria-hidden=\"false\"><button lang=\"en-GB\">Buy</button></div>");
  const std::vector<std::string> expected = {"body||Hej", "alt||Nordlys & logo", "title||Fjeld",
                                             "meta||Strøm", "button|en|Buy"};
  ASSERT_EQ(describe(a), expected);
  EXPECT_EQ(a.runs[0].source_of(0), 3u);
  EXPECT_EQ(a.runs[1].source_of(0), 21u);   // 'N' inside alt="..."
  EXPECT_EQ(a.runs[1].source_of(8), 29u);   // '&' of &amp;
  EXPECT_EQ(a.runs[1].source_of(10), 35u);  // 'l' of "logo", after the reference
  EXPECT_EQ(a.runs[2].source_of(0), 48u);   // single-quoted title
  EXPECT_EQ(a.runs[3].source_of(0), 97u);
  const LineColumn meta = a.lines.at(a.text, a.runs[3].source_of(0));
  EXPECT_EQ(meta.line, 3);
  EXPECT_EQ(meta.column, 42);
  EXPECT_EQ(a.runs[4].source_of(0), 152u);  // aria-hidden="false" hides nothing
}

TEST(HtmlCopy, LinkedStylesheetsAndScriptsAreNotRead) {
  // A linked stylesheet is its own file (linted once, on its own); JSON-LD and templates are not
  // copy.
  const Asset a = html_asset(
      "<link rel=\"stylesheet\" href=\"site.css\"><script type=\"application/ld+json\">"
      "{\"name\": \"NordLys\"}</script><template><p>Skabelon</p></template><p>Tekst</p>");
  EXPECT_TRUE(a.css_declarations.empty());
  EXPECT_EQ(describe(a), std::vector<std::string>{"body||Tekst"});
}

TEST(SvgColors, PresentationAttributesAndStyle) {
  Asset a;
  a.kind = AssetKind::svg;
  a.text = R"(<svg><stop stop-color="#3DDC97"/><rect fill='red' style="stroke:#000"/></svg>)";
  extract_svg(a);
  ASSERT_EQ(a.css_declarations.size(), 3u);
  EXPECT_EQ(a.css_declarations[0].property, "stop-color");
  EXPECT_EQ(a.text.substr(a.css_declarations[0].value_begin, 7), "#3DDC97");
  EXPECT_EQ(a.css_declarations[1].property, "fill");
  EXPECT_EQ(a.css_declarations[2].property, "stroke");
}

}  // namespace
}  // namespace brandlint
