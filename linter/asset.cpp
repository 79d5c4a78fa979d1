#include "linter/asset.h"

#include <algorithm>

namespace brandlint {

std::string_view to_string(AssetKind kind) {
  switch (kind) {
    case AssetKind::text: return "text";
    case AssetKind::markdown: return "markdown";
    case AssetKind::css: return "css";
    case AssetKind::html: return "html";
    case AssetKind::svg: return "svg";
    case AssetKind::image: return "image";
    case AssetKind::pdf: return "pdf";
    case AssetKind::copy_deck: return "copy-deck";
  }
  return "unknown";
}

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

LineColumn LineIndex::at(std::string_view text, std::size_t offset) const {
  if (starts_.empty()) return {1, 1};
  offset = std::min(offset, text.size());
  // The last line start <= offset.
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  const std::size_t start = starts_[line - 1];
  // Columns count code points: every byte that is not a UTF-8 continuation byte starts one.
  int column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<int>(line), column};
}

std::size_t TextRun::source_of(std::size_t i) const {
  if (offsets.empty()) return source_offset + i;
  if (i < offsets.size()) return offsets[i];
  // One past the end: just after the last mapped byte.
  return offsets.empty() ? source_offset : offsets.back() + 1;
}

}  // namespace brandlint
