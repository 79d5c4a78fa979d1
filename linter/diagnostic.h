// What leaves a rule: findings (something is wrong, here, by this much) with their evidence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "brandguide/brand_guide.h"

namespace brandlint {

using guide::Severity;
/// Evidence and measurements keep insertion order, so every report is byte-stable.
using Json = nlohmann::ordered_json;

/// A rectangle of pixels in an image: x, y of the top-left corner, width, height.
struct PixelBox {
  int x = 0, y = 0, w = 0, h = 0;
  friend bool operator==(const PixelBox&, const PixelBox&) = default;
};

/// Where a finding is. Text assets: a byte span [begin, end) of the asset's decoded UTF-8 text,
/// plus the derived 1-based line/column in code points (end_column is exclusive). Images:
/// line = column = 0 and a pixel box. Whole-file findings: line = column = 0, no box.
struct Location {
  std::size_t begin = 0, end = 0;
  int line = 0, column = 0, end_line = 0, end_column = 0;
  std::optional<PixelBox> box;
};

/// A replacement of the byte span [begin, end) of the asset's text.
struct Fix {
  std::size_t begin = 0, end = 0;
  std::string replacement;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::warning;
  std::string channel;
  std::string path;  // display path, '/'-separated
  Location location;
  std::string message;
  Json evidence = Json::object();  // measured, expected, guide_key, and rule-specific figures
  std::optional<Fix> fix;
};

/// Total order used for every report: path, line, column, box, rule, message.
bool finding_less(const Finding& a, const Finding& b);

/// What identifies a finding within its file across runs, independent of line numbers, as 16
/// hex digits: a hash of the rule, the path and the measured thing (the evidence's `metric` or
/// `measured`: a colour, a word, a figure), else the message. Two findings of one rule on the
/// same word in one file share it. Used by SARIF's partialFingerprints and by baselines.
std::string finding_fingerprint(const Finding& f);

}  // namespace brandlint
