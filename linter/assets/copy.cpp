// Plain text copy: one run per paragraph. The run is the exact source slice, so every offset in
// it is an identity offset and nothing is ever re-searched.
#include <string_view>

#include "linter/assets/copy.h"

namespace brandlint {
namespace {

bool is_horizontal_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool is_blank(std::string_view line) {
  for (char c : line) {
    if (!is_horizontal_space(c)) return false;
  }
  return true;
}

}  // namespace

void extract_plain_runs(Asset& asset) {
  asset.runs.clear();
  const std::string_view text = asset.text;
  std::size_t para_begin = std::string_view::npos;  // first byte of the open paragraph
  std::size_t para_end = 0;                         // end of its last non-blank line

  const auto close = [&] {
    if (para_begin == std::string_view::npos) return;
    // Trim the paragraph's outer spaces: they are not copy, and a run starting at the first
    // visible character keeps columns of the first word intuitive.
    std::size_t b = para_begin;
    std::size_t e = para_end;
    while (b < e && is_horizontal_space(text[b])) ++b;
    while (e > b && is_horizontal_space(text[e - 1])) --e;
    TextRun run;
    run.text = std::string(text.substr(b, e - b));
    run.source_offset = b;
    asset.runs.push_back(std::move(run));
    para_begin = std::string_view::npos;
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (is_blank(text.substr(pos, eol - pos))) {
      close();
    } else {
      if (para_begin == std::string_view::npos) para_begin = pos;
      para_end = eol;
    }
    pos = eol + 1;
  }
  close();
}

}  // namespace brandlint
