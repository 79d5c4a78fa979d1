#include "linter/runner.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "linter/builtin_rules.h"
#include "linter/cache.h"
#include "linter/classify.h"
#include "linter/consistency.h"
#include "linter/discovery.h"
#include "linter/file_bytes.h"
#include "linter/fix.h"
#include "linter/rule_set.h"
#include "linter/suppression.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

struct Job {
  DiscoveredFile file;
  AssetKind kind;
  const guide::Channel* channel;
};

using JobResult = FileResult;

Finding engine_finding(const Asset& asset, std::string_view rule, Severity severity,
                       std::string message, std::size_t offset = 0, bool has_offset = false) {
  Finding f;
  f.rule = std::string(rule);
  f.severity = severity;
  f.channel = asset.channel->name;
  f.path = asset.display_path;
  f.message = std::move(message);
  if (has_offset && !asset.text.empty()) {
    const LineColumn at = asset.lines.at(asset.text, offset);
    f.location.begin = f.location.end = offset;
    f.location.line = f.location.end_line = at.line;
    f.location.column = f.location.end_column = at.column;
  }
  return f;
}

JobResult process(const Job& job, const guide::BrandGuide& guide, const RuleSet& rules,
                  const LoadOptions& load_options, std::span<const std::string_view> rule_ids) {
  JobResult out;
  out.record.path = job.file.display_path;
  out.record.channel = job.channel->name;
  out.record.kind = job.kind;
  Asset asset;
  try {
    asset = load_asset(job.file, job.kind, *job.channel, load_options);
  } catch (const std::exception& e) {
    // A decoder throwing is our bug, not the user's file: say so, and go on with other files.
    asset.display_path = job.file.display_path;
    asset.channel = job.channel;
    out.record.readable = false;
    out.findings.push_back(engine_finding(asset, kInternalError, Severity::error,
                                          fmt::format("loading this file failed: {}", e.what())));
    return out;
  }
  out.record.content_hash = asset.content_hash;
  out.record.bytes = asset.byte_size;
  out.record.readable = asset.readable;
  out.record.width = asset.pixels.cols;
  out.record.height = asset.pixels.rows;
  for (const LoadProblem& problem : asset.problems) {
    const bool unreadable = problem.rule == kUnreadableAsset;
    if (rules.ignored(asset.match_path, problem.rule)) continue;
    out.findings.push_back(engine_finding(asset, problem.rule,
                                          unreadable ? Severity::error : Severity::warning,
                                          problem.message, problem.offset, !unreadable));
  }
  if (!asset.readable) return out;
  for (const ActiveRule* active : rules.rules_for(*job.channel, job.kind)) {
    if (rules.ignored(asset.match_path, active->meta->id)) continue;
    out.record.rules.emplace_back(active->meta->id);
    std::vector<Finding> found;
    RuleContext context(asset, guide, active->meta->id, active->severity, found);
    Json measurements = Json::object();
    context.set_measurements(&measurements);
    context.set_dependencies(&out.dependencies);
    try {
      active->rule->check(asset, context);
    } catch (const std::exception& e) {
      found.clear();
      found.push_back(engine_finding(asset, kInternalError, Severity::error,
                                     fmt::format("rule {} failed on this file: {}",
                                                 active->meta->id, e.what())));
    } catch (...) {
      found.clear();
      found.push_back(engine_finding(asset, kInternalError, Severity::error,
                                     fmt::format("rule {} failed on this file: unknown exception",
                                                 active->meta->id)));
    }
    if (!measurements.empty()) out.record.measurements[std::string(active->meta->id)] = measurements;
    for (Finding& f : found) {
      if (f.severity != Severity::off) out.findings.push_back(std::move(f));
    }
  }
  for (Finding& f : out.findings) {
    if (f.fix && !fix_respects_markup(asset, *f.fix)) f.fix.reset();
  }
  // Inline brandlint-disable comments, after every rule, so they cover built-ins too.
  SuppressionScope scope;
  scope.known_rules = rule_ids;
  scope.ran = [&](std::string_view id) {
    const std::vector<std::string>& ran = out.record.rules;
    return std::find(ran.begin(), ran.end(), id) != ran.end();
  };
  scope.severity = [&](std::string_view id, Severity fallback) -> std::optional<Severity> {
    if (rules.ignored(asset.match_path, id)) return std::nullopt;
    const guide::RuleOverride* o = find_override(guide, id);
    return o != nullptr && o->severity ? *o->severity : fallback;
  };
  apply_suppressions(asset, scope, out.findings, out.suppressed);
  std::sort(out.dependencies.begin(), out.dependencies.end());
  out.dependencies.erase(std::unique(out.dependencies.begin(), out.dependencies.end()),
                         out.dependencies.end());
  return out;
}

// process(), through the result cache when there is one: the file is read and hashed, and an
// entry for exactly these bytes, this place in the run and this guide stands in for decoding
// and checking it. Results with an internal error are not kept (a fixed brandlint must look
// again). Files over the load limits are not read here; load_asset refuses them anyway.
JobResult process_cached(const Job& job, const guide::BrandGuide& guide, const RuleSet& rules,
                         const LoadOptions& load_options, std::span<const std::string_view> rule_ids,
                         const ResultCache* cache) {
  if (cache == nullptr) return process(job, guide, rules, load_options, rule_ids);
  std::optional<std::uint64_t> key;
  const bool binary = job.kind == AssetKind::image || job.kind == AssetKind::pdf;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(job.file.path, ec);
  if (!ec && size <= (binary ? load_options.max_binary_bytes : load_options.max_text_bytes)) {
    if (const std::optional<std::string> bytes = read_file_bytes(job.file.path)) {
      key = cache->file_key(*bytes, job.file.display_path, job.file.match_path, job.channel->name,
                            to_string(job.kind));
      if (std::optional<FileResult> hit = cache->load(*key)) return std::move(*hit);
    }
  }
  JobResult out = process(job, guide, rules, load_options, rule_ids);
  const bool internal = std::any_of(out.findings.begin(), out.findings.end(),
                                    [](const Finding& f) { return f.rule == kInternalError; });
  if (key && !internal) cache->store(*key, out);
  return out;
}

// What besides a file decides its results, for the cache's run key: the guide, the files it
// names, and the options that change findings.
std::unique_ptr<ResultCache> make_cache(const guide::BrandGuide& guide,
                                        const RunOptions& options) {
  if (options.cache_dir.empty()) return nullptr;
  std::vector<fs::path> inputs{guide.path};
  for (const guide::Logo& logo : guide.logos) inputs.push_back(logo.file);
  if (guide.palette.import) inputs.push_back(guide.palette.import->tokens);
  std::string settings = fmt::format("max_pixels={};max_text={};max_binary={};rules=",
                                     options.load.max_pixels, options.load.max_text_bytes,
                                     options.load.max_binary_bytes);
  for (const std::string& r : options.only_rules) settings += r + ",";
  return std::make_unique<ResultCache>(options.cache_dir, cache_run_key(inputs, settings));
}

}  // namespace

namespace {

// Channel globs name paths relative to the folder being linted. Linting a subfolder
// (`brandlint check sms/` from the campaign root, where `sms/**` is written) would match none of
// them, so a file that matches no channel that way is tried by its path from the current folder,
// then by its path from the guide's folder. The first path that matches decides, and becomes the
// file's match path (what `[[ignore]]` globs see too).
const guide::Channel& place_in_channel(DiscoveredFile& file, const ChannelMatcher& channels,
                                       const fs::path& guide_dir) {
  if (const guide::Channel* c = channels.match(file.match_path)) return *c;
  std::vector<std::string> candidates;
  if (!file.display_path.starts_with("../") && !fs::path(file.display_path).is_absolute()) {
    candidates.push_back(file.display_path);
  }
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(file.path, ec), ec);
  if (!ec && !guide_dir.empty()) {
    const fs::path rel = canonical.lexically_relative(guide_dir);
    if (!rel.empty() && *rel.begin() != "..") candidates.push_back(rel.generic_string());
  }
  for (std::string& candidate : candidates) {
    if (const guide::Channel* c = channels.match(candidate)) {
      file.match_path = std::move(candidate);
      return *c;
    }
  }
  return channels.channel_for(file.match_path);
}

}  // namespace

RunResult run(const guide::BrandGuide& guide, std::span<const RuleEntry> registry,
              const std::vector<fs::path>& paths, const RunOptions& options) {
  const RuleSet rules(guide, registry, options.only_rules);
  drift_limits(guide);  // a mistyped consistency option fails now, before any file is read
  const ChannelMatcher channels(guide);

  RunResult result;
  result.tool_version = BRANDLINT_VERSION;
  result.guide_path = guide.path.generic_string();
  result.brand_name = guide.brand.name;
  result.guide_version = guide.brand.version;
  result.locale = guide.brand.locale;
  for (const guide::PaletteColor& c : guide.palette.colors) result.palette.push_back({c.name, c.hex});
  auto selected = [&](const std::string& name) {
    return options.channels.empty() ||
           std::find(options.channels.begin(), options.channels.end(), name) !=
               options.channels.end();
  };
  for (const guide::Channel& c : guide.channels) {
    if (selected(c.name)) result.channels.push_back({c.name, c.locale});
  }

  const Discovery discovery = discover(paths, {guide.path});
  std::error_code ec;
  const fs::path guide_dir = fs::weakly_canonical(fs::absolute(guide.path, ec), ec).parent_path();
  for (const DiscoveryProblem& p : discovery.problems) {
    result.skipped.push_back({p.path, p.message});
  }
  std::vector<Job> jobs;
  for (const DiscoveredFile& file : discovery.files) {
    std::optional<AssetKind> kind = kind_from_extension(file.display_path);
    if (!kind) {
      // Unknown extension: take it only when its bytes say it is an image or a PDF.
      std::string head(16, '\0');
      if (FILE* f = std::fopen(file.path.c_str(), "rb")) {
        head.resize(std::fread(head.data(), 1, head.size(), f));
        std::fclose(f);
      }
      kind = kind_from_magic(head);
    }
    if (!kind) {
      result.skipped.push_back({file.display_path, "not a kind of file brandlint checks"});
      continue;
    }
    DiscoveredFile placed = file;
    const guide::Channel& channel = place_in_channel(placed, channels, guide_dir);
    if (!selected(channel.name)) continue;
    jobs.push_back({std::move(placed), *kind, &channel});
  }

  std::vector<std::string_view> rule_ids;
  for (const RuleEntry& entry : registry) rule_ids.push_back(entry.meta->id);
  for (const RuleMeta* meta : builtin_rules()) rule_ids.push_back(meta->id);
  const std::unique_ptr<ResultCache> cache = make_cache(guide, options);
  std::vector<JobResult> results(jobs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      results[i] = process_cached(jobs[i], guide, rules, options.load, rule_ids,
                                  cache.get());
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t thread_count =
      std::min<std::size_t>(options.jobs > 0 ? std::size_t(options.jobs) : cores,
                            std::max<std::size_t>(jobs.size(), 1));
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < thread_count; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  for (JobResult& r : results) {
    result.files.push_back(std::move(r.record));
    for (Finding& f : r.findings) {
      if (f.rule == kInternalError) result.internal_error = true;
      result.findings.push_back(std::move(f));
    }
    for (SuppressedFinding& s : r.suppressed) result.suppressed.push_back(std::move(s));
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  std::sort(result.suppressed.begin(), result.suppressed.end(),
            [](const SuppressedFinding& a, const SuppressedFinding& b) {
              return finding_less(a.finding, b.finding);
            });
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  if (cache) {
    result.cache_hits = cache->hits();
    result.cache_misses = cache->misses();
    result.cache_write_failures = cache->write_failures();
  }
  check_consistency(guide, result, options.only_rules);  // run-level rules, after every file
  return result;
}

}  // namespace brandlint
