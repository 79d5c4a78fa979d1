#include "rules/support/spelling.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <hunspell/hunspell.hxx>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace brandlint::spelling {
namespace {

bool is_utf8_name(std::string_view enc) { return enc == "UTF-8" || enc == "utf-8" || enc == "UTF8"; }

// One converter per call: ICU converters are not thread-safe, and opening one is cheap next to
// a Hunspell lookup.
struct Converter {
  explicit Converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    cnv = ucnv_open(name.c_str(), &status);
    if (U_FAILURE(status)) cnv = nullptr;
  }
  ~Converter() {
    if (cnv) ucnv_close(cnv);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  UConverter* cnv = nullptr;
};

}  // namespace

std::vector<std::string> dictionary_candidates(std::string_view tag) {
  // The primary subtag, then the first two-letter subtag after it: the region ("en-GB"; a
  // script subtag such as "Latn" has four letters and is skipped).
  std::string primary, region;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i < tag.size() && tag[i] != '-' && tag[i] != '_') continue;
    std::string part(tag.substr(start, i - start));
    for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (start == 0) primary = part;
    else if (region.empty() && part.size() == 2) {
      for (char& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      region = part;
    }
    start = i + 1;
  }
  if (primary == "da") return {"da_DK"};
  if (primary != "en") return {};
  // Regions that spell the American way; every other English-speaking region follows British
  // spelling ("colour", "organise", "centre").
  static const std::set<std::string, std::less<>> kAmerican = {"", "US", "PR", "PH", "UM",
                                                               "VI", "AS", "GU", "MP", "LR"};
  if (kAmerican.contains(region)) return {"en_US"};
  if (region == "CA") return {"en_CA", "en_US"};
  if (region == "GB") return {"en_GB", "en_US"};
  return {"en_" + region, "en_GB", "en_US"};
}

std::string dictionary_dir() {
  const char* dir = std::getenv("BRANDLINT_HUNSPELL_DIR");
  return dir && *dir ? dir : "/usr/share/hunspell";
}

std::string aff_encoding(const std::string& aff_path) {
  std::ifstream in(aff_path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("SET", 0) != 0 || line.size() < 4 || (line[3] != ' ' && line[3] != '\t')) continue;
    const std::size_t b = line.find_first_not_of(" \t", 3);
    const std::size_t e = line.find_last_not_of(" \t\r");
    if (b != std::string::npos) return line.substr(b, e - b + 1);
  }
  return "ISO8859-1";
}

std::unique_ptr<Dictionary> Dictionary::load(const std::string& dir, const std::string& name) {
  const std::string aff = dir + "/" + name + ".aff", dic = dir + "/" + name + ".dic";
  std::error_code ec;
  if (name.empty() || !std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec)) {
    return nullptr;
  }
  std::unique_ptr<Dictionary> d(new Dictionary());
  d->name_ = name;
  d->encoding_ = aff_encoding(aff);
  d->utf8_ = is_utf8_name(d->encoding_);
  d->hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  return d;
}

const Dictionary* Dictionary::for_language(std::string_view tag) {
  // Each dictionary is loaded at most once per process (da_DK takes about a second), the first
  // time a run in its language is checked; the answer for each tag is remembered too, since
  // every run of copy asks.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Dictionary>, std::less<>> loaded;
  static std::map<std::string, const Dictionary*, std::less<>> by_tag;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto known = by_tag.find(tag); known != by_tag.end()) return known->second;
  const Dictionary* found = nullptr;
  for (const std::string& name : dictionary_candidates(tag)) {
    auto it = loaded.find(name);
    if (it == loaded.end()) it = loaded.emplace(name, load(dictionary_dir(), name)).first;
    if ((found = it->second.get()) != nullptr) break;
  }
  by_tag.emplace(std::string(tag), found);
  return found;
}

Dictionary::~Dictionary() = default;

std::string Dictionary::to_dict(std::string_view utf8, bool& ok) const {
  ok = true;
  if (utf8_) return std::string(utf8);
  Converter c(encoding_);
  if (!c.cnv) {
    ok = false;
    return {};
  }
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFromUCallBack(c.cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out(static_cast<std::size_t>(u.length()) * 4 + 4, '\0');
  const int32_t n = ucnv_fromUChars(c.cnv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &status);
  if (U_FAILURE(status)) {
    ok = false;
    return {};
  }
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string Dictionary::from_dict(const std::string& bytes) const {
  if (utf8_) return bytes;
  const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), encoding_.c_str());
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool Dictionary::correct(std::string_view word) const {
  bool ok = true;
  const std::string w = to_dict(word, ok);
  if (!ok) return true;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (const auto it = verdicts_.find(w); it != verdicts_.end()) return it->second;
  if (verdicts_.size() >= kMaxVerdicts) verdicts_.clear();
  const bool verdict = hunspell_->spell(w);
  verdicts_.emplace(w, verdict);
  return verdict;
}

std::vector<std::string> Dictionary::suggest(std::string_view word, std::size_t max) const {
  bool ok = true;
  const std::string w = to_dict(word, ok);
  if (!ok) return {};
  std::vector<std::string> raw;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto it = suggestions_.find(w);
    if (it == suggestions_.end()) it = suggestions_.emplace(w, hunspell_->suggest(w)).first;
    raw = it->second;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < raw.size() && out.size() < max; ++i) out.push_back(from_dict(raw[i]));
  return out;
}

}  // namespace brandlint::spelling
