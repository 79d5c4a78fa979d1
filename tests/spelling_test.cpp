// voice/spelling and the hunspell dictionaries (rules/support/spelling.h): Danish words with
// æ, ø and å are checked (the Vale failure: its spell check skips them), brand names and
// accepted words are never misspellings, curly apostrophes equal straight ones, and a
// dictionary in ISO-8859-1 is read through its SET line.
#include "rules/support/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "linter/rule.h"
#include "tests/support/copy_check.h"
#include "tests/support/paths.h"

namespace brandlint::rules {
RuleEntry voice_spelling_rule();
}  // namespace brandlint::rules

namespace brandlint {
namespace {

const guide::BrandGuide& test_guide() {
  static const guide::BrandGuide guide =
      guide::load_guide_from_string(std::string(testing::kGuideHeader) + R"(
[voice]
acronyms = ["SMS", "USB"]
accept = ["solstrøm", "strømstation", "Polarlys"]
[[voice.term]]
use = "Nordlys Plus"
not = ["Nordlys+"]
[channels.en]
include = ["en/**"]
locale = "en-US"
[channels.uk]
include = ["uk/**"]
locale = "en-GB"
)",
                                    "brandguide.toml");
  return guide;
}

// The misspelled words (evidence "measured") voice/spelling reports in `text`, in order.
std::vector<std::string> misspelled(const std::string& channel_name, const std::string& text,
                                    AssetKind kind = AssetKind::text) {
  const guide::BrandGuide& guide = test_guide();
  const Asset asset = testing::load_copy(kind == AssetKind::markdown ? "copy.md" : "copy.txt", text,
                                         *guide.find_channel(channel_name));
  std::vector<std::string> words;
  for (const Finding& f :
       testing::check_rule(rules::voice_spelling_rule(), guide, asset).findings) {
    words.push_back(f.evidence["measured"].get<std::string>());
  }
  return words;
}

bool have(const char* lang) { return spelling::Dictionary::for_language(lang) != nullptr; }

TEST(SpellingDictionary, DebianDictionariesAreUtf8) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  EXPECT_EQ(spelling::Dictionary::for_language("da")->encoding(), "UTF-8");
  EXPECT_EQ(spelling::Dictionary::for_language("da")->name(), "da_DK");
  EXPECT_EQ(spelling::Dictionary::for_language("fr"), nullptr);
}

TEST(SpellingDictionary, DanishWordsWithAeOeAaAreChecked) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  const spelling::Dictionary& da = *spelling::Dictionary::for_language("da");
  for (const char* word :
       {"første", "større", "påstå", "blåbær", "hytten", "Århus", "Ærø", "mørket"}) {
    EXPECT_TRUE(da.correct(word)) << word;
  }
  // Regression (Vale skips words with non-ASCII letters): these are misspellings.
  for (const char* word : {"førrste", "blåbæær", "hyttn", "mørkt3t"})
    EXPECT_FALSE(da.correct(word)) << word;
  const std::vector<std::string> suggestions = da.suggest("førrste", 3);
  ASSERT_FALSE(suggestions.empty());
  EXPECT_LE(suggestions.size(), 3u);
  EXPECT_NE(std::find(suggestions.begin(), suggestions.end(), "første"), suggestions.end());
}

TEST(SpellingDictionary, Iso88591DictionaryIsConverted) {
  const testing::TempDir dir;
  dir.write("xx_XX.aff", "SET ISO8859-1\nTRY abcdefghijklmnopqrstuvwxyzæøå\n");
  dir.write("xx_XX.dic", "2\nbl\xE5\x62\xE6r\nhytte\n");  // "blåbær" in Latin-1
  EXPECT_EQ(spelling::aff_encoding((dir.path() / "xx_XX.aff").string()), "ISO8859-1");
  const std::unique_ptr<spelling::Dictionary> d =
      spelling::Dictionary::load(dir.path().string(), "xx_XX");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->correct("blåbær"));
  EXPECT_TRUE(d->correct("hytte"));
  EXPECT_FALSE(d->correct("blåbar"));
  EXPECT_TRUE(d->correct("\u5317"));  // not representable in Latin-1: never called wrong
  EXPECT_EQ(spelling::Dictionary::load(dir.path().string(), "missing"), nullptr);
}

// Workers check words and search suggestions at the same time: each borrows a Hunspell object
// (the dictionary loads more while all are busy), a word searched by one worker is waited for by
// the others. Eight threads, each asking for every word in its own order, get exactly the lists
// and verdicts one thread gets alone.
TEST(SpellingDictionary, ConcurrentLookupsGiveTheSequentialAnswers) {
  const testing::TempDir dir;
  dir.write("xx_XX.aff", "SET UTF-8\nTRY ehtnrasildoumgbvkfpjyæøå\n");
  dir.write("xx_XX.dic",
            "12\nhytte\nhytter\nvinter\nvinden\nmørke\nmørket\nlys\nlyset\nblåbær\n"
            "sne\nsner\nsnart\n");
  const std::vector<std::string> words{"hytet", "vintre", "mørkte", "lyys",  "blåbar", "snee",
                                       "hytte", "vinter", "xyz",    "snart", "vindn",  "lset"};
  const std::unique_ptr<spelling::Dictionary> alone =
      spelling::Dictionary::load(dir.path().string(), "xx_XX");
  ASSERT_NE(alone, nullptr);
  std::vector<std::vector<std::string>> expected;
  std::vector<bool> correct;
  for (const std::string& w : words) {
    expected.push_back(alone->suggest(w, 3));
    correct.push_back(alone->correct(w));
  }
  ASSERT_EQ(expected[0], (std::vector<std::string>{"hytte"}));  // the test compares real lists
  const std::unique_ptr<spelling::Dictionary> shared =
      spelling::Dictionary::load(dir.path().string(), "xx_XX");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (std::size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t k = 0; k < words.size(); ++k) {
        // Every word, each thread from its own start, odd threads backwards.
        const std::size_t n = words.size(), i = t % 2 == 0 ? (k + t) % n : (2 * n - 1 - k + t) % n;
        mismatches[t] += shared->suggest(words[i], 3) != expected[i] ? 1 : 0;
        mismatches[t] += shared->correct(words[i]) != correct[i] ? 1 : 0;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(8, 0));
}

TEST(SpellingRule, CleanDanishCopyGivesNothing) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  EXPECT_EQ(misspelled("default",
                       "Hej fra Nordlys. Din Nordlys Plus er pakket og på vej til dig. Følg pakken "
                       "på nrdl.example/spor. God tur ude i vinterlyset.\n"),
            std::vector<std::string>{});
}

TEST(SpellingRule, BrandNamesAcceptedWordsAndSkippedTokens) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  EXPECT_EQ(misspelled("default",
                       "Polarlys og solstrøm fra din strømstation. Nordlys+ via USB og SMS. "
                       "#VinterMedNordlys @nordlysdk info@nordlys.example 11kg 4K GRATISK f.eks. "
                       "pc'er i 1970'erne.\n"),
            std::vector<std::string>{});
}

TEST(SpellingRule, DanishMisspellingsWithAeOeAaAreReported) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  EXPECT_EQ(misspelled("default", "Vinteren er her, og mørkeet falder på over hyttn.\n"),
            (std::vector<std::string>{"mørkeet", "hyttn"}));
}

TEST(SpellingRule, CurlyApostrophesAreStraight) {
  if (!have("en")) GTEST_SKIP() << "hunspell-en-us is not installed";
  EXPECT_EQ(misspelled("en", "Don’t wait: it’s the winter’s best light. Don't wiat.\n"),
            std::vector<std::string>{"wiat"});
}

TEST(SpellingRule, EnglishChannelUsesTheEnglishDictionary) {
  if (!have("en") || !have("da")) GTEST_SKIP() << "hunspell-en-us or hunspell-da is not installed";
  EXPECT_EQ(misspelled("en", "Power from the sun for your cabin, tent and boat.\n"),
            std::vector<std::string>{});
  // Danish in an English channel: "hytten" is reported; "til" is an English word (sesame), and
  // the capitalised first word of the sentence is a Danish word, read as a name or a language
  // link ("Dansk").
  EXPECT_EQ(misspelled("en", "Strøm til hytten.\n"), std::vector<std::string>{"hytten"});
}

// The false positive of the earlier draft: "kl" without its period is no word, "kl." is.
TEST(SpellingRule, DanishAbbreviationsWithTheirPeriod) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  EXPECT_EQ(
      misspelled("default", "Pakken ligger klar til og med fredag kl. 18. Husk dit ordrenummer.\n"),
      std::vector<std::string>{});
  EXPECT_EQ(misspelled("default",
                       "Vi har f.eks. lamper, bl.a. til telte, dvs. små lamper, ca. 40 stk. "
                       "i alt, nr. 12 osv. Det er inkl. moms, jf. prislisten.\n"),
            std::vector<std::string>{});
  // Without the period "kl" is not a Danish word: the abbreviation is only accepted as one.
  EXPECT_EQ(misspelled("default", "Vi åbner kl 18 i dag.\n"), std::vector<std::string>{"kl"});
}

TEST(SpellingRule, NamesInsideASentenceAreNotChecked) {
  if (!have("da")) GTEST_SKIP() << "hunspell-da is not installed";
  EXPECT_EQ(
      misspelled("default", "Skriv til Mette Kjær på Jægergårdsgade i Aarhus, så svarer hun.\n"),
      std::vector<std::string>{});
  // At the start of a sentence a capital says nothing: the word is checked.
  EXPECT_EQ(misspelled("default", "Vinteeren er her.\n"), std::vector<std::string>{"Vinteeren"});
}

TEST(SpellingRule, DanishCompoundsAreNotMisspellings) {
  if (!have("da") || !have("en")) GTEST_SKIP() << "hunspell-da or hunspell-en-us is not installed";
  // hunspell's own compounding knows these ...
  EXPECT_EQ(misspelled("default", "Vinterpakketilbuddet med hyttelampen og solcellekablet.\n"),
            std::vector<std::string>{});
  // ... and these split into two words (the head "premium" is an English loan word).
  EXPECT_EQ(misspelled("default", "Gratisprøven og premiumlampen er klar.\n"),
            std::vector<std::string>{});
  // Misspelled endings do not split into words ("mørk" + "eet" is too short a tail).
  EXPECT_EQ(misspelled("default", "Mørket falder, mørkeet falder, hyttn venter.\n"),
            (std::vector<std::string>{"mørkeet", "hyttn"}));
}

TEST(SpellingRule, FrontMatterLangSelectsTheDictionary) {
  if (!have("da") || !have("en")) GTEST_SKIP() << "hunspell-da or hunspell-en-us is not installed";
  // The default channel is Danish; front matter says the document is English.
  EXPECT_EQ(misspelled("default", "---\nlang: en-GB\n---\n\nThe lihgts stay on all weekend.\n",
                       AssetKind::markdown),
            std::vector<std::string>{"lihgts"});
  EXPECT_EQ(misspelled("en", "+++\nlang = \"da\"\n+++\n\nLyset er tændt hele weekenden.\n",
                       AssetKind::markdown),
            std::vector<std::string>{});
}

TEST(SpellingDictionary, RegionPicksBritishOrAmericanSpelling) {
  using V = std::vector<std::string>;
  EXPECT_EQ(spelling::dictionary_candidates("da"), V{"da_DK"});
  EXPECT_EQ(spelling::dictionary_candidates("da-DK"), V{"da_DK"});
  EXPECT_EQ(spelling::dictionary_candidates("en"), V{"en_US"});
  EXPECT_EQ(spelling::dictionary_candidates("en-US"), V{"en_US"});
  EXPECT_EQ(spelling::dictionary_candidates("EN_gb"), (V{"en_GB", "en_US"}));
  EXPECT_EQ(spelling::dictionary_candidates("en-Latn-IE"), (V{"en_IE", "en_GB", "en_US"}));
  EXPECT_EQ(spelling::dictionary_candidates("en-AU"), (V{"en_AU", "en_GB", "en_US"}));
  EXPECT_EQ(spelling::dictionary_candidates("en-CA"), (V{"en_CA", "en_US"}));
  EXPECT_EQ(spelling::dictionary_candidates("en-PH"), V{"en_US"});
  EXPECT_EQ(spelling::dictionary_candidates("fr-FR"), V{});
  if (!have("en-GB")) GTEST_SKIP() << "hunspell-en-gb is not installed";
  EXPECT_EQ(spelling::Dictionary::for_language("en-GB")->name(), "en_GB");
  EXPECT_EQ(spelling::Dictionary::for_language("en-IE")->name(), "en_GB");  // no en_IE in Debian
  EXPECT_EQ(spelling::Dictionary::for_language("en")->name(), "en_US");
}

// A British brand writes "colour" and "favourite"; an American one "color" and "favorite". Each
// channel's copy is checked against its own spelling, so one guide can hold both. (en_GB follows
// Oxford spelling and accepts "organize" as well as "organise", so -ize is no test.)
TEST(SpellingRule, BritishChannelsUseBritishSpelling) {
  if (!have("en-GB") || !have("en-US")) GTEST_SKIP() << "hunspell-en-gb or -en-us is not installed";
  const std::string british = "Favourite cabins: the colour of the centre lamp is yours.\n";
  const std::string american = "Favorite cabins: the color of the center lamp is yours.\n";
  EXPECT_EQ(misspelled("uk", british), std::vector<std::string>{});
  EXPECT_EQ(misspelled("en", american), std::vector<std::string>{});
  // The sentence's first word is checked too: the other English is not a foreign language
  // whose words would pass as names.
  EXPECT_EQ(misspelled("en", british), (std::vector<std::string>{"Favourite", "colour", "centre"}));
  EXPECT_EQ(misspelled("uk", american), (std::vector<std::string>{"Favorite", "color", "center"}));
  // A run tagged plain "en" in the British channel keeps the channel's region.
  EXPECT_EQ(misspelled("uk", "---\nlang: en\n---\n\nThe colour stays.\n", AssetKind::markdown),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace brandlint
