// The raster palette check against decoding the same image, in one run (issue 5 targets: check
// ≤ 0.5× decode for flat banners, ≤ 1× for photo-heavy ones). Each benchmark decodes the encoded
// image and runs the whole check on the result, timing both, and reports:
//   decode_ms, check_ms  mean wall time per iteration;  ratio = check / decode;
//   cpu_ratio            the same ratio in process CPU time: the machine is shared, and wall
//                        time then also counts the time other processes held the core;
//   distinct             colours judged (photo colours never are);
//   work_mb              the check's largest buffers (candidate mask, photo tiles, verdict
//                        table) on top of the decoded image (decoded_mb);
//   peak_rss_mb          the process's peak resident memory so far (getrusage ru_maxrss), so
//                        the cases run from small to large; it includes drawing the inputs.
//
//   build/release/bench/raster_palette_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>

#include "rules/support/raster_palette.h"
#include "tools/make_raster_fixtures.h"

namespace {

namespace corpus = brandlint::raster_corpus;
using Clock = std::chrono::steady_clock;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

const brandlint::raster::RasterPalette& palette() {
  static const brandlint::raster::RasterPalette p = [] {
    brandlint::guide::Palette g;
    const auto add = [&g](const char* name, const char* hex, std::vector<int> tints) {
      brandlint::guide::PaletteColor c;
      c.name = name;
      c.hex = hex;
      c.rgb = *brandlint::guide::parse_hex(hex);
      c.tints = std::move(tints);
      g.colors.push_back(c);
    };
    add("Nordlys Blå", corpus::kBlaa, {20, 40, 60, 80});
    add("Midnat", corpus::kMidnat, {});
    add("Polarlys", corpus::kPolarlys, {});
    add("Nordlys Rød", corpus::kRoed, {});
    for (const char* hex : {"#FFFFFF", "#000000", "#F4F4F2"}) {
      brandlint::guide::Neutral n;
      n.hex = hex;
      n.rgb = *brandlint::guide::parse_hex(hex);
      g.neutrals.push_back(n);
    }
    return brandlint::raster::RasterPalette(g, {});
  }();
  return p;
}

// A banner of exactly `size`: the corpus drawing scaled to cover it, then cropped.
cv::Mat image_for(const std::string& kind, cv::Size size) {
  if (kind == "photo") return corpus::photo_banner(size, 5, 0.7).image;
  const double scale = std::max(size.width / 800.0, size.height / 400.0);
  corpus::Banner b = corpus::planted_banner(scale);
  return b.image(cv::Rect({0, 0}, size)).clone();
}

// Encoded once per (kind, size, format) and kept for the whole run.
const std::vector<std::uint8_t>& encoded(const std::string& kind, cv::Size size,
                                         const std::string& format) {
  static std::map<std::string, std::vector<std::uint8_t>> cache;
  const std::string key = kind + std::to_string(size.width) + format;
  auto it = cache.find(key);
  if (it == cache.end()) {
    cv::Mat bgr;
    cv::cvtColor(image_for(kind, size), bgr, cv::COLOR_BGRA2BGR);
    std::vector<std::uint8_t> bytes;
    if (format == "jpeg") {
      cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, 90});
    } else {
      cv::imencode(".png", bgr, bytes);
    }
    it = cache.emplace(key, std::move(bytes)).first;
  }
  return it->second;
}

// What load_asset does for these files: decode, then BGRA.
cv::Mat decode(const std::vector<std::uint8_t>& bytes, bool jpeg) {
  cv::Mat decoded = cv::imdecode(bytes, jpeg ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED), bgra;
  cv::cvtColor(decoded, bgra, cv::COLOR_BGR2BGRA);
  return bgra;
}

void check_vs_decode(benchmark::State& state, const std::string& kind, cv::Size size,
                     const std::string& format) {
  const std::vector<std::uint8_t>& bytes = encoded(kind, size, format);
  const bool jpeg = format == "jpeg";
  double decode_s = 0, check_s = 0, decode_cpu = 0, check_cpu = 0;
  std::size_t distinct = 0, work = 0, decoded = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    const cv::Mat bgra = decode(bytes, jpeg);
    const auto t1 = Clock::now();
    const double c1 = cpu_seconds();
    const brandlint::raster::RasterAnalysis a =
        brandlint::raster::analyze_raster(bgra, jpeg, palette());
    const auto t2 = Clock::now();
    const double c2 = cpu_seconds();
    benchmark::DoNotOptimize(a.regions.data());
    decode_s += std::chrono::duration<double>(t1 - t0).count();
    check_s += std::chrono::duration<double>(t2 - t1).count();
    decode_cpu += c1 - c0;
    check_cpu += c2 - c1;
    distinct = a.distinct_colors;
    work = a.work_bytes;
    decoded = bgra.total() * bgra.elemSize();
  }
  const double n = double(state.iterations());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["decode_ms"] = 1e3 * decode_s / n;
  state.counters["check_ms"] = 1e3 * check_s / n;
  state.counters["ratio"] = check_s / decode_s;
  state.counters["cpu_ratio"] = check_cpu / decode_cpu;
  state.counters["distinct"] = double(distinct);
  state.counters["work_mb"] = double(work) / (1 << 20);
  state.counters["decoded_mb"] = double(decoded) / (1 << 20);
  state.counters["peak_rss_mb"] = double(usage.ru_maxrss) / 1024.0;
}

const cv::Size k1080p{1920, 1080};
const cv::Size k12mp{4000, 3000};

BENCHMARK_CAPTURE(check_vs_decode, flat_1080p_png, std::string("flat"), k1080p, std::string("png"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, flat_1080p_jpeg90, std::string("flat"), k1080p,
                  std::string("jpeg"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, photo_1080p_png, std::string("photo"), k1080p,
                  std::string("png"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, photo_1080p_jpeg90, std::string("photo"), k1080p,
                  std::string("jpeg"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, flat_12mp_png, std::string("flat"), k12mp, std::string("png"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, flat_12mp_jpeg90, std::string("flat"), k12mp,
                  std::string("jpeg"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, photo_12mp_png, std::string("photo"), k12mp, std::string("png"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(check_vs_decode, photo_12mp_jpeg90, std::string("photo"), k12mp,
                  std::string("jpeg"))
    ->Unit(benchmark::kMillisecond);

}  // namespace
