// The table of report formats: names for --format, extensions for --report-dir, dispatch.
#include <array>
#include <ostream>

#include "linter/reporters/reporter.h"

namespace brandlint {
namespace {

struct Format {
  std::string_view name;
  std::string_view extension;
  void (*write)(const RunResult&, const ReportOptions&, std::ostream&);
};

void markdown_unbounded(const RunResult& r, const ReportOptions& o, std::ostream& out) {
  write_markdown(r, o, out);
}

constexpr std::array<Format, 7> kFormats = {{
    {"text", ".txt", write_text},
    {"json", ".json", write_json},
    {"sarif", ".sarif", write_sarif},
    {"junit", ".xml", write_junit},
    {"github", ".github.txt", write_github},
    {"markdown", ".md", markdown_unbounded},
    {"html", ".html", write_html},
}};

constexpr std::array<std::string_view, 7> kNames = {"text",   "json",     "sarif", "junit",
                                                    "github", "markdown", "html"};

}  // namespace

std::span<const std::string_view> report_formats() { return kNames; }

std::string_view report_extension(std::string_view format) {
  for (const Format& f : kFormats) {
    if (f.name == format) return f.extension;
  }
  return {};
}

bool write_report(std::string_view format, const RunResult& result, const ReportOptions& options,
                  std::ostream& out) {
  for (const Format& f : kFormats) {
    if (f.name != format) continue;
    f.write(result, options, out);
    return true;
  }
  return false;
}

std::string channel_file_stem(std::string_view channel) {
  std::string stem;
  for (char c : channel) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    stem += safe ? c : '_';
  }
  if (stem.empty() || stem.front() == '.') stem.insert(stem.begin(), '_');
  // "index" is the --report-dir overview page; a channel of that name must not overwrite it.
  if (stem == "index") stem = "index_";
  return stem;
}

}  // namespace brandlint
