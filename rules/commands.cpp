#include "rules/commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "linter/builtin_rules.h"
#include "linter/rule_set.h"
#include "rules/docs.h"
#include "rules/registry.h"

namespace fs = std::filesystem;

namespace brandlint::rules {

fs::path locate_guide(const std::string& guide_flag, const std::vector<std::string>& paths) {
  if (!guide_flag.empty()) return guide_flag;
  std::error_code ec;
  fs::path found = guide::find_guide(fs::current_path(ec));
  if (found.empty() && !paths.empty()) {
    const fs::path first = fs::absolute(paths.front(), ec);
    found = guide::find_guide(fs::is_directory(first, ec) ? first : first.parent_path());
  }
  return found;
}

void check_channel_names(const guide::BrandGuide& guide, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (guide.find_channel(name) != nullptr) continue;
    std::string known;
    for (const guide::Channel& c : guide.channels) known += (known.empty() ? "" : ", ") + c.name;
    throw UsageError(fmt::format("unknown channel '{}'; the guide defines: {}", name, known));
  }
}

std::vector<const RuleMeta*> all_rule_metas() {
  std::vector<const RuleMeta*> metas;
  for (const RuleEntry& entry : registry()) metas.push_back(entry.meta);
  for (const RuleMeta* meta : builtin_rules()) metas.push_back(meta);
  std::sort(metas.begin(), metas.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return metas;
}

bool write_output(const std::string& path, const std::string& content) {
  if (path.empty()) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    return true;
  }
  // Write beside the target and rename, so a reader never sees a half-written report.
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const fs::path temp = target.string() + fmt::format(".tmp{}", getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) {
      fmt::print(stderr, "brandlint: error: cannot write {}\n", temp.string());
      return false;
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fmt::print(stderr, "brandlint: error: cannot write {}: {}\n", path, ec.message());
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

std::string scan_time() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0' && value >= 0) now = static_cast<std::time_t>(value);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

ReportOptions report_options(bool quiet) {
  ReportOptions options;
  options.quiet = quiet;
  options.rules = all_rule_metas();
  options.doc_for = [](std::string_view path) { return find_rule_doc(path); };
  if (const char* url = std::getenv("BRANDLINT_DOCS_URL"); url != nullptr) options.docs_base_uri = url;
  return options;
}

namespace {

std::string render(std::string_view format, const RunResult& result, const ReportOptions& options) {
  std::ostringstream text;
  write_report(format, result, options, text);
  return text.str();
}

// GitHub shows at most 1 MiB of summary per step and rejects more; stay well under it.
constexpr std::size_t kStepSummaryLimit = 1000 * 1000;

bool append_step_summary(const RunResult& result, const ReportOptions& options) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || *path == '\0') return true;
  std::ostringstream markdown;
  write_markdown(result, options, markdown, kStepSummaryLimit);
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << markdown.str() << '\n';
  if (!out) fmt::print(stderr, "brandlint: error: cannot append to $GITHUB_STEP_SUMMARY ({})\n", path);
  return static_cast<bool>(out);
}

bool write_report_dir(const std::string& dir, const RunResult& result, ReportOptions options) {
  options.color = false;
  for (const ChannelSummary& channel : summarize(result)) {
    const RunResult part = filter_channel(result, channel.name);
    const std::string stem = (fs::path(dir) / channel_file_stem(channel.name)).string();
    for (std::string_view format : report_formats()) {
      if (!write_output(stem + std::string(report_extension(format)), render(format, part, options))) {
        return false;
      }
    }
  }
  std::ostringstream index;
  write_html_index(result, options, index);
  return write_output((fs::path(dir) / "index.html").string(), index.str());
}

}  // namespace

bool write_reports(const CliOptions& cli, const RunResult& result, ReportOptions options) {
  for (const FormatRequest& request : cli.formats) {
    const std::string& path = request.path.empty() ? cli.output : request.path;
    options.color = request.format == "text" && use_color(cli.color, !path.empty());
    if (!write_output(path, render(request.format, result, options))) return false;
    if (request.format == "github" && !append_step_summary(result, options)) return false;
  }
  return cli.report_dir.empty() || write_report_dir(cli.report_dir, result, options);
}

int exit_code(const RunResult& result, Severity fail_on) {
  if (result.internal_error) return 2;
  const bool failing = std::any_of(result.findings.begin(), result.findings.end(),
                                   [&](const Finding& f) { return f.severity >= fail_on; });
  return failing ? 1 : 0;
}

int print_rules(std::ostream& out) {
  const std::vector<const RuleMeta*> metas = all_rule_metas();
  std::size_t width = 4;
  for (const RuleMeta* m : metas) width = std::max(width, m->id.size());
  out << fmt::format("{:<{}}  {:<8}  {:<9}  {}\n", "rule", width, "severity", "fixable", "summary");
  for (const RuleMeta* m : metas) {
    const std::string_view fixable = m->fixable == Fixable::always      ? "yes"
                                     : m->fixable == Fixable::sometimes ? "sometimes"
                                                                        : "no";
    out << fmt::format("{:<{}}  {:<8}  {:<9}  {}\n", m->id, width,
                       guide::to_string(m->default_severity), fixable, m->summary);
  }
  out << fmt::format("\n{} rules. `brandlint explain RULE` shows a rule's documentation.\n",
                     metas.size());
  return 0;
}

int explain(const std::string& rule_id, std::ostream& out) {
  for (const RuleMeta* meta : all_rule_metas()) {
    if (meta->id != rule_id) continue;
    const std::string_view doc = find_rule_doc(meta->docs);
    if (doc.empty()) {
      fmt::print(stderr, "brandlint: error: rule '{}' has no documentation page ({})\n", rule_id,
                 meta->docs);
      return 2;
    }
    out << doc;
    return 0;
  }
  fmt::print(stderr, "brandlint: error: unknown rule '{}'; `brandlint rules` lists them\n",
             rule_id);
  return 2;
}

int guide_check(const std::string& guide_flag, std::ostream& out) {
  const fs::path path = locate_guide(guide_flag, {});
  if (path.empty()) {
    fmt::print(stderr, "brandlint: error: no brandguide.toml found in this folder or above\n");
    return 2;
  }
  const guide::BrandGuide guide = guide::load_guide(path);
  // Building every rule validates [rules] options and [[ignore]] ids against the registry.
  const RuleSet rule_set(guide, registry());
  std::size_t logos = guide.logos.size();
  out << fmt::format("{}: ok — {} {} ({} colours, {} logos, {} channels)\n", path.string(),
                     guide.brand.name, guide.brand.version, guide.palette.colors.size(), logos,
                     guide.channels.size());
  return 0;
}

}  // namespace brandlint::rules
