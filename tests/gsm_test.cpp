// GSM 03.38 tables and SMS segment counting (rules/support/gsm.h), checked against the
// unicode.org GSM0338.TXT mapping and the 160/153 and 70/67 segment sizes.
#include "rules/support/gsm.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace brandlint::sms {
namespace {

Measure of(const std::string& utf8) { return measure(decode(utf8)); }

TEST(GsmTables, DanishLettersAreInTheBasicTable) {
  for (const char32_t c : {U'æ', U'ø', U'å', U'Æ', U'Ø', U'Å'})
    EXPECT_EQ(gsm_septets(c), 1) << static_cast<int>(c);
}

TEST(GsmTables, BasicTableSamples) {
  for (const char32_t c :
       {U'@', U'£', U'$', U'¥', U'è', U'é', U'ù', U'ì', U'ò',  U'Ç', U'\n', U'\r',
        U'Δ', U'_', U'ß', U'É', U'¤', U'¡', U'Ä', U'Ö', U'Ñ',  U'Ü', U'§',  U'¿',
        U'ä', U'ö', U'ñ', U'ü', U'à', U'Σ', U'Ξ', U' ', U'\'', U'"'}) {
    EXPECT_EQ(gsm_septets(c), 1) << static_cast<int>(c);
  }
}

TEST(GsmTables, ExtensionCharactersCostTwoSeptets) {
  for (const char32_t c : {U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€', U'\f'}) {
    EXPECT_EQ(gsm_septets(c), 2) << static_cast<int>(c);
  }
}

TEST(GsmTables, MarketingTypographyIsNotGsm) {
  // ú is not in the table (0x06 is ù; some secondary tables misprint it), nor is lower-case ç.
  for (const char32_t c :
       {U'\u2018', U'\u2019', U'\u201C', U'\u201D', U'\u2013', U'\u2014', U'\u2026', U'\u00A0',
        U'ú', U'á', U'ç', U'•', U'™', U'®', U'`', U'\U0001F386'}) {
    EXPECT_EQ(gsm_septets(c), 0) << static_cast<int>(c);
  }
}

TEST(GsmTables, Replacements) {
  EXPECT_EQ(gsm_replacement(U'\u2019'), "'");
  EXPECT_EQ(gsm_replacement(U'\u201C'), "\"");
  EXPECT_EQ(gsm_replacement(U'\u201D'), "\"");
  EXPECT_EQ(gsm_replacement(U'\u2013'), "-");
  EXPECT_EQ(gsm_replacement(U'\u2026'), "...");
  EXPECT_EQ(gsm_replacement(U'\U0001F386'), "");
}

TEST(SmsSegments, GsmSevenSingleAndMultipart) {
  EXPECT_EQ(of("").segments, 0u);
  EXPECT_EQ(of(std::string(160, 'a')).segments, 1u);
  EXPECT_EQ(of(std::string(161, 'a')).segments, 2u);
  EXPECT_EQ(of(std::string(306, 'a')).segments, 2u);
  EXPECT_EQ(of(std::string(307, 'a')).segments, 3u);
  const Measure danish =
      of("Hej fra Nordlys. Din pakke er på vej. Følg den på nrdl.example/spor. Æblet er rødt.");
  EXPECT_EQ(danish.encoding, Encoding::gsm7);
  EXPECT_EQ(danish.units, 83u);
}

TEST(SmsSegments, ExtensionPairIsNotSplitAcrossSegments) {
  // 152 septets, then € (2): the pair does not fit in segment 1 (153) and moves to segment 2.
  std::vector<int> costs(152, 1);
  costs.push_back(2);
  costs.insert(costs.end(), 150, 1);  // 152 + 2 + 150 = 304 septets, but 152 | 2 + 150 = 152
  EXPECT_EQ(count_segments(costs, Encoding::gsm7), 2u);
  costs.push_back(1);  // 152 | 153
  EXPECT_EQ(count_segments(costs, Encoding::gsm7), 2u);
  costs.push_back(1);  // 152 | 153 | 1
  EXPECT_EQ(count_segments(costs, Encoding::gsm7), 3u);
  // Unsplit, 306 septets would fit in 2 segments: the border costs one.
  EXPECT_EQ(of(std::string(152, 'a') + "€" + std::string(152, 'a')).segments, 3u);
  EXPECT_EQ(of(std::string(151, 'a') + "€" + std::string(153, 'a')).segments, 2u);
}

TEST(SmsSegments, ExtensionCharactersCountTwiceInTheLimit) {
  EXPECT_EQ(of(std::string(158, 'a') + "€").units, 160u);
  EXPECT_EQ(of(std::string(158, 'a') + "€").segments, 1u);
  EXPECT_EQ(of(std::string(159, 'a') + "€").segments, 2u);
}

TEST(SmsSegments, Ucs2SingleAndMultipart) {
  const std::string dash = "\u2013";
  EXPECT_EQ(of(dash + std::string(69, 'a')).segments, 1u);
  EXPECT_EQ(of(dash + std::string(70, 'a')).segments, 2u);
  EXPECT_EQ(of(dash + std::string(133, 'a')).segments, 2u);
  EXPECT_EQ(of(dash + std::string(134, 'a')).segments, 3u);
  const Measure m = of("Vinteren er her\u2026 og ”lys”");
  EXPECT_EQ(m.encoding, Encoding::ucs2);
  EXPECT_EQ(m.forcing.size(), 3u);
  EXPECT_EQ(m.units, 25u);
}

TEST(SmsSegments, EmojiOutsideTheBmpTakesTwoUnitsAndIsNotSplit) {
  EXPECT_EQ(of("\U0001F386").units, 2u);
  EXPECT_EQ(of(std::string(68, 'a') + "\U0001F386").segments, 1u);
  EXPECT_EQ(of(std::string(69, 'a') + "\U0001F386").segments, 2u);
  // 66 units, then a surrogate pair that does not fit in the 67th unit.
  EXPECT_EQ(of(std::string(66, 'a') + "\U0001F386" + std::string(66, 'a')).segments, 3u);
}

TEST(SmsSegments, InvalidUtf8ForcesUcs2) { EXPECT_EQ(of("abc\xFF").encoding, Encoding::ucs2); }

}  // namespace
}  // namespace brandlint::sms
