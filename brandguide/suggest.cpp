#include "brandguide/suggest.h"

#include <algorithm>
#include <map>
#include <vector>

namespace brandlint::guide {
namespace {

// Decodes UTF-8 leniently: a malformed byte stands for itself, which is all a distance needs.
std::u32string decode_folded(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (i + extra >= text.size()) extra = 0;  // truncated sequence
    char32_t cp = extra == 0 ? lead : static_cast<char32_t>(lead & (0x3F >> extra));
    for (std::size_t k = 1; k <= extra; ++k) {
      cp = (cp << 6) | static_cast<char32_t>(static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    if (cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

// Lowrance-Wagner algorithm for the unrestricted Damerau-Levenshtein distance: unlike the
// "optimal string alignment" shortcut it also counts an edit inside a transposed pair correctly.
std::size_t damerau_levenshtein(const std::u32string& a, const std::u32string& b) {
  const std::size_t rows = a.size() + 2;
  const std::size_t cols = b.size() + 2;
  const std::size_t infinity = a.size() + b.size();
  std::vector<std::size_t> d(rows * cols, 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * cols + j]; };
  at(0, 0) = infinity;
  for (std::size_t i = 0; i <= a.size(); ++i) {
    at(i + 1, 0) = infinity;
    at(i + 1, 1) = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    at(0, j + 1) = infinity;
    at(1, j + 1) = j;
  }
  std::map<char32_t, std::size_t> last_row;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t last_match_col = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const auto found = last_row.find(b[j - 1]);
      const std::size_t i1 = found == last_row.end() ? 0 : found->second;
      const std::size_t j1 = last_match_col;
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      if (cost == 0) last_match_col = j;
      at(i + 1, j + 1) = std::min({at(i, j) + cost, at(i + 1, j) + 1, at(i, j + 1) + 1,
                                   at(i1, j1) + (i - i1 - 1) + 1 + (j - j1 - 1)});
    }
    last_row[a[i - 1]] = i;
  }
  return at(a.size() + 1, b.size() + 1);
}

template <typename Candidates>
std::string closest(std::string_view typed, const Candidates& candidates) {
  const std::u32string folded = decode_folded(typed);
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::u32string other = decode_folded(candidate);
    const std::size_t distance = damerau_levenshtein(folded, other);
    // Roughly one edit per three characters still reads as a typo ("warn" -> "warning");
    // beyond that a suggestion is noise. Never suggest by replacing the whole word.
    const std::size_t allowed = (std::max(folded.size(), other.size()) + 2) / 3;
    if (distance > allowed || distance >= folded.size()) continue;
    if (best.empty() || distance < best_distance) {
      best = std::string(candidate);
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return damerau_levenshtein(decode_folded(a), decode_folded(b));
}

std::string closest_match(std::string_view typed, std::span<const std::string_view> candidates) {
  return closest(typed, candidates);
}

std::string closest_match(std::string_view typed, std::span<const std::string> candidates) {
  return closest(typed, candidates);
}

}  // namespace brandlint::guide
