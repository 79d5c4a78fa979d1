// voice/shouting: words in capitals ("KØB", "GRATIS") when the guide sets `voice.shouting =
// true`. A word shouts when it has at least four letters and none of them is lower case, so
// "OK", "TV" and "EU" never fire; words in `voice.acronyms` (exact spelling) never fire either.
// Words of the brand name and of name-like `voice.term` entries are left to voice/brand-name,
// which reports "NORDLYS" and "NORDLYS PLUS" as misspelt names with a fix: one finding per
// mistake, not two. Digits do not count as letters, so "4G" and "USB3" are never shouting.
#include <memory>
#include <string>
#include <unordered_set>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "linter/rule.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

constexpr int kMinLetters = 4;

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/shouting",
      "No words in capitals beyond the guide's acronyms",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/shouting.md",
      {},
  };
  return meta;
}

// Upper-case letters in `word`, or -1 as soon as a lower-case letter appears.
int upper_letters(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  int upper = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (u_isULowercase(c)) return -1;
    if (u_isUUppercase(c)) ++upper;
  }
  return upper;
}

class Shouting final : public Rule {
 public:
  explicit Shouting(const RuleConfig& cfg) : enabled_(cfg.channel.voice.shouting) {
    for (const std::string& acronym : cfg.channel.voice.acronyms) acronyms_.insert(acronym);
    add_name_words(cfg.guide.brand.name);
    for (const guide::Term& term : cfg.channel.voice.terms) {
      if (text::has_upper(term.use)) add_name_words(term.use);
    }
    const auto ref = cfg.channel.voice.refs.find("shouting");
    if (ref != cfg.channel.voice.refs.end() && !ref->second.key.empty()) key_ = ref->second.key;
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!enabled_) return;
    for (const text::RunWords& run : text::words_of(asset).runs) {
      for (const text::Word& w : run.words) {
        // Cheap filter first: a shouted word starts with an upper-case letter, and ASCII lower
        // case is by far the most common first byte.
        if (!w.is_letter || w.run_end - w.run_begin < kMinLetters) continue;
        const char first = run.run->text[w.run_begin];
        if (first >= 'a' && first <= 'z') continue;
        const std::string_view written = std::string_view(run.run->text).substr(w.run_begin, w.run_end - w.run_begin);
        if (upper_letters(written) < kMinLetters) continue;
        if (acronyms_.count(std::string(written)) != 0 || name_words_.count(std::string(run.fold(w))) != 0) continue;
        ctx.report_text(w.begin, w.end,
                        fmt::format("\"{}\" is written in capitals; write it in normal case ({})", written, key_),
                        Json{{"measured", std::string(written)}, {"expected", "not all capitals"}, {"guide_key", key_}});
      }
    }
  }

 private:
  void add_name_words(const std::string& name) {
    if (name.empty()) return;
    TextRun run;
    run.text = name;
    text::RunWords words;
    text::segment(run, words);
    for (const text::Word& w : words.words) {
      if (w.is_letter) name_words_.insert(std::string(words.fold(w)));
    }
  }

  bool enabled_ = false;
  std::unordered_set<std::string> acronyms_;    // as written in the guide
  std::unordered_set<std::string> name_words_;  // match forms of brand/term name words
  std::string key_ = "voice.shouting";
};

}  // namespace

RuleEntry voice_shouting_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Shouting>(cfg);
          }};
}

}  // namespace brandlint::rules
