// voice/repeated-word's fix, checked on the rule itself (the runner also withholds fixes that
// would rewrite markup, so an end-to-end test alone could not tell whether the rule is right).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "linter/rule.h"
#include "tests/support/copy_check.h"

namespace brandlint::rules {
RuleEntry voice_repeated_word_rule();
}  // namespace brandlint::rules

namespace brandlint {
namespace {

// What the rule's fixes make of `text` (applied back to front), and how many findings it made.
struct Fixed {
  std::size_t findings = 0;
  std::size_t fixes = 0;
  std::string text;
};

Fixed fix(const std::string& path, const std::string& text) {
  static const guide::BrandGuide guide =
      guide::load_guide_from_string(std::string(testing::kGuideHeader), "brandguide.toml");
  const Asset asset = testing::load_copy(path, text, guide.channels.back());
  const auto findings = testing::check_rule(rules::voice_repeated_word_rule(), guide, asset).findings;
  Fixed out{findings.size(), 0, text};
  for (auto it = findings.rbegin(); it != findings.rend(); ++it) {
    if (!it->fix) continue;
    ++out.fixes;
    out.text.replace(it->fix->begin, it->fix->end - it->fix->begin, it->fix->replacement);
  }
  return out;
}

TEST(RepeatedWordFix, RemovesTheSecondWordAndTheWhitespaceBeforeIt) {
  const Fixed f = fix("copy.txt", "Vi ses det det.\nthe\nthe cat\n");
  EXPECT_EQ(f.findings, 2u);
  EXPECT_EQ(f.fixes, 2u);
  EXPECT_EQ(f.text, "Vi ses det.\nthe cat\n");
}

TEST(RepeatedWordFix, NoFixAcrossMarkupButTheFindingStays) {
  const Fixed md = fix("copy.md", "Vi ses det **det** bliver.\n\nHej [at](x) at du.\n");
  EXPECT_EQ(md.findings, 2u);
  EXPECT_EQ(md.fixes, 0u);
  EXPECT_EQ(md.text, "Vi ses det **det** bliver.\n\nHej [at](x) at du.\n");
}

}  // namespace
}  // namespace brandlint
