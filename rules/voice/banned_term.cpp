// voice/banned-term: words the brand never uses (`voice.banned`), found as whole words in every
// text run: "billig" never fires inside "billigste", "gratis*" catches "gratisprøven", and a
// phrase matches across a line break. All groups are compiled into one TermMatcher per language,
// so a run costs one lookup per word however long the lists are.
#include <memory>
#include <optional>
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
      "voice/banned-term",
      "Words and phrases the brand never uses",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::error,
      Fixable::never,
      "rules/voice/banned-term.md",
      {},
  };
  return meta;
}

class BannedTerm final : public Rule {
 public:
  explicit BannedTerm(const RuleConfig& cfg) {
    const std::vector<guide::BannedGroup>& groups = cfg.channel.voice.banned;
    for (const guide::BannedGroup& group : groups) {
      if (!group.lang.empty()) matchers_.declare_language(text::primary_language(group.lang));
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const guide::BannedGroup& group = groups[g];
      if (group.severity == Severity::off) continue;
      const std::string key = group.ref.key.empty() ? fmt::format("voice.banned[{}]", g) : group.ref.key;
      const std::string lang = text::primary_language(group.lang);
      for (const std::string& word : group.words) {
        const auto id = static_cast<std::uint32_t>(patterns_.size());
        patterns_.push_back({word, group.reason, key, group.severity});
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
      for (const text::TermMatcher::Match& match : matches) report(words, match, ctx);
    }
  }

 private:
  struct Pattern {
    std::string word;  // as written in the guide, e.g. "gratis*"
    std::string reason;
    std::string key;  // "voice.banned[0]"
    std::optional<Severity> severity;
  };

  void report(const text::RunWords& words, const text::TermMatcher::Match& match, RuleContext& ctx) const {
    const Pattern& pattern = patterns_[match.id];
    const std::string measured = text::display_form(words.run_text(match.first, match.last));
    std::string message = pattern.reason.empty()
                              ? fmt::format("\"{}\" is banned ({})", measured, pattern.key)
                              : fmt::format("\"{}\" is banned: {} ({})", measured, pattern.reason, pattern.key);
    Json evidence = {{"measured", measured}, {"expected", "not used"}, {"pattern", pattern.word}};
    if (!pattern.reason.empty()) evidence["reason"] = pattern.reason;
    evidence["guide_key"] = pattern.key;
    ctx.report_text(words.words[match.first].begin, words.words[match.last - 1].end, std::move(message),
                    std::move(evidence), std::nullopt, pattern.severity);
  }

  std::vector<Pattern> patterns_;  // TermMatcher ids index this
  text::LanguageTermMatchers matchers_;  // per language: its groups + the language-free ones
};

}  // namespace

RuleEntry voice_banned_term_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<BannedTerm>(cfg);
          }};
}

}  // namespace brandlint::rules
