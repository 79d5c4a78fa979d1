#include "rules/support/raster_regions.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <unordered_map>
#include <utility>

#include <opencv2/imgproc.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace brandlint::raster {
namespace {

constexpr std::uint8_t kMinAlpha = 250;
constexpr float kEdgeLab = 10.0F;   // morphological gradient of L*, a* or b* above this: edge
constexpr int kGradientRadius = 1;  // 3×3 gradient
constexpr int kDilateRadius = 2;    // 5×5 dilation of the edge mask
// A region is a blend area (accepted) when this share of its pixels lie on two-colour blends...
constexpr double kBlendAreaShare = 0.9;
// ...and fewer than this share are its median colour (lossy: close to it), so no flat colour
// dominates it.
constexpr double kFlatShare = 0.5;
// How far a region's box may grow back into the edge mask that trimmed it (mask radius + 1);
// in lossy sources chroma subsampling and ringing blur a border over a whole 8×8 block.
constexpr int kMaxGrowth = kGradientRadius + kDilateRadius + 1;
constexpr int kMaxGrowthLossy = 8;
// A mostly-blend region whose surroundings continue its colour this much is a gradient band.
constexpr double kRingContinuity = 0.5;
// In lossy sources a region must contain a solid block this wide: JPEG ringing and chroma
// bleeding leave thin strips along edges and inside text strokes (measured on the corpus: all
// such strips were at most 7 px thick), a planted patch is a blob.
constexpr int kLossyCore = 7;

// Core centres of one row of the window: [begin, end) in window coordinates.
struct CoreSpan {
  int y = 0, begin = 0, end = 0;
};

// The set pixels of one row of `window` as bits (bit x % 64 of word x / 64), zero beyond it.
void row_bits(const std::uint8_t* row, int cols, std::vector<std::uint64_t>& out) {
  std::fill(out.begin(), out.end(), 0);
  int x = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  for (; x + 16 <= cols; x += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + x));
    const auto set = std::uint64_t(~_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)) & 0xFFFF);
    out[std::size_t(x / 64)] |= set << (x % 64);
  }
#endif
  for (; x < cols; ++x) {
    if (row[x] != 0) out[std::size_t(x / 64)] |= std::uint64_t{1} << (x % 64);
  }
}

// Bit x of the result: bits x−kHalf … x+kHalf of `in` all set (the horizontal part of a
// kLossyCore-wide erosion with a zero border).
void erode_row(const std::vector<std::uint64_t>& in, std::vector<std::uint64_t>& out) {
  constexpr int kHalf = kLossyCore / 2;
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t prev = i > 0 ? in[i - 1] : 0, next = i + 1 < n ? in[i + 1] : 0;
    std::uint64_t w = in[i];
    for (int d = 1; d <= kHalf; ++d) {
      w &= (in[i] >> d) | (next << (64 - d));  // bit x + d
      w &= (in[i] << d) | (prev >> (64 - d));  // bit x − d
    }
    out[i] = w;
  }
}

// The centres of every kLossyCore × kLossyCore square of set pixels, in row order: what a 7×7
// erosion with a zero border leaves set. Rows are bitsets, eroded 64 pixels at a time: the cost
// is a pass over the window's bytes and a few word operations per 64 pixels, whatever the
// candidates look like (JPEG ringing is a thin fraction of a 12 MP window).
std::vector<CoreSpan> solid_cores(const cv::Mat1b& window) {
  constexpr int kHalf = kLossyCore / 2;
  std::vector<CoreSpan> out;
  if (window.rows < kLossyCore || window.cols < kLossyCore) return out;
  const std::size_t words = std::size_t(window.cols + 63) / 64;
  // The horizontally eroded rows y − kHalf … y + kHalf, in a ring.
  std::vector<std::vector<std::uint64_t>> ring(kLossyCore, std::vector<std::uint64_t>(words));
  std::vector<std::uint64_t> bits(words), core(words);
  for (int y = 0; y < window.rows; ++y) {
    row_bits(window.ptr<std::uint8_t>(y), window.cols, bits);
    erode_row(bits, ring[std::size_t(y % kLossyCore)]);
    const int centre = y - kHalf;
    if (centre < kHalf) continue;
    for (std::size_t i = 0; i < words; ++i) {
      std::uint64_t w = ring[0][i];
      for (std::size_t r = 1; r < ring.size(); ++r) w &= ring[r][i];
      core[i] = w;
    }
    // Runs of set bits, as [begin, end) spans.
    int begin = -1;
    for (std::size_t i = 0; i < words; ++i) {
      std::uint64_t w = core[i];
      int base = int(i) * 64, pos = 0;
      while (pos < 64) {
        if (begin < 0) {
          if (w == 0) break;
          const int skip = __builtin_ctzll(w);
          pos += skip, w >>= skip;
          begin = base + pos;
        }
        const std::uint64_t inverted = ~w;
        const int run = inverted == 0 ? 64 - pos : __builtin_ctzll(inverted);
        pos += run;
        w = pos < 64 ? w >> run : 0;
        if (pos < 64) {
          out.push_back({centre, begin, base + pos});
          begin = -1;
        }
      }
    }
    if (begin >= 0) out.push_back({centre, begin, int(words) * 64});
  }
  return out;
}

// Memoised "is there an edge at q" over a window around the candidates.
class EdgeField {
 public:
  EdgeField(const cv::Mat& bgra, const PhotoMask& photo, VerdictTable& table, cv::Rect roi)
      : bgra_(bgra),
        photo_(photo),
        table_(table),
        roi_(roi),
        any_photo_(photo.any()),
        state_data_(static_cast<std::uint8_t*>(std::calloc(std::size_t(roi.area()) + 1, 1)),
                    std::free) {
    if (state_data_ == nullptr) throw std::bad_alloc();
    state_ = cv::Mat1b(roi.height, roi.width, state_data_.get());
  }

  // Nearest positions first: a candidate on an edge is usually settled by its own gradient.
  bool masked(int x, int y) {
    static constexpr auto kOrder = [] {
      std::array<std::array<int, 2>, 25> order{};
      std::size_t n = 0;
      for (int ring = 0; ring <= kDilateRadius; ++ring) {
        for (int dy = -ring; dy <= ring; ++dy) {
          for (int dx = -ring; dx <= ring; ++dx) {
            if (std::max(dx < 0 ? -dx : dx, dy < 0 ? -dy : dy) == ring) order[n++] = {dx, dy};
          }
        }
      }
      return order;
    }();
    for (const auto& [dx, dy] : kOrder) {
      const int qx = x + dx, qy = y + dy;
      if (qx < 0 || qy < 0 || qx >= bgra_.cols || qy >= bgra_.rows) continue;
      if (edge(qx, qy)) return true;
    }
    return false;
  }

 private:
  bool edge(int x, int y) {
    std::uint8_t& s = state_(y - roi_.y, x - roi_.x);
    if (s == 0) s = compute(x, y) ? 2 : 1;
    return s == 2;
  }

  bool compute(int x, int y) {
    std::array<float, 3> lo{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
                            std::numeric_limits<float>::max()};
    std::array<float, 3> hi{-lo[0], -lo[0], -lo[0]};
    std::uint32_t last_key = 0xFFFFFFFFu;  // no 24-bit key
    const ColorVerdict* last = nullptr;
    for (int yy = std::max(0, y - kGradientRadius);
         yy <= std::min(bgra_.rows - 1, y + kGradientRadius); ++yy) {
      const std::uint8_t* row = bgra_.ptr<std::uint8_t>(yy);
      for (int xx = std::max(0, x - kGradientRadius);
           xx <= std::min(bgra_.cols - 1, x + kGradientRadius); ++xx) {
        const std::uint8_t* p = row + 4 * xx;
        if (p[3] < kMinAlpha || (any_photo_ && photo_.photo_at(xx, yy))) return true;
        // Neighbours mostly repeat a colour or two: look each up once.
        const std::uint32_t key = color_key(p);
        if (key != last_key) {
          last_key = key;
          last = &table_.get(key);  // judged now if the sweep did not need it
        }
        const ColorVerdict* v = last;
        lo = {std::min(lo[0], v->L), std::min(lo[1], v->a), std::min(lo[2], v->b)};
        hi = {std::max(hi[0], v->L), std::max(hi[1], v->a), std::max(hi[2], v->b)};
      }
    }
    return hi[0] - lo[0] > kEdgeLab || hi[1] - lo[1] > kEdgeLab || hi[2] - lo[2] > kEdgeLab;
  }

  const cv::Mat& bgra_;
  const PhotoMask& photo_;
  VerdictTable& table_;
  cv::Rect roi_;
  bool any_photo_;  // most banners have none: no tile lookup per pixel then
  // 0 unknown, 1 flat, 2 edge. calloc'd: a large block comes as fresh zero pages mapped on first
  // touch, and the candidates (anti-aliasing along text) touch few of a 12 MP window's pages.
  std::unique_ptr<std::uint8_t, void (*)(void*)> state_data_;
  cv::Mat1b state_;
};

// ΔE00 of distinct colours to one reference colour, each computed once.
class DistanceTo {
 public:
  explicit DistanceTo(const color::Lab& reference) : reference_(reference) {}
  double operator()(std::uint32_t key) {
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      it = cache_.emplace(key, color::delta_e00(lab_of(key_rgb(key)), reference_)).first;
    }
    return it->second;
  }

 private:
  color::Lab reference_;
  std::unordered_map<std::uint32_t, double> cache_;
};

std::uint8_t histogram_median(const std::array<long long, 256>& histogram, long long count) {
  long long seen = 0;
  for (int v = 0; v < 256; ++v) {
    seen += histogram[std::size_t(v)];
    if (2 * seen >= count) return static_cast<std::uint8_t>(v);
  }
  return 255;
}

// Everything find_regions() needs while it judges one component.
struct RegionContext {
  const cv::Mat& bgra;
  const PhotoMask& photo;
  VerdictTable& table;
  const RasterPalette& palette;
  const SharedPixels& shared;
  bool lossy;
  std::vector<long long>& group_px;
};

// Grows `box` back over the rows and columns the edge mask trimmed from a flat patch: one line
// at a time, while most of the line is nearer to the region's colour than to any brand colour.
// Returns the pixels added; counts them per colour group in `taken`.
long long grow_box(RegionContext& ctx, PixelBox& box, DistanceTo& distance,
                   std::vector<long long>& taken) {
  const cv::Mat& bgra = ctx.bgra;
  long long added = 0;
  std::vector<std::uint16_t> groups;
  const auto line_joins = [&](int x0, int y0, int dx, int dy, int length) {
    groups.clear();
    int hits = 0;
    for (int i = 0; i < length; ++i) {
      const int x = x0 + i * dx, y = y0 + i * dy;
      const std::uint8_t* p = bgra.ptr<std::uint8_t>(y) + 4 * x;
      if (p[3] < kMinAlpha || ctx.photo.photo_at(x, y)) continue;
      const std::uint32_t key = color_key(p);
      const ColorVerdict& v = ctx.table.get(key);
      if (distance(key) < ctx.table.distance(key)) {
        ++hits;
        // Only pixels that are in a share can be taken out of it.
        if (ctx.shared.counts(x, y, key)) groups.push_back(v.group);
      }
    }
    if (hits * 2 < length) return -1;
    for (const std::uint16_t g : groups) ++taken[g];
    return hits;
  };
  const int max_growth = ctx.lossy ? kMaxGrowthLossy : kMaxGrowth;
  for (int step = 0; step < max_growth; ++step) {
    bool grew = false;
    if (box.x > 0) {
      if (const int hits = line_joins(box.x - 1, box.y, 0, 1, box.h); hits >= 0) {
        --box.x, ++box.w, added += hits, grew = true;
      }
    }
    if (box.x + box.w < bgra.cols) {
      if (const int hits = line_joins(box.x + box.w, box.y, 0, 1, box.h); hits >= 0) {
        ++box.w, added += hits, grew = true;
      }
    }
    if (box.y > 0) {
      if (const int hits = line_joins(box.x, box.y - 1, 1, 0, box.w); hits >= 0) {
        --box.y, ++box.h, added += hits, grew = true;
      }
    }
    if (box.y + box.h < bgra.rows) {
      if (const int hits = line_joins(box.x, box.y + box.h, 1, 0, box.w); hits >= 0) {
        ++box.h, added += hits, grew = true;
      }
    }
    if (!grew) break;
  }
  return added;
}

// Share of the pixels on a ring around `box` (just beyond the reach of growth) whose colour is
// within `limit` of the region's colour. A flat patch stands out from its surroundings (they are
// brand colours, so farther than the threshold by construction); a band of a gradient does not:
// its colour continues across its border.
double ring_continuity(RegionContext& ctx, const PixelBox& box, DistanceTo& distance,
                       double limit) {
  const int d = (ctx.lossy ? kMaxGrowthLossy : kMaxGrowth) + 1;
  const int x0 = box.x - d, y0 = box.y - d, x1 = box.x + box.w - 1 + d, y1 = box.y + box.h - 1 + d;
  long long valid = 0, close = 0;
  const auto visit = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= ctx.bgra.cols || y >= ctx.bgra.rows) return;
    const std::uint8_t* p = ctx.bgra.ptr<std::uint8_t>(y) + 4 * x;
    // Photo pixels count too: a colour that runs on into a photo (a sky, a wall) continues
    // there, so the region is a part of the photo the tile statistic missed.
    if (p[3] < kMinAlpha) return;
    ++valid;
    close += distance(color_key(p)) <= limit ? 1 : 0;
  };
  for (int x = x0; x <= x1; ++x) visit(x, y0), visit(x, y1);
  for (int y = y0 + 1; y < y1; ++y) visit(x0, y), visit(x1, y);
  return valid == 0 ? 0.0 : double(close) / double(valid);
}

// Calls `f(p)` with each BGRA pixel of `component`.
template <typename F>
void for_each_pixel(const cv::Mat& bgra, const Component& component, F&& f) {
  for (const PixelRun& run : component.runs) {
    const std::uint8_t* row = bgra.ptr<std::uint8_t>(run.y);
    for (int x = run.begin; x < run.end; ++x) f(row + 4 * x);
  }
}

// Judges one component. nullopt: not a finding (noise around a brand colour, or a blend area).
std::optional<OffRegion> judge_region(RegionContext& ctx, const Component& component) {
  const long long area = component.area;
  std::array<std::array<long long, 256>, 3> histograms{};
  long long blends = 0;
  std::vector<long long> region_groups(ctx.group_px.size(), 0);
  std::uint32_t last = 0xFFFFFFFFu;  // no 24-bit key
  bool blend = false;
  std::uint16_t group = 0;
  for_each_pixel(ctx.bgra, component, [&](const std::uint8_t* p) {
    ++histograms[0][p[2]], ++histograms[1][p[1]], ++histograms[2][p[0]];
    const std::uint32_t key = color_key(p);
    if (key != last) {  // a flat patch repeats a few colours: look each run up once
      last = key;
      group = ctx.table.find(key)->group;  // every candidate was judged
      blend = ctx.table.blend(key);
    }
    blends += blend ? 1 : 0;
    ++region_groups[group];
  });
  OffRegion r;
  r.median = {histogram_median(histograms[0], area), histogram_median(histograms[1], area),
              histogram_median(histograms[2], area)};
  r.median_lab = lab_of(r.median);
  const Nearest nearest = nearest_color(r.median_lab, ctx.palette);
  r.nearest = nearest.index;
  r.delta_e00 = nearest.delta_e00;
  // Noise around a brand colour. Lossy sources scatter flat colours by up to ~3 ΔE00
  // (visual.md §1.6), so there only regions beyond `fail` can be told from compression.
  const RasterColor& judged_by = ctx.palette.colors()[r.nearest];
  const double threshold = ctx.lossy ? judged_by.fail : judged_by.warn;
  if (r.delta_e00 <= threshold) return std::nullopt;
  DistanceTo distance(r.median_lab);
  r.box = {component.box.x, component.box.y, component.box.width, component.box.height};
  const bool mostly_blends = double(blends) >= kBlendAreaShare * double(area);
  if (mostly_blends) {
    // Flat: in a lossless image one exact colour; in a lossy one, colours within the threshold.
    const std::uint32_t median_key =
        (std::uint32_t{r.median.r} << 16) | (std::uint32_t{r.median.g} << 8) | r.median.b;
    long long flat = 0;
    for_each_pixel(ctx.bgra, component, [&](const std::uint8_t* p) {
      const std::uint32_t key = color_key(p);
      flat += (ctx.lossy ? distance(key) <= threshold : key == median_key) ? 1 : 0;
    });
    if (double(flat) < kFlatShare * double(area)) return std::nullopt;  // a gradient, soft edge
  }
  std::vector<long long> taken(ctx.group_px.size(), 0);
  for (std::size_t g = 0; g < taken.size(); ++g) taken[g] += region_groups[g];
  r.pixels = area + grow_box(ctx, r.box, distance, taken);
  // A flat-looking band of a gradient: its colour continues across its border.
  if (mostly_blends && ring_continuity(ctx, r.box, distance, threshold) >= kRingContinuity) {
    return std::nullopt;
  }
  // Off-palette pixels are not shares of their nearest colour.
  for (std::size_t g = 0; g < taken.size(); ++g) ctx.group_px[g] -= taken[g];
  return r;
}

}  // namespace

cv::Rect mark_cored(SweepResult& sweep, std::vector<Component>* components) {
  if (sweep.candidate_bounds.empty()) return {};
  const cv::Rect bounds = sweep.candidate_bounds;
  cv::Mat1b window = sweep.candidates(bounds);
  if (window.cols < kLossyCore || window.rows < kLossyCore) return {};
  // Seeds: centres of solid cores. Grow each over the candidates (8-connected), marking the
  // pixels reached with 2 in place: no label image of the whole window. Grown a row run at a
  // time: components are thick strokes and patches, whose runs are long.
  const std::vector<CoreSpan> core_spans = solid_cores(window);
  int x0 = window.cols, y0 = window.rows, x1 = -1, y1 = -1;
  struct Run {
    int y, first, last;  // inclusive
  };
  std::vector<Run> stack;
  Component* component = nullptr;          // being grown, when the caller wants them listed
  int cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;  // its bounds, in window coordinates
  // Marks the whole run of 1s through (x, y) with 2 and queues it.
  const auto take_run = [&](std::uint8_t* row, int x, int y) {
    int first = x, last = x;
    while (first > 0 && row[first - 1] == 1) --first;
    while (last + 1 < window.cols && row[last + 1] == 1) ++last;
    std::fill(row + first, row + last + 1, std::uint8_t{2});
    x0 = std::min(x0, first), x1 = std::max(x1, last), y0 = std::min(y0, y), y1 = std::max(y1, y);
    stack.push_back({y, first, last});
    if (component != nullptr) {
      component->runs.push_back({y + bounds.y, first + bounds.x, last + 1 + bounds.x});
      component->area += last - first + 1;
      cx0 = std::min(cx0, first), cx1 = std::max(cx1, last), cy0 = std::min(cy0, y),
      cy1 = std::max(cy1, y);
    }
    return last;
  };
  // Seeds in row order (no list of every core pixel: a large planted patch is almost all core).
  for (const CoreSpan& span : core_spans) {
    std::uint8_t* seed_row = window.ptr<std::uint8_t>(span.y);
    for (int sx = span.begin; sx < span.end; ++sx) {
      if (seed_row[sx] != 1) continue;  // 2: its component is marked already
      if (components != nullptr) {
        component = &components->emplace_back();
        cx0 = cx1 = sx, cy0 = cy1 = span.y;
      }
      sx = take_run(seed_row, sx, span.y);
      while (!stack.empty()) {
        const Run run = stack.back();
        stack.pop_back();
        // 8-connected: the rows above and below, one pixel beyond each end.
        for (const int qy : {run.y - 1, run.y + 1}) {
          if (qy < 0 || qy >= window.rows) continue;
          std::uint8_t* row = window.ptr<std::uint8_t>(qy);
          const int end = std::min(window.cols - 1, run.last + 1);
          for (int qx = std::max(0, run.first - 1); qx <= end; ++qx) {
            if (row[qx] == 1) qx = take_run(row, qx, qy);
          }
        }
      }
      if (component != nullptr) {
        component->box = cv::Rect(cx0 + bounds.x, cy0 + bounds.y, cx1 - cx0 + 1, cy1 - cy0 + 1);
      }
    }
  }
  return x1 < 0 ? cv::Rect() : cv::Rect(x0 + bounds.x, y0 + bounds.y, x1 - x0 + 1, y1 - y0 + 1);
}

void drop_coreless(SweepResult& sweep) {
  sweep.components.clear();
  if (sweep.candidate_bounds.empty()) return;
  cv::Mat1b window = sweep.candidates(sweep.candidate_bounds);
  const cv::Rect kept = mark_cored(sweep, &sweep.components);
  cv::threshold(window, window, 1, 1, cv::THRESH_BINARY);  // 2 -> 1 (kept), 1 -> 0
  sweep.candidate_bounds = kept;
}

namespace {

// The edge mask of the window around `bounds` computed densely: CIELAB planes from the verdict
// table, the 3×3 morphological gradient of each, and the 5×5 dilation, all with OpenCV's
// vectorised morphology. Same rule as EdgeField, cheaper when candidates fill their window (a
// solid patch, where EdgeField would look at every one of 25 positions per pixel).
cv::Mat1b dense_edge_mask(const cv::Mat& bgra, const PhotoMask& photo, VerdictTable& table,
                          const cv::Rect& bounds) {
  constexpr int kReach = kGradientRadius + kDilateRadius;
  const cv::Rect roi = cv::Rect(bounds.x - kReach, bounds.y - kReach, bounds.width + 2 * kReach,
                                bounds.height + 2 * kReach) &
                       cv::Rect(0, 0, bgra.cols, bgra.rows);
  std::array<cv::Mat1f, 3> lab{cv::Mat1f(roi.size(), 0.0F), cv::Mat1f(roi.size(), 0.0F),
                               cv::Mat1f(roi.size(), 0.0F)};
  cv::Mat1b invalid(roi.size(), std::uint8_t{0});
  for (int y = 0; y < roi.height; ++y) {
    const std::uint8_t* row = bgra.ptr<std::uint8_t>(roi.y + y) + 4 * roi.x;
    std::uint32_t last_key = 0xFFFFFFFFu;  // no 24-bit key
    const ColorVerdict* v = nullptr;
    for (int x = 0; x < roi.width; ++x) {
      const std::uint8_t* p = row + 4 * x;
      if (p[3] >= kMinAlpha && !photo.photo_at(roi.x + x, roi.y + y)) {
        const std::uint32_t key = color_key(p);
        if (key != last_key) last_key = key, v = &table.get(key);
        lab[0](y, x) = v->L, lab[1](y, x) = v->a, lab[2](y, x) = v->b;
        continue;
      }
      invalid(y, x) = 1;  // transparent or photo: an edge for its neighbours
    }
  }
  // Replicated borders reproduce EdgeField's clipping at the image border; elsewhere the window
  // reaches far enough that its own border is never read for a candidate.
  const cv::Mat square3 = cv::getStructuringElement(cv::MORPH_RECT, {3, 3});
  cv::Mat1b edge;
  cv::dilate(invalid, edge, square3, {-1, -1}, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
  cv::Mat1f hi, lo;
  cv::Mat1b steep;
  for (const cv::Mat1f& plane : lab) {
    cv::dilate(plane, hi, square3, {-1, -1}, 1, cv::BORDER_REPLICATE);
    cv::erode(plane, lo, square3, {-1, -1}, 1, cv::BORDER_REPLICATE);
    cv::compare(hi - lo, kEdgeLab, steep, cv::CMP_GT);
    edge |= steep;
  }
  cv::Mat1b masked;
  cv::dilate(edge, masked, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}), {-1, -1}, 1,
             cv::BORDER_CONSTANT, cv::Scalar(0));
  return masked(cv::Rect(bounds.tl() - roi.tl(), bounds.size())).clone();
}

}  // namespace

void mask_edges(const cv::Mat& bgra, const PhotoMask& photo, VerdictTable& table,
                SweepResult& sweep, EdgeMaskWay way) {
  if (sweep.candidate_bounds.empty()) return;
  const cv::Rect b = sweep.candidate_bounds;
  const int margin = kDilateRadius;
  cv::Rect roi(b.x - margin, b.y - margin, b.width + 2 * margin, b.height + 2 * margin);
  roi &= cv::Rect(0, 0, bgra.cols, bgra.rows);
  std::optional<EdgeField> field;  // created when a block needs it
  // Block by block: where candidates fill a block (a solid patch) the dense mask is cheaper,
  // where they are sparse (anti-aliasing along text) the per-candidate memo is.
  constexpr int kMaskBlock = 64;
  for (int by = b.y; by < b.y + b.height; by += kMaskBlock) {
    for (int bx = b.x; bx < b.x + b.width; bx += kMaskBlock) {
      const cv::Rect block = cv::Rect(bx, by, kMaskBlock, kMaskBlock) & b;
      cv::Mat1b cand = sweep.candidates(block);
      const int count = cv::countNonZero(cand);
      if (count == 0) continue;
      const bool dense =
          way == EdgeMaskWay::dense || (way == EdgeMaskWay::automatic && 4 * count >= block.area());
      if (dense) {
        cand.setTo(0, dense_edge_mask(bgra, photo, table, block));
      } else {
        if (!field) field.emplace(bgra, photo, table, roi);
        for (int y = block.y; y < block.y + block.height; ++y) {
          std::uint8_t* row = sweep.candidates.ptr<std::uint8_t>(y);
          const int x_end = block.x + block.width;
          for (int x = next_set(row, block.x, x_end); x < x_end; x = next_set(row, x + 1, x_end)) {
            if (field->masked(x, y)) row[x] = 0;
          }
        }
      }
    }
  }
  // Shrink the bounds to the candidates that survive: in a flat banner almost every candidate
  // is anti-aliasing, so the components then run on a small window.
  const cv::Rect kept = cv::boundingRect(sweep.candidates(b));
  sweep.candidate_bounds = kept.empty() ? cv::Rect() : kept + b.tl();
}

namespace {

// A row bitset over a window of 64-bit words, with the range of words that may be non-zero:
// reachable pixels are a few strokes and patches in a wide window, so most words of most rows
// are zero, and every operation below touches only the range.
struct RowBits {
  std::vector<std::uint64_t> w;
  std::size_t lo = 0, hi = 0;  // words outside [lo, hi) are zero
  explicit RowBits(std::size_t words) : w(words, 0) {}
  void clear() {
    std::fill(w.begin() + std::ptrdiff_t(lo), w.begin() + std::ptrdiff_t(hi), 0);
    lo = hi = 0;
  }
  void set(int x) {
    const auto i = std::size_t(x / 64);
    w[i] |= std::uint64_t{1} << (x % 64);
    widen(i, i + 1);
  }
  void widen(std::size_t from, std::size_t to) {
    if (lo == hi) {
      lo = from, hi = to;
    } else {
      lo = std::min(lo, from), hi = std::max(hi, to);
    }
  }
};

// Bits of `in` spread by `radius` (< 64) to each side: a horizontal dilation with a zero border.
void dilate_row(const RowBits& in, int radius, RowBits& out) {
  out.clear();
  if (in.lo == in.hi) return;
  const std::size_t n = in.w.size();
  const std::size_t from = in.lo > 0 ? in.lo - 1 : 0, to = std::min(n, in.hi + 1);
  for (std::size_t i = from; i < to; ++i) {
    const std::uint64_t prev = i > 0 ? in.w[i - 1] : 0, next = i + 1 < n ? in.w[i + 1] : 0;
    std::uint64_t w = in.w[i];
    for (int d = 1; d <= radius; ++d) {
      w |= (in.w[i] >> d) | (next << (64 - d));  // from bit x + d
      w |= (in.w[i] << d) | (prev >> (64 - d));  // from bit x − d
    }
    out.w[i] = w;
  }
  out.lo = from, out.hi = to;
}

// Calls `f(x)` for every set bit of `bits`, in order.
template <typename F>
void for_each_bit(const RowBits& bits, F&& f) {
  for (std::size_t i = bits.lo; i < bits.hi; ++i) {
    for (std::uint64_t w = bits.w[i]; w != 0; w &= w - 1) f(int(i) * 64 + __builtin_ctzll(w));
  }
}

// One pixel's CIELAB for the edge test, and whether it is an edge by itself (transparent or
// photo): four floats, so a 3×3 neighbourhood's ranges take a few vector min/max operations.
struct EdgeLab {
  float L = 0.0F, a = 0.0F, b = 0.0F, invalid = 0.0F;
};

// EdgeField::compute() for the pixel at column `x` of the middle row, from three rows of
// EdgeLab (`above` or `below` null beyond the image); columns clipped to [0, width).
bool edge_at(const EdgeLab* above, const EdgeLab* row, const EdgeLab* below, int x, int width) {
  const int x0 = std::max(0, x - kGradientRadius), x1 = std::min(width - 1, x + kGradientRadius);
#if defined(__SSE2__)
  __m128 lo = _mm_loadu_ps(&row[x].L), hi = lo;
  for (const EdgeLab* r : {above, row, below}) {
    if (r == nullptr) continue;
    for (int xx = x0; xx <= x1; ++xx) {
      const __m128 v = _mm_loadu_ps(&r[xx].L);
      lo = _mm_min_ps(lo, v), hi = _mm_max_ps(hi, v);
    }
  }
  // Lanes L, a, b: a range above kEdgeLab; lane 3: some pixel is invalid (its flag is 1).
  const int steep = _mm_movemask_ps(_mm_cmpgt_ps(_mm_sub_ps(hi, lo), _mm_set1_ps(kEdgeLab))) & 7;
  const int invalid = _mm_movemask_ps(_mm_cmpgt_ps(hi, _mm_set1_ps(0.5F))) & 8;
  return (steep | invalid) != 0;
#else
  EdgeLab lo = row[x], hi = row[x];
  for (const EdgeLab* r : {above, row, below}) {
    if (r == nullptr) continue;
    for (int xx = x0; xx <= x1; ++xx) {
      const EdgeLab& v = r[xx];
      lo = {std::min(lo.L, v.L), std::min(lo.a, v.a), std::min(lo.b, v.b), 0.0F};
      hi = {std::max(hi.L, v.L), std::max(hi.a, v.a), std::max(hi.b, v.b),
            std::max(hi.invalid, v.invalid)};
    }
  }
  return hi.invalid > 0.5F || hi.L - lo.L > kEdgeLab || hi.a - lo.a > kEdgeLab ||
         hi.b - lo.b > kEdgeLab;
#endif
}

}  // namespace

std::vector<PixelRun> reachable_off_edges(const cv::Mat& bgra, const PhotoMask& photo,
                                          VerdictTable& table, const cv::Mat1b& candidates,
                                          const cv::Rect& reach) {
  std::vector<PixelRun> runs;
  if (reach.empty()) return runs;
  constexpr int kReach = kGradientRadius + kDilateRadius;  // 3: Lab is needed this far out
  constexpr int kRing = 8;                                 // rows kept of each kind (≥ 7)
  const cv::Rect area = cv::Rect(reach.x - kReach, reach.y - kReach, reach.width + 2 * kReach,
                                 reach.height + 2 * kReach) &
                        cv::Rect(0, 0, bgra.cols, bgra.rows);
  const int width = area.width;
  const std::size_t words = std::size_t(width + 63) / 64;
  const bool any_photo = photo.any();
  // Rings indexed by image row & (kRing − 1): reachable pixels, the edge test's results, and
  // (four rows) EdgeLab. Rows outside `reach` (or the image) stay empty.
  std::vector<RowBits> reachable(kRing, RowBits(words)), edges(kRing, RowBits(words));
  std::vector<std::vector<EdgeLab>> labs(4, std::vector<EdgeLab>(std::size_t(width)));
  RowBits near(words), spread(words), masked(words), kept(words);
  const auto ring = [](int y) { return std::size_t(y & (kRing - 1)); };
  // Rows of the area: every row the test reads (nothing outside it is reachable).
  const auto in_area = [&](int y) { return y >= area.y && y < area.y + area.height; };
  // Fills `out` with the OR of rows [from, to] of `rows` (rows outside the area are empty).
  const auto rows_or = [&](const std::vector<RowBits>& rows, int from, int to, RowBits& out) {
    out.clear();
    for (int y = from; y <= to; ++y) {
      if (!in_area(y)) continue;
      const RowBits& r = rows[ring(y)];
      if (r.lo == r.hi) continue;
      for (std::size_t i = r.lo; i < r.hi; ++i) out.w[i] |= r.w[i];
      out.widen(r.lo, r.hi);
    }
  };
  const int last = reach.y + reach.height - 1;
  const auto load_reachable = [&](int y) {
    if (!in_area(y)) return;
    RowBits& bits = reachable[ring(y)];
    bits.clear();
    if (y < reach.y || y > last) return;
    const std::uint8_t* row = candidates.ptr<std::uint8_t>(y) + area.x;
    int x = reach.x - area.x;
    const int end = x + reach.width;
#if defined(__SSE2__)
    const __m128i two = _mm_set1_epi8(2);
    for (; x + 16 <= end; x += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + x));
      const auto set = std::uint64_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, two)));
      if (set == 0) continue;
      const auto i = std::size_t(x / 64);
      bits.w[i] |= set << (x % 64);
      if (x % 64 > 48) {
        bits.w[i + 1] |= set >> (64 - x % 64);
        bits.widen(i, i + 2);
      } else {
        bits.widen(i, i + 1);
      }
    }
#endif
    for (; x < end; ++x) {
      if (row[x] == 2) bits.set(x);  // mark_cored()'s mark
    }
  };
  for (int y = area.y; y < area.y + kReach; ++y) load_reachable(y);
  // Step y: reachable row y + 3 in; EdgeLab of row y where within 3 px of a reachable pixel;
  // the edge test of row y − 1 where within 2 px; the mask of row y − 3.
  for (int y = area.y; y <= last + kReach; ++y) {
    load_reachable(y + kReach);
    if (y < area.y + area.height) {
      rows_or(reachable, y - kReach, y + kReach, near);
      dilate_row(near, kReach, spread);
      std::vector<EdgeLab>& lab_row = labs[std::size_t(y & 3)];
      const std::uint8_t* px_row = bgra.ptr<std::uint8_t>(y) + 4 * area.x;
      std::uint32_t last_key = 0xFFFFFFFFu;  // no 24-bit key
      EdgeLab last_lab;
      for_each_bit(spread, [&](int x) {
        if (x >= width) return;  // the last word's padding
        const std::uint8_t* p = px_row + 4 * x;
        if (p[3] < kMinAlpha || (any_photo && photo.photo_at(area.x + x, y))) {
          lab_row[std::size_t(x)] = {0.0F, 0.0F, 0.0F, 1.0F};
          return;
        }
        const std::uint32_t key = color_key(p);
        if (key != last_key) {
          const std::array<float, 3>& v = table.lab(key);
          last_key = key, last_lab = {v[0], v[1], v[2], 0.0F};
        }
        lab_row[std::size_t(x)] = last_lab;
      });
    }
    if (const int e = y - 1; in_area(e)) {
      rows_or(reachable, e - kDilateRadius, e + kDilateRadius, near);
      dilate_row(near, kDilateRadius, spread);
      RowBits& out = edges[ring(e)];
      out.clear();
      const EdgeLab* above = in_area(e - 1) ? labs[std::size_t((e - 1) & 3)].data() : nullptr;
      const EdgeLab* below = in_area(e + 1) ? labs[std::size_t((e + 1) & 3)].data() : nullptr;
      const EdgeLab* row = labs[std::size_t(e & 3)].data();
      for_each_bit(spread, [&](int x) {
        if (x < width && edge_at(above, row, below, x, width)) {
          out.set(x);
        }
      });
    }
    if (const int m = y - kReach; m >= reach.y && m <= last) {
      rows_or(edges, m - kDilateRadius, m + kDilateRadius, near);
      dilate_row(near, kDilateRadius, masked);
      const RowBits& r = reachable[ring(m)];
      kept.clear();
      for (std::size_t i = r.lo; i < r.hi; ++i) kept.w[i] = r.w[i] & ~masked.w[i];
      kept.lo = r.lo, kept.hi = r.hi;
      for_each_bit(kept, [&](int x) {
        if (!runs.empty() && runs.back().y == m && runs.back().end == area.x + x) {
          ++runs.back().end;
        } else {
          runs.push_back({m, area.x + x, area.x + x + 1});
        }
      });
    }
  }
  return runs;
}

bool SharedPixels::counts(int x, int y, std::uint32_t key) const {
  if (cubes == nullptr) return true;
  if (std::any_of(cubes->begin(), cubes->end(),
                  [key](const SureCube& c) { return c.contains(key); })) {
    return true;
  }
  // The last run that starts at or before (x, y).
  const auto after = std::upper_bound(judged.begin(), judged.end(), PixelRun{y, x, x},
                                      [](const PixelRun& a, const PixelRun& b) {
                                        return a.y != b.y ? a.y < b.y : a.begin < b.begin;
                                      });
  if (after == judged.begin()) return false;
  const PixelRun& run = *std::prev(after);
  return run.y == y && x < run.end;
}

std::vector<OffRegion> find_regions(const cv::Mat& bgra, const SweepResult& sweep,
                                    const PhotoMask& photo, VerdictTable& table,
                                    const RasterPalette& palette, const SharedPixels& shared,
                                    std::vector<long long>& group_px) {
  std::vector<OffRegion> regions;
  if (sweep.candidate_bounds.empty()) return regions;
  const cv::Rect bounds = sweep.candidate_bounds;
  const bool lossy = shared.cubes != nullptr;
  RegionContext ctx{bgra, photo, table, palette, shared, lossy, group_px};
  const auto judge = [&](const Component& c) {
    if (c.area < palette.thresholds().min_region_px) return;
    if (auto region = judge_region(ctx, c)) regions.push_back(*region);
  };
  if (lossy) {
    // drop_coreless() listed the components (each has a solid core, kLossyCore), and their
    // edges were masked before it.
    for (const Component& c : sweep.components) judge(c);
  } else {
    cv::Mat1i labels;
    cv::Mat stats, centroids;
    const int n = cv::connectedComponentsWithStats(sweep.candidates(bounds), labels, stats,
                                                   centroids, 8, CV_32S);
    std::vector<Component> components(std::size_t(std::max(1, n)));  // [0]: the background
    for (int i = 1; i < n; ++i) {
      Component& c = components[std::size_t(i)];
      c.box = cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT) + bounds.x,
                       stats.at<int>(i, cv::CC_STAT_TOP) + bounds.y,
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
      c.area = stats.at<int>(i, cv::CC_STAT_AREA);
    }
    // Runs of each large enough component, from one pass over the labels.
    for (int y = 0; y < labels.rows; ++y) {
      const int* row = labels[y];
      for (int x = 0; x < labels.cols;) {
        const int label = row[x];
        int end = x + 1;
        while (end < labels.cols && row[end] == label) ++end;
        Component& c = components[std::size_t(label)];
        if (label != 0 && c.area >= palette.thresholds().min_region_px) {
          c.runs.push_back({y + bounds.y, x + bounds.x, end + bounds.x});
        }
        x = end;
      }
    }
    for (int i = 1; i < n; ++i) judge(components[std::size_t(i)]);
  }
  std::sort(regions.begin(), regions.end(), [](const OffRegion& a, const OffRegion& b) {
    return a.box.y != b.box.y ? a.box.y < b.box.y : a.box.x < b.box.x;
  });
  return regions;
}

}  // namespace brandlint::raster
