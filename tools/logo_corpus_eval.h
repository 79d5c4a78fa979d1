// Scoring logo detection and the logo rules against the corpus labels (tools/logo_corpus.h):
// one-to-one matching of found boxes to labelled boxes at IoU ≥ 0.5, then precision and recall
// for detection and for each violation class, and the images behind every miss and false alarm.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tools/logo_corpus.h"

namespace brandlint::logo_corpus {

inline constexpr double kMinIou = 0.5;

/// Intersection over union of two boxes (0 when either is empty).
double iou(const PixelBox& a, const PixelBox& b);

/// One-to-one matching of `truths` to `founds` by `score` (an IoU), greedily by decreasing score
/// (ties: lower truth index, then lower found index), so the result is unique; pairs sorted.
std::vector<std::pair<std::size_t, std::size_t>> match_by(
    std::size_t truths, std::size_t founds,
    const std::function<double(std::size_t, std::size_t)>& score, double min_iou = kMinIou);

/// How well a found box matches a labelled logo: the better IoU with its visible artwork or its
/// artboard, since an engine may report either (the artboard is what a reference's homography
/// maps; the artwork is what a person would outline).
double label_iou(const LabelledLogo& logo, const PixelBox& found);

/// One-to-one matching: pairs (truth index, found index) with IoU ≥ min_iou, chosen greedily by
/// decreasing IoU (ties: lower truth index, then lower found index), so the result is unique.
std::vector<std::pair<std::size_t, std::size_t>> match_boxes(const std::vector<PixelBox>& truth,
                                                             const std::vector<PixelBox>& found,
                                                             double min_iou = kMinIou);

/// Something the engine or a rule reported on a corpus image. `file` is the label's file (see
/// corpus_file); `box` is absent for whole-file findings (logo/missing).
struct Reported {
  std::string file;
  std::string what;  // a class ("deprecated", ..., "missing") or "logo" for a detection
  std::optional<PixelBox> box;
  std::string logo_id;      // detections: which logo the engine says it is
  bool deprecated = false;  // detections: the engine's verdict
};

struct Tally {
  int tp = 0, fp = 0, fn = 0;
  std::vector<std::string> false_alarms;  // "file: what, where"
  std::vector<std::string> misses;
  /// 1 when nothing was reported (no false alarm); recall is 1 when nothing was expected.
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

struct Evaluation {
  Tally detection;
  std::map<std::string, Tally> classes;  // violation classes and "missing"
  /// logo/deprecated findings (or deprecated detections) on a current logo: must be none.
  std::vector<std::string> deprecated_on_current;
};

/// Detection: every labelled logo should be found (any variant), nothing else.
Tally score_detection(const std::vector<LabelledImage>& images, const std::vector<Reported>& found);

/// One violation class: a finding is right when it matches a labelled logo that has the class;
/// a finding on a logo without it, or on no logo, is a false alarm. "missing" is per image.
Tally score_class(const std::vector<LabelledImage>& images, const std::string& cls,
                  const std::vector<Reported>& findings);

/// Deprecated verdicts (findings of class "deprecated", and detections with deprecated = true)
/// whose box matches a current logo.
std::vector<std::string> deprecated_on_current(const std::vector<LabelledImage>& images,
                                               const std::vector<Reported>& reported);

/// Everything: `detections` carry what = "logo", `findings` carry their class.
Evaluation evaluate(const std::vector<LabelledImage>& images,
                    const std::vector<Reported>& detections, const std::vector<Reported>& findings);

/// The table printed by the test and the tool, then every miss and false alarm.
std::string format_evaluation(const Evaluation& e, bool with_detection = true);

/// The label file a reported path refers to ("", when none): reported paths may be absolute or
/// relative to wherever brandlint ran, so the longest label file that ends the path wins.
std::string corpus_file(const std::vector<LabelledImage>& images, const std::string& path);

/// The logo/* findings of a `brandlint check --format json` report, as Reported.
std::vector<Reported> findings_from_report(const std::vector<LabelledImage>& images,
                                           const Json& report);

}  // namespace brandlint::logo_corpus
