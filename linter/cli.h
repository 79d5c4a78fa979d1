// The command line: parsing only. main.cpp carries out what was asked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "brandguide/brand_guide.h"

namespace brandlint {

enum class Command { check, rules, explain, guide_check, logo_check, exit_now };
enum class ColorMode { automatic, always, never };

/// One `--format FORMAT[=PATH]`: where a report goes. An empty path means --output or stdout.
struct FormatRequest {
  std::string format;
  std::string path;
};

struct CliOptions {
  Command command = Command::exit_now;
  int exit_code = 0;  // for exit_now (--help, --version, usage errors)

  std::vector<std::string> paths;
  std::string guide;
  std::vector<FormatRequest> formats;  // at least one; default text
  std::string output;
  std::string report_dir;  // --report-dir: every format per channel, plus index.html
  guide::Severity fail_on = guide::Severity::error;
  std::vector<std::string> channels;
  int jobs = 0;
  ColorMode color = ColorMode::automatic;
  bool quiet = false;
  long long max_pixels = 100'000'000;
  std::string annotate;  // --annotate DIR: outlined copies of images with pixel findings
  bool fix = false;      // --fix: apply the findings' fixes to the files, then lint again
  bool diff = false;     // --diff: print the fixes as a unified diff, write nothing
  std::string baseline;  // --baseline FILE (default: ./brandlint-baseline.json when present)
  bool baseline_write = false;  // --baseline-write: record this run's findings in the baseline
  bool no_baseline = false;     // --no-baseline: ignore ./brandlint-baseline.json
  std::string cache;            // --cache / --cache-location DIR: reuse per-file results; "" = off
  std::string rule;  // explain
  std::string logo_format = "text";  // logo-check: text | json
};

/// Parses argv. On --help/--version/usage errors, prints and returns Command::exit_now.
CliOptions parse_command_line(int argc, char** argv);

/// Whether to colour `stdout`: --color, NO_COLOR, TERM=dumb, and whether it is a terminal.
bool use_color(ColorMode mode, bool to_file);

}  // namespace brandlint
