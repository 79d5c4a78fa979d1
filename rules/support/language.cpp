#include "rules/support/language.h"

#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <unordered_map>
#include <vector>

#include <cld2/public/compact_lang_det.h>
#include <unicode/utf8.h>

#include "rules/support/text.h"

namespace brandlint::language {

Detection detect(std::string_view utf8) {
  CLD2::Language top3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(utf8.data(), static_cast<int>(utf8.size()), true,
                                                             top3, percent3, &text_bytes, &reliable);
  Detection d;
  d.code = CLD2::LanguageCode(lang);
  std::string name = CLD2::LanguageName(lang);  // "DANISH"
  for (std::size_t i = 1; i < name.size(); ++i) name[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  d.name = name;
  d.percent = top3[0] == lang ? percent3[0] : 0;
  d.reliable = reliable && lang != CLD2::UNKNOWN_LANGUAGE;
  return d;
}

namespace {

bool valid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

struct Detections {
  std::vector<std::optional<Detection>> runs;
  std::vector<std::optional<std::pair<std::string, bool>>> plain;  // plainly_in, with its language
};

Detections& detections_of(const Asset& asset) {
  std::shared_ptr<const void>& slot = asset.derived["language.detections"];
  if (!slot) {
    auto fresh = std::make_shared<Detections>();
    fresh->runs.resize(asset.runs.size());
    fresh->plain.resize(asset.runs.size());
    slot = std::move(fresh);
  }
  // The slot is this asset's alone and the runner checks one asset on one thread, so the lazily
  // filled entries need no lock (the const in derived's type only guards against sharing).
  return *static_cast<Detections*>(const_cast<void*>(slot.get()));
}

// CLD2 needs valid UTF-8 and skips spaces, punctuation and the invisible fill of decoded
// entities itself, so valid copy goes in as it is; normalising it first cost more than the
// detection (the voice benchmark).
void append_for_cld2(const std::string& text, std::string& out) {
  if (valid_utf8(text)) {
    out += text;
  } else {
    out += text::display_form(text);
  }
}

}  // namespace

bool plainly_in(const text::RunWords& words, std::string_view lang) {
  // Function words of one language that are not words of the other, nor of Swedish or German
  // (so a Swedish paragraph in Danish copy is never taken for Danish here): +1 Danish (and
  // Norwegian), -1 English. None is longer than six bytes, which spares most lookups.
  // Keyed by the hash segmentation already computed for every word (text::hash_fold), so a
  // lookup costs no hashing; the word itself is compared on a hit.
  struct Marker {
    std::string_view word;
    int lang;
  };
  static const std::unordered_map<std::uint64_t, Marker> markers = [] {
    std::unordered_map<std::uint64_t, Marker> m;
    for (const std::string_view w : {"og", "ikke", "jeg", "også", "hvor", "være", "af", "hvad", "hvis", "bliver",
                                     "blev", "meget", "nogen", "noget", "kun", "kunne", "skulle", "ville", "selv",
                                     "dem", "jer", "hende", "vores", "jeres", "sådan", "fordi", "hos", "derfor",
                                     "mellem", "gennem"}) {
      m.emplace(text::hash_fold(w), Marker{w, 1});
    }
    for (const std::string_view w : {"the", "and", "of", "with", "you", "your", "this", "that", "are", "from",
                                     "have", "has", "will", "what", "when", "which", "would", "their", "they",
                                     "were", "been", "our", "it's", "don't"}) {
      m.emplace(text::hash_fold(w), Marker{w, -1});
    }
    return m;
  }();
  constexpr std::size_t kLongest = 6;
  const int own = lang == "da" ? 1 : lang == "en" ? -1 : 0;
  if (own == 0) return false;
  int hits = 0;
  for (const text::Word& w : words.words) {
    if (!w.is_letter || w.fold_size > kLongest) continue;
    const auto it = markers.find(w.fold_hash);
    if (it == markers.end() || it->second.word != words.fold(w)) continue;
    if (it->second.lang != own) return false;
    ++hits;
  }
  return hits >= 2;
}

bool plainly_in(const Asset& asset, std::size_t run, const text::RunWords& words, std::string_view lang) {
  std::optional<std::pair<std::string, bool>>& known = detections_of(asset).plain.at(run);
  if (!known || known->first != lang) known.emplace(std::string(lang), plainly_in(words, lang));
  return known->second;
}

const Detection& detection_of(const Asset& asset, std::size_t run) {
  std::optional<Detection>& d = detections_of(asset).runs.at(run);
  if (!d) {
    std::string text;
    append_for_cld2(asset.runs[run].text, text);
    d = detect(text);
  }
  return *d;
}

bool same_family(std::string_view a, std::string_view b) {
  const auto nordic = [](std::string_view c) { return c == "da" || c == "no" || c == "nb" || c == "nn"; };
  return a == b || (nordic(a) && nordic(b));
}

}  // namespace brandlint::language
