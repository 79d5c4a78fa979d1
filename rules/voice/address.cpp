// voice/address: Danish copy that addresses the reader in a form the guide does not use. With
// `voice.address = "du"`, formal "De"/"Dem"/"Deres" and plural "I"/"jer"/"jeres" are flagged;
// with "De", informal "du"/"dig"/"din"/"dit"/"dine". English "we"/"you" is measured by
// voice/readability and never a finding. The heuristic is in address.h.
#include "rules/voice/address.h"

#include <memory>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/sentences.h"
#include "rules/support/text.h"

namespace brandlint::rules {
namespace address {
namespace {

bool is_address_verb(std::string_view fold) {
  static const std::unordered_set<std::string_view> verbs = {
      "kan", "kunne", "får", "skal", "skulle", "vil", "ville", "må", "bedes", "bør", "har",
      "er", "modtager", "finder", "kender", "ønsker", "behøver", "slipper", "sparer", "kommer"};
  return verbs.count(fold) != 0;
}

// The next letter token after i, if it directly follows as the next word.
std::string_view next_word(const text::RunWords& words, std::size_t i) {
  const std::size_t n = i + 1;
  if (n >= words.words.size() || !words.words[n].is_letter) return {};
  return words.fold(words.words[n]);
}

}  // namespace

Form classify(const text::RunWords& words, std::size_t i, bool sentence_initial, std::string_view lang) {
  const text::Word& w = words.words[i];
  if (!w.is_letter || w.fold_size > 8) return Form::none;
  const std::string_view fold = words.fold(w);
  if (lang == "en") {
    if (fold == "you" || fold == "your" || fold == "yours" || fold == "yourself") return Form::you;
    if (fold == "we" || fold == "our" || fold == "ours" || fold == "us") return Form::we;
    return Form::none;
  }
  if (lang != "da") return Form::none;
  if (fold == "du" || fold == "dig" || fold == "din" || fold == "dit" || fold == "dine") return Form::du;
  if (fold == "jer" || fold == "jeres") return Form::I;
  const std::string_view written = std::string_view(words.run->text).substr(w.run_begin, w.run_end - w.run_begin);
  if (written == "De" || written == "Dem" || written == "Deres") {
    if (!sentence_initial) return Form::De;
    return written == "De" && is_address_verb(next_word(words, i)) ? Form::De : Form::none;
  }
  if (written == "I") {
    if (!sentence_initial) return Form::I;
    return is_address_verb(next_word(words, i)) ? Form::I : Form::none;
  }
  return Form::none;
}

std::string_view name(Form form) {
  switch (form) {
    case Form::du: return "du";
    case Form::De: return "De";
    case Form::I: return "I";
    case Form::you: return "you";
    case Form::we: return "we";
    case Form::none: break;
  }
  return "";
}

}  // namespace address

namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/address",
      "Danish copy addresses the reader as the guide says (du or De)",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/address.md",
      {},
  };
  return meta;
}

class Address final : public Rule {
 public:
  explicit Address(const RuleConfig& cfg) : wanted_(cfg.channel.voice.address) {
    const auto ref = cfg.channel.voice.refs.find("address");
    if (ref != cfg.channel.voice.refs.end() && !ref->second.key.empty()) key_ = ref->second.key;
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (wanted_ != "du" && wanted_ != "De") return;
    const text::AssetWords& words = text::words_of(asset);
    const std::string& locale = ctx.channel().locale;
    for (const text::Sentence& s : text::sentences_of(asset).sentences) {
      const text::RunWords& run = words.runs[s.run];
      const std::string lang = text::run_language(*run.run, locale);
      if (lang != "da") continue;  // Danish address forms only; "I" in English is the pronoun
      bool initial = true;
      for (std::size_t i = s.first; i < s.last; ++i) {
        if (!run.words[i].is_word()) continue;
        const address::Form form = address::classify(run, i, initial, lang);
        initial = false;
        if (!flagged(form)) continue;
        const text::Word& w = run.words[i];
        const std::string written = run.run->text.substr(w.run_begin, w.run_end - w.run_begin);
        ctx.report_text(w.begin, w.end,
                        fmt::format("\"{}\" addresses the reader as \"{}\"; the guide says \"{}\" ({})", written,
                                    address::name(form), wanted_, key_),
                        Json{{"measured", std::string(address::name(form))}, {"expected", wanted_}, {"guide_key", key_}});
      }
    }
  }

 private:
  bool flagged(address::Form form) const {
    if (wanted_ == "du") return form == address::Form::De || form == address::Form::I;
    return form == address::Form::du;
  }

  std::string wanted_;  // "du" | "De"
  std::string key_ = "voice.address";
};

}  // namespace

RuleEntry voice_address_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Address>(cfg);
          }};
}

}  // namespace brandlint::rules
