// decode_text: file bytes -> UTF-8 asset.text. Every text rule reads the result, so decoding never
// fails: bad bytes become U+FFFD plus a LoadProblem, and the rest of the file is still checked.
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "linter/assets/copy.h"
#include "linter/utf8.h"

namespace brandlint {
namespace {

constexpr const char* kInvalidEncoding = "brandlint/invalid-encoding";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// A Latin-1 file has a bad byte for every æ, ø and å; past this many, one summary problem says
// how many more there are instead of burying the report in identical findings.
constexpr std::size_t kMaxEncodingProblems = 20;

class ProblemSink {
 public:
  ProblemSink(Asset& asset, std::string_view encoding) : asset_(asset), encoding_(encoding) {}
  ProblemSink(const ProblemSink&) = delete;
  ProblemSink& operator=(const ProblemSink&) = delete;

  void add(std::size_t offset) {
    if (count_++ < kMaxEncodingProblems) {
      asset_.problems.push_back(
          {kInvalidEncoding, fmt::format("invalid {} at byte {}", encoding_, offset), offset});
    } else if (count_ == kMaxEncodingProblems + 1) {
      first_unreported_ = offset;
    }
  }

  ~ProblemSink() {
    if (count_ <= kMaxEncodingProblems) return;
    asset_.problems.push_back(
        {kInvalidEncoding,
         fmt::format("{} more invalid {} sequences after byte {} (each replaced by U+FFFD); is "
                     "the file in another encoding?",
                     count_ - kMaxEncodingProblems, encoding_, first_unreported_),
         first_unreported_});
  }

 private:
  Asset& asset_;
  std::string_view encoding_;
  std::size_t count_ = 0;
  std::size_t first_unreported_ = 0;
};

// Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid. Follows the Unicode
// "well-formed UTF-8" table (no overlongs, no surrogates, nothing above U+10FFFF). On failure
// `bad` is the length of the maximal invalid subpart, which becomes exactly one U+FFFD (the
// substitution practice of the Unicode Standard §3.9 and the WHATWG decoder).
std::size_t valid_sequence(std::string_view s, std::size_t i, std::size_t& bad) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = at(i);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    const bool in_range = i + k < s.size() && (k == 1 ? at(i + k) >= lo && at(i + k) <= hi
                                                      : at(i + k) >= 0x80 && at(i + k) <= 0xBF);
    if (!in_range) {
      bad = k;
      return 0;
    }
  }
  return need + 1;
}

void decode_utf8(std::string_view raw, std::size_t base, Asset& asset) {
  std::string& out = asset.text;
  out.reserve(raw.size());
  ProblemSink problems(asset, "UTF-8");
  std::size_t i = 0;
  while (i < raw.size()) {
    // Copy the ASCII stretch and every valid sequence in one go; only bad bytes cost anything.
    std::size_t good = i;
    std::size_t bad = 0;
    while (good < raw.size()) {
      if (static_cast<unsigned char>(raw[good]) < 0x80) {
        ++good;
        continue;
      }
      const std::size_t len = valid_sequence(raw, good, bad);
      if (len == 0) break;
      good += len;
    }
    out.append(raw.substr(i, good - i));
    if (good == raw.size()) break;
    problems.add(base + good);
    out.append(kReplacement);
    i = good + bad;
  }
}

void decode_utf16(std::string_view raw, std::size_t base, bool big_endian, Asset& asset) {
  std::string& out = asset.text;
  out.reserve(raw.size() + raw.size() / 2);
  ProblemSink problems(asset, big_endian ? "UTF-16BE" : "UTF-16LE");
  const auto unit = [&](std::size_t k) {
    const auto a = static_cast<unsigned char>(raw[k]);
    const auto b = static_cast<unsigned char>(raw[k + 1]);
    return static_cast<char32_t>(big_endian ? (a << 8) | b : (b << 8) | a);
  };
  std::size_t i = 0;
  while (i + 1 < raw.size()) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < raw.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {  // unpaired surrogate
      problems.add(base + i);
      out.append(kReplacement);
    } else {
      append_utf8(out, u);
    }
    i += 2;
  }
  if (i < raw.size()) {  // odd trailing byte
    problems.add(base + i);
    out.append(kReplacement);
  }
}

}  // namespace

void decode_text(std::string_view raw, Asset& asset) {
  asset.text.clear();
  // Offsets in problems are bytes of the original file, as a hex editor shows them.
  if (raw.starts_with("\xEF\xBB\xBF")) {
    decode_utf8(raw.substr(3), 3, asset);
  } else if (raw.starts_with("\xFF\xFE")) {
    decode_utf16(raw.substr(2), 2, /*big_endian=*/false, asset);
  } else if (raw.starts_with("\xFE\xFF")) {
    decode_utf16(raw.substr(2), 2, /*big_endian=*/true, asset);
  } else {
    decode_utf8(raw, 0, asset);
  }
  asset.lines = LineIndex(asset.text);
}

}  // namespace brandlint
