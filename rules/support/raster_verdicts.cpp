#include "rules/support/raster_verdicts.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace brandlint::raster {
namespace {

// A pixel farther than this from a blend line in 8-bit RGB units is not worth the ΔE00 search.
// Generous on purpose: near black, 17 RGB units are still only 1.6 ΔE00 (#000 vs #0A0A0A).
constexpr double kBlendRgbReach = 48.0;
// Golden-section refinement of the blend position around the RGB projection.
constexpr double kBlendSearchHalfWidth = 0.15;
constexpr int kBlendSearchSteps = 12;

const std::array<double, 256>& linear_table() {
  static const std::array<double, 256> table = [] {
    std::array<double, 256> t{};
    for (int v = 0; v < 256; ++v) t[std::size_t(v)] = color::srgb_to_linear(v / 255.0);
    return t;
  }();
  return table;
}

// Lower bound of ΔE00 from the lightness term alone. The other terms of the CIEDE2000 sum,
// (ΔC'/S_C)² + (ΔH'/S_H)² + R_T·(ΔC'/S_C)·(ΔH'/S_H), are never negative because |R_T| ≤ 2, so
// ΔE00 ≥ |ΔL|/S_L. Lets the nearest-colour search skip colours of a very different lightness.
double lightness_bound(double l1, double l2) {
  const double mean = (l1 + l2) / 2.0 - 50.0;
  const double s_l = 1.0 + 0.015 * mean * mean / std::sqrt(20.0 + mean * mean);
  return std::abs(l1 - l2) / s_l;
}

struct Rgbd {
  double r, g, b;
};

Rgbd to_rgbd(color::Rgb c) { return {double(c.r), double(c.g), double(c.b)}; }

double blend_delta_e(const color::Lab& lab, const Rgbd& a, const Rgbd& d, double t) {
  const color::Lab mix = color::srgb_to_lab((a.r + t * d.r) / 255.0, (a.g + t * d.g) / 255.0,
                                            (a.b + t * d.b) / 255.0);
  return color::delta_e00(lab, mix);
}

// Smallest ΔE00 between `lab` and the sRGB segment a→b, searched around the RGB projection of
// `p`; returns early once it is within `margin`.
double segment_delta_e(const color::Lab& lab, const Rgbd& p, color::Rgb from, color::Rgb to,
                       double margin) {
  const Rgbd a = to_rgbd(from);
  const Rgbd b = to_rgbd(to);
  const Rgbd d{b.r - a.r, b.g - a.g, b.b - a.b};
  const double len2 = d.r * d.r + d.g * d.g + d.b * d.b;
  if (len2 == 0.0) return 1e9;
  double t0 = ((p.r - a.r) * d.r + (p.g - a.g) * d.g + (p.b - a.b) * d.b) / len2;
  t0 = std::clamp(t0, 0.0, 1.0);
  const double er = p.r - (a.r + t0 * d.r), eg = p.g - (a.g + t0 * d.g),
               eb = p.b - (a.b + t0 * d.b);
  if (std::sqrt(er * er + eg * eg + eb * eb) > kBlendRgbReach) return 1e9;
  double best = blend_delta_e(lab, a, d, t0);
  if (best <= margin) return best;
  // ΔE00 along the segment is smooth and unimodal near its minimum: golden-section search.
  constexpr double kInvPhi = 0.6180339887498949;
  double lo = std::max(0.0, t0 - kBlendSearchHalfWidth);
  double hi = std::min(1.0, t0 + kBlendSearchHalfWidth);
  double x1 = hi - kInvPhi * (hi - lo), x2 = lo + kInvPhi * (hi - lo);
  double f1 = blend_delta_e(lab, a, d, x1), f2 = blend_delta_e(lab, a, d, x2);
  for (int i = 0; i < kBlendSearchSteps && std::min(f1, f2) > margin; ++i) {
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - kInvPhi * (hi - lo);
      f1 = blend_delta_e(lab, a, d, x1);
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + kInvPhi * (hi - lo);
      f2 = blend_delta_e(lab, a, d, x2);
    }
  }
  return std::min({best, f1, f2});
}

}  // namespace

color::Lab lab_of(color::Rgb rgb) {
  const std::array<double, 256>& lin = linear_table();
  return color::xyz_to_lab(color::linear_srgb_to_xyz(lin[rgb.r], lin[rgb.g], lin[rgb.b]));
}

Nearest nearest_color(const color::Lab& lab, const RasterPalette& palette) {
  Nearest best{0, 1e9};
  const auto& colors = palette.colors();
  for (std::size_t i = 0; i < colors.size(); ++i) {
    if (lightness_bound(lab.L, colors[i].allowed.lab.L) >= best.delta_e00) continue;
    const double d = color::delta_e00(lab, colors[i].allowed.lab);
    if (d < best.delta_e00) best = {i, d};  // strictly less: earlier colours win ties
  }
  return best;
}

ColorVerdict judge_color(color::Rgb rgb, const RasterPalette& palette, JudgeMode mode,
                         std::size_t hint) {
  const color::Lab lab = lab_of(rgb);
  const auto& colors = palette.colors();
  ColorVerdict v;
  v.L = static_cast<float>(lab.L);
  v.a = static_cast<float>(lab.a);
  v.b = static_cast<float>(lab.b);
  if (const auto exact = std::find_if(colors.begin(), colors.end(),
                                      [&](const RasterColor& c) { return c.allowed.rgb == rgb; });
      exact != colors.end()) {
    v.nearest = static_cast<std::uint16_t>(exact - colors.begin());
    v.group = static_cast<std::uint16_t>(exact->group);
    return v;  // an allowed colour: distance 0, nothing to compute
  }
  double best = 1e9;
  std::size_t nearest = 0;
  bool within = false;  // within some colour's threshold
  const std::size_t n = colors.size();
  const std::size_t first = hint < n ? hint : 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = k == 0 ? first : (k <= first ? k - 1 : k);  // hint, then the rest
    const RasterColor& c = colors[i];
    const double limit = mode.lossy ? c.fail : c.warn;
    const double bound = lightness_bound(lab.L, c.allowed.lab.L);
    if (bound > best && (within || bound > limit)) continue;
    const double d = color::delta_e00(lab, c.allowed.lab);
    within = within || d <= limit;
    // Ties go to the earlier colour in palette order, whatever order they were tried in.
    if (d < best || (d == best && i < nearest)) best = d, nearest = i;
  }
  v.delta_e00 = static_cast<float>(best);
  v.nearest = static_cast<std::uint16_t>(nearest);
  v.group = static_cast<std::uint16_t>(colors[nearest].group);
  v.off = !within;
  return v;
}

bool on_blend(color::Rgb rgb, const RasterPalette& palette, double margin) {
  const color::Lab lab = lab_of(rgb);
  const Rgbd p = to_rgbd(rgb);
  const auto& colors = palette.colors();
  for (const BlendSegment& s : palette.segments()) {
    if (segment_delta_e(lab, p, colors[s.from].allowed.rgb, colors[s.to].allowed.rgb, margin) <=
        margin) {
      return true;
    }
  }
  return false;
}

bool VerdictTable::blend(std::uint32_t key) {
  std::size_t slot = hash(key);
  while (keys_[slot] != key) slot = (slot + 1) & mask_;  // judged before: the key is present
  ColorVerdict& v = verdicts_[values_[slot]];
  if (v.blend_state == 0) {
    v.blend_state = on_blend(key_rgb(key), palette_, mode_.blend_margin) ? 2 : 1;
  }
  return v.blend_state == 2;
}

VerdictTable::VerdictTable(const RasterPalette& palette, JudgeMode mode)
    : palette_(palette), mode_(mode) {
  keys_.assign(1024, kEmpty);
  values_.resize(1024);
  mask_ = 1023;
  shift_ = 64 - 10;
  verdicts_.reserve(512);
}

const ColorVerdict* VerdictTable::find(std::uint32_t key) const {
  std::size_t slot = hash(key);
  while (true) {
    const std::uint32_t k = keys_[slot];
    if (k == key) return &verdicts_[values_[slot]];
    if (k == kEmpty) return nullptr;
    slot = (slot + 1) & mask_;
  }
}

const ColorVerdict& VerdictTable::insert(std::size_t slot, std::uint32_t key) {
  verdicts_.push_back(judge_color(key_rgb(key), palette_, mode_, hint_));
  hint_ = verdicts_.back().nearest;
  keys_[slot] = key;
  values_[slot] = static_cast<std::uint32_t>(verdicts_.size() - 1);
  const std::size_t index = verdicts_.size() - 1;
  // Keep the load factor at or below 1/2 so probes stay short.
  if (verdicts_.size() * 2 > keys_.size()) grow();
  return verdicts_[index];
}

void VerdictTable::grow() {
  std::vector<std::uint32_t> old_keys = std::move(keys_);
  std::vector<std::uint32_t> old_values = std::move(values_);
  keys_.assign(old_keys.size() * 2, kEmpty);
  values_.assign(old_keys.size() * 2, 0);
  mask_ = keys_.size() - 1;
  --shift_;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == kEmpty) continue;
    std::size_t slot = hash(old_keys[i]);
    while (keys_[slot] != kEmpty) slot = (slot + 1) & mask_;
    keys_[slot] = old_keys[i];
    values_[slot] = old_values[i];
  }
}

}  // namespace brandlint::raster
