// Word segmentation of text runs (UAX #29, ICU BreakIterator), done once per asset and shared by
// every voice rule: segmentation is the expensive part of a voice check (about 40 MB/s), so
// rules read words_of(asset) instead of segmenting again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/asset.h"

namespace brandlint::text {

/// One token of a run: a word or number (UAX #29 word segment), or a single punctuation or
/// symbol segment ("-", "#", "!", emoji). Whitespace is not a token; `space_before` records it,
/// so phrases can require "separated by whitespace" (any amount, line breaks included) or
/// "adjacent" ("Nord-lys", "#1").
struct Word {
  std::size_t begin = 0, end = 0;               // byte span in Asset::text (findings, fixes)
  std::uint32_t run_begin = 0, run_end = 0;     // byte span in TextRun::text
  std::uint32_t fold_begin = 0, fold_size = 0;  // the match form, inside RunWords::folded
  std::uint64_t fold_hash = 0;                  // hash_fold() of the match form
  bool is_letter = false;     // UAX #29 letter, kana or ideographic segment
  bool is_number = false;     // UAX #29 number segment
  bool space_before = false;  // whitespace (or the run start) precedes it

  bool is_word() const { return is_letter || is_number; }
};

/// The tokens of one TextRun.
struct RunWords {
  const TextRun* run = nullptr;
  std::vector<Word> words;
  std::string folded;  // all match forms, back to back

  std::string_view fold(const Word& word) const {
    return std::string_view(folded).substr(word.fold_begin, word.fold_size);
  }
  /// The run text covered by words[first, last) (as written, including what lies between).
  std::string_view run_text(std::size_t first, std::size_t last) const {
    return std::string_view(run->text).substr(words[first].run_begin,
                                              words[last - 1].run_end - words[first].run_begin);
  }
};

/// The hash TermMatcher and friends use for match forms.
std::uint64_t hash_fold(std::string_view folded);

/// Segments one run (reusing `out`'s capacity).
void segment(const TextRun& run, RunWords& out);

/// The tokens of every run of an asset, in run order.
struct AssetWords {
  std::vector<RunWords> runs;
};

/// Segments the asset's runs once and hands the same result to every rule that asks on this
/// thread, until a different asset is asked for. The cache is keyed by the asset's address and a
/// hash of its runs, so a new asset at a reused address is never served stale words. The
/// reference is valid until the next call on the same thread.
const AssetWords& words_of(const Asset& asset);

}  // namespace brandlint::text
