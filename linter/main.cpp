// brandlint's data flow, end to end:
//   guide (TOML) --load--> BrandGuide;  paths --discover/classify--> files
//   each file --load_asset--> Asset --rules for its kind and channel--> findings
//   all results --sort--> RunResult (+ run-level consistency) --> reporters --> exit code
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "linter/builtin_rules.h"
#include "linter/cli.h"
#include "linter/reporters/reporter.h"
#include "linter/runner.h"
#include "rules/commands.h"
#include "rules/registry.h"
#include "rules/support/raster_annotate.h"

namespace fs = std::filesystem;
using namespace brandlint;

namespace {

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
  rules::check_channel_names(guide, cli.channels);  // throws UsageError
  std::vector<fs::path> paths(cli.paths.begin(), cli.paths.end());
  RunResult result = run(guide, rules::registry(), paths, options);
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
  } catch (const rules::UsageError& e) {
    fmt::print(stderr, "brandlint: error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "brandlint: internal error: {}\n", e.what());
    return 2;
  }
  return 2;
}
