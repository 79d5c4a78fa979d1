// Word segmentation and TermMatcher: the regressions other linters ship (textlint ng-word's "app"
// in "happy", terminology's "iOS" in "silențios"), Danish inflection, and the Unicode forms copy
// really arrives in (NFD, soft hyphens, curly apostrophes, no-break spaces).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/support/term_matcher.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::text {
namespace {

// "text@offset#id" for every match of `patterns` in `text` (ids are pattern indexes).
std::vector<std::string> find(const std::vector<std::string>& patterns, const std::string& text) {
  TermMatcher matcher;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    EXPECT_EQ(matcher.add(patterns[i], static_cast<std::uint32_t>(i)), "") << patterns[i];
  }
  TextRun run;
  run.text = text;
  RunWords words;
  segment(run, words);
  std::vector<TermMatcher::Match> matches;
  matcher.find(words, matches);
  std::vector<std::string> out;
  for (const auto& m : matches) {
    const Word& first = words.words[m.first];
    const Word& last = words.words[m.last - 1];
    out.push_back(text.substr(first.begin, last.end - first.begin) + "@" + std::to_string(first.begin) +
                  "#" + std::to_string(m.id));
  }
  return out;
}

using Found = std::vector<std::string>;

TEST(TermMatcher, NeverMatchesInsideALongerWord) {
  EXPECT_EQ(find({"app"}, "I'm happy with the app. Apps? App-butik"), (Found{"app@19#0", "App@30#0"}));
  EXPECT_EQ(find({"iOS"}, "Un ecran silențios pe iOS."), (Found{"iOS@23#0"}));
  EXPECT_EQ(find({"billig"}, "billig, billigste, ubillig, Billig"), (Found{"billig@0#0", "Billig@28#0"}));
}

TEST(TermMatcher, StarMatchesAnyContinuationOfTheToken) {
  EXPECT_EQ(find({"gratis*"}, "Gratis fragt, gratisprøven og ugratis"),
            (Found{"Gratis@0#0", "gratisprøven@14#0"}));
  EXPECT_EQ(find({"bedst*", "verdens bedste"}, "Verdens bedste kaffe. Bedstefar."),
            (Found{"Verdens bedste@0#1", "Bedstefar@22#0"}));
}

TEST(TermMatcher, PhrasesMatchAcrossAnyWhitespaceButNotInsideWords) {
  EXPECT_EQ(find({"verdens bedste"}, "Vi er verdens\n  bedste. Verdensbedste."), (Found{"verdens\n  bedste@6#0"}));
  EXPECT_EQ(find({"nummer 1"}, "Danmarks nummer\xC2\xA0" "1 og nummer 12"), (Found{"nummer\xC2\xA0" "1@9#0"}));
}

TEST(TermMatcher, AdjacentTokensMustStayAdjacent) {
  EXPECT_EQ(find({"Nord-lys"}, "Nord-lys, Nord - lys, Nord‑lys"), (Found{"Nord-lys@0#0", "Nord‑lys@22#0"}));
  EXPECT_EQ(find({"#1"}, "Vi er #1, ikke # 1"), (Found{"#1@6#0"}));
}

TEST(TermMatcher, LongestMatchWinsAndTiesGoToTheFirstPattern) {
  EXPECT_EQ(find({"nummer", "nummer 1"}, "nummer 1 og nummer to"), (Found{"nummer 1@0#1", "nummer@12#0"}));
  EXPECT_EQ(find({"gratis*", "gratis"}, "gratis"), (Found{"gratis@0#0"}));
  EXPECT_EQ(find({"gratis", "gratis*"}, "gratis"), (Found{"gratis@0#0"}));
}

TEST(TermMatcher, ComparesCanonicalCaselessForms) {
  // NFD "blå" (a + U+030A) and U+212B ANGSTROM SIGN match their composed forms.
  EXPECT_EQ(find({"blå"}, "Bla\xCC\x8A bølge"), (Found{"Bla\xCC\x8A@0#0"}));
  EXPECT_EQ(find({"Århus"}, "\xE2\x84\xAB" "rhus"), (Found{"\xE2\x84\xAB" "rhus@0#0"}));
  EXPECT_EQ(find({"STRASSE"}, "Straße"), (Found{"Straße@0#0"}));
  EXPECT_EQ(find({"ærlig"}, "ÆRLIG"), (Found{"ÆRLIG@0#0"}));
}

TEST(TermMatcher, DoesNotMergeAaAndAa) {
  // "aa" is an old spelling of "å" in names; that is a guide decision (a listed variant), not
  // something the matcher does on its own.
  EXPECT_EQ(find({"Århus"}, "Aarhus"), Found{});
  EXPECT_EQ(find({"Aarhus"}, "Århus"), Found{});
}

TEST(TermMatcher, InvisibleCharactersDoNotSplitWords) {
  // Soft hyphen and ZWSP inside the word: still one word, and the span covers them.
  EXPECT_EQ(find({"gratis*"}, "gra\xC2\xADtis!"), (Found{"gra\xC2\xADtis@0#0"}));
  EXPECT_EQ(find({"gratis"}, "x gra\xE2\x80\x8Btis"), (Found{"gra\xE2\x80\x8Btis@2#0"}));
}

TEST(TermMatcher, CurlyAndStraightApostrophesAreEqual) {
  EXPECT_EQ(find({"Nordlys'en"}, "Har du glemt Nordlys’en?"), (Found{"Nordlys’en@13#0"}));
  EXPECT_EQ(find({"Nordlys’en"}, "Nordlys'en"), (Found{"Nordlys'en@0#0"}));
}

TEST(TermMatcher, RejectsMalformedPatterns) {
  TermMatcher matcher;
  EXPECT_NE(matcher.add("", 0), "");
  EXPECT_NE(matcher.add("*", 0), "");
  EXPECT_NE(matcher.add("gra*tis", 0), "");
  EXPECT_NE(matcher.add("*gratis", 0), "");
  EXPECT_EQ(matcher.add("gratis* prøve", 0), "");
  EXPECT_TRUE(find({"gratis"}, "").empty());
}

TEST(Words, SegmentsWithFlagsFoldsAndSpacing) {
  TextRun run;
  run.text = "Hej, VERDEN 42 ×";
  RunWords words;
  segment(run, words);
  ASSERT_EQ(words.words.size(), 5u);
  EXPECT_TRUE(words.words[0].is_letter);
  EXPECT_EQ(words.fold(words.words[0]), "hej");
  EXPECT_FALSE(words.words[1].is_word());  // ','
  EXPECT_FALSE(words.words[1].space_before);
  EXPECT_EQ(words.fold(words.words[2]), "verden");
  EXPECT_TRUE(words.words[2].space_before);
  EXPECT_TRUE(words.words[3].is_number);
  EXPECT_EQ(words.words[4].run_begin, run.text.size() - 2);
}

TEST(Words, MapsThroughRunOffsetsToTheSource) {
  // A JSON string "Bl\u00e5 lys" at byte 10 of its file: the run text has 7 bytes.
  TextRun run;
  run.text = "Blå lys";
  run.source_offset = 10;
  run.offsets = {10, 11, 12, 12, 18, 19, 20, 21, 22};
  RunWords words;
  segment(run, words);
  ASSERT_EQ(words.words.size(), 2u);
  EXPECT_EQ(words.words[0].begin, 10u);
  EXPECT_EQ(words.words[0].end, 18u);  // past the 6-byte escape
  EXPECT_EQ(words.words[1].begin, 19u);
  EXPECT_EQ(words.words[1].end, 22u);  // the closing quote
}

TEST(Words, AssetWordsAreSharedPerAssetAndSeparateAcrossAssets) {
  // Assets are immutable once loaded: words are segmented once and cached on the asset itself.
  Asset asset;
  asset.runs.resize(1);
  asset.runs[0].text = "en to";
  const AssetWords* first = &words_of(asset);
  EXPECT_EQ(first->runs[0].words.size(), 2u);
  EXPECT_EQ(&words_of(asset), first);
  Asset other;
  other.runs.resize(1);
  other.runs[0].text = "en to tre";
  EXPECT_EQ(words_of(other).runs[0].words.size(), 3u);
  EXPECT_EQ(words_of(asset).runs[0].words.size(), 2u);
}

TEST(TextForms, SpellingAndDisplayForms) {
  EXPECT_EQ(match_form("ÆBLE Straße"), "æble strasse");
  EXPECT_EQ(spelling_form(" Nordlys’en\n  Plus "), "Nordlys'en Plus");
  EXPECT_EQ(display_form("Nord\xC2\xADlys’en\n  Plus"), "Nordlys’en Plus");
  EXPECT_EQ(display_form("Bla\xCC\x8A"), "Blå");
  EXPECT_EQ(primary_language("da-DK"), "da");
  EXPECT_EQ(primary_language("EN_us"), "en");
  EXPECT_TRUE(has_upper("iOS"));
  EXPECT_FALSE(has_upper("e-mail"));
}

}  // namespace
}  // namespace brandlint::text
