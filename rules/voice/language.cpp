// voice/language: copy is written in the language it is supposed to be in: the run's own `lang`
// (HTML lang attributes, Markdown front matter), else the channel's locale. CLD2 detects the
// language of every run (paragraph, copy-deck field) of at least 15 words; shorter text is too
// little to tell. Only a reliable detection that differs is reported, and Danish/Norwegian are
// not told apart (CLD2 confuses them).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/language.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/language",
      "Copy is in the expected language (run lang, else the channel locale), detected by CLD2",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/language.md",
      {"min_words", "min_percent"},
  };
  return meta;
}

class Language final : public Rule {
 public:
  explicit Language(const RuleConfig& cfg)
      : min_words_(cfg.option_int("min_words", 15)), min_percent_(cfg.option_int("min_percent", 80)) {
    if (min_words_ < 1) throw guide::GuideError(cfg.option_ref("min_words"), "min_words must be at least 1");
    // The locale's guide key: the channel's own when it overrides brand.locale.
    const bool own = cfg.channel.locale != cfg.guide.brand.locale;
    locale_key_ = own ? cfg.channel.ref.key + ".locale" : "brand.locale";
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    const std::string& locale = ctx.channel().locale;
    const std::vector<text::RunWords>& runs = text::words_of(asset).runs;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const text::RunWords& words = runs[r];
      std::int64_t count = 0;
      std::size_t first = words.words.size(), last = 0;
      for (std::size_t i = 0; i < words.words.size(); ++i) {
        if (!words.words[i].is_letter) continue;
        ++count;
        first = std::min(first, i);
        last = i + 1;
      }
      if (count < min_words_) continue;
      const std::string expected = text::run_language(*words.run, locale);
      if (expected.empty()) continue;
      if (language::plainly_in(asset, r, words, expected)) continue;
      const language::Detection& d = language::detection_of(asset, r);
      if (!d.reliable || d.percent < min_percent_ || language::same_family(d.code, expected)) continue;
      // A run's own lang comes from front matter in Markdown, from a lang attribute in markup.
      const std::string key = !words.run->lang.empty()
                                  ? (asset.kind == AssetKind::markdown ? "front matter lang" : "lang attribute")
                                  : locale_key_;
      ctx.report_text(words.words[first].begin, words.words[last - 1].end,
                      fmt::format("copy reads as {} ({}, {} %), expected \"{}\" ({})", d.name, d.code, d.percent,
                                  expected, key),
                      Json{{"measured", d.code},
                           {"expected", expected},
                           {"detected", d.name},
                           {"confidence_percent", d.percent},
                           {"words", count},
                           {"guide_key", key}});
    }
  }

 private:
  std::int64_t min_words_;
  std::int64_t min_percent_;
  std::string locale_key_;
};

}  // namespace

RuleEntry voice_language_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Language>(cfg);
          }};
}

}  // namespace brandlint::rules
