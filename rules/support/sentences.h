// Sentence segmentation of text runs, done once per asset and shared by every voice rule (like
// words_of). ICU's UAX #29 sentence breaks, corrected for copy:
//   - a single line break inside a run is a space (wrapped plain text and Markdown paragraphs),
//     except before a list marker ("- ", "* ", "• ", "1. ", "1) "): a list item is a sentence;
//   - no break after a Danish or English abbreviation ("f.eks.", "bl.a.", "Mr.", "e.g." ...)
//     or after an ordinal/date number ("1. januar", "d. 3. maj", "den 24. December");
//   - no break after a quoted question or exclamation followed by a lower-case word
//     ("»Er det koldt?« spurgte hun.", "“Is it cold?” she asked.");
//   - a break before Markdown inline code (its U+FFFC placeholder) that follows a sentence end:
//     "service. `index.html` is ..." is two sentences (UAX #29 would join them: "is" is lower case);
//   - headings, alt texts, titles and other non-body scopes are one sentence per run at most
//     (a heading never runs on into the paragraph after it: runs are never joined).
// Each sentence knows its word tokens (letters and numbers only, from words_of), so every rule
// counts words the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "linter/asset.h"
#include "rules/support/words.h"

namespace brandlint::text {

struct Sentence {
  std::uint32_t run = 0;                    // index in Asset::runs / AssetWords::runs
  std::uint32_t run_begin = 0, run_end = 0;  // byte span in TextRun::text, trimmed of spaces
  std::uint32_t first = 0, last = 0;        // token range [first, last) in RunWords::words
  std::uint32_t word_count = 0;             // tokens that are letters or numbers
};

struct AssetSentences {
  std::vector<Sentence> sentences;  // in run order, then text order
};

/// Is `word` (case-insensitive, with its final period, e.g. "f.eks.", "Mr.") an abbreviation
/// after which a period does not end a sentence?
bool is_abbreviation(std::string_view word_with_period);

/// Sentences of one run, appended to `out`; `words` must be the run's tokens.
void split_sentences(const RunWords& words, std::uint32_t run_index, std::vector<Sentence>& out);

/// The sentences of every run of an asset, computed once per asset (Asset::derived
/// "text.sentences") and shared by every rule.
const AssetSentences& sentences_of(const Asset& asset);

}  // namespace brandlint::text
