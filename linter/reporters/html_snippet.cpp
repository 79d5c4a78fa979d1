// The copy around a text finding, read from the file at report time: one line, escaped, the
// offending words wrapped in <mark>. Columns are code points, as in every finding.
#include <limits>

#include <fmt/format.h>

#include "linter/file_bytes.h"
#include "linter/reporters/html_internal.h"
#include "linter/reporters/report_text.h"

namespace brandlint::html {
namespace {

constexpr int kBefore = 60;                 // code points kept before the mark on long lines
constexpr int kAfter = 100;                 // and after it
constexpr std::size_t kMaxFile = 16 << 20;  // larger files get no snippet

// Byte offset of code point `n` (0-based) in a valid UTF-8 line; clamps to the end.
std::size_t byte_of(std::string_view line, int n) {
  std::size_t i = 0;
  for (int k = 0; k < n && i < line.size(); ++k) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace

std::optional<std::string> snippet(const std::filesystem::path& base_dir, const std::string& path,
                                   const Location& location) {
  if (location.line <= 0) return std::nullopt;
  const std::filesystem::path file =
      base_dir.empty() ? std::filesystem::path(path) : base_dir / path;
  std::error_code ec;
  if (std::filesystem::file_size(file, ec) > kMaxFile || ec) return std::nullopt;
  std::optional<std::string> read = read_file_bytes(file);
  if (!read) return std::nullopt;
  std::string text = std::move(*read);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // columns count from after a BOM
  text = report::valid_utf8(text);

  std::size_t start = 0;
  for (int n = 1; n < location.line; ++n) {
    start = text.find('\n', start);
    if (start == std::string::npos) return std::nullopt;
    ++start;
  }
  std::string_view line = std::string_view(text).substr(start);
  line = line.substr(0, line.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  const int first = std::max(0, location.column - 1);
  const int last = location.end_line == location.line ? std::max(first, location.end_column - 1)
                                                      : std::numeric_limits<int>::max();
  const std::size_t mark_begin = byte_of(line, first);
  const std::size_t mark_end = byte_of(line, last);
  std::size_t from = byte_of(line, std::max(0, first - kBefore));
  const bool cut_before = from > 0;
  // Indentation says nothing about the copy.
  while (!cut_before && from < mark_begin && (line[from] == ' ' || line[from] == '\t')) ++from;
  const std::size_t to =
      byte_of(line, last == std::numeric_limits<int>::max() ? last : last + kAfter);
  std::string out;
  if (cut_before) out += "…";
  out += escape(line.substr(from, mark_begin - from));
  // An empty span (a point, e.g. a guide table) marks nothing rather than an empty box.
  if (mark_end > mark_begin) {
    out += fmt::format("<mark>{}</mark>", escape(line.substr(mark_begin, mark_end - mark_begin)));
  }
  out += escape(line.substr(mark_end, to - mark_end));
  if (to < line.size()) out += "…";
  return out;
}

}  // namespace brandlint::html
