#include "tools/logo_corpus_eval.h"

#include <algorithm>
#include <functional>
#include <tuple>

#include <fmt/format.h>

namespace brandlint::logo_corpus {
namespace {

std::string where(const PixelBox& b) { return fmt::format("({},{} {}×{})", b.x, b.y, b.w, b.h); }

std::string describe(const std::string& file, const LabelledLogo& l) {
  return fmt::format("{}: {} {} [{}]", file, l.logo_id, where(l.box), l.note);
}

std::string describe(const Reported& r) {
  return fmt::format("{}: {}{}{}", r.file, r.what, r.box ? " " + where(*r.box) : std::string(),
                     r.logo_id.empty() ? std::string() : " as " + r.logo_id);
}

// The reports on one image, by index, in input order.
std::map<std::string, std::vector<const Reported*>> by_file(const std::vector<Reported>& reported,
                                                            const std::string& what) {
  std::map<std::string, std::vector<const Reported*>> out;
  for (const Reported& r : reported) {
    if (r.what == what) out[r.file].push_back(&r);
  }
  return out;
}

}  // namespace

double iou(const PixelBox& a, const PixelBox& b) {
  if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0) return 0.0;
  const long x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const long x1 = std::min(long(a.x) + a.w, long(b.x) + b.w);
  const long y1 = std::min(long(a.y) + a.h, long(b.y) + b.h);
  if (x1 <= x0 || y1 <= y0) return 0.0;
  const double inter = double(x1 - x0) * double(y1 - y0);
  return inter / (double(a.w) * a.h + double(b.w) * b.h - inter);
}

std::vector<std::pair<std::size_t, std::size_t>> match_by(
    std::size_t truths, std::size_t founds,
    const std::function<double(std::size_t, std::size_t)>& score, double min_iou) {
  std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
  for (std::size_t t = 0; t < truths; ++t) {
    for (std::size_t f = 0; f < founds; ++f) {
      const double v = score(t, f);
      if (v >= min_iou) candidates.emplace_back(v, t, f);
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
  });
  std::vector<bool> truth_used(truths), found_used(founds);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [v, t, f] : candidates) {
    if (truth_used[t] || found_used[f]) continue;
    truth_used[t] = found_used[f] = true;
    pairs.emplace_back(t, f);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<std::pair<std::size_t, std::size_t>> match_boxes(const std::vector<PixelBox>& truth,
                                                             const std::vector<PixelBox>& found,
                                                             double min_iou) {
  return match_by(
      truth.size(), found.size(),
      [&](std::size_t t, std::size_t f) { return iou(truth[t], found[f]); }, min_iou);
}

double label_iou(const LabelledLogo& logo, const PixelBox& found) {
  return std::max(iou(logo.box, found), iou(logo.artboard, found));
}

Tally score_detection(const std::vector<LabelledImage>& images,
                      const std::vector<Reported>& found) {
  return score_class(images, "logo", found);
}

Tally score_class(const std::vector<LabelledImage>& images, const std::string& cls,
                  const std::vector<Reported>& findings) {
  Tally t;
  const auto reports = by_file(findings, cls);
  const bool detection = cls == "logo";
  for (const LabelledImage& li : images) {
    const auto it = reports.find(li.file);
    const std::vector<const Reported*> none;
    const std::vector<const Reported*>& mine = it == reports.end() ? none : it->second;
    if (cls == "missing") {
      for (std::size_t i = 0; i < mine.size(); ++i) {
        if (li.missing && i == 0) {
          ++t.tp;
        } else {
          ++t.fp;
          t.false_alarms.push_back(describe(*mine[i]) + (li.missing ? " (duplicate)" : ""));
        }
      }
      if (li.missing && mine.empty()) {
        ++t.fn;
        t.misses.push_back(li.file + ": no logo, in a require_logo channel");
      }
      continue;
    }
    std::vector<PixelBox> boxes;
    std::vector<const Reported*> boxed;
    for (const Reported* r : mine) {
      if (r->box) {
        boxes.push_back(*r->box);
        boxed.push_back(r);
      } else {
        ++t.fp;  // a logo finding must say where the logo is
        t.false_alarms.push_back(describe(*r) + " (no box)");
      }
    }
    std::vector<bool> logo_hit(li.logos.size()), found_hit(boxed.size());
    const auto score = [&](std::size_t l, std::size_t f) {
      return label_iou(li.logos[l], boxes[f]);
    };
    for (const auto& [l, f] : match_by(li.logos.size(), boxes.size(), score, kMinIou)) {
      logo_hit[l] = found_hit[f] = true;
      if (detection || li.logos[l].has(cls)) {
        ++t.tp;
      } else {
        ++t.fp;
        t.false_alarms.push_back(describe(*boxed[f]) + " on " + describe(li.file, li.logos[l]));
      }
    }
    for (std::size_t f = 0; f < boxed.size(); ++f) {
      if (found_hit[f]) continue;
      ++t.fp;
      t.false_alarms.push_back(describe(*boxed[f]) + " (no labelled logo there)");
    }
    for (std::size_t l = 0; l < li.logos.size(); ++l) {
      if (logo_hit[l] || !(detection || li.logos[l].has(cls))) continue;
      ++t.fn;
      t.misses.push_back(describe(li.file, li.logos[l]));
    }
  }
  return t;
}

std::vector<std::string> deprecated_on_current(const std::vector<LabelledImage>& images,
                                               const std::vector<Reported>& reported) {
  std::map<std::string, const LabelledImage*> index;
  for (const LabelledImage& li : images) index[li.file] = &li;
  std::vector<std::string> out;
  for (const Reported& r : reported) {
    const bool says_deprecated = r.what == kDeprecated || (r.what == "logo" && r.deprecated);
    const auto it = index.find(r.file);
    if (!says_deprecated || !r.box || it == index.end()) continue;
    const LabelledLogo* best = nullptr;
    double best_iou = kMinIou;
    for (const LabelledLogo& l : it->second->logos) {
      const double v = label_iou(l, *r.box);
      if (v >= best_iou) {
        best_iou = v;
        best = &l;
      }
    }
    if (best != nullptr && !best->has(kDeprecated)) {
      out.push_back(describe(r) + " on " + describe(r.file, *best));
    }
  }
  return out;
}

Evaluation evaluate(const std::vector<LabelledImage>& images,
                    const std::vector<Reported>& detections,
                    const std::vector<Reported>& findings) {
  Evaluation e;
  e.detection = score_detection(images, detections);
  for (const std::string& cls : violation_classes())
    e.classes[cls] = score_class(images, cls, findings);
  e.classes["missing"] = score_class(images, "missing", findings);
  e.deprecated_on_current = deprecated_on_current(images, detections);
  for (std::string& s : deprecated_on_current(images, findings)) {
    e.deprecated_on_current.push_back(std::move(s));
  }
  return e;
}

std::string format_evaluation(const Evaluation& e, bool with_detection) {
  std::string out = fmt::format("{:<16}{:>9}{:>7}{:>6}{:>6}{:>6}{:>11}{:>8}\n", "class", "labelled",
                                "found", "TP", "FP", "FN", "precision", "recall");
  const auto row = [&](const std::string& name, const Tally& t) {
    out += fmt::format("{:<16}{:>9}{:>7}{:>6}{:>6}{:>6}{:>11.3f}{:>8.3f}\n", name, t.tp + t.fn,
                       t.tp + t.fp, t.tp, t.fp, t.fn, t.precision(), t.recall());
  };
  if (with_detection) row("detection", e.detection);
  std::vector<std::string> order = violation_classes();
  order.push_back("missing");
  for (const std::string& cls : order) {
    const auto it = e.classes.find(cls);
    if (it != e.classes.end()) row(cls == "missing" ? "missing (image)" : cls, it->second);
  }
  out += fmt::format("deprecated verdicts on current logos: {}\n", e.deprecated_on_current.size());
  const auto list = [&](const std::string& title, const std::vector<std::string>& items) {
    for (const std::string& s : items) out += fmt::format("  {}: {}\n", title, s);
  };
  if (with_detection) {
    list("detection miss", e.detection.misses);
    list("detection false alarm", e.detection.false_alarms);
  }
  for (const std::string& cls : order) {
    const auto it = e.classes.find(cls);
    if (it == e.classes.end()) continue;
    list(cls + " miss", it->second.misses);
    list(cls + " false alarm", it->second.false_alarms);
  }
  list("deprecated on current", e.deprecated_on_current);
  return out;
}

std::string corpus_file(const std::vector<LabelledImage>& images, const std::string& path) {
  std::string best;
  for (const LabelledImage& li : images) {
    const std::string& f = li.file;
    const bool ends = path.size() >= f.size() &&
                      path.compare(path.size() - f.size(), f.size(), f) == 0 &&
                      (path.size() == f.size() || path[path.size() - f.size() - 1] == '/');
    if (ends && f.size() > best.size()) best = f;
  }
  return best;
}

std::vector<Reported> findings_from_report(const std::vector<LabelledImage>& images,
                                           const Json& report) {
  std::vector<Reported> out;
  for (const Json& f : report.at("findings")) {
    const std::string rule = f.at("rule").get<std::string>();
    if (rule.rfind("logo/", 0) != 0) continue;
    Reported r;
    r.file = corpus_file(images, f.at("path").get<std::string>());
    r.what = rule.substr(5);
    const Json& loc = f.at("location");
    if (loc.contains("box")) {
      const Json& b = loc.at("box");
      r.box =
          PixelBox{b.at(0).get<int>(), b.at(1).get<int>(), b.at(2).get<int>(), b.at(3).get<int>()};
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace brandlint::logo_corpus
