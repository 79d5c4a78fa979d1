#include "rules/support/syllables.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace brandlint::text {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

std::size_t vowel_groups(std::string_view w) {
  std::size_t groups = 0;
  bool in_group = false;
  for (const char c : w) {
    const bool vowel = is_vowel(c);
    if (vowel && !in_group) ++groups;
    in_group = vowel;
  }
  return groups;
}

bool ends_with(std::string_view w, std::string_view tail) {
  return w.size() >= tail.size() && w.substr(w.size() - tail.size()) == tail;
}

}  // namespace

std::size_t count_letters(std::string_view utf8) {
  std::size_t letters = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    if (c < 0x80) {
      letters += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : 0;
      continue;
    }
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) continue;
    letters += u_isalpha(c) ? 1 : 0;
  }
  return letters;
}

std::size_t count_syllables_en(std::string_view w) {
  std::size_t n = vowel_groups(w);
  if (n > 1 && w.size() > 2) {
    const char before = w.size() >= 3 ? w[w.size() - 3] : '\0';
    if (ends_with(w, "e") && !is_vowel(w[w.size() - 2])) {
      // "table", "little": consonant + le is its own syllable.
      if (!(ends_with(w, "le") && !is_vowel(before))) --n;
    } else if (ends_with(w, "es") && !is_vowel(before)) {
      const bool sounded = before == 's' || before == 'x' || before == 'z' || before == 'c' || before == 'g' ||
                           ends_with(w, "ches") || ends_with(w, "shes");
      if (!sounded) --n;
    } else if (ends_with(w, "ed") && !is_vowel(before)) {
      if (before != 't' && before != 'd') --n;
    }
  }
  return n == 0 ? 1 : n;
}

double lix(std::size_t words, std::size_t sentences, std::size_t long_words) {
  if (words == 0 || sentences == 0) return 0.0;
  return static_cast<double>(words) / static_cast<double>(sentences) +
         100.0 * static_cast<double>(long_words) / static_cast<double>(words);
}

double flesch(std::size_t words, std::size_t sentences, std::size_t syllables) {
  if (words == 0 || sentences == 0) return 0.0;
  return 206.835 - 1.015 * static_cast<double>(words) / static_cast<double>(sentences) -
         84.6 * static_cast<double>(syllables) / static_cast<double>(words);
}

}  // namespace brandlint::text
