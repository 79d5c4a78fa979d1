// Throughput of CSS colour extraction plus the color/off-palette check on a generated
// multi-megabyte stylesheet (target: at least 50 MB/s per core): the loader's stylesheet parse
// (declarations) and the rule's vector half (colour literals in every notation, verdicts,
// findings) are both inside the timed loop. Also the cost of one palette lookup, which the rule
// pays per distinct colour.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/assets/css_tokenizer.h"
#include "linter/rule.h"
#include "rules/support/color.h"

namespace brandlint::rules {
RuleEntry color_off_palette_rule();
}

namespace {

using namespace brandlint;

guide::PaletteColor palette_color(std::string name, guide::Rgb rgb, std::vector<int> tints = {}) {
  guide::PaletteColor c;
  c.name = std::move(name);
  c.rgb = rgb;
  c.hex = guide::to_hex(rgb);
  c.tints = std::move(tints);
  return c;
}

guide::BrandGuide nordlys_guide() {
  guide::BrandGuide g;
  guide::Channel channel;
  channel.name = "default";
  guide::Palette& p = channel.palette;
  p.colors.push_back(palette_color("Nordlys Blå", {0x0B, 0x3D, 0x91}, {20, 40, 60, 80}));
  p.colors.push_back(palette_color("Midnat", {0x0A, 0x1A, 0x2F}));
  p.colors.push_back(palette_color("Polarlys", {0x3D, 0xDC, 0x97}));
  p.colors.push_back(palette_color("Nordlys Rød", {0xE4, 0x00, 0x2B}));
  for (const guide::Rgb rgb : {guide::Rgb{255, 255, 255}, guide::Rgb{0, 0, 0}}) {
    guide::Neutral n;
    n.rgb = rgb;
    n.hex = guide::to_hex(rgb);
    p.neutrals.push_back(n);
  }
  g.palette = p;
  g.channels.push_back(std::move(channel));
  return g;
}

// A stylesheet shaped like real ones: comments, custom properties, id and class selectors,
// @media blocks, urls, strings, gradients, shadows, and colours in the mix of notations real
// sheets use (hex of every length, rgb()/rgba() legacy and modern, hsl(), named colours, var(),
// transparent/currentColor, and the odd lab()/oklch()). `off_percent` % of colours are drawn
// from 300 off-palette ones.
std::string generate_css(std::size_t target_bytes, std::uint32_t off_percent) {
  std::mt19937 rng(20260);  // fixed seed: every run measures the same text
  const char* brand[] = {"#0B3D91",         "#0a1a2f",
                         "rgb(61 220 151)", "#fff",
                         "black",           "rgba(109, 139, 189, .8)",
                         "#E4002B",         "var(--nordlys-blaa)",
                         "currentColor",    "#0B3D9180"};
  std::vector<std::string> off;
  for (int i = 0; i < 300; ++i) {
    const auto v = static_cast<std::uint32_t>(rng() & 0xFFFFFF);
    const std::uint32_t r = v >> 16, g = (v >> 8) & 0xFF, b = v & 0xFF;
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        off.push_back(fmt::format("#{:06x}", v));
        break;
      case 3:
        off.push_back(fmt::format("#{:x}{:x}{:x}", r >> 4, g >> 4, b >> 4));
        break;
      case 4:
        off.push_back(fmt::format("rgb({}, {}, {})", r, g, b));
        break;
      case 5:
        off.push_back(fmt::format("rgb({} {} {} / 50%)", r, g, b));
        break;
      case 6:
        off.push_back(fmt::format("hsl({} {}% {}%)", v % 360, r * 100 / 255, g * 100 / 255));
        break;
      case 7:
        off.push_back(fmt::format("#{:06X}cc", v));
        break;
      case 8:
        off.push_back(i % 20 == 8 ? "tomato" : "slategray");
        break;
      default:
        off.push_back(
            fmt::format("oklch({:.2f} {:.2f} {})", (r % 80 + 20) / 100.0, (g % 30) / 100.0, b));
        break;
    }
  }
  const auto colour = [&]() -> std::string {
    const auto r = static_cast<std::uint32_t>(rng() % 100);
    return r >= off_percent ? std::string(brand[r % 10]) : off[rng() % off.size()];
  };
  std::string css;
  css.reserve(target_bytes + 1024);
  css += ":root {\n  --nordlys-blaa: #0B3D91;\n  --midnat: #0A1A2F;\n  --polarlys: #3DDC97;\n}\n";
  for (int n = 0; css.size() < target_bytes; ++n) {
    if (n % 50 == 0) css += fmt::format("/* Section {} — komponenter, farver #abc og æøå */\n", n);
    if (n % 20 == 0) css += "@media (min-width: 48em) {\n";
    css += fmt::format("#main .card-{0}:hover, .btn-{0} > a#c0ffee {{\n", n);
    css += fmt::format("  color: {};\n  background: {} url(\"img/bg-{}.svg#fade\") no-repeat;\n",
                       colour(), colour(), n);
    css += fmt::format("  border: 1px solid {};\n  box-shadow: 0 1px 2px {}, inset 0 0 0 1px {};\n",
                       colour(), colour(), colour());
    if (n % 4 == 0) {
      css += fmt::format("  background-image: linear-gradient(180deg, {} 0%, {} 100%);\n", colour(),
                         colour());
    }
    css +=
        fmt::format("  font-family: \"Nordlys Sans\", system-ui; margin: 0 auto {}px;\n", n % 32);
    css += fmt::format("  transition: color .2s ease-in-out; outline-color: {};\n", colour());
    css += "}\n";
    if (n % 20 == 19) css += "}\n";
  }
  css += "}\n";
  return css;
}

void BM_CssOffPalette(benchmark::State& state) {
  const guide::BrandGuide g = nordlys_guide();
  const guide::Channel& channel = g.channels.back();
  const RuleEntry entry = rules::color_off_palette_rule();
  const std::unique_ptr<Rule> rule = entry.make(RuleConfig{g, channel, nullptr});
  Asset asset;
  asset.kind = AssetKind::css;
  asset.display_path = "bench.css";
  asset.text = generate_css(static_cast<std::size_t>(state.range(0)) << 20,
                            static_cast<std::uint32_t>(state.range(1)));
  asset.lines = LineIndex(asset.text);
  asset.channel = &channel;
  std::vector<Finding> findings;
  for (auto _ : state) {
    // Extraction as the loader does it, then the check.
    asset.css_declarations.clear();
    asset.css_blocks.clear();
    brandlint::css::parse_stylesheet(asset, 0, asset.text.size());
    findings.clear();
    RuleContext ctx(asset, g, entry.meta->id, entry.meta->default_severity, findings);
    rule->check(asset, ctx);
    benchmark::DoNotOptimize(findings.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(asset.text.size()));
  state.counters["findings"] = static_cast<double>(findings.size());
  state.counters["declarations"] = static_cast<double>(asset.css_declarations.size());
}
// Args: megabytes, % off-palette colours. 0 % measures extraction and verdicts alone (brand
// colours only); 15 % adds a finding (message, evidence) every few hundred bytes, a badly
// drifted stylesheet.
BENCHMARK(BM_CssOffPalette)->Args({4, 0})->Args({4, 15})->Unit(benchmark::kMillisecond);

void BM_PaletteNearest(benchmark::State& state) {
  const guide::BrandGuide g = nordlys_guide();
  const color::PaletteMatcher matcher(g.channels.back().palette);
  std::uint32_t v = 0x123456;
  for (auto _ : state) {
    v = v * 1664525u + 1013904223u;  // a different colour every call, as for distinct literals
    const guide::Rgb rgb{static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
                         static_cast<std::uint8_t>(v >> 8)};
    benchmark::DoNotOptimize(matcher.nearest(rgb));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_PaletteNearest);

}  // namespace
