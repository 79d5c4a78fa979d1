// voice/preferred-term: house-style words (`voice.term` entries whose `use` has no capital
// letter, e.g. use "e-mail", not ["email", "mail"]). Name-like terms ("Nordlys", "iOS") and the
// brand name are voice/brand-name's. Every listed `not` variant is found as whole tokens with the
// shared TermMatcher, in the term's `lang` only. The fix replaces exactly the matched bytes with
// `use`, keeping the variant's capitalisation: "Email" -> "E-mail" (sentence start, headings),
// "EMAIL" -> "E-MAIL", "email" -> "e-mail". A variant that is part of a hyphenated compound
// ("mail" in "e-mail" or "mail-adresse") is not matched: the compound is a different word.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "linter/rule.h"
#include "rules/support/term_matcher.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/preferred-term",
      "House-style words are used instead of their listed variants",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::always,
      "rules/voice/preferred-term.md",
      {},
  };
  return meta;
}

enum class Case { lower, capital, upper };

// How `written` is capitalised: all letters upper (two or more), first letter upper, or other.
Case case_of(std::string_view written) {
  const auto* s = reinterpret_cast<const uint8_t*>(written.data());
  const auto n = static_cast<int32_t>(written.size());
  int letters = 0, upper = 0;
  bool first_upper = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (letters == 0) first_upper = u_isUUppercase(c) != 0;
    ++letters;
    upper += u_isUUppercase(c) ? 1 : 0;
  }
  if (letters >= 2 && upper == letters) return Case::upper;
  return first_upper ? Case::capital : Case::lower;
}

// `use` in the given case (simple per-code-point mapping: house-style words are plain words).
std::string recase(std::string_view use, Case c) {
  if (c == Case::lower) return std::string(use);
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(use.data());
  const auto n = static_cast<int32_t>(use.size());
  bool first = true;
  for (int32_t i = 0; i < n;) {
    UChar32 ch = 0;
    U8_NEXT(s, i, n, ch);
    if (ch < 0) continue;
    if (u_isalpha(ch) && (c == Case::upper || first)) {
      ch = u_toupper(ch);
      first = false;
    }
    uint8_t buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, ch);  // ch is a valid code point: U8_NEXT rejected the rest
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
  }
  return out;
}

bool is_hyphen_token(const text::RunWords& words, std::size_t i) { return words.fold(words.words[i]) == "-"; }

class PreferredTerm final : public Rule {
 public:
  explicit PreferredTerm(const RuleConfig& cfg) {
    const std::vector<guide::Term>& terms = cfg.channel.voice.terms;
    for (const guide::Term& term : terms) {
      if (!term.lang.empty()) by_lang_.try_emplace(text::primary_language(term.lang));
    }
    for (std::size_t t = 0; t < terms.size(); ++t) {
      const guide::Term& term = terms[t];
      if (term.use == cfg.guide.brand.name || text::has_upper(term.use)) continue;  // brand-name's
      const std::string key = term.ref.key.empty() ? fmt::format("voice.term[{}]", t) : term.ref.key;
      const std::string lang = text::primary_language(term.lang);
      for (const std::string& variant : term.not_) {
        const auto id = static_cast<std::uint32_t>(entries_.size());
        entries_.push_back({term.use, key});
        const std::string error = lang.empty() ? any_lang_.add(variant, id) : by_lang_[lang].add(variant, id);
        if (!error.empty()) throw guide::GuideError(term.ref, fmt::format("{}.not: \"{}\": {}", key, variant, error));
        if (lang.empty()) {
          for (auto& [other, matcher] : by_lang_) matcher.add(variant, id);
        }
      }
    }
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (entries_.empty()) return;
    const std::string& locale = ctx.channel().locale;
    std::vector<text::TermMatcher::Match> matches;
    for (const text::RunWords& words : text::words_of(asset).runs) {
      const auto it = by_lang_.find(text::run_language(*words.run, locale));
      const text::TermMatcher& matcher = it != by_lang_.end() ? it->second : any_lang_;
      if (matcher.empty()) continue;
      matches.clear();
      matcher.find(words, matches);
      for (const text::TermMatcher::Match& m : matches) report(words, m, ctx);
    }
  }

 private:
  struct Entry {
    std::string use;
    std::string key;  // "voice.term[2]"
  };

  void report(const text::RunWords& words, const text::TermMatcher::Match& m, RuleContext& ctx) const {
    const std::vector<text::Word>& w = words.words;
    // Part of a hyphenated compound ("e-mail", "mail-adresse"): not this word.
    if (m.first > 0 && !w[m.first].space_before && is_hyphen_token(words, m.first - 1)) return;
    if (m.last < w.size() && !w[m.last].space_before && is_hyphen_token(words, m.last)) return;
    const Entry& e = entries_[m.id];
    const std::string_view written = words.run_text(m.first, m.last);
    const std::string replacement = recase(e.use, case_of(written));
    const std::string measured = text::display_form(written);
    ctx.report_text(w[m.first].begin, w[m.last - 1].end,
                    fmt::format("write \"{}\", not \"{}\" ({})", replacement, measured, e.key),
                    Json{{"measured", measured}, {"expected", replacement}, {"guide_key", e.key}},
                    Fix{w[m.first].begin, w[m.last - 1].end, replacement});
  }

  std::vector<Entry> entries_;  // TermMatcher ids index this
  text::TermMatcher any_lang_;  // terms without `lang`
  std::map<std::string, text::TermMatcher> by_lang_;
};

}  // namespace

RuleEntry voice_preferred_term_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<PreferredTerm>(cfg);
          }};
}

}  // namespace brandlint::rules
