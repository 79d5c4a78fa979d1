// Copy extraction: decoding, plain paragraphs, the Markdown masker and copy-deck scanners. The
// invariant behind every case: a run's bytes are the source's bytes at the mapped offsets, or
// blanks where markup was, so a finding never has to re-search the file.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "linter/assets/copy.h"

namespace brandlint {
namespace {

Asset decoded(std::string_view raw) {
  Asset asset;
  decode_text(raw, asset);
  return asset;
}

Asset markdown(std::string_view text, bool check_identity = true) {
  Asset asset;
  asset.kind = AssetKind::markdown;
  decode_text(text, asset);
  extract_markdown_runs(asset);
  if (check_identity) {
    // Identity offsets: every byte is the source byte, a blank, or the U+FFFC placeholder that
    // stands for inline code.
    for (const TextRun& run : asset.runs) {
      EXPECT_TRUE(run.offsets.empty());
      EXPECT_LE(run.source_offset + run.text.size(), asset.text.size());
      for (std::size_t i = 0; i < run.text.size(); ++i) {
        if (run.text.compare(i, 3, "\uFFFC") == 0) {
          i += 2;
          continue;
        }
        const char c = run.text[i];
        EXPECT_TRUE(c == ' ' || c == asset.text[run.source_offset + i])
            << "run at " << run.source_offset << " byte " << i << " in: " << run.text;
      }
    }
  }
  return asset;
}

std::string all_copy(const Asset& asset) {
  std::string out;
  for (const TextRun& run : asset.runs) out += run.text + "|";
  return out;
}

// ------------------------------------------------------------------------ decode_text

TEST(CopyDecode, PlainUtf8PassesThroughAndBuildsLines) {
  const Asset asset = decoded("Blå bølge\nanden linje");
  EXPECT_EQ(asset.text, "Blå bølge\nanden linje");
  EXPECT_TRUE(asset.problems.empty());
  EXPECT_EQ(asset.lines.line_count(), 2u);
  const LineColumn at = asset.lines.at(asset.text, asset.text.find("bølge"));
  EXPECT_EQ(at.line, 1);
  EXPECT_EQ(at.column, 5);  // code points: B l å space
}

TEST(CopyDecode, StripsUtf8Bom) {
  const Asset asset = decoded("\xEF\xBB\xBFHej");
  EXPECT_EQ(asset.text, "Hej");
  EXPECT_TRUE(asset.problems.empty());
}

TEST(CopyDecode, ConvertsUtf16LittleEndianWithBom) {
  // "Blå\n" in UTF-16LE.
  const std::string raw("\xFF\xFE" "B\0l\0\xE5\0\n\0", 10);
  const Asset asset = decoded(raw);
  EXPECT_EQ(asset.text, "Blå\n");
  EXPECT_TRUE(asset.problems.empty());
}

TEST(CopyDecode, ConvertsUtf16BigEndianWithSurrogatePairs) {
  // "Ø😀" in UTF-16BE: U+00D8, then U+1F600 as D83D DE00.
  const std::string raw("\xFE\xFF\x00\xD8\xD8\x3D\xDE\x00", 8);
  EXPECT_EQ(decoded(raw).text, "Ø\xF0\x9F\x98\x80");
}

TEST(CopyDecode, Utf16UnpairedSurrogateAndOddByteAreReported) {
  const std::string raw("\xFF\xFE" "A\0\x00\xD8" "B\0" "\x41", 9);
  const Asset asset = decoded(raw);
  EXPECT_EQ(asset.text, "A\xEF\xBF\xBD" "B\xEF\xBF\xBD");
  ASSERT_EQ(asset.problems.size(), 2u);
  EXPECT_EQ(asset.problems[0].message, "invalid UTF-16LE at byte 4");
  EXPECT_EQ(asset.problems[1].offset, 8u);
}

TEST(CopyDecode, EachInvalidUtf8SequenceBecomesOneReplacementAndOneProblem) {
  // 0xFF is never valid; E2 82 is a truncated 3-byte sequence (one maximal subpart).
  const Asset asset = decoded("a\xFF" "b\xE2\x82" "c");
  EXPECT_EQ(asset.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  ASSERT_EQ(asset.problems.size(), 2u);
  EXPECT_EQ(asset.problems[0].rule, "brandlint/invalid-encoding");
  EXPECT_EQ(asset.problems[0].message, "invalid UTF-8 at byte 1");
  EXPECT_EQ(asset.problems[0].offset, 1u);
  EXPECT_EQ(asset.problems[1].message, "invalid UTF-8 at byte 3");
}

TEST(CopyDecode, OverlongsAndSurrogatesAreInvalid) {
  EXPECT_EQ(decoded("\xC0\xAF").problems.size(), 2u);       // overlong '/'
  EXPECT_EQ(decoded("\xED\xA0\x80").problems.size(), 3u);   // encoded surrogate D800
  EXPECT_EQ(decoded("\xF4\x90\x80\x80").problems.size(), 4u);  // above U+10FFFF
  EXPECT_TRUE(decoded("\xF0\x9F\x98\x80").problems.empty());   // a real emoji
}

TEST(CopyDecode, OffsetsCountTheBomAsAFileByte) {
  const Asset asset = decoded("\xEF\xBB\xBF" "a\xFF");
  ASSERT_EQ(asset.problems.size(), 1u);
  EXPECT_EQ(asset.problems[0].offset, 4u);
}

TEST(CopyDecode, ALatin1FileGetsASummaryInsteadOfHundredsOfProblems) {
  std::string latin1;
  for (int i = 0; i < 50; ++i) latin1 += "bl\xE5 ";  // "blå" in ISO-8859-1
  const Asset asset = decoded(latin1);
  ASSERT_EQ(asset.problems.size(), 21u);
  EXPECT_NE(asset.problems.back().message.find("30 more invalid UTF-8 sequences"), std::string::npos);
}

// ------------------------------------------------------------------------ plain text

TEST(CopyPlain, OneRunPerParagraphWithExactOffsets) {
  Asset asset = decoded("Hej verden.\nAnden linje.\n\n  \t\n  Nyt afsnit.  \r\nSlut\n");
  extract_plain_runs(asset);
  ASSERT_EQ(asset.runs.size(), 2u);
  EXPECT_EQ(asset.runs[0].text, "Hej verden.\nAnden linje.");
  EXPECT_EQ(asset.runs[0].source_offset, 0u);
  EXPECT_EQ(asset.runs[1].text, "Nyt afsnit.  \r\nSlut");
  EXPECT_EQ(asset.text.substr(asset.runs[1].source_offset, asset.runs[1].text.size()), asset.runs[1].text);
}

// ------------------------------------------------------------------------ Markdown

TEST(CopyMarkdown, HeadingsGetTheirScopeAndLoseTheirMarkers) {
  const Asset asset = markdown("# Overskrift #\n\nSetext titel\n============\n\nBrødtekst.\n");
  ASSERT_EQ(asset.runs.size(), 3u);
  EXPECT_EQ(asset.runs[0].scope, "heading");
  EXPECT_EQ(asset.runs[0].text, "Overskrift");
  EXPECT_EQ(asset.runs[0].source_offset, 2u);
  EXPECT_EQ(asset.runs[1].scope, "heading");
  EXPECT_EQ(asset.runs[1].text, "Setext titel");
  EXPECT_EQ(asset.runs[2].scope, "body");
  EXPECT_EQ(asset.runs[2].text, "Brødtekst.");
}

TEST(CopyMarkdown, CodeIsNeverCopy) {
  const Asset asset = markdown(
      "```js\nconst gratis = 1;\n```\n\n~~~\ngratis\n~~~\n\n    gratis indented\n\n"
      "Tekst med `gratis kode` og ``dobbelt ` gratis``.\n");
  EXPECT_EQ(all_copy(asset).find("gratis"), std::string::npos) << all_copy(asset);
  ASSERT_EQ(asset.runs.size(), 1u);
  EXPECT_EQ(asset.runs[0].text.substr(0, 10), "Tekst med ");
  // Inline code leaves a placeholder token (U+FFFC, then spaces) where it stood.
  EXPECT_EQ(asset.runs[0].text.substr(10, 4), "\uFFFC ");
  EXPECT_EQ(asset.runs[0].text.size(), std::string_view("Tekst med `gratis kode` og ``dobbelt ` gratis``.").size());
}

TEST(CopyMarkdown, FrontMatterAndCommentsAreBlanked) {
  const Asset yaml = markdown("---\ntitle: gratis\n---\n# Hej\n<!-- gratis\nbillig -->\nTekst <!-- gratis --> slut\n");
  EXPECT_EQ(all_copy(yaml), "Hej|Tekst                 slut|");
  const Asset toml = markdown("+++\ntitle = \"gratis\"\n+++\nTekst\n");
  EXPECT_EQ(all_copy(toml), "Tekst|");
}

TEST(CopyMarkdown, LinkTextIsCopyDestinationAndTitleAreNot) {
  const std::string source = "Se [vores tilbud](https://gratis.example/x \"gratis\") nu.\n";
  const Asset asset = markdown(source);
  ASSERT_EQ(asset.runs.size(), 1u);
  const TextRun& run = asset.runs[0];
  EXPECT_EQ(run.text.find("gratis"), std::string::npos);
  EXPECT_EQ(run.text.find("https"), std::string::npos);
  EXPECT_EQ(run.source_offset + run.text.find("vores tilbud"), source.find("vores tilbud"));
  EXPECT_EQ(run.source_offset + run.text.find("nu."), source.find("nu."));
}

TEST(CopyMarkdown, ReferenceLinksAndDefinitions) {
  const Asset asset = markdown("Læs [teksten][ref] og [mere].\n\n[ref]: https://gratis.dk\n[mere]: <https://x.dk> 'gratis'\n");
  EXPECT_EQ(all_copy(asset), "Læs  teksten       og  mere .|");
}

TEST(CopyMarkdown, ImageAltTextIsItsOwnRun) {
  const std::string source = "Før ![Et billigt billede](img.png \"titel\") efter\n";
  const Asset asset = markdown(source);
  ASSERT_EQ(asset.runs.size(), 2u);
  EXPECT_EQ(asset.runs[0].scope, "body");
  EXPECT_EQ(asset.runs[0].text.find("billigt"), std::string::npos);
  EXPECT_NE(asset.runs[0].text.find("efter"), std::string::npos);
  EXPECT_EQ(asset.runs[1].scope, "alt");
  EXPECT_EQ(asset.runs[1].text, "Et billigt billede");
  EXPECT_EQ(asset.runs[1].source_offset, source.find("Et billigt"));
}

TEST(CopyMarkdown, ListsAndQuotesLoseTheirMarkers) {
  const Asset asset = markdown("- første punkt\n- andet\n  fortsat\n\n1. nummer et\n2) to\n\n> citat\n> fortsat\nlazy\n");
  EXPECT_EQ(all_copy(asset), "første punkt|andet\n  fortsat|nummer et|to|citat\n  fortsat\nlazy|");
}

TEST(CopyMarkdown, CodeInsideListsAndQuotes) {
  const Asset asset = markdown("- punkt\n\n  ```\n  gratis\n  ```\n> ```\n> billig\n> ```\n> efter\n");
  EXPECT_EQ(all_copy(asset), "punkt|efter|");
}

TEST(CopyMarkdown, EmphasisMarkersAreBlankedButIntrawordUnderscoresStay) {
  const Asset asset = markdown("**Fed** og *kursiv* og ~~streg~~ og snake_case_ord og 2 * 3\n");
  EXPECT_EQ(all_copy(asset), "  Fed   og  kursiv  og   streg   og snake_case_ord og 2 * 3|");
}

TEST(CopyMarkdown, HtmlTagsAreBlankedTheirTextIsCopy) {
  const Asset asset = markdown("Tekst <span class=\"gratis\">med</span> tags og <code>gratis</code>.\n\n"
                               "<div>\nBlok <b>tekst</b>\n</div>\n\n<script>\nvar gratis;\n</script>\n");
  const std::string copy = all_copy(asset);
  EXPECT_EQ(copy.find("gratis"), std::string::npos) << copy;
  EXPECT_EQ(copy.find("span"), std::string::npos) << copy;
  EXPECT_NE(copy.find("Blok    tekst"), std::string::npos) << copy;
}

TEST(CopyMarkdown, TablesGiveOneRunPerCell) {
  const Asset asset = markdown("| Navn | Pris |\n|------|-----:|\n| Plus | gratis |\n");
  EXPECT_EQ(all_copy(asset), "Navn|Pris|Plus|gratis|");
}

TEST(CopyMarkdown, EntitiesDecodeInPlaceWithInvisibleFill) {
  const Asset asset = markdown("bl&aring; &amp; gr&oslash;n\n", /*check_identity=*/false);
  ASSERT_EQ(asset.runs.size(), 1u);
  const std::string& text = asset.runs[0].text;
  EXPECT_EQ(text.size(), std::string_view("bl&aring; &amp; gr&oslash;n").size());
  EXPECT_EQ(text.substr(0, 4), "blå");
  EXPECT_EQ(text.substr(4, 5), "\xE2\x80\x8B\xC2\xAD");  // 7-byte entity: å (2) + ZWSP (3) + SHY (2)
}

TEST(CopyMarkdown, BareUrlsAreNotCopy) {
  const Asset asset = markdown("Læs mere på https://example.com/gratis.\n");
  ASSERT_EQ(asset.runs.size(), 1u);
  EXPECT_EQ(asset.runs[0].text.find("gratis"), std::string::npos);
  EXPECT_EQ(asset.runs[0].text.back(), '.');
}

TEST(CopyMarkdown, CrLfLinesKeepOffsets) {
  const std::string source = "# Titel\r\n\r\nFørste linje\r\nanden\r\n";
  const Asset asset = markdown(source);
  ASSERT_EQ(asset.runs.size(), 2u);
  EXPECT_EQ(asset.runs[0].text, "Titel");
  EXPECT_EQ(asset.runs[1].text, "Første linje\r\nanden");
  EXPECT_EQ(asset.runs[1].source_offset, source.find("Første"));
}

// ------------------------------------------------------------------------ copy decks

Asset deck(std::string_view text, const char* name) {
  Asset asset;
  asset.kind = AssetKind::copy_deck;
  asset.path = name;
  decode_text(text, asset);
  extract_copy_deck_runs(asset);
  return asset;
}

TEST(CopyDeck, JsonStringsUnderCopyFieldsWithExactOffsets) {
  const std::string source =
      R"({"ads": [{"headline": "Gratis fragt", "description": "Bl\u00e5 \"lys\" i\nhytten", "id": "gratis"}],)"
      "\n" R"( "Headlines": ["A", "Bølge"], "count": 3, "ok": true, "x": null})";
  const Asset asset = deck(source, "ads.json");
  ASSERT_TRUE(asset.readable) << (asset.problems.empty() ? "" : asset.problems[0].message);
  ASSERT_EQ(asset.runs.size(), 4u);
  const TextRun& headline = asset.runs[0];
  EXPECT_EQ(headline.scope, "headline");
  EXPECT_EQ(headline.text, "Gratis fragt");
  EXPECT_TRUE(headline.offsets.empty());
  EXPECT_EQ(headline.source_offset, source.find("Gratis"));

  const TextRun& description = asset.runs[1];
  EXPECT_EQ(description.scope, "description");
  EXPECT_EQ(description.text, "Blå \"lys\" i\nhytten");
  ASSERT_EQ(description.offsets.size(), description.text.size() + 1);
  const std::size_t escape = source.find("\\u00e5");
  EXPECT_EQ(description.source_of(2), escape);  // both bytes of å map to the escape
  EXPECT_EQ(description.source_of(3), escape);
  EXPECT_EQ(description.source_of(4), escape + 6);  // the space after it
  const std::size_t hytten = description.text.find("hytten");
  EXPECT_EQ(description.source_of(hytten), source.find("hytten"));
  EXPECT_EQ(description.source_of(description.text.size()), source.find("hytten") + 6);  // closing quote

  EXPECT_EQ(asset.runs[2].scope, "headlines");
  EXPECT_EQ(asset.runs[3].text, "Bølge");
  EXPECT_EQ(asset.runs[3].source_offset, source.find("Bølge"));
}

TEST(CopyDeck, BrokenJsonIsAnUnreadableAsset) {
  const Asset asset = deck(R"({"headline": "Gratis" "x": 1})", "ads.json");
  EXPECT_FALSE(asset.readable);
  EXPECT_TRUE(asset.runs.empty());
  ASSERT_EQ(asset.problems.size(), 1u);
  EXPECT_EQ(asset.problems[0].rule, "brandlint/unreadable-asset");
  EXPECT_EQ(asset.problems[0].message, "invalid JSON: expected ',' or '}' at byte 22");
}

TEST(CopyDeck, TomlStringsArraysTablesAndMultilineStrings) {
  const std::string source =
      "# kampagne\nheadlines = [\n  \"Nordlys Plus\",  # 12\n  'literal \\gratis',\n]\n\n"
      "[ad]\nid = 7\nstart = 1979-05-27 07:32:00\ndescription = \"\"\"\nFørste linje \\\n   fortsat\"\"\"\n"
      "title = \"Tab\\there\"\n\"cta\" = { text = 'Køb nu', url = \"https://x\" }\n"
      "[[ads]]\nbody = '''\nrå tekst'''\n";
  const Asset asset = deck(source, "deck.toml");
  ASSERT_TRUE(asset.readable) << (asset.problems.empty() ? "" : asset.problems[0].message);
  ASSERT_EQ(asset.runs.size(), 6u);
  EXPECT_EQ(asset.runs[0].text, "Nordlys Plus");
  EXPECT_EQ(asset.runs[0].scope, "headlines");
  EXPECT_EQ(asset.runs[1].text, "literal \\gratis");
  EXPECT_EQ(asset.runs[1].source_offset, source.find("literal"));

  const TextRun& description = asset.runs[2];
  EXPECT_EQ(description.text, "Første linje fortsat");
  EXPECT_EQ(description.source_of(0), source.find("Første"));
  EXPECT_EQ(description.source_of(description.text.find("fortsat")), source.find("fortsat"));

  EXPECT_EQ(asset.runs[3].text, "Tab\there");
  EXPECT_EQ(asset.runs[3].scope, "title");
  EXPECT_EQ(asset.runs[4].text, "Køb nu");
  EXPECT_EQ(asset.runs[4].scope, "text");
  EXPECT_EQ(asset.runs[5].text, "rå tekst");
  EXPECT_EQ(asset.runs[5].source_offset, source.find("rå tekst"));
  EXPECT_TRUE(asset.runs[5].offsets.empty());
}

TEST(CopyDeck, BrokenTomlIsAnUnreadableAsset) {
  const Asset asset = deck("headline = \"open\n", "deck.toml");
  EXPECT_FALSE(asset.readable);
  ASSERT_EQ(asset.problems.size(), 1u);
  EXPECT_EQ(asset.problems[0].message, "invalid TOML: unterminated string at byte 16");
}

}  // namespace
}  // namespace brandlint
