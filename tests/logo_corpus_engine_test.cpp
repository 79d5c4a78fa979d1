// The logo engine and the six logo rules scored on a generated, labelled corpus (issue 6,
// "Quality bar"; tools/logo_corpus*, docs/logo-corpus.md), matched to the labels at IoU ≥ 0.5.
// Each image is loaded once and checked as the runner checks it: logo_sightings() (the
// detection the six rules share, cached in the asset) is scored as detection, then the six
// logo rules of the image's channel report into their findings. The table and every miss and
// false alarm are printed and written to build/<flavour>/tests/logo-corpus/evaluation.txt.
//
// Corpus size: BRANDLINT_LOGO_CORPUS_IMAGES, else 210 images (15 of each of the 14 scenarios;
// about 45 s on two idle cores),
// or 42 in a sanitizer build (AddressSanitizer makes SIFT about 10× slower).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "linter/assets/load_asset.h"
#include "linter/diagnostic.h"
#include "rules/registry.h"
#include "rules/support/logo_detect.h"
#include "rules/support/logo_library.h"
#include "tests/support/paths.h"
#include "tools/logo_corpus.h"
#include "tools/logo_corpus_eval.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

namespace lc = logo_corpus;

int corpus_size() {
  if (const char* env = std::getenv("BRANDLINT_LOGO_CORPUS_IMAGES"); env && *env) {
    return std::max(14, std::atoi(env));
  }
#if defined(__SANITIZE_ADDRESS__)
  return 42;
#else
  return 210;
#endif
}

// Next to the test binary: build/<flavour>/tests/logo-corpus, kept for inspection.
fs::path corpus_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return (ec ? fs::temp_directory_path() : exe.parent_path()) / "logo-corpus";
}

// The six logo rules, built for one channel as the runner builds them.
struct ChannelRules {
  const guide::Channel* channel = nullptr;
  std::vector<std::pair<const RuleMeta*, std::unique_ptr<Rule>>> rules;
};

ChannelRules rules_for(const guide::BrandGuide& guide, const guide::Channel& channel) {
  ChannelRules out;
  out.channel = &channel;
  for (const RuleEntry& e : rules::registry()) {
    // The logo rules that look at pixels (logo/web-reference reads markup, never an image).
    if (e.meta->id.substr(0, 5) != "logo/") continue;
    const auto& kinds = e.meta->kinds;
    if (std::find(kinds.begin(), kinds.end(), AssetKind::image) == kinds.end()) continue;
    out.rules.emplace_back(e.meta, e.make(RuleConfig{guide, channel}));
  }
  return out;
}

struct Outcome {
  lc::Corpus corpus;
  std::vector<std::string> rule_ids;
  std::vector<std::string> errors;  // a rule that threw: a bug, never a score
  lc::Evaluation evaluation;
  std::string table;
};

// Generates the corpus, checks every image on two threads (the machine has two cores), scores.
Outcome evaluate_corpus() {
  Outcome o;
  const fs::path dir = corpus_dir();
  fs::remove_all(dir);
  lc::Options options;
  options.images = corpus_size();
  options.source_dir = testing::source_dir();
  const auto t0 = std::chrono::steady_clock::now();
  o.corpus = lc::generate(dir, options);
  const auto t1 = std::chrono::steady_clock::now();

  const guide::BrandGuide guide = guide::load_guide(o.corpus.guide);
  const std::shared_ptr<const logo::LogoLibrary> library = logo::LogoLibrary::shared(guide);
  const guide::Channel* required = guide.find_channel("required");
  const ChannelRules plain = rules_for(guide, guide.channels.back());
  const ChannelRules with_logo = rules_for(guide, *required);
  for (const auto& [meta, rule] : plain.rules) o.rule_ids.emplace_back(meta->id);

  const std::size_t n = o.corpus.images.size();
  std::vector<std::vector<lc::Reported>> detections(n), findings(n);
  std::vector<std::vector<std::string>> errors(n);
  const auto work = [&](std::size_t first) {
    for (std::size_t i = first; i < n; i += 2) {
      const lc::LabelledImage& li = o.corpus.images[i];
      const ChannelRules& cr = li.file.starts_with("required/") ? with_logo : plain;
      DiscoveredFile file;
      file.path = o.corpus.dir / li.file;
      file.display_path = file.match_path = li.file;
      const Asset asset = load_asset(file, AssetKind::image, *cr.channel, LoadOptions{});
      for (const logo::LogoSighting& s : logo::logo_sightings(*library, asset)) {
        lc::Reported r{li.file, "logo", s.box, s.logo_id, s.deprecated};
        detections[i].push_back(std::move(r));
      }
      std::vector<Finding> out;
      for (const auto& [meta, rule] : cr.rules) {
        RuleContext ctx(asset, guide, meta->id, meta->default_severity, out);
        try {
          rule->check(asset, ctx);
        } catch (const std::exception& e) {
          errors[i].push_back(fmt::format("{}: {}: {}", li.file, meta->id, e.what()));
        }
      }
      for (const Finding& f : out) {
        findings[i].push_back({li.file, f.rule.substr(5), f.location.box, {}, false});
      }
    }
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  const auto t2 = std::chrono::steady_clock::now();

  std::vector<lc::Reported> all_detections, all_findings;
  for (std::size_t i = 0; i < n; ++i) {
    all_detections.insert(all_detections.end(), detections[i].begin(), detections[i].end());
    all_findings.insert(all_findings.end(), findings[i].begin(), findings[i].end());
    o.errors.insert(o.errors.end(), errors[i].begin(), errors[i].end());
  }
  o.evaluation = lc::evaluate(o.corpus.images, all_detections, all_findings);
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  o.table = fmt::format(
      "logo corpus: {} images, seed {}; generated in {:.1f} s; detection and the six logo rules "
      "in {:.1f} s on 2 threads\n{}",
      n, o.corpus.seed, seconds(t0, t1), seconds(t1, t2), lc::format_evaluation(o.evaluation));
  std::ofstream(dir / "evaluation.txt") << o.table;
  return o;
}

const Outcome& outcome() {
  static const Outcome o = evaluate_corpus();
  return o;
}

// One test evaluates the corpus and judges it: ctest runs every test in a process of its own, so
// a second test would generate and evaluate the corpus again (in the same folder, racing the
// first under -j2, and doubling the sanitizer run's time).
//
// The issue's targets: precision and recall ≥ 0.95 for detection and every violation class, so
// CI keeps them. Measured on the seed-6 corpus (210 images, docs/logo-corpus.md "Results"):
// every class at P 1.000; recall 1.000 except detection 0.990 and clear-space 0.956 (the same
// two logos set directly on a busy photo, images 0106 and 0204). The 42-image sanitizer corpus
// holds the first three images of each scenario, neither of those two.
TEST(LogoCorpusEngine, MeetsTheIssueTargets) {
  const Outcome& o = outcome();
  std::cout << o.table;
  EXPECT_EQ(o.rule_ids,
            (std::vector<std::string>{"logo/clear-space", "logo/deprecated", "logo/distorted",
                                      "logo/missing", "logo/recolored", "logo/too-small"}));
  EXPECT_TRUE(o.errors.empty()) << fmt::format("{}", fmt::join(o.errors, "\n"));
  // Enough of each class for a 0.95 target to mean something.
  const lc::Evaluation& e = o.evaluation;
  EXPECT_GE(e.detection.tp + e.detection.fn, corpus_size() * 3 / 4);
  for (const auto& [cls, t] : e.classes) EXPECT_GE(t.tp + t.fn, corpus_size() / 14) << cls;
  // The issue's hard line: no current logo is ever called deprecated.
  EXPECT_TRUE(e.deprecated_on_current.empty());
  EXPECT_GE(e.detection.precision(), 0.95);
  EXPECT_GE(e.detection.recall(), 0.95);
  for (const auto& [cls, t] : e.classes) {
    EXPECT_GE(t.precision(), 0.95) << cls;
    EXPECT_GE(t.recall(), 0.95) << cls;
  }
}

}  // namespace
}  // namespace brandlint
