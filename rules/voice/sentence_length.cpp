// voice/sentence-length: sentences longer than `voice.sentence_max_words` words (the channel's
// effective value). Words are UAX #29 letter and number tokens, sentences come from the shared
// sentence segmentation (ICU + Danish/English abbreviations and ordinals), so "f.eks." or
// "1. januar" never cut a sentence short. Hyphens and punctuation are not words; a hyphenated
// compound counts its parts ("Nordlys-appen" = 2), as UAX #29 segments it.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/sentences.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/sentence-length",
      "Sentences stay within the guide's word limit",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/sentence-length.md",
      {},
  };
  return meta;
}

class SentenceLength final : public Rule {
 public:
  explicit SentenceLength(const RuleConfig& cfg) {
    const guide::Voice& voice = cfg.channel.voice;
    if (voice.sentence_max_words) max_ = *voice.sentence_max_words;
    const auto ref = voice.refs.find("sentence_max_words");
    if (ref != voice.refs.end() && !ref->second.key.empty()) key_ = ref->second.key;
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (max_ <= 0) return;
    const text::AssetWords& words = text::words_of(asset);
    for (const text::Sentence& s : text::sentences_of(asset).sentences) {
      if (s.word_count <= static_cast<std::uint32_t>(max_)) continue;
      const text::RunWords& run = words.runs[s.run];
      ctx.report_text(run.words[s.first].begin, run.words[s.last - 1].end,
                      fmt::format("sentence has {} words; the guide allows {} ({})", s.word_count, max_, key_),
                      Json{{"measured", s.word_count}, {"expected", max_}, {"guide_key", key_}});
    }
  }

 private:
  int max_ = 0;  // 0: the guide sets no limit
  std::string key_ = "voice.sentence_max_words";
};

}  // namespace

RuleEntry voice_sentence_length_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<SentenceLength>(cfg);
          }};
}

}  // namespace brandlint::rules
