// Multi-pattern term matching over segmented words. Compiled once per rule instance; matching is
// one hash lookup per token (plus one per distinct `*` prefix length), never a regex per term,
// and it can only ever match whole tokens: "app" never fires inside "happy", "ios" never inside
// "silențios" (the textlint ng-word and terminology failures).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/support/words.h"

namespace brandlint::text {

class TermMatcher {
 public:
  struct Match {
    std::uint32_t first = 0, last = 0;  // token range [first, last) in RunWords::words
    std::uint32_t id = 0;               // the id given to add()
  };

  /// Compiles `pattern`: one or more words, compared in match form (NFC + case folding, soft
  /// hyphens and ZWSP ignored, ’ = '). Words separated by whitespace match across any
  /// whitespace, line breaks included; tokens written together ("Nord-lys", "#1") must be
  /// together in the text. A `*` ending a word matches any continuation of that token:
  /// "gratis*" matches "gratis" and "gratisprøven", never "ugratis"; without it, "billig"
  /// never matches "billigste". Returns an error message, or "" once compiled.
  std::string add(std::string_view pattern, std::uint32_t id);

  bool empty() const { return patterns_.empty(); }

  /// Appends the matches in `words` to `out`, left to right and non-overlapping. At each
  /// position the longest match (in tokens) wins; ties go to the pattern added first, so the
  /// result never depends on hash order.
  void find(const RunWords& words, std::vector<Match>& out) const;

 private:
  struct Token {
    std::string fold;
    bool prefix = false;        // written with a trailing '*'
    bool space_before = false;  // separated from the previous token by whitespace
  };
  struct Pattern {
    std::vector<Token> tokens;
    std::uint32_t id = 0;
  };
  struct Identity {
    std::size_t operator()(std::uint64_t h) const { return static_cast<std::size_t>(h); }
  };
  using Index = std::unordered_map<std::uint64_t, std::vector<std::uint32_t>, Identity>;

  // Length in tokens of pattern p matching at words[i], or 0.
  std::size_t match_at(const Pattern& p, const RunWords& words, std::size_t i) const;

  std::vector<Pattern> patterns_;  // in add() order: the index is the tie-breaker
  Index exact_first_;              // hash of an exact first token -> patterns
  Index prefix_first_;             // hash of a starred first token -> patterns
  std::vector<std::size_t> prefix_lengths_;  // distinct byte lengths of starred first tokens
  // First bytes of first tokens (bit 1: exact, bit 2: starred): most tokens of ordinary copy
  // start with a byte no pattern starts with and skip the hash lookups altogether.
  std::array<std::uint8_t, 256> first_byte_{};
};

/// Word groups compiled per language (voice/banned-term, voice/claims): each language a group
/// names gets a matcher with its own groups plus the language-free ones, and runs in any other
/// language use the language-free matcher, so the longest-match choice is made among exactly
/// the words that apply to a run. Declare every group language before adding words.
class LanguageTermMatchers {
 public:
  /// `lang` is a primary language tag ("da"); call for every group that has one, first.
  void declare_language(const std::string& lang) { by_lang_.try_emplace(lang); }
  /// Adds `pattern` for runs in `lang` ("" = every language). Returns TermMatcher::add's error.
  std::string add(const std::string& lang, std::string_view pattern, std::uint32_t id);
  /// The matcher for a run in `lang`.
  const TermMatcher& for_language(const std::string& lang) const;

 private:
  TermMatcher any_lang_;                              // groups without a language
  std::map<std::string, TermMatcher> by_lang_;        // per language: its groups + any_lang_'s
};

}  // namespace brandlint::text
