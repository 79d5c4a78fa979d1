#include "linter/cli.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

namespace brandlint {
namespace {

constexpr const char* kExamples = R"(
Examples:
  brandlint check                          lint the current folder with ./brandguide.toml
  brandlint check site/ social/ --guide brand/brandguide.toml
  brandlint check campaign/ --format json --output out/report.json
  brandlint check . --format sarif=out/brandlint.sarif --format text
                                           SARIF for GitHub code scanning, text on the terminal
  brandlint check . --format html=out/report.html --format junit=out/junit.xml
  brandlint check . --report-dir out/reports
                                           every format per channel, plus out/reports/index.html
  brandlint check . --channel sms --channel email --fail-on warning
  brandlint check site/ --diff             show what --fix would change, as a unified diff
  brandlint check site/ --fix              apply the fixes, then report what is left
  brandlint check . --baseline-write       record today's findings; later runs fail on new ones
  brandlint check . --cache                second runs reuse the results of unchanged files
  brandlint rules                          list every rule
  brandlint explain voice/banned-term      show a rule's documentation
  brandlint guide check brandguide.toml    validate a brand guide
  brandlint logo-check banner.png          which logos are where, with the detector's scores

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, guide or internal error.
With --diff: 0 nothing to fix, 1 the diff is not empty.
Docs: README.md and docs/brand-guide.md in the brandlint repository.)";

constexpr std::string_view kFormats[] = {"text", "json", "sarif", "junit", "github", "markdown", "html"};

// "sarif=out/x.sarif" -> {sarif, out/x.sarif}. Throws CLI::ValidationError for a bad name.
FormatRequest parse_format(const std::string& arg) {
  const std::size_t eq = arg.find('=');
  FormatRequest request{arg.substr(0, eq), eq == std::string::npos ? "" : arg.substr(eq + 1)};
  if (std::find(std::begin(kFormats), std::end(kFormats), request.format) == std::end(kFormats)) {
    throw CLI::ValidationError("--format", "unknown format '" + request.format +
                                               "' (text, json, sarif, junit, github, markdown, html)");
  }
  if (eq != std::string::npos && request.path.empty()) {
    throw CLI::ValidationError("--format", "'" + arg + "' names no file after '='");
  }
  return request;
}

}  // namespace

CliOptions parse_command_line(int argc, char** argv) {
  CliOptions o;
  CLI::App app{"brandlint — a brand-consistency linter: colours, logos and tone of voice, "
               "checked against your brand guide.",
               "brandlint"};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("brandlint ") + BRANDLINT_VERSION);
  app.require_subcommand(1);

  CLI::App* check = app.add_subcommand("check", "Lint files and folders against the brand guide");
  check->add_option("paths", o.paths, "Files or folders to lint (default: .)");
  check->add_option("--guide,-g", o.guide,
                    "Brand guide (default: brandguide.toml found by walking up)");
  std::vector<std::string> formats;
  check->add_option("--format,-f", formats,
                    "Report format, repeatable: text, json, sarif, junit, github, markdown, html; "
                    "FORMAT=PATH writes that format to PATH")
      ->allow_extra_args(false);
  check->add_option("--output,-o", o.output,
                    "Write the report to FILE instead of stdout (the format given without =PATH)");
  check->add_option("--report-dir", o.report_dir,
                    "Also write every format for every channel into DIR, plus DIR/index.html");
  std::string fail_on = "error";
  check->add_option("--fail-on", fail_on, "Exit 1 when a finding has at least this severity")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->capture_default_str();
  check->add_option("--channel,-c", o.channels, "Only lint files of this channel (repeatable)");
  check->add_option("--jobs,-j", o.jobs, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  std::string color = "auto";
  check->add_option("--color", color, "Colour the text output (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check->add_flag("--quiet,-q", o.quiet, "Print findings only, no summary");
  check->add_option("--max-pixels", o.max_pixels,
                    "Largest image (width × height) decoded at full size")
      ->check(CLI::Range(1LL, 4'000'000'000LL))
      ->capture_default_str();
  check->add_option("--annotate", o.annotate,
                    "Write each image with findings to DIR, regions outlined and labelled");
  CLI::Option* fix_flag =
      check->add_flag("--fix", o.fix,
                      "Apply the fixes of the findings to the files (atomically), then lint again "
                      "and report what is left");
  CLI::Option* diff_flag =
      check->add_flag("--diff", o.diff,
                      "Print the fixes as a unified diff instead of writing them (exit 1 when the "
                      "diff is not empty); no report")
          ->excludes(fix_flag);
  CLI::Option* baseline_opt = check->add_option(
      "--baseline", o.baseline,
      "Set aside the findings recorded in FILE; only new ones count (default: "
      "./brandlint-baseline.json when it exists)");
  check->add_flag("--baseline-write", o.baseline_write,
                  "Record every finding of this run in the baseline (--baseline FILE or "
                  "./brandlint-baseline.json), replacing it, then report with them set aside")
      ->excludes(diff_flag);
  check->add_flag("--no-baseline", o.no_baseline, "Ignore ./brandlint-baseline.json")
      ->excludes(baseline_opt);
  bool cache = false;
  check->add_flag("--cache", cache,
                  "Reuse the results of files unchanged since the last run (kept in "
                  "./.brandlint-cache; reports are the same as without it)");
  std::string cache_location;
  check->add_option("--cache-location", cache_location,
                    "Where --cache keeps results (implies --cache)");

  app.add_subcommand("rules", "List every rule with its default severity");
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation");
  explain->add_option("rule", o.rule, "Rule id, e.g. voice/banned-term")->required();
  CLI::App* guide_cmd = app.add_subcommand("guide", "Work with brand guides");
  guide_cmd->require_subcommand(1);
  CLI::App* guide_check = guide_cmd->add_subcommand("check", "Validate a brand guide");
  guide_check->add_option("guide", o.guide, "Guide file (default: found by walking up)");
  // logo-check: what the logo engine finds in images, with its scores.
  CLI::App* logo_check = app.add_subcommand("logo-check", "Show every logo found in images, with scores");
  logo_check->add_option("images", o.paths, "Images, SVG or PDF files")->required();
  logo_check->add_option("--guide,-g", o.guide, "Brand guide (default: found by walking up)");
  logo_check->add_option("--format,-f", o.logo_format, "text or json")->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
    for (const std::string& f : formats) o.formats.push_back(parse_format(f));
    if (o.formats.empty()) o.formats.push_back({"text", ""});
    const auto unnamed = std::count_if(o.formats.begin(), o.formats.end(),
                                       [](const FormatRequest& r) { return r.path.empty(); });
    if (unnamed > 1) {
      throw CLI::ValidationError("--format", "only one format can go to stdout or --output; "
                                             "give the others a file: --format FORMAT=PATH");
    }
  } catch (const CLI::ParseError& e) {
    o.command = Command::exit_now;
    // --help and --version exit 0; real usage errors exit 2 as documented.
    const int code = app.exit(e);
    o.exit_code = code == 0 ? 0 : 2;
    return o;
  }
  if (check->parsed()) {
    o.command = Command::check;
    if (!cache_location.empty()) o.cache = cache_location;
    else if (cache) o.cache = ".brandlint-cache";
    o.fail_on = *guide::parse_severity(fail_on);
    o.color = color == "always" ? ColorMode::always
              : color == "never" ? ColorMode::never
                                 : ColorMode::automatic;
    if (o.paths.empty()) o.paths.push_back(".");
  } else if (explain->parsed()) {
    o.command = Command::explain;
  } else if (guide_check->parsed()) {
    o.command = Command::guide_check;
  } else if (logo_check->parsed()) {
    o.command = Command::logo_check;
  } else {
    o.command = Command::rules;
  }
  return o;
}

bool use_color(ColorMode mode, bool to_file) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org: any non-empty value
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace brandlint
