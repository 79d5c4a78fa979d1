// voice/language and the CLD2 wrapper: English copy in a Danish channel is reported with the
// detected language and confidence; Danish copy, short runs and Danish/Norwegian confusion are not.
#include "rules/support/language.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "linter/rule.h"
#include "rules/support/words.h"
#include "tests/support/copy_check.h"

namespace brandlint::rules {
RuleEntry voice_language_rule();
}  // namespace brandlint::rules

namespace brandlint {
namespace {

constexpr const char* kDanish =
    "Nordlys Plus lader op på solen og giver lys, varme og strøm, når mørket falder på. Den vejer "
    "elleve kilo, "
    "larmer ikke og holder en hel weekend i hytten kørende, uanset hvor koldt det bliver udenfor.";
constexpr const char* kEnglish =
    "Nordlys Plus charges from the sun and gives you light, warmth and power when darkness falls. "
    "It weighs "
    "eleven kilos, makes no noise and keeps a whole weekend in the cabin running, however cold it "
    "gets outside.";

std::vector<Finding> check(const std::string& text, AssetKind kind = AssetKind::text) {
  static const guide::BrandGuide guide =
      guide::load_guide_from_string(testing::kGuideHeader, "brandguide.toml");
  const Asset asset = testing::load_copy(kind == AssetKind::markdown ? "copy.md" : "copy.txt", text,
                                         *guide.find_channel("default"));
  return testing::check_rule(rules::voice_language_rule(), guide, asset).findings;
}

text::RunWords words_of_text(const TextRun& run) {
  text::RunWords words;
  text::segment(run, words);
  return words;
}

// The shortcut past CLD2 only takes copy that is plainly in its language; Swedish (which shares
// "det", "på", "med", "vi" with Danish) and mixed copy go to the detector.
TEST(LanguageDetect, PlainlyInSkipsOnlyOneSidedCopy) {
  TextRun danish, english, swedish, mixed;
  danish.text = kDanish;
  english.text = kEnglish;
  swedish.text =
      "Nordlys Plus laddas av solen och ger dig ljus och värme när mörkret faller. Den väger elva "
      "kilo.";
  mixed.text = std::string(kDanish) + " The best power station of the winter.";
  EXPECT_TRUE(language::plainly_in(words_of_text(danish), "da"));
  EXPECT_FALSE(language::plainly_in(words_of_text(danish), "en"));
  EXPECT_TRUE(language::plainly_in(words_of_text(english), "en"));
  EXPECT_FALSE(language::plainly_in(words_of_text(english), "da"));
  EXPECT_FALSE(language::plainly_in(words_of_text(swedish), "da"));
  EXPECT_FALSE(language::plainly_in(words_of_text(mixed), "da"));
  EXPECT_FALSE(language::plainly_in(words_of_text(danish), "sv"));  // only da and en have markers
}

TEST(LanguageRule, EnglishParagraphInDanishChannel) {
  const std::vector<Finding> findings = check(std::string(kDanish) + "\n\n" + kEnglish + "\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.line, 3);
  EXPECT_EQ(findings[0].location.column, 1);
  EXPECT_EQ(findings[0].evidence["measured"], "en");
  EXPECT_EQ(findings[0].evidence["expected"], "da");
  EXPECT_EQ(findings[0].evidence["guide_key"], "brand.locale");
  EXPECT_NE(findings[0].message.find("English"), std::string::npos);
}

TEST(LanguageRule, FrontMatterLangIsTheExpectedLanguage) {
  // English with `lang: en` in a Danish channel is what it says it is.
  EXPECT_TRUE(
      check(std::string("---\nlang: en\n---\n\n") + kEnglish + "\n", AssetKind::markdown).empty());
  // Danish copy under `lang: en` is reported, with the front matter as the guide key.
  const std::vector<Finding> findings = check(
      std::string("---\ntitle: x\nlang: \"en\"  # the English edition\n---\n\n") + kDanish + "\n",
      AssetKind::markdown);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.line, 6);
  EXPECT_EQ(findings[0].location.column, 1);
  EXPECT_EQ(findings[0].evidence["expected"], "en");
  EXPECT_EQ(findings[0].evidence["guide_key"], "front matter lang");
  // Front matter that never closes is not front matter: its lang line is copy, not a setting.
  EXPECT_EQ(check(std::string("---\nlang: en\n\n") + kEnglish + "\n", AssetKind::markdown).size(),
            1u);
}

TEST(LanguageRule, ShortRunsAreNotJudged) {
  // Fewer than 15 words: an English slogan in Danish copy is normal and too short to detect.
  EXPECT_TRUE(check("Power from the sun, wherever you are this winter.\n").empty());
}

}  // namespace
}  // namespace brandlint
