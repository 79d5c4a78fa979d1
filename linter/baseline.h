// Baselines: adopting brandlint on a repository that already has findings. `--baseline-write`
// records every finding of a run in brandlint-baseline.json; later runs read it (automatically
// when the file is in the current folder) and set aside the findings it lists, so only new ones
// count for the exit code and the scores. Entries are keyed by rule, path and the finding's
// line-independent fingerprint, with a count per key (as PHPStan and stylelint do): moving copy
// around keeps a recorded finding recorded, a second occurrence of the same word is new, and an
// entry whose finding is gone is reported as absent so the file can be pruned by writing again.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "linter/result.h"

namespace brandlint {

inline constexpr const char* kBaselineFile = "brandlint-baseline.json";
inline constexpr const char* kBaselineSchema = "brandlint-baseline/1";

struct BaselineEntry {
  std::string rule;
  std::string path;         // display path, as findings give it (relative to the current folder)
  std::string fingerprint;  // finding_fingerprint()
  int count = 1;            // occurrences recorded
  std::string message;      // the first occurrence's message, for people reading the file
};

struct Baseline {
  std::string path;  // where it was read from, as given
  std::vector<BaselineEntry> entries;
};

/// A baseline file that cannot be used: unreadable, not JSON, or not a brandlint baseline.
class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads a baseline file. Throws BaselineError naming the file and what is wrong with it.
Baseline read_baseline(const std::filesystem::path& path);

/// The baseline of `result`: one entry per (rule, path, fingerprint) with its count, sorted.
/// Internal errors are never recorded (they are brandlint's bugs, not the repository's debt).
/// Entries of `previous` for paths this run did not look at (a run limited to some folders or
/// channels) are kept, so recording part of a repository does not forget the rest.
Baseline make_baseline(const RunResult& result, const Baseline* previous = nullptr);

/// The file's JSON text: stable order and formatting, so a baseline diffs well in review.
std::string baseline_json(const Baseline& baseline, const std::string& tool_version);

/// Moves each finding the baseline lists (up to the recorded count per key, in report order)
/// from result.findings to result.baselined, and records in result.baseline how many matched
/// and how many recorded occurrences are gone (counting only paths this run looked at).
void apply_baseline(RunResult& result, const Baseline& baseline);

}  // namespace brandlint
