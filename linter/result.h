// The result of a run: every report format is a pure function of this plus the rule table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "linter/asset.h"
#include "linter/consistency.h"
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
  std::vector<std::string> rules;      // ids of the rules that checked it (the score's checks)
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

/// A brand colour as reports show it (swatches, palette bars).
struct PaletteEntry {
  std::string name;
  std::string hex;  // "#RRGGBB"
};

/// A check that runs once per channel and run rather than per file (the consistency rules).
/// `path` is where its findings point (the guide).
struct RunCheck {
  std::string channel;
  std::string rule;
  std::string path;
};

/// A finding an inline `brandlint-disable…` comment suppressed, with the comment's reason. Not a
/// finding any more (no score, no exit code); reports count it, SARIF lists it as suppressed.
struct SuppressedFinding {
  Finding finding;
  std::string justification;
};

/// What a baseline file did to a run (see linter/baseline.h).
struct BaselineUse {
  std::string path;  // the file, as given
  int matched = 0;   // findings set aside because the baseline lists them
  int absent = 0;    // recorded occurrences that no longer occur (fixed: the file can be pruned)
};

struct RunResult {
  std::string tool_version;
  std::string guide_path;
  std::string brand_name;
  std::string guide_version;
  std::string locale;                 // the brand's locale ("da-DK"): language of report UIs
  std::string scan_time;              // set by the caller (main), shown only by the HTML report
  std::vector<PaletteEntry> palette;  // the guide's colours, in guide order
  std::vector<ChannelInfo> channels;  // the guide's channels, in guide order (filtered by --channel)
  std::vector<FileRecord> files;      // sorted by path
  std::vector<Finding> findings;      // sorted with finding_less
  std::vector<SuppressedFinding> suppressed;  // waived inline; sorted like findings
  std::vector<Finding> baselined;     // set aside by the baseline (not counted); sorted
  std::optional<BaselineUse> baseline;  // set when a baseline file was applied
  std::vector<SkippedFile> skipped;   // sorted by path
  std::vector<RunCheck> run_checks;   // channel-wide checks that ran (with or without findings)
  Consistency consistency;            // the red thread: per-channel aggregates and comparisons
  bool internal_error = false;        // any brandlint/internal-error finding
  // The result cache's work (--cache). Never in a report: reports are identical with and
  // without the cache. main prints it on stderr.
  std::size_t cache_hits = 0, cache_misses = 0, cache_write_failures = 0;
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
  int suppressed = 0;  // findings suppressed inline (not in counts)
  int baselined = 0;   // findings set aside by the baseline (not in counts)
};

std::vector<ChannelSummary> summarize(const RunResult& result);
SeverityCounts count_all(const RunResult& result);

/// The part of `result` that belongs to one channel (files, findings, checks, counts); the
/// consistency section is kept whole, since it compares the channel with the others.
RunResult filter_channel(const RunResult& result, std::string_view channel);

}  // namespace brandlint
