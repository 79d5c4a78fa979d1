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

/// The pixels the pipeline has already decided about.
struct SweepResult {
  cv::Mat1b candidates;       // 1 = opaque, outside photos, off-palette; else 0
  cv::Rect candidate_bounds;  // bounding box of the candidates (empty when there are none)
};

/// Lossy sources only: clears the candidates that cannot end up in a finding because their
/// connected component has no solid 7×7 core (see find_regions). Masking edges only removes
/// candidates, so a component without a core now has none after masking either; doing this
/// first spares mask_edges() the ringing along every text and shape edge of a JPEG.
void drop_coreless(SweepResult& sweep);

/// The first half of drop_coreless(): marks the candidates whose component has a solid core
/// with 2, leaves the others at 1, and returns the bounds of the marked ones.
cv::Rect mark_cored(SweepResult& sweep);

/// Clears candidates that lie on an edge: within 2 px (the 5×5 dilation) of a pixel whose 3×3
/// neighbourhood spans more than 10 in L*, a* or b*. Transparent and photo pixels count as
/// edges, so the borders of cut-outs and photos are masked too. Gradients are computed only
/// around candidates, from the verdict table's Lab, never for the whole image: per candidate
/// where they are sparse, with dense morphology over 64×64 blocks they fill. `way` forces one
/// of the two (tests compare them); both give the same mask.
enum class EdgeMaskWay { automatic, per_candidate, dense };
void mask_edges(const cv::Mat& bgra, const PhotoMask& photo, VerdictTable& table,
                SweepResult& sweep, EdgeMaskWay way = EdgeMaskWay::automatic);

/// Groups the remaining candidates into 8-connected regions and keeps those that are findings:
/// at least `min_region_px`, a median colour beyond its nearest colour's warn threshold, and not
/// a blend area (mostly two-colour blends with no dominant colour: a gradient or soft edge).
/// The pixels of every kept region are taken out of `group_px` (they are off-palette, not shares
/// of their nearest colour).
std::vector<OffRegion> find_regions(const cv::Mat& bgra, const SweepResult& sweep,
                                    const PhotoMask& photo, VerdictTable& table,
                                    const RasterPalette& palette, bool lossy,
                                    std::vector<long long>& group_px);

}  // namespace brandlint::raster
