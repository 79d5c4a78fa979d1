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

// The range of CIEDE2000's hue weighting T(h) = 1 − 0.17cos(h−30) + 0.24cos(2h) + 0.32cos(3h+6)
// − 0.20cos(4h−63) over all hues, sampled every 0.01° and widened by more than the largest change
// between samples (|dT/dh| ≤ (0.17 + 2·0.24 + 3·0.32 + 4·0.20)·π/180 < 0.043 per degree, so
// < 0.0003 within half a step). Every term has a period dividing 360°, so this holds for any h.
struct HueWeightRange {
  double min = 0.0, max = 0.0;
};

// T(h) sampled every 0.01° over [from, to] and widened as above.
HueWeightRange hue_weight_range_over(double from, double to) {
  constexpr double kPi = 3.14159265358979323846;
  const auto rad = [](double degrees) { return degrees * kPi / 180.0; };
  HueWeightRange r{1e9, -1e9};
  const int steps = static_cast<int>(std::lround((to - from) * 100.0));
  for (int i = 0; i <= steps; ++i) {
    const double h = from + i / 100.0;
    const double t = 1.0 - 0.17 * std::cos(rad(h - 30.0)) + 0.24 * std::cos(rad(2.0 * h)) +
                     0.32 * std::cos(rad(3.0 * h + 6.0)) - 0.20 * std::cos(rad(4.0 * h - 63.0));
    r.min = std::min(r.min, t), r.max = std::max(r.max, t);
  }
  r.min -= 0.001, r.max += 0.001;
  return r;
}

const HueWeightRange& hue_weight_range() {
  static const HueWeightRange range = hue_weight_range_over(0.0, 360.0);
  return range;
}

// When both colours have b* > 0 (kUpperMinB), both hue angles h' = atan2(b, a') lie in (0°, 180°),
// they are less than 180° apart, so the mean hue is their plain mean and lies in (0°, 180°) too
// (taken as [−1°, 181°] against rounding). There T has a narrower range, and the blue-region
// rotation R_T = −sin(2Δθ)·R_C with Δθ = 30°·exp(−((h̄' − 275°)/25°)²) all but vanishes: |h̄' − 275°|
// ≥ 94°. Reds, oranges, yellows and greens get bounds close to the exact value.
const HueWeightRange& upper_hue_weight_range() {
  static const HueWeightRange range = hue_weight_range_over(-1.0, 181.0);
  return range;
}

// Likewise when both colours have b* < 0: hue angles and their plain mean in (180°, 360°), taken
// as [179°, 361°]. The blue-region rotation is largest there, so only T narrows. Blues, violets
// and dark navies (most tints of a blue brand colour) get tighter bounds.
const HueWeightRange& lower_hue_weight_range() {
  static const HueWeightRange range = hue_weight_range_over(179.0, 361.0);
  return range;
}

// Narrower still when both colours lie in one quadrant of the a'b' plane: both hue angles and
// their plain mean in that quadrant (taken 1° wider each side against rounding). Besides T, the
// largest rotation |sin 2Δθ| over the quadrant (with a 1 % margin) bounds R_T: it is small away
// from the blue region around 275°.
struct QuadrantBounds {
  HueWeightRange t;
  double rotation_sine = 0.0;
};

const std::array<QuadrantBounds, 4>& quadrant_bounds() {
  static const std::array<QuadrantBounds, 4> bounds = [] {
    constexpr double kPi = 3.14159265358979323846;
    std::array<QuadrantBounds, 4> out{};
    for (std::size_t q = 0; q < 4; ++q) {
      const double from = 90.0 * double(q) - 1.0, to = 90.0 * double(q + 1) + 1.0;
      out[q].t = hue_weight_range_over(from, to);
      double sine = 0.0;
      for (int i = 0; i <= int(std::lround((to - from) * 100.0)); ++i) {
        const double h = std::fmod(from + i / 100.0 + 360.0, 360.0);  // as CIEDE2000 takes h̄'
        const double offset = (h - 275.0) / 25.0;
        const double d_theta = 30.0 * std::exp(-offset * offset);
        sine = std::max(sine, std::sin(2.0 * d_theta * kPi / 180.0));
      }
      out[q].rotation_sine = std::min(1.0, 1.01 * sine + 1e-6);
    }
    return out;
  }();
  return bounds;
}

// b* at least this: the hue angles stay clear of 0° and 180° by far more than rounding (|a'| is
// below 200, so h' is at least 2.8e-7° from either), and the mean hue is never taken the long
// way round.
constexpr double kUpperMinB = 1e-6;

double upper_rotation_sine() {
  static const double sine = [] {
    constexpr double kPi = 3.14159265358979323846;
    const double offset = 94.0 / 25.0;
    const double d_theta = 30.0 * std::exp(-offset * offset);  // degrees, at most this
    return 1.01 * std::sin(2.0 * d_theta * kPi / 180.0);       // with a margin for rounding
  }();
  return sine;
}

double pow7(double x) {
  const double x2 = x * x;
  return x2 * x2 * x2 * x;
}

// Margin for the rounding of both computations; far below any tolerance people use.
constexpr double kBoundSlack = 1e-9;

struct Rgbd {
  double r, g, b;
};

Rgbd to_rgbd(color::Rgb c) { return {double(c.r), double(c.g), double(c.b)}; }

double blend_delta_e(const color::Lab& lab, const Rgbd& a, const Rgbd& d, double t) {
  const color::Lab mix =
      color::srgb_to_lab((a.r + t * d.r) / 255.0, (a.g + t * d.g) / 255.0, (a.b + t * d.b) / 255.0);
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

De00Bounds delta_e00_bounds(const color::Lab& lab1, const color::Lab& lab2) {
  // The CIEDE2000 steps of color.cpp up to the hue angles, which are the only place trigonometry
  // enters. ΔE00² = l² + x² + y² + R_T·x·y with l = ΔL'/S_L, x = ΔC'/S_C, y = ΔH'/S_H.
  constexpr double kPow25To7 = 6103515625.0;
  const double c1 = std::sqrt(lab1.a * lab1.a + lab1.b * lab1.b);
  const double c2 = std::sqrt(lab2.a * lab2.a + lab2.b * lab2.b);
  const double c_mean7 = pow7((c1 + c2) / 2.0);
  const double g = 0.5 * (1.0 - std::sqrt(c_mean7 / (c_mean7 + kPow25To7)));
  const double a1p = (1.0 + g) * lab1.a, a2p = (1.0 + g) * lab2.a;
  const double c1p = std::sqrt(a1p * a1p + lab1.b * lab1.b);
  const double c2p = std::sqrt(a2p * a2p + lab2.b * lab2.b);
  // ΔH'² = 4·C'1·C'2·sin²(Δh'/2) = 2·(C'1·C'2 − a'1·a'2 − b1·b2): no angle needed (and 0 when a
  // chroma is 0, as the formula's special case has it).
  const double dh2 = std::max(0.0, 2.0 * (c1p * c2p - a1p * a2p - lab1.b * lab2.b));
  const double l_mean = (lab1.L + lab2.L) / 2.0 - 50.0;
  const double s_l = 1.0 + 0.015 * l_mean * l_mean / std::sqrt(20.0 + l_mean * l_mean);
  const double cp_mean = (c1p + c2p) / 2.0;
  const double s_c = 1.0 + 0.045 * cp_mean;
  // S_H = 1 + 0.015·C̄'·T(h̄'): T is only known to lie in its range over the hues h̄' can take
  // (all of them, or (0°, 180°) when both b* are positive).
  const bool upper = lab1.b > kUpperMinB && lab2.b > kUpperMinB;
  const bool lower = lab1.b < -kUpperMinB && lab2.b < -kUpperMinB;
  // The quadrant of each colour (−1: on or near an axis): Q1 a' > 0, b > 0; Q2 a' < 0, b > 0;
  // Q3 a' < 0, b < 0; Q4 a' > 0, b < 0 (hues 0–90°, 90–180°, 180–270°, 270–360°).
  const auto quadrant = [](double ap, double b) {
    if (std::abs(ap) <= kUpperMinB || std::abs(b) <= kUpperMinB) return -1;
    return b > 0.0 ? (ap > 0.0 ? 0 : 1) : (ap < 0.0 ? 2 : 3);
  };
  const int q1 = quadrant(a1p, lab1.b), q2 = quadrant(a2p, lab2.b);
  const QuadrantBounds* same = q1 >= 0 && q1 == q2 ? &quadrant_bounds()[std::size_t(q1)] : nullptr;
  const HueWeightRange& t = same != nullptr ? same->t
                            : upper         ? upper_hue_weight_range()
                            : lower         ? lower_hue_weight_range()
                                            : hue_weight_range();
  const double s_h_min = 1.0 + 0.015 * cp_mean * t.min, s_h_max = 1.0 + 0.015 * cp_mean * t.max;
  // R_T = −sin(2Δθ)·R_C with Δθ ∈ (0°, 30°]: |R_T| ≤ sin 60°·R_C (far less in the upper half
  // and away from the blue region).
  const double cp_mean7 = pow7(cp_mean);
  const double rotation_sine = same != nullptr ? same->rotation_sine
                               : upper         ? upper_rotation_sine()
                                               : 0.8660254037844387;
  const double rho = rotation_sine * 2.0 * std::sqrt(cp_mean7 / (cp_mean7 + kPow25To7));
  const double l = (lab2.L - lab1.L) / s_l;
  const double x = std::abs(c2p - c1p) / s_c;
  const double dh = std::sqrt(dh2);
  const double y_lo = dh / s_h_max, y_hi = dh / s_h_min;
  const double base = l * l + x * x;
  // Over y ∈ [y_lo, y_hi] and |R_T| ≤ rho: y² + R_T·x·y is at most y_hi² + rho·x·y_hi and at
  // least min(y² − rho·x·y), a parabola with its vertex at rho·x/2.
  const double y_min = std::clamp(rho * x / 2.0, y_lo, y_hi);
  const double lo2 = base + y_min * y_min - rho * x * y_min;
  const double hi2 = base + y_hi * y_hi + rho * x * y_hi;
  return {std::max(0.0, std::sqrt(std::max(0.0, lo2)) - kBoundSlack), std::sqrt(hi2) + kBoundSlack};
}

ColorVerdict judge_color(color::Rgb rgb, const RasterPalette& palette, JudgeMode mode) {
  JudgeScratch scratch;
  return judge_color(rgb, palette, mode, scratch);
}

ColorVerdict judge_color(color::Rgb rgb, const RasterPalette& palette, JudgeMode mode,
                         JudgeScratch& scratch) {
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
  // Bounds first, exact ΔE00 only where the bounds cannot decide. JPEG noise around a flat
  // colour makes thousands of distinct colours that are plainly nearest to it and within its
  // tolerance; their verdicts come from the bounds alone.
  const std::size_t n = colors.size();
  std::vector<De00Bounds>& bounds = scratch.bounds;
  bounds.resize(n);
  // The hint (the previous colour's nearest) first: its upper bound lets the one-line lightness
  // bound rule out most other colours, so their full bounds are never computed.
  const std::size_t first = scratch.hint < n ? scratch.hint : 0;
  double min_hi = 1e18;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = k == 0 ? first : (k <= first ? k - 1 : k);  // hint, then the rest
    const double lightness = lightness_bound(lab.L, colors[i].allowed.lab.L) - kBoundSlack;
    if (lightness > min_hi) {
      bounds[i] = {lightness, 1e18};  // cannot be the nearest; still a valid lower bound
      continue;
    }
    bounds[i] = delta_e00_bounds(lab, colors[i].allowed.lab);
    min_hi = std::min(min_hi, bounds[i].hi);
  }
  // A colour ruled out by lightness alone has only that lower bound; before its exact distance
  // is computed, its full bounds (far cheaper than ΔE00's trigonometry) often settle the question.
  const auto lower = [&](std::size_t i) {
    if (bounds[i].hi == 1e18) bounds[i] = delta_e00_bounds(lab, colors[i].allowed.lab);
    return bounds[i].lo;
  };
  // Exact distances, computed at most once each; negative = not computed.
  std::vector<double>& exact = scratch.exact;
  exact.assign(n, -1.0);
  const auto distance = [&](std::size_t i) {
    if (exact[i] < 0.0) exact[i] = color::delta_e00(lab, colors[i].allowed.lab);
    return exact[i];
  };
  // Nearest: a colour whose lower bound exceeds some colour's upper bound cannot be it.
  std::size_t nearest = n, contenders = 0, likeliest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (bounds[i].lo > min_hi) continue;
    ++contenders;
    if (nearest == n) nearest = i;
    if (bounds[i].hi < bounds[likeliest].hi || bounds[likeliest].lo > min_hi) likeliest = i;
  }
  if (contenders > 1) {
    // The exact distance of the likeliest (smallest upper bound) rules out every contender
    // whose lower bound exceeds it; only the rest need theirs.
    double best = distance(likeliest);
    nearest = likeliest;
    for (std::size_t i = 0; i < n; ++i) {
      if (i == likeliest || bounds[i].lo > best || lower(i) > best) continue;
      const double d = distance(i);
      if (d < best || (d == best && i < nearest)) best = d, nearest = i;  // ties: earlier colour
    }
  }
  // Within some colour's threshold (warn; fail if lossy)? The nearest colour settles most.
  const auto within_of = [&](std::size_t i) {
    const double limit = mode.lossy ? colors[i].fail : colors[i].warn;
    if (bounds[i].hi <= limit) return true;
    return bounds[i].lo <= limit && lower(i) <= limit &&
           (bounds[i].hi <= limit || distance(i) <= limit);
  };
  bool within = within_of(nearest);
  for (std::size_t i = 0; i < n && !within; ++i) within = i != nearest && within_of(i);
  scratch.hint = nearest;
  v.delta_e00 = exact[nearest] < 0.0 ? kUnknownDistance : static_cast<float>(exact[nearest]);
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

std::size_t VerdictTable::slot_of(std::uint32_t key) const {
  std::size_t slot = hash(key);
  while (slots_[slot].key != key) slot = (slot + 1) & mask_;  // judged before: the key is present
  return slot;
}

double VerdictTable::distance(std::uint32_t key) {
  ColorVerdict& v = verdicts_[slots_[slot_of(key)].index];
  if (v.delta_e00 == kUnknownDistance) {
    v.delta_e00 = static_cast<float>(
        color::delta_e00(lab_of(key_rgb(key)), palette_.colors()[v.nearest].allowed.lab));
  }
  return v.delta_e00;
}

bool VerdictTable::blend(std::uint32_t key) {
  ColorVerdict& v = verdicts_[slots_[slot_of(key)].index];
  if (v.blend_state == 0) {
    v.blend_state = on_blend(key_rgb(key), palette_, mode_.blend_margin) ? 2 : 1;
  }
  return v.blend_state == 2;
}

VerdictTable::VerdictTable(const RasterPalette& palette, JudgeMode mode)
    : palette_(palette), mode_(mode) {
  slots_.assign(1024, Brief{});
  mask_ = 1023;
  shift_ = 64 - 10;
  verdicts_.reserve(512);
}

const VerdictTable::Brief& VerdictTable::insert(std::size_t slot, std::uint32_t key) {
  const ColorVerdict& v =
      verdicts_.emplace_back(judge_color(key_rgb(key), palette_, mode_, scratch_));
  slots_[slot] = {key, static_cast<std::uint32_t>(verdicts_.size() - 1), v.group, v.off};
  const std::uint32_t bit = filter_bit(key);
  filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  // Keep the load factor at or below 1/2 so probes stay short.
  if (verdicts_.size() * 2 > slots_.size()) {
    grow();
    return slots_[slot_of(key)];
  }
  return slots_[slot];
}

const std::array<float, 3>& VerdictTable::insert_lab(std::size_t slot, std::uint32_t key) {
  // A colour judged already has its Lab in the verdict (the same float values).
  if (const ColorVerdict* v = maybe_judged(key) ? find(key) : nullptr) {
    labs_[slot] = {v->L, v->a, v->b};
  } else {
    const color::Lab lab = lab_of(key_rgb(key));
    labs_[slot] = {static_cast<float>(lab.L), static_cast<float>(lab.a), static_cast<float>(lab.b)};
  }
  lab_keys_[slot] = key;
  if (++lab_count_ * 2 <= lab_keys_.size()) return labs_[slot];
  std::vector<std::uint32_t> old_keys = std::move(lab_keys_);
  std::vector<std::array<float, 3>> old_labs = std::move(labs_);
  lab_keys_.assign(old_keys.size() * 2, kEmpty);
  labs_.assign(old_keys.size() * 2, {});
  lab_mask_ = lab_keys_.size() - 1;
  --lab_shift_;
  std::size_t found = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == kEmpty) continue;
    std::size_t s = fibonacci_slot(old_keys[i], lab_shift_);
    while (lab_keys_[s] != kEmpty) s = (s + 1) & lab_mask_;
    lab_keys_[s] = old_keys[i];
    labs_[s] = old_labs[i];
    if (old_keys[i] == key) found = s;
  }
  return labs_[found];
}

void VerdictTable::grow() {
  std::vector<Brief> old = std::move(slots_);
  slots_.assign(old.size() * 2, Brief{});
  mask_ = slots_.size() - 1;
  --shift_;
  for (const Brief& b : old) {
    if (b.key == kEmpty) continue;
    std::size_t slot = hash(b.key);
    while (slots_[slot].key != kEmpty) slot = (slot + 1) & mask_;
    slots_[slot] = b;
  }
}

}  // namespace brandlint::raster
