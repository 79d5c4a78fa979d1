#include "rules/support/term_matcher.h"

#include <algorithm>

namespace brandlint::text {

std::string TermMatcher::add(std::string_view pattern, std::uint32_t id) {
  // Patterns are segmented exactly like copy, so both sides agree on what a token is.
  TextRun run;
  run.text = std::string(pattern);
  RunWords words;
  segment(run, words);

  Pattern compiled;
  compiled.id = id;
  for (std::size_t i = 0; i < words.words.size(); ++i) {
    const Word& word = words.words[i];
    const std::string_view fold = words.fold(word);
    if (fold == "*") {
      const bool ends_word = i + 1 == words.words.size() || words.words[i + 1].space_before;
      if (word.space_before || compiled.tokens.empty() || compiled.tokens.back().prefix || !ends_word) {
        return "'*' may only end a word (\"gratis*\")";
      }
      compiled.tokens.back().prefix = true;
      continue;
    }
    compiled.tokens.push_back({std::string(fold), false, word.space_before});
  }
  if (compiled.tokens.empty()) return "the pattern has no words";

  const auto index = static_cast<std::uint32_t>(patterns_.size());
  const Token& first = compiled.tokens.front();
  std::uint8_t& filter = first_byte_[static_cast<unsigned char>(first.fold[0])];
  filter = static_cast<std::uint8_t>(filter | (first.prefix ? 2 : 1));
  if (first.prefix) {
    prefix_first_[hash_fold(first.fold)].push_back(index);
    const auto at = std::lower_bound(prefix_lengths_.begin(), prefix_lengths_.end(), first.fold.size());
    if (at == prefix_lengths_.end() || *at != first.fold.size()) prefix_lengths_.insert(at, first.fold.size());
  } else {
    exact_first_[hash_fold(first.fold)].push_back(index);
  }
  patterns_.push_back(std::move(compiled));
  return {};
}

std::size_t TermMatcher::match_at(const Pattern& p, const RunWords& words, std::size_t i) const {
  if (i + p.tokens.size() > words.words.size()) return 0;
  for (std::size_t k = 0; k < p.tokens.size(); ++k) {
    const Word& word = words.words[i + k];
    const Token& token = p.tokens[k];
    if (k > 0 && word.space_before != token.space_before) return 0;
    const std::string_view fold = words.fold(word);
    if (token.prefix ? !fold.starts_with(token.fold) : fold != token.fold) return 0;
  }
  return p.tokens.size();
}

void TermMatcher::find(const RunWords& words, std::vector<Match>& out) const {
  if (patterns_.empty()) return;
  const std::size_t n = words.words.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t best_length = 0;
    std::uint32_t best = 0;
    const auto consider = [&](const std::vector<std::uint32_t>& candidates) {
      for (const std::uint32_t candidate : candidates) {
        const std::size_t length = match_at(patterns_[candidate], words, i);
        if (length > best_length || (length == best_length && length > 0 && candidate < best)) {
          best_length = length;
          best = candidate;
        }
      }
    };
    const Word& word = words.words[i];
    const std::string_view fold = words.fold(word);
    const std::uint8_t filter = fold.empty() ? 0 : first_byte_[static_cast<unsigned char>(fold[0])];
    if (filter == 0) {
      ++i;
      continue;
    }
    if ((filter & 1) != 0) {
      if (const auto it = exact_first_.find(word.fold_hash); it != exact_first_.end()) consider(it->second);
    }
    if ((filter & 2) != 0) {
      for (const std::size_t length : prefix_lengths_) {
        if (length > fold.size()) break;
        if (const auto it = prefix_first_.find(hash_fold(fold.substr(0, length))); it != prefix_first_.end()) {
          consider(it->second);
        }
      }
    }
    if (best_length == 0) {
      ++i;
      continue;
    }
    out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + best_length), patterns_[best].id});
    i += best_length;
  }
}

std::string LanguageTermMatchers::add(const std::string& lang, std::string_view pattern,
                                      std::uint32_t id) {
  if (!lang.empty()) return by_lang_[lang].add(pattern, id);
  std::string error = any_lang_.add(pattern, id);
  if (error.empty()) {
    for (auto& [other, matcher] : by_lang_) matcher.add(pattern, id);
  }
  return error;
}

const TermMatcher& LanguageTermMatchers::for_language(const std::string& lang) const {
  const auto it = by_lang_.find(lang);
  return it == by_lang_.end() ? any_lang_ : it->second;
}

}  // namespace brandlint::text
