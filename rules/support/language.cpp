#include "rules/support/language.h"

#include <cctype>
#include <memory>
#include <optional>
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

}  // namespace

const Detection& detection_of(const Asset& asset, std::size_t run) {
  struct Detections {
    std::vector<std::optional<Detection>> runs;
  };
  std::shared_ptr<const void>& slot = asset.derived["language.detections"];
  if (!slot) {
    auto fresh = std::make_shared<Detections>();
    fresh->runs.resize(asset.runs.size());
    slot = std::move(fresh);
  }
  // The slot is this asset's alone and the runner checks one asset on one thread, so the lazily
  // filled entries need no lock (the const in derived's type only guards against sharing).
  auto& detections = *static_cast<Detections*>(const_cast<void*>(slot.get()));
  std::optional<Detection>& d = detections.runs.at(run);
  if (!d) {
    // CLD2 needs valid UTF-8 and skips spaces, punctuation and the invisible fill of decoded
    // entities itself, so valid copy goes in as it is; normalising it first cost more than the
    // detection (the voice benchmark).
    const std::string& text = asset.runs[run].text;
    d = detect(valid_utf8(text) ? std::string_view(text) : std::string_view(text::display_form(text)));
  }
  return *d;
}

bool same_family(std::string_view a, std::string_view b) {
  const auto nordic = [](std::string_view c) { return c == "da" || c == "no" || c == "nb" || c == "nn"; };
  return a == b || (nordic(a) && nordic(b));
}

}  // namespace brandlint::language
