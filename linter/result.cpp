#include "linter/result.h"

#include <algorithm>

#include "linter/builtin_rules.h"

namespace brandlint {

void SeverityCounts::add(Severity severity) {
  switch (severity) {
    case Severity::error: ++error; break;
    case Severity::warning: ++warning; break;
    case Severity::info: ++info; break;
    case Severity::off: break;
  }
}

std::vector<ChannelSummary> summarize(const RunResult& result) {
  std::vector<ChannelSummary> out;
  for (const ChannelInfo& channel : result.channels) out.push_back({channel.name, 0, {}});
  auto find = [&](const std::string& name) -> ChannelSummary& {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& s) { return s.name == name; });
    if (it != out.end()) return *it;
    out.push_back({name, 0, {}});
    return out.back();
  };
  for (const FileRecord& file : result.files) ++find(file.channel).files;
  for (const Finding& finding : result.findings) find(finding.channel).counts.add(finding.severity);
  for (const SuppressedFinding& s : result.suppressed) ++find(s.finding.channel).suppressed;
  for (const Finding& f : result.baselined) ++find(f.channel).baselined;
  // Channels with no files in this run are not shown.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const ChannelSummary& s) { return s.files == 0 && s.counts.total() == 0; }),
            out.end());
  return out;
}

SeverityCounts count_all(const RunResult& result) {
  SeverityCounts counts;
  for (const Finding& finding : result.findings) counts.add(finding.severity);
  return counts;
}

RunResult filter_channel(const RunResult& result, std::string_view channel) {
  RunResult out = result;
  auto other = [&](const auto& item) { return item.channel != channel; };
  std::erase_if(out.channels, [&](const ChannelInfo& c) { return c.name != channel; });
  std::erase_if(out.files, other);
  std::erase_if(out.findings, other);
  std::erase_if(out.suppressed, [&](const SuppressedFinding& s) { return other(s.finding); });
  std::erase_if(out.baselined, other);
  std::erase_if(out.run_checks, other);
  out.internal_error = std::any_of(out.findings.begin(), out.findings.end(),
                                   [](const Finding& f) { return f.rule == kInternalError; });
  return out;
}

}  // namespace brandlint
