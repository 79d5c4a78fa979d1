// Hunspell dictionaries for the voice rules: loaded once per process, on first use, from the
// Debian packages hunspell-da (da_DK), hunspell-en-gb (en_GB) and hunspell-en-us (en_US) in
// /usr/share/hunspell (or $BRANDLINT_HUNSPELL_DIR). A Hunspell object is not thread-safe, so
// each dictionary lends its Hunspell objects out one caller at a time; when every one is busy
// (a worker searching suggestions while another checks words), it loads another, up to
// kMaxCheckers (da_DK: 75 ms and 17 MB each).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace brandlint::spelling {

class Dictionary {
 public:
  /// The dictionary for a language tag ("da", "da-DK", "en-GB", "en"): the first of
  /// dictionary_candidates() whose files exist, or nullptr when there is none (then spelling is
  /// not checked for the language).
  static const Dictionary* for_language(std::string_view tag);

  /// Loads `<dir>/<name>.aff` and `.dic`; nullptr when either file is missing.
  static std::unique_ptr<Dictionary> load(const std::string& dir, const std::string& name);

  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  /// Is `word` (UTF-8, NFC) spelled correctly? A word the dictionary's encoding cannot
  /// represent is never called wrong.
  bool correct(std::string_view word) const;
  /// Up to `max` suggestions, best first (UTF-8): dictionary words one edit away (a swap of
  /// two neighbouring letters, then a letter deleted, inserted, replaced; each left to right,
  /// letters in the .aff TRY order). Not Hunspell::suggest(): its phases stop at a CPU-time
  /// limit counted for the whole process, so its lists depended on the machine's load and
  /// the thread count, and reports must not. Lists are kept for the process.
  std::vector<std::string> suggest(std::string_view word, std::size_t max) const;

  const std::string& name() const { return name_; }          // "da_DK"
  const std::string& encoding() const { return encoding_; }  // the .aff SET value, e.g. "UTF-8"

 private:
  Dictionary() = default;
  // UTF-8 -> the dictionary's encoding, and back. `ok` is false when a character does not fit.
  std::string to_dict(std::string_view utf8, bool& ok) const;
  std::string from_dict(const std::string& bytes) const;

  // suggest() without the list of searches made.
  std::vector<std::string> search(std::string_view word, std::size_t max) const;
  // A Hunspell object lent to one caller until it is destroyed.
  class Checker;
  Checker borrow() const;
  // Whether the dictionary lists `word` (in its encoding) with its affixes, not as a compound.
  static bool listed(Hunspell& h, const std::string& word);

  std::string name_;
  std::string encoding_;
  std::string aff_path_, dic_path_;
  std::u32string try_letters_;  // the .aff TRY letters (lower case), most frequent first
  bool utf8_ = true;
  // Idle Hunspell objects; `checkers_` were made in all (at most kMaxCheckers).
  static constexpr std::size_t kMaxCheckers = 4;
  mutable std::mutex pool_mutex_;
  mutable std::condition_variable returned_;
  mutable std::vector<std::unique_ptr<Hunspell>> idle_;
  mutable std::size_t checkers_ = 0;
  // Suggestion lists by word and count, kept for the process. A list being searched is a
  // future already, so workers meeting the same misspelling (copies of one text) wait for it
  // instead of searching twice; different words are searched at the same time.
  mutable std::mutex suggest_mutex_;  // guards suggestions_
  mutable std::map<std::string, std::shared_future<std::vector<std::string>>, std::less<>>
      suggestions_;
  // Verdicts of correct(), by the word in the dictionary's encoding: copy repeats its words
  // across files, and a da_DK lookup with compounding costs microseconds. Guarded by mutex_,
  // emptied when it reaches kMaxVerdicts so memory stays bounded on huge corpora.
  static constexpr std::size_t kMaxVerdicts = 1 << 18;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, bool> verdicts_;
};

/// Hunspell dictionary names for a BCP 47 tag, best first: "da", "da-DK" -> da_DK;
/// "en", "en-US" -> en_US; "en-GB", "en-IE" -> en_GB then en_US; "en-AU" -> en_AU, en_GB, en_US
/// (British spelling is the Commonwealth norm; Debian packages en_AU and en_ZA separately);
/// "en-CA" -> en_CA, en_US. Empty for languages without a dictionary.
std::vector<std::string> dictionary_candidates(std::string_view tag);

/// Where dictionaries are read from: $BRANDLINT_HUNSPELL_DIR, else /usr/share/hunspell.
std::string dictionary_dir();

/// The SET line of a Hunspell .aff file ("UTF-8", "ISO8859-1"); "ISO8859-1" when absent, as
/// Hunspell itself assumes.
std::string aff_encoding(const std::string& aff_path);

/// The value of the first `name` line of a .aff file (in the file's encoding), "" when absent.
std::string aff_value(const std::string& aff_path, std::string_view name);

}  // namespace brandlint::spelling
