// Word measures for the readability formulas.
//
// letters: LIX counts a word as long when it has more than six letters. Letters are counted as
//   user-perceived characters, not bytes: "første" and "større" have six (Vale counts their
//   UTF-8 bytes, seven, and calls them long). A code point counts when it is alphabetic and not a
//   combining mark, so a decomposed "ø" (o + U+0338) is one letter; apostrophes, hyphens and
//   digits are not letters.
//
// English syllables (Flesch reading ease), on the lower-cased word:
//   1. count groups of consecutive vowels a e i o u y ("beau-ti-ful" -> 3);
//   2. a final silent "e" does not count ("make" 1), unless the word ends in consonant + "le"
//      ("table" 2) or the "e" is the only vowel group ("the" 1);
//   3. a final "es" does not count ("makes" 1) except after s, x, z, c, g, ch, sh ("boxes" 2,
//      "pages" 2); a final "ed" does not count ("jumped" 1) except after t or d ("wanted" 2);
//   4. every word has at least one syllable.
// Letters outside a-z (accents, digits) are treated as consonants. This is the classic
// vowel-group heuristic (as in textstat's fallback and Vale's twine); it is within one syllable
// of a dictionary on almost all common words, which is what the formula needs.
#pragma once

#include <cstddef>
#include <string_view>

namespace brandlint::text {

/// Letters in a UTF-8 word (see above).
std::size_t count_letters(std::string_view utf8);

/// English syllables of a word in match form (lower case), by the method above.
std::size_t count_syllables_en(std::string_view word);

/// LIX = words / sentences + 100 * long words / words (0 when there are no words or sentences).
double lix(std::size_t words, std::size_t sentences, std::size_t long_words);

/// Flesch reading ease = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words.
double flesch(std::size_t words, std::size_t sentences, std::size_t syllables);

}  // namespace brandlint::text
