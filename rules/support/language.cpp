#include "rules/support/language.h"

#include <cctype>

#include <cld2/public/compact_lang_det.h>

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

bool same_family(std::string_view a, std::string_view b) {
  const auto nordic = [](std::string_view c) { return c == "da" || c == "no" || c == "nb" || c == "nn"; };
  return a == b || (nordic(a) && nordic(b));
}

}  // namespace brandlint::language
