// channel/sms-length and channel/text-length: the counting functions and the rules' messages,
// fixes and evidence on small inline guides (the golden fixtures cover the file-level output).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "linter/rule.h"
#include "rules/channel/length_count.h"
#include "tests/support/copy_check.h"

namespace brandlint::rules {
RuleEntry channel_sms_length_rule();
RuleEntry channel_text_length_rule();
}  // namespace brandlint::rules

namespace brandlint {
namespace {

using testing::Checked;

Checked check(const RuleEntry& entry, const std::string& channel_name, const std::string& name,
              const std::string& bytes) {
  static const guide::BrandGuide guide =
      guide::load_guide_from_string(std::string(testing::kGuideHeader) + R"(
[channels.sms]
include = ["sms/**"]
sms = { max_segments = 1 }
[channels.search-ads]
include = ["ads/**"]
limits = { headline = 30, description = 90 }
[channels.x]
include = ["x/**"]
limits = { x = 280 }
)",
                                    "brandguide.toml");
  return testing::check_rule(entry, guide,
                             testing::load_copy(name, bytes, *guide.find_channel(channel_name)));
}

TEST(LengthCount, GraphemeClusters) {
  EXPECT_EQ(rules::length::graphemes(""), 0u);
  EXPECT_EQ(rules::length::graphemes("første"), 6u);        // 6 letters, 7 bytes
  EXPECT_EQ(rules::length::graphemes("fo\u0308rste"), 6u);  // o + combining diaeresis
  EXPECT_EQ(rules::length::graphemes("\U0001F468\u200D\U0001F469\u200D\U0001F467"), 1u);  // family
  EXPECT_EQ(rules::length::graphemes("\U0001F1E9\U0001F1F0"), 1u);                        // flag DK
}

TEST(LengthCount, XWeighting) {
  EXPECT_EQ(rules::length::x_weighted("æøå"), 3u);         // Latin: 1 each
  EXPECT_EQ(rules::length::x_weighted("“hej” – …"), 10u);  // U+2010-U+201F weigh 1, U+2026 2
  EXPECT_EQ(rules::length::x_weighted("北极光"), 6u);      // CJK: 2 each
  EXPECT_EQ(rules::length::x_weighted("\U0001F468\u200D\U0001F469\u200D\U0001F467"),
            2u);  // one emoji
  EXPECT_EQ(rules::length::x_weighted("se https://nordlys.example/a/very/long/path/indeed"), 26u);
  // A bare host.tld with a path is a link too (a real TLD: X's own TLD list would not link the
  // reserved .example), and the sentence's final period is not part of it.
  EXPECT_EQ(rules::length::x_weighted("se nordlys.dk/vinter."), 3u + 23u + 1u);
}

TEST(SmsLength, DemoMessageForcedToUcs2) {
  const std::string message =
      "Vinteren er her… Gør hytten klar med Nordlys Plus og ”Vinterpakken” – strøm, lys og varme, "
      "når mørket "
      "falder på. Se mere på nrdl.example/vinter\n";
  const Checked c = check(rules::channel_sms_length_rule(), "sms", "sms/02.txt", message);
  ASSERT_EQ(c.findings.size(), 1u);
  const Finding& f = c.findings[0];
  EXPECT_EQ(f.message,
            "SMS is 143 characters in UCS-2 (forced by … at 1:16, ” at 1:54 and – at 1:69): 3 "
            "segments of 67; the "
            "channel allows 1 (channels.sms.sms.max_segments)");
  EXPECT_EQ(f.location.line, 1);
  EXPECT_EQ(f.location.column, 16);
  // Replacing … ” – by ... " - gives 145 GSM-7 septets: one segment, so the fix is offered.
  ASSERT_TRUE(f.fix.has_value());
  EXPECT_EQ(f.fix->replacement.substr(0, 3), "...");
  EXPECT_EQ(f.evidence["forced_by"].size(), 4u);
  EXPECT_EQ(c.measurements["sms"]["segments"], 3);
}

TEST(SmsLength, DanishLettersStayGsm7AndFit) {
  const Checked c =
      check(rules::channel_sms_length_rule(), "sms", "sms/01.txt",
            "Hej fra Nordlys. Din Nordlys Plus er pakket og på vej til dig. Følg pakken på "
            "nrdl.example/spor. God tur ude i vinterlyset.\n");
  EXPECT_TRUE(c.findings.empty());
  EXPECT_EQ(c.measurements["sms"]["encoding"], "GSM-7");
  EXPECT_EQ(c.measurements["sms"]["units"], 123);
}

TEST(SmsLength, EmojiHasNoReplacementSoNoFix) {
  const Checked c = check(rules::channel_sms_length_rule(), "sms", "sms/x.txt",
                          std::string(70, 'a') + " \U0001F386\n");
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_FALSE(c.findings[0].fix.has_value());
}

TEST(SmsLength, OtherChannelsAreNotSms) {
  EXPECT_TRUE(check(rules::channel_sms_length_rule(), "x", "x/a.txt", std::string(400, 'a'))
                  .findings.empty());
}

TEST(TextLength, DemoHeadlineAndDescription) {
  const Checked c = check(
      rules::channel_text_length_rule(), "search-ads", "ads/deck.toml",
      "headlines = [\"Stille strøm til friluftslivet\", \"Bærbar strømstation til sommerhuset\"]\n"
      "descriptions = [\"Bestil Nordlys Plus i dag, og få strøm til hytten, teltet og båden, "
      "uanset "
      "hvor du er på tur i vinter.\"]\n");
  ASSERT_EQ(c.findings.size(), 2u);
  EXPECT_EQ(c.findings[0].message,
            "headline is 35 characters (grapheme clusters); the channel allows 30 "
            "(channels.search-ads.limits.headline)");
  EXPECT_EQ(c.findings[0].location.column, 49);
  EXPECT_EQ(c.findings[1].message,
            "description is 102 characters (grapheme clusters); the channel allows 90 "
            "(channels.search-ads.limits.description)");
  EXPECT_EQ(c.findings[1].evidence["measured"], 102);
}

TEST(TextLength, XPostsUseWeightedLength) {
  // 140 CJK characters weigh 280: at the limit; one more is over.
  std::string post;
  for (int i = 0; i < 140; ++i) post += "光";
  EXPECT_TRUE(
      check(rules::channel_text_length_rule(), "x", "x/a.txt", post + "\n").findings.empty());
  const Checked c = check(rules::channel_text_length_rule(), "x", "x/b.txt", post + "a\n");
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].evidence["unit"], "x-weighted");
}

}  // namespace
}  // namespace brandlint
