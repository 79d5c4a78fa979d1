// Language detection with CLD2 (Debian libcld2-dev): which language a piece of copy is written
// in, and how sure the detector is. CLD2 is stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "linter/asset.h"
#include "rules/support/words.h"

namespace brandlint::language {

struct Detection {
  std::string code;  // ISO 639-1 where CLD2 has one ("da", "en", "no"); "un" = unknown
  std::string name;  // "Danish", "English"
  int percent = 0;   // share of the text's letters in that language (CLD2 percent3[0])
  bool reliable = false;
};

/// Detects the language of valid UTF-8 plain text.
Detection detect(std::string_view utf8);

/// Is the run plainly written in `lang` ("da" or "en"), so that asking CLD2 can be skipped? It
/// is when at least two of its words are function words only Danish (and Norwegian) has
/// ("og", "ikke", "jeg", "også", "hvor", ...) and none is one only English has ("the", "and",
/// "of", "with", "you", ...), or the other way round. CLD2 reads about 30 MB/s, the slowest
/// step of the voice rules; most copy is plainly in its language and needs no detector.
/// Anything else (other languages, mixed text) is left to CLD2.
bool plainly_in(const text::RunWords& words, std::string_view lang);

/// plainly_in for run `run` of an asset, kept in Asset::derived with the run's detection:
/// voice/language and voice/spelling both ask.
bool plainly_in(const Asset& asset, std::size_t run, const text::RunWords& words, std::string_view lang);

/// The detection of run `run` of an asset (its display form), computed on first use and shared
/// by every rule that asks (voice/language reports it, voice/spelling picks its dictionary by
/// it), kept in Asset::derived. Same threading contract as Asset::derived.
const Detection& detection_of(const Asset& asset, std::size_t run);

/// Are `a` and `b` the same language, or too close for CLD2 to tell apart in a short text?
/// Danish and Norwegian (no, nb, nn) are one family here: CLD2 mixes them up in marketing copy.
bool same_family(std::string_view a, std::string_view b);

}  // namespace brandlint::language
