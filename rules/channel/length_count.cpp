#include "rules/channel/length_count.h"

#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace brandlint::rules::length {
namespace {

// Byte offsets of the grapheme cluster boundaries of `utf8` (0 and size included). A character
// BreakIterator is costly to create, so each thread clones one once.
std::vector<std::size_t> cluster_bounds(std::string_view utf8) {
  thread_local std::unique_ptr<icu::BreakIterator> iter = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  std::vector<std::size_t> bounds;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (iter && U_SUCCESS(status)) {
    iter->setText(ut, status);
    for (int32_t b = iter->first(); b != icu::BreakIterator::DONE; b = iter->next()) {
      bounds.push_back(static_cast<std::size_t>(b));
    }
    // Detach the iterator from the UText before closing it.
    iter->setText(icu::UnicodeString());
  }
  utext_close(ut);
  if (bounds.empty()) bounds = {0, utf8.size()};
  return bounds;
}

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// A whitespace-delimited token, stripped of surrounding punctuation, is a URL when it has a
// scheme, starts with "www.", or is host.tld (letters only in the TLD) optionally with a path.
bool is_url(std::string_view t) {
  if (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")) return t.size() > 8;
  const std::size_t slash = t.find('/');
  const std::string_view host = t.substr(0, slash);
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || host.size() - dot - 1 < 2) return false;
  for (std::size_t i = 0; i < host.size(); ++i) {
    if (host[i] != '.' && !is_host_char(host[i])) return false;
  }
  for (std::size_t i = dot + 1; i < host.size(); ++i) {
    if (!((host[i] >= 'a' && host[i] <= 'z') || (host[i] >= 'A' && host[i] <= 'Z'))) return false;
  }
  return true;
}

// Byte ranges of the URLs in `s`.
std::vector<std::pair<std::size_t, std::size_t>> urls(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) ++j;
    std::size_t b = i, e = j;
    while (b < e && std::string_view("(<\"'[").find(s[b]) != std::string_view::npos) ++b;
    while (e > b && std::string_view(".,;:!?)>\"']").find(s[e - 1]) != std::string_view::npos) --e;
    if (b < e && is_url(s.substr(b, e - b))) out.emplace_back(b, e);
    i = j;
  }
  return out;
}

int code_point_weight(UChar32 c) {
  if ((c >= 0 && c <= 0x10FF) || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F) ||
      (c >= 0x2032 && c <= 0x2037)) {
    return 1;
  }
  return 2;
}

bool is_emoji(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) ||
         u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION);
}

}  // namespace

std::size_t graphemes(std::string_view utf8) {
  if (utf8.empty()) return 0;
  return cluster_bounds(utf8).size() - 1;
}

std::size_t x_weighted(std::string_view utf8) {
  const std::vector<std::pair<std::size_t, std::size_t>> links = urls(utf8);
  const std::vector<std::size_t> bounds = cluster_bounds(utf8);
  std::size_t total = 23 * links.size();
  std::size_t link = 0;
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    const std::size_t b = bounds[k], e = bounds[k + 1];
    while (link < links.size() && links[link].second <= b) ++link;
    if (link < links.size() && b >= links[link].first) continue;  // inside a URL: counted as 23
    std::size_t weight = 0;
    bool emoji = false;
    for (int32_t i = static_cast<int32_t>(b); i < static_cast<int32_t>(e);) {
      UChar32 c = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, static_cast<int32_t>(e), c);
      emoji = emoji || (c >= 0 && is_emoji(c) && c > 0xFF);
      weight += static_cast<std::size_t>(code_point_weight(c));
    }
    total += emoji ? 2 : weight;
  }
  return total;
}

}  // namespace brandlint::rules::length
