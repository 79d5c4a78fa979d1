#include "linter/score.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace brandlint {

std::vector<Check> collect_checks(const RunResult& result) {
  // Key: (channel, path, rule). A map keeps the checks unique; the final sort orders them.
  std::map<std::tuple<std::string, std::string, std::string>, Check> checks;
  auto touch = [&](const std::string& channel, const std::string& path,
                   const std::string& rule) -> Check& {
    Check& check = checks[{channel, path, rule}];
    if (check.rule.empty()) check = Check{channel, path, rule, {}, Severity::off};
    return check;
  };
  for (const FileRecord& file : result.files) {
    for (const std::string& rule : file.rules) touch(file.channel, file.path, rule);
  }
  for (const RunCheck& run_check : result.run_checks) {
    touch(run_check.channel, run_check.path, run_check.rule);
  }
  for (const Finding& finding : result.findings) {
    Check& check = touch(finding.channel, finding.path, finding.rule);
    check.findings.push_back(&finding);
    check.worst = std::max(check.worst, finding.severity);
  }

  std::vector<std::string> order;
  for (const ChannelInfo& c : result.channels) order.push_back(c.name);
  auto rank = [&](const std::string& channel) {
    return std::find(order.begin(), order.end(), channel) - order.begin();
  };
  std::vector<Check> out;
  out.reserve(checks.size());
  for (auto& [key, check] : checks) out.push_back(std::move(check));
  std::stable_sort(out.begin(), out.end(), [&](const Check& a, const Check& b) {
    return std::make_tuple(rank(a.channel), std::cref(a.channel), std::cref(a.path),
                           std::cref(a.rule)) <
           std::make_tuple(rank(b.channel), std::cref(b.channel), std::cref(b.path),
                           std::cref(b.rule));
  });
  return out;
}

std::optional<int> compliance_score(int checks, int failed, int warned) {
  if (checks <= 0) return std::nullopt;
  // Integer arithmetic: the same counts give the same score on every machine.
  const long long points = 100LL * (2LL * checks - 2LL * failed - warned);
  return static_cast<int>(std::max(0LL, points / (2LL * checks)));
}

std::vector<ChannelScore> score_channels(const RunResult& result) {
  const std::vector<Check> checks = collect_checks(result);
  std::vector<ChannelScore> out;
  for (const ChannelSummary& summary : summarize(result)) {
    ChannelScore score;
    score.channel = summary.name;
    for (const Check& check : checks) {
      if (check.channel != summary.name) continue;
      ++score.checks;
      if (check.worst == Severity::error) ++score.failed;
      if (check.worst == Severity::warning) ++score.warned;
    }
    score.score = compliance_score(score.checks, score.failed, score.warned);
    out.push_back(std::move(score));
  }
  return out;
}

ScoreBand score_band(int score) {
  if (score >= 90) return ScoreBand::pass;
  if (score >= 50) return ScoreBand::average;
  return ScoreBand::fail;
}

std::string_view to_string(ScoreBand band) {
  switch (band) {
    case ScoreBand::pass:
      return "pass";
    case ScoreBand::average:
      return "average";
    case ScoreBand::fail:
      return "fail";
  }
  return "fail";
}

}  // namespace brandlint
