// brandlint's data flow, end to end:
//   guide (TOML) --load--> BrandGuide;  paths --discover/classify--> files
//   each file --load_asset--> Asset --rules for its kind and channel--> findings
//   all results --sort--> RunResult (+ run-level consistency) --> reporters --> exit code
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "linter/baseline.h"
#include "linter/builtin_rules.h"
#include "linter/cli.h"
#include "linter/fix.h"
#include "linter/reporters/reporter.h"
#include "linter/runner.h"
#include "rules/commands.h"
#include "rules/registry.h"
#include "rules/support/raster_annotate.h"

namespace fs = std::filesystem;
using namespace brandlint;

namespace {

// Applies the baseline (--baseline FILE, else ./brandlint-baseline.json when present), or with
// --baseline-write records this run's findings in it first. False when it cannot be written.
bool set_aside_baseline(const CliOptions& cli, RunResult& result) {
  const fs::path file = cli.baseline.empty() ? fs::path(kBaselineFile) : fs::path(cli.baseline);
  if (cli.baseline_write) {
    // A readable old baseline keeps its entries for paths this run did not look at.
    std::optional<Baseline> previous;
    if (fs::exists(file)) {
      try {
        previous = read_baseline(file);
      } catch (const BaselineError&) {
        // Replaced as a whole: a damaged file is what --baseline-write is for.
      }
    }
    Baseline recorded = make_baseline(result, previous ? &*previous : nullptr);
    recorded.path = file.string();
    const std::string error =
        write_file_atomically(file.string(), baseline_json(recorded, result.tool_version), true);
    if (!error.empty()) {
      fmt::print(stderr, "brandlint: error: cannot write the baseline {}: {}\n", file.string(),
                 error);
      return false;
    }
    fmt::print(stderr, "brandlint: recorded {} finding(s) of this run in {} ({} entries)\n",
               result.findings.size() + result.baselined.size(), file.string(),
               recorded.entries.size());
    apply_baseline(result, recorded);
  } else if (!cli.no_baseline && (!cli.baseline.empty() || fs::exists(file))) {
    apply_baseline(result, read_baseline(file));  // throws BaselineError
  }
  return true;
}

int check(const CliOptions& cli) {
  const fs::path guide_path = rules::locate_guide(cli.guide, cli.paths);
  if (guide_path.empty()) {
    fmt::print(stderr, "brandlint: error: no brandguide.toml found in this folder or above; "
                       "pass --guide PATH\n");
    return 2;
  }
  const guide::BrandGuide guide = guide::load_guide(guide_path);  // throws GuideError

  RunOptions options;
  options.jobs = cli.jobs;
  options.channels = cli.channels;
  options.load.max_pixels = static_cast<std::uint64_t>(cli.max_pixels);
  options.cache_dir = cli.cache;
  rules::check_channel_names(guide, cli.channels);  // throws UsageError
  std::vector<fs::path> paths(cli.paths.begin(), cli.paths.end());
  RunResult result = run(guide, rules::registry(), paths, options);
  if (cli.diff) {
    const FixOutcome diff = fix_files(result, false, std::cout, std::cerr);
    return diff.failed ? 2 : diff.files_changed > 0 ? 1 : 0;
  }
  if (cli.fix) {
    const FixOutcome fixed = fix_files(result, true, std::cout, std::cerr);
    fmt::print(stderr, "brandlint: fixed {} problem(s) in {} file(s)\n", fixed.edits,
               fixed.files_changed);
    if (fixed.failed) return 2;
    // Lint again: the report shows what is left, with positions in the fixed files.
    if (fixed.files_changed > 0) result = run(guide, rules::registry(), paths, options);
  }
  if (!cli.cache.empty() && !cli.quiet) {
    fmt::print(stderr, "brandlint: cache {}: {} file(s) reused, {} checked{}\n", cli.cache,
               result.cache_hits, result.cache_misses,
               result.cache_write_failures > 0
                   ? fmt::format(", {} result(s) could not be stored", result.cache_write_failures)
                   : "");
  }
  if (!set_aside_baseline(cli, result)) return 2;
  result.scan_time = rules::scan_time();

  if (!rules::write_reports(cli, result, rules::report_options(cli.quiet))) return 2;
  if (!cli.annotate.empty()) rules::write_annotations(result, guide, cli.annotate, options.load);
  return rules::exit_code(result, cli.fail_on);
}

}  // namespace

int main(int argc, char** argv) {
  const CliOptions cli = parse_command_line(argc, argv);
  try {
    switch (cli.command) {
      case Command::exit_now: return cli.exit_code;
      case Command::check: return check(cli);
      case Command::rules: return rules::print_rules(std::cout);
      case Command::explain: return rules::explain(cli.rule, std::cout);
      case Command::guide_check: return rules::guide_check(cli.guide, std::cout);
      case Command::logo_check: return rules::logo_check(cli.paths, cli.guide, cli.logo_format, std::cout);
    }
  } catch (const guide::GuideError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 2;
  } catch (const BaselineError& e) {
    fmt::print(stderr, "brandlint: error: {}\n", e.what());
    return 2;
  } catch (const rules::UsageError& e) {
    fmt::print(stderr, "brandlint: error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "brandlint: internal error: {}\n", e.what());
    return 2;
  }
  return 2;
}
