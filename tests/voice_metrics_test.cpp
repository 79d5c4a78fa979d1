// Voice metrics checked by hand, and regression cases for the failures of other prose linters
// recorded in /work/shared/reference/prose.md (§d, §e): byte-counted LIX (Vale), matches inside
// words (textlint ng-word, terminology), Danish words flagged as English (alex) and findings
// reported at 1:1 instead of where they are (textlint ng-word).
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/rule.h"
#include "rules/registry.h"
#include "rules/support/syllables.h"
#include "tests/support/copy_check.h"

namespace brandlint::rules {
RuleEntry voice_readability_rule();
RuleEntry voice_banned_term_rule();
}  // namespace brandlint::rules

namespace brandlint {
namespace {

const guide::BrandGuide& test_guide() {
  static const guide::BrandGuide guide =
      guide::load_guide_from_string(std::string(testing::kGuideHeader) + R"(
[voice]
sentence_max_words = 25
readability = { lix_max = 60, flesch_min = 10 }
[[voice.banned]]
words = ["app"]
reason = "We make hardware."
[[voice.banned]]
words = ["man", "her", "hun"]
reason = "English words alex flags as gendered; in Danish they mean 'one', 'here' and 'she'."
lang = "en"
[channels.en]
include = ["en/**"]
locale = "en-US"
)",
                                    "brandguide.toml");
  return guide;
}

Asset load(const std::string& path, const std::string& text, const std::string& channel) {
  return testing::load_copy(path, text, *test_guide().find_channel(channel));
}

std::vector<Finding> check(const RuleEntry& entry, const Asset& asset,
                           Json* measurements = nullptr) {
  testing::Checked checked = testing::check_rule(entry, test_guide(), asset);
  if (measurements != nullptr) *measurements = std::move(checked.measurements);
  return std::move(checked.findings);
}

// Every registered voice/* and channel/* rule that reads this kind of asset.
std::vector<Finding> check_all_voice_rules(const Asset& asset) {
  std::vector<Finding> all;
  for (const RuleEntry& entry : rules::registry()) {
    const std::string_view id = entry.meta->id;
    if (!id.starts_with("voice/") && !id.starts_with("channel/")) continue;
    bool reads = false;
    for (const AssetKind kind : entry.meta->kinds) reads = reads || kind == asset.kind;
    if (!reads) continue;
    for (Finding& f : check(entry, asset)) all.push_back(std::move(f));
  }
  return all;
}

// A Danish passage, counted by hand.
//
//   sentence                                                 words  long (> 6 letters)
//   Vinteren er lang i Danmark.                                5    Vinteren (8), Danmark (7) 2
//   Nordlys Plus giver dig strøm, lys og varme i hytten.      10    Nordlys (7) 1 Den lader op på
//   solen om dagen.                            7    -                                  0 Om aftenen
//   tænder du lamperne og hører radio.              8    aftenen (7), lamperne (8)          2
//   Første weekend i januar er større end du tror.             9    weekend (7) 1 Strømstationen
//   vejer mindre end en kuffert.                6    Strømstationen (14), kuffert (7)   2
//                                                             -- --
//   O (words) = 45, M (sentences) = 6, L (long words) = 8
//   LIX = O/M + 100 * L/O = 45/6 + 800/45 = 7.5 + 17.777... = 25.277...  -> 25.3 (one decimal)
//
// Not long, though Vale's byte count says so: "tænder", "Første", "større" have six letters but
// seven UTF-8 bytes (æ, ø are two bytes each). Counting bytes gives L = 11 and
// LIX = 7.5 + 1100/45 = 31.9.
constexpr const char* kDanishPassage =
    "Vinteren er lang i Danmark. Nordlys Plus giver dig strøm, lys og varme i hytten. Den lader op "
    "på "
    "solen om dagen. Om aftenen tænder du lamperne og hører radio. Første weekend i januar er "
    "større "
    "end du tror. Strømstationen vejer mindre end en kuffert.\n";

TEST(VoiceMetrics, HandCheckedLixOfADanishPassage) {
  const double by_hand = 45.0 / 6.0 + 100.0 * 8.0 / 45.0;
  EXPECT_NEAR(by_hand, 25.2778, 1e-4);
  EXPECT_DOUBLE_EQ(text::lix(45, 6, 8), by_hand);

  Json measurements;
  const Asset asset = load("passage.txt", kDanishPassage, "default");
  check(rules::voice_readability_rule(), asset, &measurements);
  EXPECT_EQ(measurements["words"], 45);
  EXPECT_EQ(measurements["sentences"], 6);
  EXPECT_DOUBLE_EQ(measurements["lix"].get<double>(), 25.3);
  EXPECT_TRUE(measurements["flesch"].is_null());  // Danish never gets a Flesch score
}

// Regression (Vale/twine count bytes): six-letter Danish words are not long.
TEST(VoiceMetrics, LettersAreCountedNotBytes) {
  EXPECT_EQ(text::count_letters("første"), 6u);
  EXPECT_EQ(text::count_letters("større"), 6u);
  EXPECT_EQ(text::count_letters("påstå"), 5u);
  EXPECT_EQ(text::count_letters("fo\u0338rste"), 6u);  // decomposed ø: o + U+0338 is one letter
  EXPECT_EQ(text::count_letters("pc'er"), 4u);         // apostrophes are not letters
  EXPECT_EQ(text::count_letters("Strømstationen"), 14u);

  Json measurements;
  check(rules::voice_readability_rule(),
        load("kort.txt", "Første større påstå er sandt.\n", "default"), &measurements);
  // 5 words, 1 sentence, 0 long words: LIX = 5/1 + 0 = 5 (bytes would make three long: 65).
  EXPECT_DOUBLE_EQ(measurements["lix"].get<double>(), 5.0);
}

// An English passage, syllables by the method in rules/support/syllables.h (vowel groups
// a e i o u y; a final silent e and a final -es/-ed do not count, with the listed exceptions):
//
//   The sun is low in winter.                         The 1, sun 1, is 1, low 1, in 1, win-ter 2 6
//   words,  7 Our power station charges from it all day.       Our 1, po-wer 2, sta-tion 2,
//   char-ges 2
//                                                     (-es after g is sounded), from 1, it 1,
//                                                     all 1, day 1 8 words, 11
//   At night you turn on the lamps and make some tea. At 1, night 1, you 1, turn 1, on 1, the 1,
//                                                     lamps 1, and 1, make 1 (silent e), some 1
//                                                     (silent e), tea 1 11 words, 11
//   words = 25, sentences = 3, syllables = 29
//   Flesch = 206.835 - 1.015 * 25/3 - 84.6 * 29/25 = 206.835 - 8.4583 - 98.136 = 100.2407 -> 100.2
TEST(VoiceMetrics, HandCheckedFleschOfAnEnglishPassage) {
  for (const auto& [word, n] : std::vector<std::pair<const char*, std::size_t>>{{"the", 1},
                                                                                {"winter", 2},
                                                                                {"our", 1},
                                                                                {"power", 2},
                                                                                {"station", 2},
                                                                                {"charges", 2},
                                                                                {"day", 1},
                                                                                {"you", 1},
                                                                                {"make", 1},
                                                                                {"some", 1},
                                                                                {"tea", 1},
                                                                                {"table", 2},
                                                                                {"jumped", 1},
                                                                                {"wanted", 2}}) {
    EXPECT_EQ(text::count_syllables_en(word), n) << word;
  }
  const double by_hand = 206.835 - 1.015 * 25.0 / 3.0 - 84.6 * 29.0 / 25.0;
  EXPECT_NEAR(by_hand, 100.2407, 1e-4);

  Json measurements;
  const Asset asset =
      load("en/passage.txt",
           "The sun is low in winter. Our power station charges from it all day. At night you turn "
           "on the lamps and make some tea.\n",
           "en");
  check(rules::voice_readability_rule(), asset, &measurements);
  EXPECT_EQ(measurements["words"], 25);
  EXPECT_EQ(measurements["sentences"], 3);
  EXPECT_DOUBLE_EQ(measurements["flesch"].get<double>(), 100.2);
  EXPECT_TRUE(measurements["lix"].is_null());  // English never gets a LIX
}

// Regression (textlint ng-word matches with indexOf; terminology without the u flag): a term
// is matched as a whole word, never inside another one.
TEST(VoiceRegressions, NoMatchesInsideWords) {
  const Asset inside =
      load("frugt.txt", "Spis en appelsin, vær happy og klap med applaus.\n", "default");
  EXPECT_TRUE(check(rules::voice_banned_term_rule(), inside).empty());
  const Asset word = load("app.txt", "Hent vores app i dag.\n", "default");
  const std::vector<Finding> findings = check(rules::voice_banned_term_rule(), word);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.column, 12);
}

// Regression (alex flags Danish "her", "man", "hun" as English): English-only checks never run
// on Danish copy, and no voice rule reports these Danish words.
TEST(VoiceRegressions, DanishHerManHunAreNotEnglish) {
  const Asset danish =
      load("hytten.txt", "Her i hytten kan man sove godt, og hun tager lampen med.\n", "default");
  const std::vector<Finding> findings = check_all_voice_rules(danish);
  for (const Finding& f : findings) ADD_FAILURE() << f.rule << ": " << f.message;
  // The same words in English copy are what the English-only group is for.
  const Asset english = load("en/cabin.txt", "Here a man sleeps well, and her lamp is on.\n", "en");
  const std::vector<Finding> english_findings = check(rules::voice_banned_term_rule(), english);
  ASSERT_EQ(english_findings.size(), 2u);
  EXPECT_EQ(english_findings[0].location.column, 8);   // man
  EXPECT_EQ(english_findings[1].location.column, 29);  // her
}

// Regression (textlint ng-word reports every hit at 1:1): every finding of every voice rule
// points at the exact line and column of its text, after front matter, comments and markup.
TEST(VoiceRegressions, LocationsAreExactNeverPlaceholders) {
  const std::string source =
      "---\nlang: da\n---\n\n<!-- app -->\n# Vinter\n\nHent *vores* app her.\nVi har en ny "
      "[app](https://x.example) "
      "til dig.\n";
  const Asset asset = load("nyt.md", source, "default");
  const std::vector<Finding> findings = check(rules::voice_banned_term_rule(), asset);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location.line, 8);
  EXPECT_EQ(findings[0].location.column, 14);
  EXPECT_EQ(findings[1].location.line, 9);
  EXPECT_EQ(findings[1].location.column, 15);
  for (const Finding& f : findings) {
    EXPECT_EQ(source.substr(f.location.begin, f.location.end - f.location.begin), "app");
  }
  // Every rule at once, on a document with one problem for several rules deep inside it: no
  // finding sits at 1:1, and each span starts where the copy the message is about starts.
  const std::string busy =
      "# Vinter\n\nLys i hytten.\n\nVi har en app. Det er det BEDSTE TILBUD!! Ring til os i dag.\n";
  const Asset busy_asset = load("busy.md", busy, "default");
  const std::vector<Finding> all = check_all_voice_rules(busy_asset);
  ASSERT_FALSE(all.empty());
  for (const Finding& f : all) {
    EXPECT_FALSE(f.location.line == 1 && f.location.column == 1) << f.rule << ": " << f.message;
    EXPECT_EQ(f.location.line, 5) << f.rule << ": " << f.message;
    EXPECT_GT(f.location.end, f.location.begin) << f.rule;
  }
}

}  // namespace
}  // namespace brandlint
