#include "linter/rule_set.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/builtin_rules.h"

namespace brandlint {
namespace {

bool is_known_rule(std::span<const RuleEntry> registry, const Glob& pattern) {
  if (std::any_of(registry.begin(), registry.end(),
                  [&](const RuleEntry& e) { return pattern.matches(e.meta->id); })) {
    return true;
  }
  const auto builtins = builtin_rules();
  return std::any_of(builtins.begin(), builtins.end(),
                     [&](const RuleMeta* m) { return pattern.matches(m->id); });
}

// The closest known id by edit distance, for "did you mean" in guide errors.
std::string closest_id(std::span<const RuleEntry> registry, std::string_view wrong) {
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    return row[b.size()];
  };
  std::string best;
  std::size_t best_distance = wrong.size() / 2 + 1;  // only suggest plausible typos
  for (const RuleEntry& entry : registry) {
    const std::size_t d = distance(wrong, entry.meta->id);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(entry.meta->id);
    }
  }
  return best;
}

void validate_override(const guide::RuleOverride& o, std::span<const RuleEntry> registry) {
  if (!is_known_rule(registry, Glob(o.rule))) {
    throw guide::GuideError(o.ref, fmt::format("unknown rule '{}' in [rules]", o.rule),
                            closest_id(registry, o.rule));
  }
  if (o.options.empty()) return;
  // Options only make sense for one exact rule: check them against its declared keys. The
  // engine's run-level rules (consistency/*) take options too.
  const RuleMeta* meta = nullptr;
  for (const RuleEntry& e : registry) meta = e.meta->id == o.rule ? e.meta : meta;
  for (const RuleMeta* m : builtin_rules()) meta = m->id == o.rule ? m : meta;
  if (meta == nullptr) {
    throw guide::GuideError(o.ref, fmt::format("options need an exact rule id, not the pattern '{}'",
                                               o.rule));
  }
  for (const auto& [key, value] : o.options) {
    const auto& allowed = meta->options;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      const auto ref_it = o.option_refs.find(key);
      std::string known;
      for (std::string_view a : allowed) known += fmt::format("{}'{}'", known.empty() ? "" : ", ", a);
      throw guide::GuideError(
          ref_it != o.option_refs.end() ? ref_it->second : o.ref,
          fmt::format("rule '{}' has no option '{}' (options: {})", o.rule, key,
                      known.empty() ? "none besides severity" : known));
    }
  }
}

}  // namespace

const guide::RuleOverride* find_override(const guide::BrandGuide& guide, std::string_view rule_id) {
  const guide::RuleOverride* by_glob = nullptr;
  for (const guide::RuleOverride& o : guide.rules) {
    if (o.rule == rule_id) return &o;
    if (Glob(o.rule).matches(rule_id)) by_glob = &o;
  }
  return by_glob;
}

RuleSet::RuleSet(const guide::BrandGuide& guide, std::span<const RuleEntry> registry,
                 const std::vector<std::string>& only) {
  for (const guide::RuleOverride& o : guide.rules) validate_override(o, registry);
  for (const guide::Ignore& ignore : guide.ignores) {
    CompiledIgnore compiled;
    for (const std::string& p : ignore.paths) compiled.paths.emplace_back(p);
    for (const std::string& r : ignore.rules) {
      if (!is_known_rule(registry, Glob(r))) {
        throw guide::GuideError(ignore.ref, fmt::format("unknown rule '{}' in [[ignore]]", r),
                                closest_id(registry, r));
      }
      compiled.rules.emplace_back(r);
    }
    ignores_.push_back(std::move(compiled));
  }
  for (const guide::Channel& channel : guide.channels) {
    ChannelRules built{&channel, {}};
    for (const RuleEntry& entry : registry) {
      if (!only.empty() && std::find(only.begin(), only.end(), entry.meta->id) == only.end()) {
        continue;
      }
      const guide::RuleOverride* o = find_override(guide, entry.meta->id);
      const Severity severity =
          o != nullptr && o->severity ? *o->severity : entry.meta->default_severity;
      if (severity == Severity::off) continue;
      RuleConfig config{guide, channel, o};
      built.rules.push_back({entry.meta, entry.make(config), severity});
    }
    channels_.push_back(std::move(built));
  }
}

std::vector<const ActiveRule*> RuleSet::rules_for(const guide::Channel& channel,
                                                  AssetKind kind) const {
  std::vector<const ActiveRule*> out;
  for (const ChannelRules& c : channels_) {
    if (c.channel != &channel) continue;
    for (const ActiveRule& r : c.rules) {
      if (std::find(r.meta->kinds.begin(), r.meta->kinds.end(), kind) != r.meta->kinds.end()) {
        out.push_back(&r);
      }
    }
  }
  return out;
}

bool RuleSet::ignored(std::string_view match_path, std::string_view rule_id) const {
  for (const CompiledIgnore& ignore : ignores_) {
    auto path_hit = [&](const Glob& g) { return g.matches(match_path); };
    auto rule_hit = [&](const Glob& g) { return g.matches(rule_id); };
    if (std::any_of(ignore.paths.begin(), ignore.paths.end(), path_hit) &&
        (ignore.rules.empty() || std::any_of(ignore.rules.begin(), ignore.rules.end(), rule_hit))) {
      return true;
    }
  }
  return false;
}

}  // namespace brandlint
