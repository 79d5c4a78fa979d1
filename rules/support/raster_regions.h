// From off-palette candidate pixels to off-palette regions: the edge mask (shape and text
// borders, where anti-aliasing and JPEG ringing live), connected components, and the judgement
// of each component by its median colour.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include <opencv2/core.hpp>

#include "rules/support/raster_photo_mask.h"
#include "rules/support/raster_verdicts.h"

namespace brandlint::raster {

/// The first index in [x, end) whose byte is set, or `end`; skips eight zero bytes at a time
/// (candidate rows and edge-mask candidates in a flat banner are sparse).
inline int next_set(const std::uint8_t* row, int x, int end) {
  while (x + 8 <= end) {
    std::uint64_t word = 0;
    std::memcpy(&word, row + x, sizeof word);
    if (word != 0) break;
    x += 8;
  }
  while (x < end && row[x] == 0) ++x;
  return x;
}

/// A run of pixels of one row: columns [begin, end) of row y.
struct PixelRun {
  int y = 0, begin = 0, end = 0;
};

/// One 8-connected component of candidates, as runs (image coordinates, in no set order).
struct Component {
  std::vector<PixelRun> runs;
  cv::Rect box;
  long long area = 0;
};

/// The pixels the pipeline has already decided about.
struct SweepResult {
  cv::Mat1b candidates;       // 1 = opaque, outside photos, off-palette; else 0
  cv::Rect candidate_bounds;  // bounding box of the candidates (empty when there are none)
  // Lossy sources, after drop_coreless(): the components of the candidates (each has a core).
  std::vector<Component> components;
};

/// Lossy sources only: clears the candidates that cannot end up in a finding because their
/// connected component has no solid 7×7 core (JPEG ringing and chroma bleeding leave strips
/// along edges), and lists the components that remain in `sweep.components`.
void drop_coreless(SweepResult& sweep);

/// The first half of drop_coreless(): marks the candidates whose component has a solid core
/// with 2, leaves the others at 1, and returns the bounds of the marked ones. Lists the marked
/// components in `components` when given.
cv::Rect mark_cored(SweepResult& sweep, std::vector<Component>* components = nullptr);

/// Clears candidates that lie on an edge: within 2 px (the 5×5 dilation) of a pixel whose 3×3
/// neighbourhood spans more than 10 in L*, a* or b*. Transparent and photo pixels count as
/// edges, so the borders of cut-outs and photos are masked too. Gradients are computed only
/// around candidates, from the verdict table's Lab, never for the whole image: per candidate
/// where they are sparse, with dense morphology over 64×64 blocks they fill. `way` forces one
/// of the two (tests compare them); both give the same mask.
enum class EdgeMaskWay { automatic, per_candidate, dense };
void mask_edges(const cv::Mat& bgra, const PhotoMask& photo, VerdictTable& table,
                SweepResult& sweep, EdgeMaskWay way = EdgeMaskWay::automatic);

/// Lossy sources, after mark_cored() and before any verdict: the reachable candidates (2) that
/// mask_edges() would keep, as runs in row order. Only they can be in a region, so only they
/// need verdicts: in a JPEG, chroma subsampling bleeds the background into every thick dark
/// stroke, which gives thousands of distinct colours with solid cores, all on the stroke's
/// edges. The mask needs only each colour's Lab (VerdictTable::lab) and is computed row by row
/// over `reach` (the bounds of the reachable candidates), only within 3 px of a reachable pixel.
std::vector<PixelRun> reachable_off_edges(const cv::Mat& bgra, const PhotoMask& photo,
                                          VerdictTable& table, const cv::Mat1b& candidates,
                                          const cv::Rect& reach);

/// Which pixels are in the shares (RasterAnalysis::group_px). Lossless images: every opaque
/// pixel outside photos. Lossy ones: those inside a sure box, and the judged ones (the runs of
/// reachable_off_edges()); the compression band around edges is never judged and counts for no
/// colour, so shares of lossy images are lower bounds.
struct SharedPixels {
  const std::vector<SureCube>* cubes = nullptr;  // null: a lossless image
  std::vector<PixelRun> judged;                  // in row order
  /// Whether the opaque graphic pixel at (x, y), of colour `key`, is in the shares.
  bool counts(int x, int y, std::uint32_t key) const;
};

/// Groups the remaining candidates into 8-connected regions and keeps those that are findings:
/// at least `min_region_px`, a median colour beyond its nearest colour's warn threshold, and not
/// a blend area (mostly two-colour blends with no dominant colour: a gradient or soft edge).
/// The pixels of every kept region that are in the shares (`shared`) are taken out of
/// `group_px`: they are off-palette, not shares of their nearest colour.
std::vector<OffRegion> find_regions(const cv::Mat& bgra, const SweepResult& sweep,
                                    const PhotoMask& photo, VerdictTable& table,
                                    const RasterPalette& palette, const SharedPixels& shared,
                                    std::vector<long long>& group_px);

}  // namespace brandlint::raster
