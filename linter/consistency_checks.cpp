// The run-level consistency rules: consistency/palette-drift and consistency/voice-drift.
// They are not registry rules because they look at a whole run, not at one asset: the engine
// runs them once after every file is checked, and lists their metadata with its own built-in
// diagnostics so `brandlint rules`, `explain`, [rules] severities and SARIF know them.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "linter/consistency.h"
#include "linter/result.h"
#include "linter/rule.h"
#include "linter/rule_set.h"

namespace brandlint {
namespace {

const std::vector<AssetKind> kImageKinds = {AssetKind::image, AssetKind::svg, AssetKind::pdf};
const std::vector<AssetKind> kCopyKinds = {AssetKind::text, AssetKind::markdown, AssetKind::html,
                                           AssetKind::copy_deck};

const RuleMeta kPaletteDriftMeta{
    kPaletteDrift,
    "A channel uses the brand colours in different proportions than the other channels",
    kImageKinds,
    Severity::warning,
    Fixable::never,
    "rules/consistency/palette-drift.md",
    {"max_share_difference"}};
const RuleMeta kVoiceDriftMeta{
    kVoiceDrift,
    "A channel's copy reads differently (readability, sentence length, exclamations, emoji) "
    "than the other channels",
    kCopyKinds,
    Severity::warning,
    Fixable::never,
    "rules/consistency/voice-drift.md",
    {"max_lix_difference", "max_flesch_difference", "max_sentence_words_difference",
     "max_exclamations_difference", "max_emoji_difference", "min_words"}};

struct MetricText {
  std::string_view metric;  // exact metric, or a prefix ending in '.'
  std::string_view option;
};
constexpr MetricText kOptions[] = {
    {"palette.", "max_share_difference"},
    {"voice.lix", "max_lix_difference"},
    {"voice.flesch", "max_flesch_difference"},
    {"voice.words_per_sentence", "max_sentence_words_difference"},
    {"voice.exclamations_per_100w", "max_exclamations_difference"},
    {"voice.emoji_per_100w", "max_emoji_difference"},
};

std::string_view option_for(std::string_view metric) {
  for (const MetricText& m : kOptions) {
    if (m.metric.back() == '.' ? metric.rfind(m.metric, 0) == 0 : metric == m.metric)
      return m.option;
  }
  return {};
}

void read_option(const guide::BrandGuide& guide, std::string_view rule, std::string_view key,
                 double& value) {
  const guide::RuleOverride* o = find_override(guide, rule);
  if (o == nullptr || o->rule != rule) return;  // options need the exact id (RuleSet checks it)
  const auto it = o->options.find(std::string(key));
  if (it == o->options.end()) return;
  const auto ref =
      o->option_refs.count(std::string(key)) ? o->option_refs.at(std::string(key)) : o->ref;
  if (const auto* d = std::get_if<double>(&it->second)) {
    value = *d;
  } else if (const auto* i = std::get_if<std::int64_t>(&it->second)) {
    value = static_cast<double>(*i);
  } else {
    throw guide::GuideError(ref,
                            fmt::format("option '{}' of rule '{}' must be a number", key, rule));
  }
  if (value < 0) {
    throw guide::GuideError(
        ref, fmt::format("option '{}' of rule '{}' must not be negative", key, rule));
  }
}

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100); }

// "instagram uses Polarlys on 41% of its graphic area, the other channels 6% on average".
std::string drift_message(const ConsistencyFigure& f) {
  const double avg = f.brand_average.value_or(0);
  const double limit = f.threshold.value_or(0);
  const std::string& c = f.channel;
  const std::string limit_points = fmt::format("{:.0f}", limit * 100);  // shares: percentage points
  if (f.metric == "palette.off_palette") {
    return fmt::format(
        "{} has {} off-palette colour in its graphic area, the other channels {} on "
        "average (allowed difference: {} points)",
        c, percent(f.value), percent(avg), limit_points);
  }
  if (f.metric.rfind("palette.", 0) == 0) {
    return fmt::format(
        "{} uses {} on {} of its graphic area, the other channels {} on average "
        "(allowed difference: {} points)",
        c, f.metric.substr(8), percent(f.value), percent(avg), limit_points);
  }
  if (f.metric == "voice.lix" || f.metric == "voice.flesch") {
    const char* name = f.metric == "voice.lix" ? "LIX" : "Flesch reading ease";
    return fmt::format(
        "{} copy reads at {} {:.0f}, the other channels at {:.0f} on average "
        "(allowed difference: {:g})",
        c, name, f.value, avg, limit);
  }
  if (f.metric == "voice.words_per_sentence") {
    return fmt::format(
        "{} copy averages {:.1f} words per sentence, the other channels {:.1f} "
        "(allowed difference: {:g})",
        c, f.value, avg, limit);
  }
  const char* what = f.metric == "voice.emoji_per_100w" ? "emoji" : "exclamation marks";
  return fmt::format(
      "{} copy has {:.1f} {} per 100 words, the other channels {:.1f} on average "
      "(allowed difference: {:g})",
      c, f.value, what, avg, limit);
}

double round4(double v) { return std::round(v * 10000) / 10000; }

Finding drift_finding(const ConsistencyFigure& f, const RuleMeta& meta, Severity severity,
                      const RunResult& result, const guide::Channel* channel) {
  Finding finding;
  finding.rule = std::string(meta.id);
  finding.severity = severity;
  finding.channel = f.channel;
  finding.path = result.guide_path;
  if (channel != nullptr && channel->ref.line > 0) {
    // The channel's table in the guide: the place a brand manager would change or excuse it.
    finding.location.line = finding.location.end_line = channel->ref.line;
    finding.location.column = finding.location.end_column = std::max(1, channel->ref.column);
  }
  finding.message = drift_message(f);
  finding.evidence =
      Json{{"metric", f.metric},
           {"measured", round4(f.value)},
           {"expected", round4(f.brand_average.value_or(0))},
           {"difference", round4(f.value - f.brand_average.value_or(0))},
           {"threshold", f.threshold.value_or(0)},
           {"guide_key", fmt::format("rules.\"{}\".{}", meta.id, option_for(f.metric))}};
  return finding;
}

std::optional<Severity> enabled(const guide::BrandGuide& guide, const RuleMeta& meta,
                                const std::vector<std::string>& only) {
  if (!only.empty() && std::find(only.begin(), only.end(), meta.id) == only.end())
    return std::nullopt;
  const guide::RuleOverride* o = find_override(guide, meta.id);
  const Severity severity = o != nullptr && o->severity ? *o->severity : meta.default_severity;
  if (severity == Severity::off) return std::nullopt;
  return severity;
}

}  // namespace

const RuleMeta& palette_drift_meta() { return kPaletteDriftMeta; }
const RuleMeta& voice_drift_meta() { return kVoiceDriftMeta; }

DriftLimits drift_limits(const guide::BrandGuide& guide) {
  DriftLimits limits;
  read_option(guide, kPaletteDrift, "max_share_difference", limits.share);
  read_option(guide, kVoiceDrift, "max_lix_difference", limits.lix);
  read_option(guide, kVoiceDrift, "max_flesch_difference", limits.flesch);
  read_option(guide, kVoiceDrift, "max_sentence_words_difference", limits.words_per_sentence);
  read_option(guide, kVoiceDrift, "max_exclamations_difference", limits.exclamations);
  read_option(guide, kVoiceDrift, "max_emoji_difference", limits.emoji);
  read_option(guide, kVoiceDrift, "min_words", limits.min_words);
  return limits;
}

void check_consistency(const guide::BrandGuide& guide, RunResult& result,
                       const std::vector<std::string>& only_rules) {
  result.consistency = measure_consistency(result, drift_limits(guide));
  for (const RuleMeta* meta : {&kPaletteDriftMeta, &kVoiceDriftMeta}) {
    const std::string prefix = meta == &kPaletteDriftMeta ? "palette." : "voice.";
    const std::optional<Severity> severity = enabled(guide, *meta, only_rules);
    std::vector<std::string> compared;  // channels this rule looked at
    for (ConsistencyFigure& f : result.consistency.figures) {
      if (f.metric.rfind(prefix, 0) != 0) continue;
      if (!severity) {
        f.threshold.reset();  // a disabled rule judges nothing, so nothing is shown as drift
        f.drift = false;
        continue;
      }
      if (f.threshold && f.brand_average &&
          std::find(compared.begin(), compared.end(), f.channel) == compared.end()) {
        compared.push_back(f.channel);
      }
      if (f.drift) {
        result.findings.push_back(
            drift_finding(f, *meta, *severity, result, guide.find_channel(f.channel)));
      }
    }
    for (const std::string& channel : compared) {
      result.run_checks.push_back({channel, std::string(meta->id), result.guide_path});
    }
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
}

}  // namespace brandlint
