// How copy addresses the reader, shared by voice/address (findings) and voice/readability (the
// per-asset address measurement). Danish heuristic, on the word as written:
//   - "du", "dig", "din", "dit", "dine" (any case): informal singular -> du.
//   - "De", "Dem", "Deres" with a capital D, not first in the sentence: formal -> De. Lower-case
//     "de"/"dem"/"deres" are "they"/"them"/"their" and never count.
//   - first in a sentence, only "De" followed by a verb typical of addressing the reader ("De kan",
//     "De får", "De skal", "De bedes" ...) counts as formal; "De nye lamper ..." (they) does not,
//     and sentence-initial "Dem"/"Deres" never count (too often "them"/"their").
//   - "I" with a capital, not first in the sentence ("Nu kan I ..."), and "jer"/"jeres" (any
//     case): plural address -> I. A sentence-initial "I" is usually the preposition ("I dag"), so
//     it counts only before an address verb ("I får ...").
// English: "you", "your", "yours", "yourself" -> you; "we", "our", "ours", "us" -> we.
#pragma once

#include <cstddef>
#include <string_view>

#include "rules/support/words.h"

namespace brandlint::rules::address {

enum class Form { none, du, De, I, you, we };

/// The form token `i` of `words` is, in language `lang` ("da", "en"...); `sentence_initial` is
/// true for the first word of a sentence.
Form classify(const text::RunWords& words, std::size_t i, bool sentence_initial, std::string_view lang);

std::string_view name(Form form);  // "du", "De", "I", "you", "we"

}  // namespace brandlint::rules::address
