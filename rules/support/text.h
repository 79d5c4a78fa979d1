// Unicode primitives for the voice rules: UTF-8 -> UTF-16 with a byte map back, and the three
// normalised forms text is compared and shown in. Pure functions, thread-safe.
//
//   match form     NFC + full Unicode case folding, after the preparation below. Two words are
//                  "the same word" when their match forms are equal.
//   spelling form  the preparation + NFC + collapsed whitespace, case kept: "is this the
//                  canonical spelling?" (curly vs straight apostrophe is not a spelling error).
//   display form   NFC, invisible characters dropped, whitespace collapsed: what a message
//                  quotes, on one line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/asset.h"

namespace brandlint::text {

/// How Utf16Text prepares text.
enum class Prepare {
  match,    // drop invisibles, no-break spaces -> space, ’ ʼ -> ', U+2010/U+2011 -> '-'
  display,  // drop invisibles, no-break spaces -> space
};

/// A UTF-16 copy of UTF-8 text for ICU, with the byte offset each unit came from. Preparation
/// drops U+00AD (soft hyphen), U+200B (zero-width space), U+2060 (word joiner) and U+FEFF, so
/// "gra\u00ADtis" is one word, and turns U+00A0, U+2007, U+202F into U+0020, so no-break spaces
/// separate words like spaces do. Invalid UTF-8 bytes become U+FFFD, one per byte.
class Utf16Text {
 public:
  /// Converts `utf8`, which must outlive this object's use (byte_end reads its lead bytes).
  void assign(std::string_view utf8, Prepare prepare = Prepare::match);

  std::u16string_view units() const { return units_; }
  std::size_t size() const { return units_.size(); }
  /// Byte offset in the input of the code point that produced unit k (k == size(): input size).
  std::size_t byte_begin(std::size_t k) const { return begin_[k]; }
  /// Byte offset just past the code point that produced unit k (k < size()).
  std::size_t byte_end(std::size_t k) const;

 private:
  std::string_view input_;
  std::u16string units_;
  std::vector<std::uint32_t> begin_;  // one per unit, plus the input size
};

/// Appends the match form of `units` (already prepared) to `out` as UTF-8.
void append_match_form(std::u16string_view units, std::string& out);

/// Match form of arbitrary UTF-8 text (prepares it first).
std::string match_form(std::string_view utf8);

/// Spelling form: prepared, NFC, every whitespace run one space, trimmed; case kept.
std::string spelling_form(std::string_view utf8);

/// Display form: NFC, invisibles dropped, every whitespace run one space, trimmed.
std::string display_form(std::string_view utf8);

/// Appends UTF-16 units to `out` as UTF-8 (unpaired surrogates become U+FFFD).
void append_utf8(std::u16string_view units, std::string& out);

/// Lower-cased primary language subtag of a BCP 47 tag: "da-DK" -> "da", "EN_us" -> "en".
std::string primary_language(std::string_view tag);

/// The language of a run: its own `lang`, else the channel's locale (both as primary subtags).
std::string run_language(const TextRun& run, std::string_view channel_locale);

/// The full language tag of a run: its own `lang`, else the channel's locale; a run tagged with
/// the channel's language but no region ("en" in an "en-GB" channel) takes the channel's region,
/// which decides between regional dictionaries (British or American spelling).
std::string run_locale(const TextRun& run, std::string_view channel_locale);

/// Does the text contain an upper-case or title-case letter? ("Nordlys", "iOS": yes; "e-mail": no)
bool has_upper(std::string_view utf8);

}  // namespace brandlint::text
