// voice/repeated-word: the same word twice in a row ("the the", "at at", "og og"), compared in
// match form (case-insensitive, NFC), across any whitespace including line breaks, but never
// across punctuation ("Nej, nej" and "Det var det. Det" are fine). Numbers never count ("10 10
// stk." is a table, not a typo). English "that that" and "had had" are grammatical and never
// flagged. The fix removes the whitespace before the second word and the
// word itself, so "the\nthe cat" becomes "the cat".
#include <memory>
#include <string>

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
      Fixable::always,
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
        ctx.report_text(a.begin, b.end, fmt::format("\"{}\" is repeated", word),
                        Json{{"measured", text::display_form(run.run_text(i - 1, i + 1))},
                             {"expected", text::display_form(run.run_text(i - 1, i))},
                             {"guide_key", nullptr}},
                        Fix{a.end, b.end, ""});
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
