#include "rules/support/sentences.h"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/support/text.h"

namespace brandlint::text {
namespace {

// Abbreviations, in match form without the final period. Word segmentation keeps inner periods
// ("f.eks", "e.g"), so each entry is one token. "etc." and "osv." also end sentences in real copy;
// joining there costs one sentence in a count, splitting after "f.eks." would cost two.
const std::unordered_set<std::string_view>& abbreviations() {
  static const std::unordered_set<std::string_view> set = {
      // Danish
      "f.eks", "fx", "bl.a", "dvs", "osv", "ca", "kl", "nr", "mht", "evt", "inkl", "ekskl", "jf",
      "pga", "mv", "m.m", "m.fl", "stk", "tlf", "ang", "vedr", "iflg", "hhv", "bl", "d", "hr",
      "fr", "prof", "obs", "adr", "mia", "mio", "mdr", "md", "jan", "feb", "mar", "apr", "aug",
      "sep", "sept", "okt", "nov", "dec",
      // English
      "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "vs", "st", "jr", "sr", "approx", "inc",
      "ltd", "co", "cf", "fig", "vol", "dept",
  };
  return set;
}

// Months after an ordinal: "1. januar", "den 24. December" never end a sentence.
bool is_month(std::string_view fold) {
  static const std::unordered_set<std::string_view> months = {
      "januar",  "februar",  "marts",   "april",    "maj",     "juni",    "juli",
      "august",  "september", "oktober", "november", "december", "january", "february",
      "march",   "may",      "june",    "july",     "october"};
  return months.count(fold) != 0;
}

UBreakIterator* sentence_breaker() {
  struct Holder {
    UBreakIterator* breaker = nullptr;
    ~Holder() {
      if (breaker != nullptr) ubrk_close(breaker);
    }
  };
  thread_local Holder holder;
  if (holder.breaker == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    // Root locale: the same breaks on every machine; the abbreviation lists do the rest.
    holder.breaker = ubrk_open(UBRK_SENTENCE, "", nullptr, 0, &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence break: ") + u_errorName(status));
  }
  return holder.breaker;
}

bool is_hspace(char16_t c) { return c == u' ' || c == u'\t' || c == u'\r'; }

// Does a list item marker start at units[k] ("- ", "* ", "• ", "– ", "1. ", "12) ")?
bool list_marker_at(std::u16string_view units, std::size_t k) {
  while (k < units.size() && is_hspace(units[k])) ++k;
  if (k >= units.size()) return false;
  const char16_t c = units[k];
  if (c == u'-' || c == u'*' || c == u'+' || c == u'\u2022' || c == u'\u2013') {
    return k + 1 < units.size() && units[k + 1] == u' ';
  }
  std::size_t d = k;
  while (d < units.size() && units[d] >= u'0' && units[d] <= u'9' && d - k < 3) ++d;
  return d > k && d + 1 < units.size() && (units[d] == u'.' || units[d] == u')') && units[d + 1] == u' ';
}

// ICU ends a sentence at every line break (UAX #29 SB4). Wrapped lines are one paragraph, so a
// line break becomes a space unless a list item or a blank line follows it.
void unwrap_lines(std::u16string& units) {
  for (std::size_t k = 0; k < units.size(); ++k) {
    if (units[k] != u'\n') continue;
    std::size_t next = k + 1;
    while (next < units.size() && is_hspace(units[next])) ++next;
    const bool blank = next < units.size() && units[next] == u'\n';
    if (!blank && !list_marker_at(units, k + 1)) units[k] = u' ';
  }
}

// UAX #29 (SB8) joins "service. site/index.html is ..." into one sentence: after a period, a
// lower-case letter continues the sentence. In copy with the inline code masked (Markdown
// `code` becomes U+FFFC, then spaces), a placeholder after a sentence end starts a new one,
// as it does for the reader who sees "`site/index.html` is ...". Appends those positions.
void placeholder_breaks(std::u16string_view units, std::vector<int32_t>& breaks) {
  for (std::size_t k = 1; k < units.size(); ++k) {
    if (units[k] != u'\uFFFC') continue;
    std::size_t j = k;
    while (j > 0 && (is_hspace(units[j - 1]) || units[j - 1] == u'\n')) --j;
    if (j == k) continue;  // no space before it: "x.`y`" is one token run
    // Closing quotes and brackets may stand between the terminator and the space.
    while (j > 0 && (u_hasBinaryProperty(units[j - 1], UCHAR_QUOTATION_MARK) || units[j - 1] == u')')) --j;
    if (j > 0 && (units[j - 1] == u'.' || units[j - 1] == u'!' || units[j - 1] == u'?')) {
      breaks.push_back(static_cast<int32_t>(k));
    }
  }
}

// Should the ICU break at token index `next` (the first token of the following sentence) be
// dropped? Only a period directly after an abbreviation or an ordinal qualifies.
bool joins(const RunWords& words, std::size_t next) {
  const std::vector<Word>& w = words.words;
  if (next < 2 || next >= w.size()) return false;
  const Word& period = w[next - 1];
  const Word& before = w[next - 2];
  if (words.fold(period) != "." || period.space_before) return false;
  if (before.is_letter && is_abbreviation(std::string(words.fold(before)) + ".")) return true;
  return before.is_number && w[next].is_letter && is_month(words.fold(w[next]));
}

bool is_quote_token(const RunWords& words, const Word& w) {
  const std::string_view text = std::string_view(words.run->text).substr(w.run_begin, w.run_end - w.run_begin);
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return static_cast<std::size_t>(i) == text.size() && c >= 0 && u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK);
}

// »Er det koldt?« spurgte hun. / "Is it cold?" she asked. UAX #29 ends a sentence after "?" or
// "!" whatever follows; a quoted question or exclamation followed by a lower-case word is the
// speech of a longer sentence.
bool joins_quoted(const RunWords& words, std::size_t next) {
  const std::vector<Word>& w = words.words;
  if (next >= w.size() || !w[next].is_letter) return false;
  std::size_t k = next;
  while (k > 0 && is_quote_token(words, w[k - 1])) --k;
  if (k == next || k == 0) return false;
  const std::string_view mark = words.fold(w[k - 1]);
  if (mark != "?" && mark != "!") return false;
  const std::string_view first = std::string_view(words.run->text).substr(w[next].run_begin);
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(first.data()), i, static_cast<int32_t>(first.size()), c);
  return c >= 0 && u_islower(c);
}

}  // namespace

bool is_abbreviation(std::string_view word_with_period) {
  if (word_with_period.size() < 2 || word_with_period.back() != '.') return false;
  const std::string fold = match_form(word_with_period.substr(0, word_with_period.size() - 1));
  // Single letters are initials ("H. C. Andersen", "J. Smith").
  if (fold.size() == 1 && fold[0] >= 'a' && fold[0] <= 'z') return true;
  return abbreviations().count(fold) != 0;
}

void split_sentences(const RunWords& words, std::uint32_t run_index, std::vector<Sentence>& out) {
  const std::vector<Word>& w = words.words;
  if (w.empty()) return;
  thread_local Utf16Text utf16;
  thread_local std::u16string units;
  utf16.assign(words.run->text, Prepare::display);
  units.assign(utf16.units());
  unwrap_lines(units);

  UBreakIterator* breaker = sentence_breaker();
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(breaker, units.data(), static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence break: ") + u_errorName(status));

  thread_local std::vector<int32_t> breaks;
  breaks.clear();
  for (int32_t end = ubrk_next(breaker); end != UBRK_DONE; end = ubrk_next(breaker)) breaks.push_back(end);
  const std::size_t icu_breaks = breaks.size();
  placeholder_breaks(units, breaks);
  if (breaks.size() > icu_breaks) {
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
  }

  std::size_t token = 0;  // first token not yet in a sentence
  Sentence current;
  bool open = false;
  const auto close = [&] {
    if (open && current.last > current.first) {
      current.run_begin = w[current.first].run_begin;
      current.run_end = w[current.last - 1].run_end;
      out.push_back(current);
    }
    open = false;
  };
  for (const int32_t end : breaks) {
    const std::size_t end_byte = utf16.byte_begin(static_cast<std::size_t>(end));
    const std::size_t first = token;
    std::uint32_t count = 0;
    while (token < w.size() && w[token].run_begin < end_byte) count += w[token++].is_word() ? 1u : 0u;
    if (token == first) continue;
    if (!open) {
      current = Sentence{run_index, 0, 0, static_cast<std::uint32_t>(first), 0, 0};
      open = true;
    }
    current.last = static_cast<std::uint32_t>(token);
    current.word_count += count;
    if (!joins(words, token) && !joins_quoted(words, token)) close();
  }
  close();
}

const AssetSentences& sentences_of(const Asset& asset) {
  std::shared_ptr<const void>& slot = asset.derived["text.sentences"];
  if (!slot) {
    const AssetWords& words = words_of(asset);
    auto sentences = std::make_shared<AssetSentences>();
    for (std::size_t r = 0; r < words.runs.size(); ++r) {
      split_sentences(words.runs[r], static_cast<std::uint32_t>(r), sentences->sentences);
    }
    slot = std::move(sentences);
  }
  return *static_cast<const AssetSentences*>(slot.get());
}

}  // namespace brandlint::text
