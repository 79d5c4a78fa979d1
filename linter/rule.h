// The rule contract. A rule is const and stateless after construction: everything it needs from
// the guide is parsed and validated in its factory, once per channel, so check() is thread-safe.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brandguide/brand_guide.h"
#include "linter/asset.h"
#include "linter/diagnostic.h"

namespace brandlint {

enum class Fixable { never, sometimes, always };

/// Static description of a rule; one per rule file.
struct RuleMeta {
  std::string_view id;       // "voice/banned-term": stable, never reused
  std::string_view summary;  // one line: docs title, SARIF shortDescription
  std::vector<AssetKind> kinds;  // the engine only calls check() for these
  Severity default_severity = Severity::warning;
  Fixable fixable = Fixable::never;
  std::string_view docs;                  // "rules/voice/banned-term.md", relative to the repo
  std::vector<std::string_view> options;  // option keys accepted under [rules."id"]
};

/// What a rule factory gets: the guide, the channel it builds for, and its validated options.
struct RuleConfig {
  const guide::BrandGuide& guide;
  const guide::Channel& channel;
  const guide::RuleOverride* override = nullptr;  // options from [rules], if any

  /// Option `key` if set in the guide, else nullptr. Throws GuideError when the type is wrong.
  const guide::OptionValue* option(std::string_view key) const;
  double option_number(std::string_view key, double fallback) const;
  std::int64_t option_int(std::string_view key, std::int64_t fallback) const;
  /// Where option `key` was written (for errors and evidence); empty when not set.
  guide::SourceRef option_ref(std::string_view key) const;
};

/// The sink for one (asset, rule) check. Converts byte spans to line:column.
class RuleContext {
 public:
  RuleContext(const Asset& asset, const guide::BrandGuide& guide, std::string_view rule_id,
              Severity severity, std::vector<struct Finding>& out);

  const Asset& asset() const { return asset_; }
  const guide::BrandGuide& guide() const { return guide_; }
  const guide::Channel& channel() const { return *asset_.channel; }
  /// The rule's effective severity for this channel (default, or the guide's override).
  Severity severity() const { return severity_; }

  /// A finding on the byte span [begin, end) of asset().text.
  void report_text(std::size_t begin, std::size_t end, std::string message, Json evidence,
                   std::optional<Fix> fix = std::nullopt,
                   std::optional<Severity> severity = std::nullopt);
  /// A finding on a pixel box of asset().pixels.
  void report_box(PixelBox box, std::string message, Json evidence,
                  std::optional<Severity> severity = std::nullopt);
  /// A finding about the whole file.
  void report_file(std::string message, Json evidence,
                   std::optional<Severity> severity = std::nullopt);

  /// Records a measurement about the asset (palette shares, LIX, word counts...), reported
  /// whether or not anything is wrong; the consistency view aggregates them per channel.
  void measure(const std::string& key, Json value);
  /// Where measurements go; the runner sets it, tests may leave it unset (then measure() is a no-op).
  void set_measurements(Json* sink) { measurements_ = sink; }

  /// Records that this asset's findings depend on another file's content (a page's <img src>),
  /// so a cached result is reused only while that file is unchanged. Every rule that reads a
  /// file other than its asset (and the guide's own files) must call it.
  void depends_on(const std::filesystem::path& file);
  /// Where dependencies go; the runner sets it (unset: depends_on() is a no-op).
  void set_dependencies(std::vector<std::filesystem::path>* sink) { dependencies_ = sink; }

 private:
  void push(Location location, std::string message, Json evidence, std::optional<Fix> fix,
            std::optional<Severity> severity);
  const Asset& asset_;
  const guide::BrandGuide& guide_;
  std::string_view rule_id_;
  Severity severity_;
  std::vector<Finding>& out_;
  Json* measurements_ = nullptr;
  std::vector<std::filesystem::path>* dependencies_ = nullptr;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  /// Checks one asset. Must be const and re-entrant: the runner calls it from many threads.
  virtual void check(const Asset& asset, RuleContext& ctx) const = 0;
};

/// One row of the registry: the rule's metadata and its factory. The factory may throw
/// guide::GuideError for a bad option (it becomes a guide error with file:line:col).
struct RuleEntry {
  const RuleMeta* meta;
  std::function<std::unique_ptr<Rule>(const RuleConfig&)> make;
};

}  // namespace brandlint
