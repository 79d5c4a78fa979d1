// voice/claims: superlatives and claims that need substantiation (`voice.claims`): "bedst*",
// "nummer 1", "verdens bedste", "best", "#1". Found with the shared TermMatcher, so whole tokens
// only ("bedst*" matches "bedste" and "bedstsælgende", never "ubedst"), phrases across line
// breaks, one lookup per token. Each group's `severity` applies to its words; a group with `lang`
// applies to copy in that language only.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/term_matcher.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/claims",
      "Superlatives and claims are flagged for substantiation",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/claims.md",
      {},
  };
  return meta;
}

class Claims final : public Rule {
 public:
  explicit Claims(const RuleConfig& cfg) {
    const std::vector<guide::ClaimGroup>& groups = cfg.channel.voice.claims;
    for (const guide::ClaimGroup& group : groups) {
      if (!group.lang.empty()) matchers_.declare_language(text::primary_language(group.lang));
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const guide::ClaimGroup& group = groups[g];
      if (group.severity == Severity::off) continue;
      const std::string key = group.ref.key.empty() ? fmt::format("voice.claims[{}]", g) : group.ref.key;
      const std::string lang = text::primary_language(group.lang);
      for (const std::string& word : group.words) {
        const auto id = static_cast<std::uint32_t>(patterns_.size());
        patterns_.push_back({word, key, group.severity});
        const std::string error = matchers_.add(lang, word, id);
        if (!error.empty()) throw guide::GuideError(group.ref, fmt::format("{}.words: \"{}\": {}", key, word, error));
      }
    }
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (patterns_.empty()) return;
    const std::string& locale = ctx.channel().locale;
    std::vector<text::TermMatcher::Match> matches;
    for (const text::RunWords& words : text::words_of(asset).runs) {
      matches.clear();
      matchers_.for_language(text::run_language(*words.run, locale)).find(words, matches);
      for (const text::TermMatcher::Match& m : matches) {
        const Pattern& p = patterns_[m.id];
        const std::string measured = text::display_form(words.run_text(m.first, m.last));
        ctx.report_text(words.words[m.first].begin, words.words[m.last - 1].end,
                        fmt::format("\"{}\" is a claim; substantiate it or tone it down ({})", measured, p.key),
                        Json{{"measured", measured}, {"expected", "substantiated claim"}, {"pattern", p.word},
                             {"guide_key", p.key}},
                        std::nullopt, p.severity);
      }
    }
  }

 private:
  struct Pattern {
    std::string word;
    std::string key;  // "voice.claims[0]"
    Severity severity;
  };
  std::vector<Pattern> patterns_;
  text::LanguageTermMatchers matchers_;  // ids index patterns_
};

}  // namespace

RuleEntry voice_claims_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Claims>(cfg);
          }};
}

}  // namespace brandlint::rules
