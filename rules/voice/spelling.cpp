// voice/spelling: every word of the copy is in the hunspell dictionary of its language (da_DK,
// en_GB or en_US by the run's region), or one the brand accepts: the brand name, `voice.term` names (and their listed wrong
// variants, which voice/brand-name and voice/preferred-term report instead), `voice.acronyms` and
// `voice.accept`. Danish words with æ, ø and å are checked like any other (Vale skips them).
// Not checked: numbers and words with digits, ALL-CAPS words, single letters, hashtags and
// handles, URLs and e-mail addresses, abbreviations written with their period ("kl.", "f.eks."),
// and capitalised words inside a sentence (names). The rule's languages are those with a
// dictionary (da, en); a run in any other language is not checked.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
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
#include "rules/support/sentences.h"
#include "rules/support/spelling.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/spelling",
      "Words are in the hunspell dictionary of their language (da_DK, en_GB, en_US: Debian "
      "hunspell-da, hunspell-en-gb, hunspell-en-us) or in voice.accept",
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
    const text::AssetWords& all = text::words_of(asset);
    const std::vector<std::vector<bool>> starts = sentence_starts(asset, all);
    // What a word is, by its bytes as written (copy repeats its words, and everything here but
    // the context checks depends on the bytes alone): one normalisation and one lookup per
    // distinct word of the asset, then a hash probe per occurrence.
    std::unordered_map<Raw, WordInfo, RawHash> seen;
    std::vector<const spelling::Dictionary*> used;  // WordInfo::verdict's index: one per dictionary
    for (std::size_t r = 0; r < all.runs.size(); ++r) {
      const text::RunWords& words = all.runs[r];
      const spelling::Dictionary* dict = spelling::Dictionary::for_language(language_of(asset, r, words, locale));
      if (!dict) continue;
      std::size_t d = static_cast<std::size_t>(std::find(used.begin(), used.end(), dict) - used.begin());
      if (d == used.size()) used.push_back(dict);
      for (std::size_t i = 0; i < words.words.size(); ++i) {
        const text::Word& w = words.words[i];
        if (!w.is_letter) continue;
        auto [it, fresh] = seen.try_emplace(Raw{words.run_text(i, i + 1), w.fold_hash});
        WordInfo& info = it->second;
        if (fresh) classify(words, w, it->first.bytes, info);
        if (info.skip || skipped_here(words, i)) continue;
        // A capitalised word inside a sentence is a name (a person, a street, a town, a
        // company form such as "ApS"): dictionaries hold few of them, and brand names are
        // voice/brand-name's. Danish capitalises nothing else mid-sentence.
        if (info.capitalised && !starts[r][i]) continue;
        if (abbreviation(words, i, info.form, *dict)) continue;
        // A verdict is kept per dictionary; the rare asset with more dictionaries than slots
        // (Danish, British and American copy and a fourth) asks again for the extra ones.
        int fresh_verdict = -1;
        int& verdict = d < info.verdict.size() ? info.verdict[d] : fresh_verdict;
        if (verdict < 0) {
          verdict = acceptable(info.form, *dict) || (info.capitalised && foreign_word(info.form, *dict)) ? 1 : 0;
        }
        if (verdict == 0) report(*dict, w, info.form, ctx);
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

  // The run's expected language tag (its region picks British or American spelling), unless
  // CLD2 reliably reads a paragraph (15 words or more) as another language: then that
  // language's dictionary applies, and voice/language reports the mismatch once instead of
  // every word being a misspelling.
  static std::string language_of(const Asset& asset, std::size_t r, const text::RunWords& words,
                                 const std::string& locale) {
    const std::string expected = text::run_language(*words.run, locale);
    const std::string tag = text::run_locale(*words.run, locale);
    int count = 0;
    for (const text::Word& w : words.words) count += w.is_letter ? 1 : 0;
    if (count < 15 || language::plainly_in(asset, r, words, expected)) return tag;
    const language::Detection& d = language::detection_of(asset, r);
    if (!d.reliable || d.percent < 80 || language::same_family(d.code, expected)) return tag;
    return d.code;
  }

  // A word as written, hashed by the hash of its match form that segmentation already computed
  // (spellings that differ only in case share a bucket; equality still compares the bytes).
  struct Raw {
    std::string_view bytes;
    std::uint64_t fold_hash = 0;
    bool operator==(const Raw& o) const { return bytes == o.bytes; }
  };
  struct RawHash {
    std::size_t operator()(const Raw& r) const { return static_cast<std::size_t>(r.fold_hash); }
  };

  struct WordInfo {
    bool skip = false;         // accepted, a number, a single letter, ALL-CAPS, a variable
    bool capitalised = false;  // has an upper-case letter (not ALL-CAPS: those are skipped)
    std::string form;          // spelling form: what the dictionary is asked
    // By dictionary, in the order check() first used them: -1 not asked yet, 0 wrong, 1 right.
    std::array<int, 3> verdict = {-1, -1, -1};
  };

  // The part of "is this word checked, and how" that depends on the word's bytes alone.
  void classify(const text::RunWords& words, const text::Word& w, std::string_view raw, WordInfo& info) const {
    const Letters l = letters_of(raw);
    info.skip = accepted_.contains(words.fold(w)) ||
                l.digit || l.letters < 2 || l.lower == 0 ||   // numbers, single letters, ALL-CAPS
                raw.find('_') != std::string_view::npos;      // template variables: first_name
    if (info.skip) return;
    info.capitalised = l.lower < l.letters;
    info.form = text::spelling_form(raw);
  }

  // The part that depends on where the word stands: hashtags, handles, addresses.
  static bool skipped_here(const text::RunWords& words, std::size_t i) {
    const text::Word& w = words.words[i];
    if (i > 0 && !w.space_before) {
      const std::string_view before = words.fold(words.words[i - 1]);
      if (before == "#" || before == "@") return true;  // hashtag, handle
    }
    return in_address(words.run->text, w.run_begin, w.run_end);
  }

  // Per run, per token: is it the first letter word of its sentence? Only there does a
  // capital say nothing about the word being a name.
  static std::vector<std::vector<bool>> sentence_starts(const Asset& asset, const text::AssetWords& all) {
    std::vector<std::vector<bool>> starts(all.runs.size());
    for (std::size_t r = 0; r < all.runs.size(); ++r) starts[r].assign(all.runs[r].words.size(), false);
    for (const text::Sentence& s : text::sentences_of(asset).sentences) {
      const std::vector<text::Word>& w = all.runs[s.run].words;
      for (std::size_t i = s.first; i < s.last; ++i) {
        if (!w[i].is_letter) continue;
        starts[s.run][i] = true;
        break;
      }
    }
    return starts;
  }

  // "kl." or "f.eks.": a word written with its period that is an abbreviation (the sentence
  // splitter's list, or the dictionary's own entry with the period; da_DK has "kl.", "ca.").
  // Without the period these are not words, so they are checked only as abbreviations.
  static bool abbreviation(const text::RunWords& words, std::size_t i, const std::string& word,
                           const spelling::Dictionary& dict) {
    if (i + 1 >= words.words.size()) return false;
    const text::Word& next = words.words[i + 1];
    if (next.space_before || words.fold(next) != ".") return false;
    const std::string with_period = word + ".";
    return text::is_abbreviation(with_period) || dict.correct(with_period);
  }

  // A capitalised word at the start of a sentence that is a word of the other language we have
  // a dictionary for: the language links of a bilingual site ("English", "Dansk") and names
  // the dictionary of the other language lists ("Mette", "Kjær" in en_US copy). Lower-case
  // words of the other language are still reported: copy written in the wrong language.
  // The other spelling of the same language is not foreign: "Organize" in British copy is a
  // misspelling there, not a name.
  static bool foreign_word(const std::string& word, const spelling::Dictionary& dict) {
    for (const std::string_view lang : {std::string_view("da"), std::string_view("en")}) {
      if (dict.name().starts_with(lang)) continue;
      const spelling::Dictionary* other = spelling::Dictionary::for_language(lang);
      if (other != nullptr && other->correct(word)) return true;
    }
    return false;
  }

  // Danish writes compounds as one word and coins new ones freely ("gratisprøven",
  // "premiumlampen"); da_DK knows many, not all. A word that splits into a head of at least
  // three letters (a Danish word, optionally with the linking -s- or -e-, or an English loan
  // word) and a Danish tail of at least four letters is accepted. Misspelled endings ("hyttn",
  // "mørkeet": "eet" is too short a tail) do not split that way.
  static bool danish_compound(const std::string& word, const spelling::Dictionary& dict) {
    if (dict.name() != "da_DK") return false;
    std::vector<std::size_t> cuts;  // byte offsets of code point boundaries
    for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
      cuts.push_back(static_cast<std::size_t>(i));
      U8_FWD_1(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()));
    }
    constexpr std::size_t kMinHead = 3, kMinTail = 4;
    if (cuts.size() < kMinHead + kMinTail || word.find_first_of("-'") != std::string::npos) return false;
    const spelling::Dictionary* english = spelling::Dictionary::for_language("en");
    for (std::size_t k = kMinHead; k + kMinTail <= cuts.size(); ++k) {
      const std::string head = word.substr(0, cuts[k]), tail = word.substr(cuts[k]);
      if (!dict.correct(tail)) continue;
      if (dict.correct(head) || (english != nullptr && english->correct(head))) return true;
      const char link = head.back();
      if ((link == 's' || link == 'e') && k > kMinHead && dict.correct(head.substr(0, head.size() - 1))) return true;
    }
    return false;
  }

  bool acceptable(const std::string& word, const spelling::Dictionary& dict) const {
    if (dict.correct(word) || danish_compound(word, dict)) return true;
    // A Danish ending after an apostrophe: check the stem ("pc'er", "Nordlys'en" is
    // voice/brand-name's).
    const std::size_t apostrophe = word.rfind('\'');
    if (apostrophe == std::string::npos || apostrophe == 0) return false;
    const std::string_view ending = std::string_view(word).substr(apostrophe + 1);
    bool known = false;
    for (const std::string_view e : kApostropheEndings) known = known || e == ending;
    if (!known) return false;
    const std::string stem = word.substr(0, apostrophe);
    return accepted_.contains(std::string_view(text::match_form(stem))) || letters_of(stem).lower == 0 || dict.correct(stem);
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

  // Transparent hashing, so a match form is looked up as the string_view it is.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> accepted_;  // match forms
  std::string accept_key_;
};

}  // namespace

RuleEntry voice_spelling_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Spelling>(cfg);
          }};
}

}  // namespace brandlint::rules
