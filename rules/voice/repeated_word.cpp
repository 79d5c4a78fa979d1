// voice/repeated-word: the same word twice in a row ("the the", "at at", "og og"), compared in
// match form (case-insensitive, NFC), across any whitespace including line breaks, but never
// across punctuation ("Nej, nej" and "Det var det. Det" are fine). Numbers never count ("10 10
// stk." is a table, not a typo). English "that that" and "had had" are grammatical and never
// flagged. The fix removes the whitespace before the second word and the
// word itself, so "the\nthe cat" becomes "the cat" — only when nothing but whitespace stands
// between the two words in the file: across markup ("det **det**", "at <b>at</b>", "at&nbsp;at")
// deleting a byte range would break the markup, so those findings carry no fix.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/repeated-word",
      "No word is accidentally written twice in a row",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::sometimes,
      "rules/voice/repeated-word.md",
      {},
  };
  return meta;
}

class RepeatedWord final : public Rule {
 public:
  explicit RepeatedWord(const RuleConfig&) {}

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    for (const text::RunWords& run : text::words_of(asset).runs) {
      const std::vector<text::Word>& w = run.words;
      for (std::size_t i = 1; i < w.size(); ++i) {
        const text::Word& a = w[i - 1];
        const text::Word& b = w[i];
        if (!a.is_letter || !b.is_letter || !b.space_before || a.fold_hash != b.fold_hash) continue;
        const std::string_view fold = run.fold(b);
        if (run.fold(a) != fold || fold == "that" || fold == "had") continue;
        const std::string word = text::display_form(run.run_text(i, i + 1));
        const std::string_view between =
            std::string_view(asset.text).substr(a.end, b.begin - a.end);
        const bool plain_space = std::all_of(between.begin(), between.end(), [](char c) {
          return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        });
        ctx.report_text(a.begin, b.end, fmt::format("\"{}\" is repeated", word),
                        Json{{"measured", text::display_form(run.run_text(i - 1, i + 1))},
                             {"expected", text::display_form(run.run_text(i - 1, i))},
                             {"guide_key", nullptr}},
                        plain_space ? std::optional<Fix>(Fix{a.end, b.end, ""}) : std::nullopt);
      }
    }
  }
};

}  // namespace

RuleEntry voice_repeated_word_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<RepeatedWord>(cfg);
          }};
}

}  // namespace brandlint::rules
