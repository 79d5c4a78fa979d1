// voice/spelling: every word of the copy is in the hunspell dictionary of its language (da_DK or
// en_US), or one the brand accepts: the brand name, `voice.term` names (and their listed wrong
// variants, which voice/brand-name and voice/preferred-term report instead), `voice.acronyms` and
// `voice.accept`. Danish words with æ, ø and å are checked like any other (Vale skips them).
// Not checked: numbers and words with digits, ALL-CAPS words, single letters, hashtags and
// handles, URLs and e-mail addresses. A language without a dictionary is not checked.
#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "linter/rule.h"
#include "rules/support/language.h"
#include "rules/support/spelling.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/spelling",
      "Words are in the hunspell dictionary of their language (da_DK, en_US: Debian hunspell-da, "
      "hunspell-en-us) or in voice.accept",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/spelling.md",
      {},
  };
  return meta;
}

constexpr std::size_t kSuggestions = 3;

// Danish endings written after an apostrophe ("pc'er", "1970'erne", "Nordlys'en" is another
// rule's business): the part before the apostrophe is what is checked.
constexpr std::string_view kApostropheEndings[] = {"s", "e", "n", "t", "en", "et", "er", "ere", "erne",
                                                  "ens", "ets", "ers", "ernes", "d", "ll", "re", "ve", "m"};

struct Letters {
  int letters = 0, lower = 0;
  bool digit = false;
};

Letters letters_of(std::string_view w) {
  Letters l;
  for (int32_t i = 0; i < static_cast<int32_t>(w.size());) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
    if (c < 0) continue;
    if (u_isdigit(c)) l.digit = true;
    if (u_isalpha(c)) {
      ++l.letters;
      if (!u_isupper(c) && !u_istitle(c)) ++l.lower;
    }
  }
  return l;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Is the token inside a URL, an e-mail address or a path? Looks at the whitespace-delimited
// chunk around it: "@", "/", or a dot followed by a letter ("nrdl.example"). The same test
// skips abbreviations UAX #29 keeps as one token ("f.eks", "bl.a"): hunspell lists them with
// their final period, which the token does not have.
bool in_address(std::string_view run, std::size_t begin, std::size_t end) {
  std::size_t b = begin, e = end;
  while (b > 0 && !is_space(run[b - 1])) --b;
  while (e < run.size() && !is_space(run[e])) ++e;
  const std::string_view chunk = run.substr(b, e - b);
  if (chunk.find('@') != std::string_view::npos || chunk.find('/') != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 1 < chunk.size(); ++i) {
    const auto next = static_cast<unsigned char>(chunk[i + 1]);
    if (chunk[i] == '.' && (std::isalpha(next) != 0 || next >= 0x80)) return true;
  }
  return false;
}

class Spelling final : public Rule {
 public:
  explicit Spelling(const RuleConfig& cfg) {
    const guide::Voice& voice = cfg.channel.voice;
    add_words(cfg.guide.brand.name);
    for (const guide::Term& term : voice.terms) {
      add_words(term.use);
      for (const std::string& variant : term.not_) add_words(variant);
    }
    for (const std::string& acronym : voice.acronyms) add_words(acronym);
    for (const std::string& word : voice.accept) add_words(word);
    const auto it = voice.refs.find("accept");
    accept_key_ = it != voice.refs.end() ? it->second.key : "voice.accept";
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    const std::string& locale = ctx.channel().locale;
    std::unordered_map<std::string, bool> verdicts;  // per asset: copy repeats its words
    for (const text::RunWords& words : text::words_of(asset).runs) {
      const spelling::Dictionary* dict = spelling::Dictionary::for_language(language_of(words, locale));
      if (!dict) continue;
      for (std::size_t i = 0; i < words.words.size(); ++i) {
        const text::Word& w = words.words[i];
        if (!w.is_letter || skipped(words, i)) continue;
        const std::string word = text::spelling_form(words.run_text(i, i + 1));
        auto [it, fresh] = verdicts.try_emplace(word, true);
        if (fresh) it->second = acceptable(word, *dict);
        if (!it->second) report(*dict, w, word, ctx);
      }
    }
  }

 private:
  void add_words(std::string_view phrase) {
    TextRun run;
    run.text = std::string(phrase);
    text::RunWords words;
    text::segment(run, words);
    for (const text::Word& w : words.words) {
      if (w.is_word()) accepted_.insert(std::string(words.fold(w)));
    }
  }

  // The run's expected language, unless CLD2 reliably reads a paragraph (15 words or more) as
  // another one: then that language's dictionary applies, and voice/language reports the
  // mismatch once instead of every word being a misspelling.
  static std::string language_of(const text::RunWords& words, const std::string& locale) {
    const std::string expected = text::run_language(*words.run, locale);
    int count = 0;
    for (const text::Word& w : words.words) count += w.is_letter ? 1 : 0;
    if (count < 15) return expected;
    const language::Detection d = language::detect(text::display_form(words.run->text));
    if (!d.reliable || d.percent < 80 || language::same_family(d.code, expected)) return expected;
    return d.code;
  }

  bool skipped(const text::RunWords& words, std::size_t i) const {
    const text::Word& w = words.words[i];
    if (accepted_.contains(std::string(words.fold(w)))) return true;
    const std::string_view raw = words.run_text(i, i + 1);
    const Letters l = letters_of(raw);
    if (l.digit || l.letters < 2 || l.lower == 0) return true;  // numbers, single letters, ALL-CAPS
    if (raw.find('_') != std::string_view::npos) return true;    // template variables: first_name
    if (i > 0 && !w.space_before) {
      const std::string_view before = words.fold(words.words[i - 1]);
      if (before == "#" || before == "@") return true;  // hashtag, handle
    }
    return in_address(words.run->text, w.run_begin, w.run_end);
  }

  bool acceptable(const std::string& word, const spelling::Dictionary& dict) const {
    if (dict.correct(word)) return true;
    // A Danish ending after an apostrophe: check the stem ("pc'er", "Nordlys'en" is
    // voice/brand-name's).
    const std::size_t apostrophe = word.rfind('\'');
    if (apostrophe == std::string::npos || apostrophe == 0) return false;
    const std::string_view ending = std::string_view(word).substr(apostrophe + 1);
    bool known = false;
    for (const std::string_view e : kApostropheEndings) known = known || e == ending;
    if (!known) return false;
    const std::string stem = word.substr(0, apostrophe);
    return accepted_.contains(text::match_form(stem)) || letters_of(stem).lower == 0 || dict.correct(stem);
  }

  void report(const spelling::Dictionary& dict, const text::Word& w, const std::string& word,
              RuleContext& ctx) const {
    const std::vector<std::string> suggestions = dict.suggest(word, kSuggestions);
    std::string message = fmt::format("\"{}\" is not in the {} dictionary and not in {}", word, dict.name(), accept_key_);
    if (!suggestions.empty()) {
      message += "; did you mean ";
      for (std::size_t k = 0; k < suggestions.size(); ++k) {
        message += fmt::format("{}\"{}\"", k == 0 ? "" : k + 1 == suggestions.size() ? " or " : ", ", suggestions[k]);
      }
      message += "?";
    }
    ctx.report_text(w.begin, w.end, std::move(message),
                    Json{{"measured", word},
                         {"expected", fmt::format("a word in {} or {}", dict.name(), accept_key_)},
                         {"dictionary", dict.name()},
                         {"suggestions", suggestions},
                         {"guide_key", accept_key_}});
  }

  std::unordered_set<std::string> accepted_;  // match forms
  std::string accept_key_;
};

}  // namespace

RuleEntry voice_spelling_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Spelling>(cfg);
          }};
}

}  // namespace brandlint::rules
