#include "rules/support/spelling.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <hunspell/atypes.hxx>
#include <hunspell/hunspell.hxx>
#include <unicode/uchar.h>
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

std::string aff_value(const std::string& aff_path, std::string_view name) {
  std::ifstream in(aff_path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // en_GB.aff starts with a BOM
    const std::size_t n = name.size();
    if (line.compare(0, n, name) != 0 || line.size() <= n || (line[n] != ' ' && line[n] != '\t')) {
      continue;
    }
    const std::size_t b = line.find_first_not_of(" \t", n);
    const std::size_t e = line.find_last_not_of(" \t\r");
    if (b != std::string::npos) return line.substr(b, e - b + 1);
  }
  return {};
}

std::string aff_encoding(const std::string& aff_path) {
  const std::string set = aff_value(aff_path, "SET");
  return set.empty() ? "ISO8859-1" : set;
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
  d->aff_path_ = aff, d->dic_path_ = dic;
  d->idle_.reserve(kMaxCheckers);  // so returning a checker never allocates
  d->idle_.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
  d->checkers_ = 1;
  // Letters suggestions may insert or substitute: TRY's lower-case letters and the apostrophe
  // (upper case is kept where a capital is replaced). Not the hyphen: Hunspell checks the parts
  // of a hyphenated word one by one, so "mørk-eet" would pass.
  const icu::UnicodeString try_text = icu::UnicodeString::fromUTF8(d->from_dict(aff_value(aff, "TRY")));
  for (int32_t i = 0; i < try_text.length(); i = try_text.moveIndex32(i, 1)) {
    const UChar32 c = try_text.char32At(i);
    if (u_islower(c) || c == '\'') d->try_letters_.push_back(static_cast<char32_t>(c));
  }
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

class Dictionary::Checker {
 public:
  Checker(const Dictionary& owner, std::unique_ptr<Hunspell> h) : owner_(owner), h_(std::move(h)) {}
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;
  ~Checker() {
    {
      const std::lock_guard<std::mutex> lock(owner_.pool_mutex_);
      owner_.idle_.push_back(std::move(h_));
    }
    owner_.returned_.notify_one();
  }
  Hunspell& operator*() const { return *h_; }

 private:
  const Dictionary& owner_;
  std::unique_ptr<Hunspell> h_;
};

Dictionary::Checker Dictionary::borrow() const {
  std::unique_lock<std::mutex> lock(pool_mutex_);
  if (idle_.empty() && checkers_ < kMaxCheckers) {
    ++checkers_;
    lock.unlock();  // loading takes a while; others may borrow and return meanwhile
    std::unique_ptr<Hunspell> h;
    try {
      h = std::make_unique<Hunspell>(aff_path_.c_str(), dic_path_.c_str());
    } catch (...) {
      lock.lock();
      --checkers_;
      throw;
    }
    return Checker(*this, std::move(h));
  }
  returned_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Hunspell> h = std::move(idle_.back());
  idle_.pop_back();
  return Checker(*this, std::move(h));
}

bool Dictionary::listed(Hunspell& h, const std::string& word) {
  int info = 0;
  return h.spell(word, &info) && (info & SPELL_COMPOUND) == 0;
}

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
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = verdicts_.find(w); it != verdicts_.end()) return it->second;
  }
  const bool verdict = (*borrow()).spell(w);
  const std::lock_guard<std::mutex> lock(mutex_);
  if (verdicts_.size() >= kMaxVerdicts) verdicts_.clear();
  verdicts_.emplace(w, verdict);
  return verdict;
}

std::vector<std::string> Dictionary::suggest(std::string_view word, std::size_t max) const {
  const std::string key = fmt::format("{}\x1f{}", word, max);
  std::promise<std::vector<std::string>> promise;
  std::shared_future<std::vector<std::string>> known;  // searched, or being searched, already
  {
    const std::lock_guard<std::mutex> lock(suggest_mutex_);
    if (const auto it = suggestions_.find(key); it != suggestions_.end()) {
      known = it->second;
    } else {
      suggestions_.emplace(key, promise.get_future().share());
    }
  }
  if (known.valid()) return known.get();  // waits while another worker searches
  try {
    std::vector<std::string> list = search(word, max);
    promise.set_value(list);
    return list;
  } catch (...) {
    promise.set_exception(std::current_exception());
    throw;
  }
}

std::vector<std::string> Dictionary::search(std::string_view word, std::size_t max) const {
  const Checker checker = borrow();  // for the whole search: one candidate after another
  std::u32string w;
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    w.push_back(static_cast<char32_t>(text.char32At(i)));
  }
  std::vector<std::string> out;
  std::set<std::u32string> tried;
  // Checks one candidate; false once `max` suggestions are found.
  const auto consider = [&](const std::u32string& candidate) {
    if (candidate.empty() || candidate == w || !tried.insert(candidate).second) return true;
    icu::UnicodeString u;
    for (const char32_t c : candidate) u.append(static_cast<UChar32>(c));
    std::string utf8;
    u.toUTF8String(utf8);
    bool fits = true;
    const std::string in_dict = to_dict(utf8, fits);
    if (!fits) return true;
    // Only words the dictionary lists (with their affixes), not compounds it would build: da_DK
    // compounds almost any two stems ("Vintreeren", "hyt-n"), which makes poor suggestions.
    // Hunspell's own first suggestion phase leaves compounding out for the same reason.
    if (listed(*checker, in_dict)) out.push_back(std::move(utf8));
    return out.size() < max;
  };
  const std::size_t n = w.size();
  [&] {
    for (std::size_t i = 0; i + 1 < n; ++i) {  // two neighbouring letters swapped
      std::u32string c = w;
      std::swap(c[i], c[i + 1]);
      if (!consider(c)) return;
    }
    for (std::size_t i = 0; i < n; ++i) {  // a letter too many
      if (!consider(w.substr(0, i) + w.substr(i + 1))) return;
    }
    for (std::size_t i = 0; i <= n; ++i) {  // a letter missing
      for (const char32_t letter : try_letters_) {
        if (!consider(w.substr(0, i) + letter + w.substr(i))) return;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {  // a wrong letter, in the case of the one it replaces
      const bool upper = u_isupper(static_cast<UChar32>(w[i]));
      for (const char32_t letter : try_letters_) {
        std::u32string c = w;
        c[i] = upper ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(letter))) : letter;
        if (!consider(c)) return;
      }
    }
  }();
  return out;
}

}  // namespace brandlint::spelling
