// One verdict per distinct colour of an image, never one per pixel: a banner has a few thousand
// distinct colours among millions of pixels. Verdicts are computed in double precision (CIELAB
// D65, CIEDE2000) the first time a colour is seen and cached in an open-addressing hash table
// keyed by the 24-bit colour (a flat banner hits the same few entries millions of times).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "rules/support/raster_palette.h"

namespace brandlint::raster {

/// What the check needs to know about one 8-bit colour.
struct ColorVerdict {
  float L = 0.0F, a = 0.0F, b = 0.0F;  // CIELAB, for the edge mask (not for verdicts)
  // To the nearest allowed colour (computed in double); kUnknownDistance until it is needed
  // (VerdictTable::distance): the verdict itself often follows from bounds alone.
  float delta_e00 = 0.0F;
  std::uint16_t nearest = 0;  // index into RasterPalette::colors()
  std::uint16_t group = 0;    // that colour's measurement group
  bool off = false;           // beyond the raster threshold (warn; fail if lossy) of every colour
  // Within the blend margin of a two-colour blend: 0 not computed yet, 1 no, 2 yes. Computed
  // only for colours of candidate regions (VerdictTable::blend): most off colours are edge
  // noise that never reaches a region, and the blend search is the dearest test.
  std::uint8_t blend_state = 0;
};

/// ColorVerdict::delta_e00 not computed yet.
inline constexpr float kUnknownDistance = -1.0F;

/// 24-bit key of a BGRA pixel (alpha dropped).
inline std::uint32_t color_key(const std::uint8_t* bgra) {
  return std::uint32_t{bgra[0]} | (std::uint32_t{bgra[1]} << 8) | (std::uint32_t{bgra[2]} << 16);
}

inline color::Rgb key_rgb(std::uint32_t key) {
  return {static_cast<std::uint8_t>(key >> 16), static_cast<std::uint8_t>(key >> 8),
          static_cast<std::uint8_t>(key)};
}

/// Exact CIELAB of an 8-bit colour through color.h, with the sRGB decoding of each channel value
/// looked up in a 256-entry table of color::srgb_to_linear() (same values, no pow per colour).
color::Lab lab_of(color::Rgb rgb);

/// How colours are judged in one image.
struct JudgeMode {
  double blend_margin = 2.0;  // ΔE00 within which a colour counts as a blend of two allowed ones
  bool lossy = false;         // off means beyond each colour's fail threshold, not its warn one
};

/// Bounds of ΔE00 between two colours computed without trigonometry (no hue angles): the
/// exact CIEDE2000 terms except S_H and R_T, which are bounded over all hues. lo ≤ ΔE00 ≤ hi,
/// with a 1e-9 margin for rounding.
struct De00Bounds {
  double lo = 0.0, hi = 0.0;
};
De00Bounds delta_e00_bounds(const color::Lab& lab1, const color::Lab& lab2);

/// Reused buffers of judge_color(), so judging a colour allocates nothing.
struct JudgeScratch {
  std::vector<De00Bounds> bounds;
  std::vector<double> exact;
  std::size_t hint = 0;  // nearest colour of the last colour judged: tried first
};

/// The verdict for `rgb` against `palette`, computed from scratch (blend_state left at 0). Exact:
/// the nearest colour (first in palette order on ties) and "off" are what ΔE00 to every allowed
/// colour gives; exact ΔE00 is computed only where delta_e00_bounds() leaves them open, so
/// delta_e00 may be kUnknownDistance.
ColorVerdict judge_color(color::Rgb rgb, const RasterPalette& palette, JudgeMode mode);
ColorVerdict judge_color(color::Rgb rgb, const RasterPalette& palette, JudgeMode mode,
                         JudgeScratch& scratch);

/// True when `rgb` is within `margin` ΔE00 of the sRGB segment between two allowed colours.
bool on_blend(color::Rgb rgb, const RasterPalette& palette, double margin);

/// The nearest allowed colour to `lab` and its ΔE00, exactly (first in palette order on ties).
struct Nearest {
  std::size_t index = 0;
  double delta_e00 = 0.0;
};
Nearest nearest_color(const color::Lab& lab, const RasterPalette& palette);

/// Per-image cache of verdicts, filled lazily. Not thread-safe: one per analysis.
class VerdictTable {
 public:
  VerdictTable(const RasterPalette& palette, JudgeMode mode);

  const ColorVerdict& get(std::uint32_t key) { return verdicts_[lookup(key).index]; }

  /// What the sweep needs of a colour's verdict, judging it first if it is new.
  struct Brief {
    std::uint32_t key = 0xFFFFFFFFu;  // kEmpty
    std::uint32_t index = 0;          // into the verdicts
    std::uint16_t group = 0;          // ColorVerdict::group
    bool off = false;                 // ColorVerdict::off
  };
  /// The slot of `key`: one cache line holds the key and the verdict's group and "off", so the
  /// sweep's lookup per run of pixels touches one place in memory, not three.
  const Brief& lookup(std::uint32_t key) {
    std::size_t slot = hash(key);
    while (true) {
      const Brief& s = slots_[slot];
      if (s.key == key) return s;
      if (s.key == kEmpty) return insert(slot, key);
      slot = (slot + 1) & mask_;
    }
  }
  /// A verdict already in the table, or nullptr.
  const ColorVerdict* find(std::uint32_t key) const {
    std::size_t slot = hash(key);
    while (true) {
      const Brief& s = slots_[slot];
      if (s.key == key) return &verdicts_[s.index];
      if (s.key == kEmpty) return nullptr;
      slot = (slot + 1) & mask_;
    }
  }
  /// False when `key` was surely never judged (a 64-kbit filter of judged keys); true when it
  /// may have been. Cheaper than find() for colours that mostly were not.
  bool maybe_judged(std::uint32_t key) const {
    const std::uint32_t bit = filter_bit(key);
    return (filter_[bit >> 6] >> (bit & 63) & 1) != 0;
  }
  /// The CIELAB of `key` (ColorVerdict::L, a, b) without judging it: the edge mask needs only
  /// this, and in a JPEG most colours along edges are never judged. Cached per colour.
  const std::array<float, 3>& lab(std::uint32_t key) {
    std::size_t slot = fibonacci_slot(key, lab_shift_);
    while (true) {
      const std::uint32_t k = lab_keys_[slot];
      if (k == key) return labs_[slot];
      if (k == kEmpty) return insert_lab(slot, key);
      slot = (slot + 1) & lab_mask_;
    }
  }
  /// ΔE00 of the (already judged) colour `key` to its nearest allowed colour; cached.
  double distance(std::uint32_t key);
  /// Whether the (already judged) colour `key` is a blend of two allowed colours; cached.
  bool blend(std::uint32_t key);
  std::size_t size() const { return verdicts_.size(); }
  /// Bytes held by the table.
  std::size_t bytes() const {
    return slots_.capacity() * sizeof(Brief) + verdicts_.capacity() * sizeof(ColorVerdict) +
           filter_.size() * sizeof(std::uint64_t) +
           lab_keys_.capacity() * (sizeof(std::uint32_t) + sizeof(std::array<float, 3>));
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;  // no 24-bit key has the top byte set
  // Fibonacci hashing: the top 64 − `shift` bits of the product are the well-mixed ones. Used
  // by the verdicts' slots, the Lab cache's and the filter.
  static std::size_t fibonacci_slot(std::uint32_t key, int shift) {
    return static_cast<std::size_t>((std::uint64_t{key} * 0x9E3779B97F4A7C15ull) >> shift);
  }
  std::size_t hash(std::uint32_t key) const { return fibonacci_slot(key, shift_); }
  static std::uint32_t filter_bit(std::uint32_t key) {
    return static_cast<std::uint32_t>(fibonacci_slot(key, 48));
  }
  const Brief& insert(std::size_t slot, std::uint32_t key);
  const std::array<float, 3>& insert_lab(std::size_t slot, std::uint32_t key);
  std::size_t slot_of(std::uint32_t key) const;
  void grow();

  const RasterPalette& palette_;
  JudgeMode mode_;
  JudgeScratch scratch_;
  std::vector<Brief> slots_;
  std::vector<ColorVerdict> verdicts_;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(1024, 0);  // 2^16 bits
  std::size_t mask_ = 0;
  int shift_ = 64;
  // lab(): open addressing with Fibonacci hashing like the verdicts, load factor ≤ 1/2.
  std::vector<std::uint32_t> lab_keys_ = std::vector<std::uint32_t>(1024, kEmpty);
  std::vector<std::array<float, 3>> labs_ = std::vector<std::array<float, 3>>(1024);
  std::size_t lab_count_ = 0;
  std::size_t lab_mask_ = 1023;
  int lab_shift_ = 64 - 10;
};

}  // namespace brandlint::raster
