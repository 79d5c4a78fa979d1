// Language detection with CLD2 (Debian libcld2-dev): which language a piece of copy is written
// in, and how sure the detector is. CLD2 is stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "linter/asset.h"

namespace brandlint::language {

struct Detection {
  std::string code;  // ISO 639-1 where CLD2 has one ("da", "en", "no"); "un" = unknown
  std::string name;  // "Danish", "English"
  int percent = 0;   // share of the text's letters in that language (CLD2 percent3[0])
  bool reliable = false;
};

/// Detects the language of valid UTF-8 plain text.
Detection detect(std::string_view utf8);

/// The detection of run `run` of an asset (its display form), computed on first use and shared
/// by every rule that asks (voice/language reports it, voice/spelling picks its dictionary by
/// it), kept in Asset::derived. Same threading contract as Asset::derived.
const Detection& detection_of(const Asset& asset, std::size_t run);

/// Are `a` and `b` the same language, or too close for CLD2 to tell apart in a short text?
/// Danish and Norwegian (no, nb, nn) are one family here: CLD2 mixes them up in marketing copy.
bool same_family(std::string_view a, std::string_view b);

}  // namespace brandlint::language
