// Per-channel compliance score, 0-100, in the spirit of Lighthouse: explainable, so every report
// can state the formula next to the number.
//
// A *check* is one rule applied to one file (or one channel-wide consistency check). It counts
// once, at its worst finding: error = failed, warning = half, info or nothing = passed.
//   score = floor(100 × (checks − failed − ½ × warned) ÷ checks)
// Rounding down keeps 100 for channels with no error or warning at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/result.h"

namespace brandlint {

/// One (file, rule) check of a channel and the findings it produced.
struct Check {
  std::string channel;
  std::string path;
  std::string rule;
  std::vector<const Finding*> findings;  // into RunResult::findings, in report order
  Severity worst = Severity::off;        // off = no finding
  bool failed() const { return worst == Severity::error || worst == Severity::warning; }
};

/// Every check of the run: files' rules, run-level checks, and any (file, rule) pair that has a
/// finding without having been recorded (engine diagnostics such as unreadable files).
/// Sorted by channel (result order), path, rule.
std::vector<Check> collect_checks(const RunResult& result);

struct ChannelScore {
  std::string channel;
  int checks = 0;
  int failed = 0;            // worst finding is an error
  int warned = 0;            // worst finding is a warning
  std::optional<int> score;  // none when the channel had no checks
};

/// Scores for the channels of summarize(result), in the same order.
std::vector<ChannelScore> score_channels(const RunResult& result);
/// The score from check counts (the formula above); none for zero checks.
std::optional<int> compliance_score(int checks, int failed, int warned);

enum class ScoreBand { pass, average, fail };  // ≥ 90 green, 50-89 orange, < 50 red
ScoreBand score_band(int score);
std::string_view to_string(ScoreBand band);  // "pass" | "average" | "fail"

/// The formula in one English sentence, as reports state it.
inline constexpr std::string_view kScoreFormula =
    "score = 100 × (checks − errors − ½ × warnings) ÷ checks, rounded down; a check is one rule "
    "on one file (or one channel-wide consistency check) and counts once, at its worst finding; "
    "info findings do not lower the score. Bands: 90–100 good, 50–89 needs work, 0–49 poor.";

}  // namespace brandlint
