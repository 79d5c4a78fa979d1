// The result of a run: every report format is a pure function of this plus the rule table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "linter/asset.h"
#include "linter/diagnostic.h"

namespace brandlint {

/// One checked (or attempted) file.
struct FileRecord {
  std::string path;  // display path
  std::string channel;
  AssetKind kind = AssetKind::text;
  std::uint64_t content_hash = 0;
  std::size_t bytes = 0;
  int width = 0, height = 0;  // images
  bool readable = true;
  Json measurements = Json::object();  // per rule id: the figures it measured
};

/// A file that was found but is not a kind brandlint checks (listed, never silently dropped).
struct SkippedFile {
  std::string path;
  std::string reason;
};

struct ChannelInfo {
  std::string name;
  std::string locale;
};

struct RunResult {
  std::string tool_version;
  std::string guide_path;
  std::string brand_name;
  std::string guide_version;
  std::vector<ChannelInfo> channels;  // the guide's channels, in guide order (filtered by --channel)
  std::vector<FileRecord> files;      // sorted by path
  std::vector<Finding> findings;      // sorted with finding_less
  std::vector<SkippedFile> skipped;   // sorted by path
  bool internal_error = false;        // any brandlint/internal-error finding
};

/// Counts of findings per severity.
struct SeverityCounts {
  int error = 0, warning = 0, info = 0;
  int total() const { return error + warning + info; }
  void add(Severity severity);
};

/// Per-channel figures shared by every reporter.
struct ChannelSummary {
  std::string name;
  int files = 0;
  SeverityCounts counts;
};

std::vector<ChannelSummary> summarize(const RunResult& result);
SeverityCounts count_all(const RunResult& result);

}  // namespace brandlint
