// The logo stage per 1920×1080 banner (issue 6: target ≤ 150 ms per core per banner with one
// reference logo), with a guide of one reference logo and with five (the two Nordlys example
// logos plus three more: tools/logo_corpus writes brandguide-1.toml and brandguide-5.toml).
// OpenCV runs single-threaded here, so the times are per core. Banners (tools/logo_corpus.h
// scenarios, 1920×1080): "clean" (one logo on a flat, gradient or plated-photo background with
// text and shapes), "busy" (one logo directly on a photo), "multi" (two or three logos),
// "no-logo" (text and lookalike shapes only).
//
//   build/release/bench/logo_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <array>
#include <filesystem>
#include <memory>

#include <opencv2/core/utility.hpp>

#include "rules/support/logo_detect.h"
#include "rules/support/logo_library.h"
#include "tools/logo_corpus.h"

namespace fs = std::filesystem;

namespace {

namespace lc = brandlint::logo_corpus;
using brandlint::Asset;
using brandlint::AssetKind;

constexpr std::array<const char*, 4> kScenarios = {"clean", "busy", "multi", "no-logo"};

struct Setup {
  fs::path dir;
  brandlint::guide::BrandGuide one, five;
  std::vector<Asset> banners;  // in kScenarios order

  Setup() {
    cv::setNumThreads(1);  // per-core figures
    dir = fs::temp_directory_path() / "brandlint-logo-bench";
    fs::remove_all(dir);
    lc::Options options;
    options.images = 1;  // only the guides are needed from the corpus folder
    options.source_dir = BRANDLINT_SOURCE_DIR;
    const lc::Corpus corpus = lc::generate(dir, options);
    one = brandlint::guide::load_guide(corpus.guide_one);
    five = brandlint::guide::load_guide(corpus.guide_five);
    for (const char* scenario : kScenarios) {
      Asset a;
      a.kind = AssetKind::image;
      a.pixel_format = "png";
      a.display_path = std::string(scenario) + ".png";
      a.pixels = lc::scenario_image(options, scenario, {1920, 1080});
      banners.push_back(std::move(a));
    }
  }
  ~Setup() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  const brandlint::guide::BrandGuide& guide(int logos) const { return logos == 1 ? one : five; }
};

const Setup& setup() {
  static const Setup s;
  return s;
}

// Preparing the reference logos (once per run): rendering, masks, SIFT features.
void BM_LogoLibrary(benchmark::State& state) {
  const auto& g = setup().guide(int(state.range(0)));
  for (auto _ : state) {
    brandlint::logo::LogoLibrary library(g);
    benchmark::DoNotOptimize(library.logos().data());
  }
  state.SetLabel(std::to_string(state.range(0)) + " reference logo(s)");
}
BENCHMARK(BM_LogoLibrary)->Arg(1)->Arg(5)->Unit(benchmark::kMillisecond);

// find_logos on one banner: args (reference logos, banner index in kScenarios).
void BM_FindLogos(benchmark::State& state) {
  const brandlint::logo::LogoLibrary library(setup().guide(int(state.range(0))));
  const Asset& banner = setup().banners[std::size_t(state.range(1))];
  std::size_t found = 0;
  for (auto _ : state) {
    const auto sightings = brandlint::logo::find_logos(library, banner);
    found = sightings.size();
    benchmark::DoNotOptimize(sightings.data());
  }
  state.counters["logos_found"] = double(found);
  state.SetLabel(std::to_string(state.range(0)) + " ref, " +
                 kScenarios[std::size_t(state.range(1))]);
}
BENCHMARK(BM_FindLogos)->ArgsProduct({{1, 5}, {0, 1, 2, 3}})->Unit(benchmark::kMillisecond);

// The four banners in turn: the mean CPU time per banner is the "s_per_banner" counter.
void BM_LogoStageMean(benchmark::State& state) {
  const brandlint::logo::LogoLibrary library(setup().guide(int(state.range(0))));
  for (auto _ : state) {
    for (const Asset& banner : setup().banners) {
      benchmark::DoNotOptimize(brandlint::logo::find_logos(library, banner).data());
    }
  }
  // Seconds of CPU per banner (an inverted rate of banners per CPU second).
  state.counters["s_per_banner"] = benchmark::Counter(
      double(setup().banners.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetLabel(std::to_string(state.range(0)) + " reference logo(s), 1920x1080");
}
BENCHMARK(BM_LogoStageMean)->Arg(1)->Arg(5)->Unit(benchmark::kMillisecond);

}  // namespace
