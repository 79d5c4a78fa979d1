#include "rules/support/words.h"

#include <functional>
#include <stdexcept>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "rules/support/text.h"

namespace brandlint::text {
namespace {

// Creating a word BreakIterator loads and compiles rule data (tens of microseconds); each thread
// keeps one and only resets its text.
UBreakIterator* word_breaker() {
  struct Holder {
    UBreakIterator* breaker = nullptr;
    ~Holder() {
      if (breaker != nullptr) ubrk_close(breaker);
    }
  };
  thread_local Holder holder;
  if (holder.breaker == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    // "" is ICU's root locale: UAX #29 as published, the same for every language, so the same
    // text segments the same way whatever the machine's locale is.
    holder.breaker = ubrk_open(UBRK_WORD, "", nullptr, 0, &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break: ") + u_errorName(status));
  }
  return holder.breaker;
}

}  // namespace

std::uint64_t hash_fold(std::string_view folded) { return std::hash<std::string_view>{}(folded); }

void segment(const TextRun& run, RunWords& out) {
  out.run = &run;
  out.words.clear();
  out.folded.clear();
  thread_local Utf16Text utf16;
  utf16.assign(run.text, Prepare::match);
  const std::u16string_view units = utf16.units();
  // Prose averages five to six bytes per token; reserving avoids regrowing on long runs.
  out.words.reserve(units.size() / 4 + 1);
  out.folded.reserve(run.text.size());

  UBreakIterator* breaker = word_breaker();
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(breaker, units.data(), static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break: ") + u_errorName(status));

  bool gap = true;  // the run start counts as whitespace
  int32_t start = ubrk_first(breaker);
  for (int32_t end = ubrk_next(breaker); end != UBRK_DONE; start = end, end = ubrk_next(breaker)) {
    const int32_t rule = ubrk_getRuleStatus(breaker);
    const auto b = static_cast<std::size_t>(start);
    const auto e = static_cast<std::size_t>(end);
    // UAX #29 keeps horizontal whitespace together and line breaks apart, so one test of the
    // first unit tells a whitespace segment from a punctuation one.
    if (rule < UBRK_WORD_NONE_LIMIT && u_isUWhiteSpace(units[b])) {
      gap = true;
      continue;
    }
    Word word;
    word.run_begin = static_cast<std::uint32_t>(utf16.byte_begin(b));
    word.run_end = static_cast<std::uint32_t>(utf16.byte_end(e - 1));
    word.begin = run.source_of(word.run_begin);
    word.end = run.source_of(word.run_end);
    word.fold_begin = static_cast<std::uint32_t>(out.folded.size());
    append_match_form(units.substr(b, e - b), out.folded);
    word.fold_size = static_cast<std::uint32_t>(out.folded.size() - word.fold_begin);
    word.fold_hash = hash_fold(out.fold(word));
    word.is_number = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT;
    word.is_letter = rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_IDEO_LIMIT;
    word.space_before = gap;
    gap = false;
    out.words.push_back(word);
  }
}

const AssetWords& words_of(const Asset& asset) {
  // Segmented once per asset and shared by every voice rule through Asset::derived.
  std::shared_ptr<const void>& slot = asset.derived["text.words"];
  if (!slot) {
    auto words = std::make_shared<AssetWords>();
    words->runs.resize(asset.runs.size());
    for (std::size_t i = 0; i < asset.runs.size(); ++i) segment(asset.runs[i], words->runs[i]);
    slot = std::move(words);
  }
  return *static_cast<const AssetWords*>(slot.get());
}

}  // namespace brandlint::text
