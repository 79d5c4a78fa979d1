#include "rules/support/text.h"

#include <algorithm>
#include <stdexcept>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace brandlint::text {
namespace {

const UNormalizer2* nfc() {
  // ICU returns a process-wide singleton that is safe to use from every thread.
  static const UNormalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
    return n;
  }();
  return instance;
}

// Runs an ICU "preflighting" call (dest, capacity, status) into `out`, growing it once if needed.
template <class Call>
void icu_into(std::u16string& out, std::size_t guess, Call call) {
  out.resize(guess);
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = call(out.data(), static_cast<int32_t>(out.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<std::size_t>(n));
    status = U_ZERO_ERROR;
    n = call(out.data(), static_cast<int32_t>(out.size()), &status);
  }
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));
  out.resize(static_cast<std::size_t>(n));
}

bool is_nfc(std::u16string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t yes = unorm2_spanQuickCheckYes(nfc(), s.data(), static_cast<int32_t>(s.size()), &status);
  return U_SUCCESS(status) && static_cast<std::size_t>(yes) == s.size();
}

// NFC of `s`; returns `s` itself when it already is (the common case), else a view of `scratch`.
std::u16string_view to_nfc(std::u16string_view s, std::u16string& scratch) {
  if (is_nfc(s)) return s;
  icu_into(scratch, s.size() + 8, [&](UChar* dest, int32_t capacity, UErrorCode* status) {
    return unorm2_normalize(nfc(), s.data(), static_cast<int32_t>(s.size()), dest, capacity, status);
  });
  return scratch;
}

// Collapses whitespace runs to one space and trims, on already prepared UTF-16.
std::string collapse_to_utf8(std::u16string_view s) {
  std::u16string collapsed;
  collapsed.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (u_isUWhiteSpace(s[i])) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(u' ');
    pending_space = false;
    collapsed.push_back(s[i]);
  }
  std::string out;
  append_utf8(collapsed, out);
  return out;
}

std::string normalized(std::string_view utf8, Prepare prepare) {
  Utf16Text prepared;
  prepared.assign(utf8, prepare);
  std::u16string scratch;
  return collapse_to_utf8(to_nfc(prepared.units(), scratch));
}

}  // namespace

void Utf16Text::assign(std::string_view utf8, Prepare prepare) {
  input_ = utf8;
  // Sized for the worst case (one unit per byte) and filled by index: no capacity checks in
  // the loop, which runs once per byte of every run.
  units_.resize(utf8.size());
  begin_.resize(utf8.size() + 1);
  const bool match = prepare == Prepare::match;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  std::size_t n = 0;
  int32_t i = 0;
  while (i < length) {
    const auto at = static_cast<std::uint32_t>(i);
    if (bytes[i] < 0x80) {  // ASCII: no decoding, no mapping
      units_[n] = static_cast<char16_t>(bytes[i++]);
      begin_[n++] = at;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
      i = static_cast<int32_t>(at) + 1;  // one replacement per bad byte keeps offsets simple
    }
    switch (c) {
      case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF: continue;  // invisible: dropped
      case 0x00A0: case 0x2007: case 0x202F: c = u' '; break;
      case 0x2019: case 0x02BC: if (match) c = u'\''; break;
      case 0x2010: case 0x2011: if (match) c = u'-'; break;
      default: break;
    }
    if (U_IS_BMP(c)) {
      units_[n] = static_cast<char16_t>(c);
      begin_[n++] = at;
    } else {  // 4 UTF-8 bytes always leave room for 2 units
      units_[n] = U16_LEAD(c);
      begin_[n++] = at;
      units_[n] = U16_TRAIL(c);
      begin_[n++] = at;
    }
  }
  units_.resize(n);
  begin_.resize(n + 1);
  begin_[n] = static_cast<std::uint32_t>(utf8.size());
}

std::size_t Utf16Text::byte_end(std::size_t k) const {
  if (units_[k] < 0x80) return begin_[k] + 1;
  // Re-decode the one code point: exact for bad bytes too (they were replaced one byte each).
  auto i = static_cast<int32_t>(begin_[k]);
  const auto start = i;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(input_.data()), i, static_cast<int32_t>(input_.size()), c);
  return static_cast<std::size_t>(c < 0 ? start + 1 : i);
}

void append_match_form(std::u16string_view units, std::string& out) {
  // Most words are ASCII, where lower-casing is exactly full case folding: one pass, and only
  // a non-ASCII unit rolls back to the ICU path.
  const std::size_t start = out.size();
  bool ascii = true;
  for (const char16_t u : units) {
    if (u >= 0x80) {
      ascii = false;
      break;
    }
    out.push_back(static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u));
  }
  if (ascii) return;
  out.resize(start);
  // Second tier, for Nordic and most European words: below U+0180 every character is NFC-stable
  // and its simple case folding is its full folding, except ß, İ and ŉ (which expand).
  bool latin = true;
  for (const char16_t u : units) {
    if (u >= 0x180 || u == 0xDF || u == 0x130 || u == 0x149) {
      latin = false;
      break;
    }
  }
  if (latin) {
    for (const char16_t u : units) {
      const UChar32 folded = u_foldCase(u, U_FOLD_CASE_DEFAULT);
      if (folded < 0x80) {
        out.push_back(static_cast<char>(folded));
      } else {
        out.push_back(static_cast<char>(0xC0 | (folded >> 6)));
        out.push_back(static_cast<char>(0x80 | (folded & 0x3F)));
      }
    }
    return;
  }
  thread_local std::u16string nfc_scratch, fold_scratch, nfc_again;
  // Canonical caseless matching: NFC, full case folding ("Straße" = "STRASSE"), NFC again
  // because folding can leave a non-composed sequence.
  const std::u16string_view composed = to_nfc(units, nfc_scratch);
  icu_into(fold_scratch, composed.size() + 8, [&](UChar* dest, int32_t capacity, UErrorCode* status) {
    return u_strFoldCase(dest, capacity, composed.data(), static_cast<int32_t>(composed.size()),
                         U_FOLD_CASE_DEFAULT, status);
  });
  append_utf8(to_nfc(fold_scratch, nfc_again), out);
}

std::string match_form(std::string_view utf8) {
  Utf16Text prepared;
  prepared.assign(utf8, Prepare::match);
  std::string out;
  append_match_form(prepared.units(), out);
  return out;
}

std::string spelling_form(std::string_view utf8) { return normalized(utf8, Prepare::match); }

std::string display_form(std::string_view utf8) { return normalized(utf8, Prepare::display); }

void append_utf8(std::u16string_view units, std::string& out) {
  const auto length = static_cast<int32_t>(units.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U16_NEXT(units.data(), i, length, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    uint8_t buffer[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
}

std::string primary_language(std::string_view tag) {
  std::string out;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::string run_language(const TextRun& run, std::string_view channel_locale) {
  return primary_language(run.lang.empty() ? channel_locale : std::string_view(run.lang));
}

std::string run_locale(const TextRun& run, std::string_view channel_locale) {
  if (run.lang.empty()) return std::string(channel_locale);
  const bool bare = run.lang.find_first_of("-_") == std::string::npos;
  if (bare && primary_language(run.lang) == primary_language(channel_locale)) {
    return std::string(channel_locale);
  }
  return run.lang;
}

bool has_upper(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && (u_isupper(c) || u_istitle(c))) return true;
  }
  return false;
}

}  // namespace brandlint::text
