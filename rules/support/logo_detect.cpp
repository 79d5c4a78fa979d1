#include "rules/support/logo_detect.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>
#include <tuple>

#include <fmt/format.h>
#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

#include "rules/support/color.h"
#include "rules/support/logo_features.h"

namespace brandlint::logo {

namespace {

// Detection runs on the image scaled so its long side is at most this: a 1080p banner is
// searched at 1280×720 (visual.md §2.2 measured SIFT there), where a logo at the usual 96 px
// minimum is still 64 px wide and SIFT finds flat logos down to ~36 px.
constexpr int kMaxWorkSide = 1280;
constexpr double kMaxUpscale = 2.0;
constexpr double kRatioTest = 0.75;       // Lowe's ratio, as measured in visual.md §2.2
constexpr double kRansacThreshold = 4.0;  // px in the work image
constexpr int kMinInliers = 8;            // the smallest true detection measured had 8
constexpr double kMinInlierRatio = 0.25;  // inliers / matches that land on the logo
constexpr double kMinWidthPx = 16.0;      // smaller "logos" in the work image are noise
constexpr double kMaxAspectChange = 2.0;  // sx/sy beyond 2 (or below 1/2) is not a logo
constexpr double kMaxSideRatio = 1.33;    // opposite sides: more than this is not a flat print
// Edge correlation of the best variant. Measured on the logo corpus (tools/logo_corpus*):
// true logos score 0.72–0.99 (lowest: directly on a busy photo), lookalikes — arcs over a bar,
// "Nordlys" set in another font — 0.46–0.59.
constexpr double kMinVerifyScore = 0.65;
// A fit scoring up to this much below kMinVerifyScore is refined and verified again.
constexpr double kVerifyRefineBand = 0.05;
constexpr int kMaxSightings = 12;
constexpr int kMaxRounds = 24;
// Keypoints of the searched image (and of each fine-pass window): a photo background gives
// thousands even at the coarse level, and their orientations and descriptors were most of the
// time on such a banner (logo_bench "busy": 4000 → 1000 saved ~70 ms); a logo's own keypoints
// are high-contrast edges and rank among the strongest.
constexpr int kMaxImageKeypoints = 1000;
// Refinement frame width at most (px): wider frames cost their area in every evaluation.
constexpr int kRefineWidth = 192;
// Fine pass (fine_pass): windows of 2 × kFineRadius work px around places where at least
// kFineMinSeeds alive ratio-test matches lie within kFineRadius; at most kFineMaxArea of the
// working image in all.
constexpr int kFineRadius = 96;
constexpr int kFineMinSeeds = 3;
constexpr double kFineMaxArea = 0.3;
// Small-logo pass (small_logo_pass): reference widths from kSmallMinWidthShare to
// kSmallMaxWidthShare of the guide's minimum width (and at least kSmallMinHeight work px high),
// kSmallScaleStep apart; an ink patch is kSmallPatchShare of its logo's height; the ground
// around it is calm (kSmallMinCalmShare of it within kSmallGroundTolerance gray levels of its
// median); the correlation must reach kSmallMinCorrelation before verification is asked.
constexpr double kSmallMinHeight = 5.0;
constexpr double kSmallMinWidthShare = 0.5;
constexpr double kSmallMaxWidthShare = 1.05;
constexpr double kSmallPatchShare[2] = {0.45, 1.05};
constexpr double kSmallScaleStep = 1.06;
constexpr double kSmallMinCorrelation = 0.45;
constexpr int kSmallGroundTolerance = 6;
constexpr double kSmallMinCalmShare = 0.7;
// The smallest logo height (px of the image searched) the small-logo pass finds, measured with
// the Nordlys logo (artwork aspect 4.7): 45 px wide on an A1 page in a 0.64× working image (6.1
// px high there) was missed, 50 px (6.8 px) found, and 50 px in a 1920×1080 banner (0.67×, 7.1
// px) found. Where the working image is a reduction that leaves the smallest widths tried lower
// than this, the pass runs again on the image at a resolution where they are not
// (small_logo_pass_finer).
constexpr double kSmallMinSearchHeight = 7.0;
constexpr double kSmallFinerMaxReduction = 0.5;

struct Candidate {
  std::size_t ref = 0;
  double template_correlation = 0.0;  // > 0: proposed by the small-logo pass
  cv::Matx33d h;                      // reference canonical px → work image px
  std::vector<int> inlier_kps;
  int inliers = 0;
  int matches = 0;  // matches whose image point lies on the logo (grown quad)
  std::array<cv::Point2f, 4> quad{};
};

std::array<cv::Point2f, 4> project(const cv::Matx33d& h, const cv::Rect2f& r) {
  const cv::Point2f corners[4] = {
      {r.x, r.y}, {r.x + r.width, r.y}, {r.x + r.width, r.y + r.height}, {r.x, r.y + r.height}};
  std::array<cv::Point2f, 4> out{};
  for (int i = 0; i < 4; ++i) {
    const cv::Vec3d p = h * cv::Vec3d(corners[i].x, corners[i].y, 1.0);
    out[std::size_t(i)] = cv::Point2f(float(p[0] / p[2]), float(p[1] / p[2]));
  }
  return out;
}

cv::Point2d apply(const cv::Matx33d& h, cv::Point2d p) {
  const cv::Vec3d v = h * cv::Vec3d(p.x, p.y, 1.0);
  return {v[0] / v[2], v[1] / v[2]};
}

double length(cv::Point2f a, cv::Point2f b) {
  return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

// Local linear part of h at the extent's centre: columns are where a unit step along the
// logo's x and y axes lands in the image.
cv::Matx22d jacobian(const cv::Matx33d& h, const cv::Rect2f& extent) {
  const cv::Point2d c(extent.x + extent.width / 2.0, extent.y + extent.height / 2.0);
  const cv::Point2d p0 = apply(h, c), px = apply(h, c + cv::Point2d(1, 0)),
                    py = apply(h, c + cv::Point2d(0, 1));
  return {px.x - p0.x, py.x - p0.x, px.y - p0.y, py.y - p0.y};
}

bool finite(const cv::Matx33d& h) {
  for (int i = 0; i < 9; ++i) {
    if (!std::isfinite(h.val[i])) return false;
  }
  return std::abs(h(2, 2)) > 1e-12;
}

// The sanity checks of issue 6: positive determinant, convex quadrilateral (in clockwise
// order on screen, so no mirror image), plausible scale, aspect and perspective.
bool sane(const cv::Matx33d& h, const cv::Rect2f& extent, cv::Size image) {
  if (!finite(h)) return false;
  const auto q = project(h, extent);
  for (int i = 0; i < 4; ++i) {
    const cv::Point2f a = q[std::size_t(i)], b = q[std::size_t((i + 1) % 4)],
                      c = q[std::size_t((i + 2) % 4)];
    const double cross =
        double(b.x - a.x) * double(c.y - b.y) - double(b.y - a.y) * double(c.x - b.x);
    if (!(cross > 0)) return false;
  }
  const cv::Matx22d j = jacobian(h, extent);
  if (!(cv::determinant(j) > 0)) return false;
  const double sx = std::hypot(j(0, 0), j(1, 0)), sy = std::hypot(j(0, 1), j(1, 1));
  const double width = sx * extent.width;
  const double diagonal = std::hypot(double(image.width), double(image.height));
  if (width < kMinWidthPx || width > 2.0 * diagonal || sy * extent.height < 4.0) return false;
  if (sx / sy > kMaxAspectChange || sy / sx > kMaxAspectChange) return false;
  const double top = length(q[0], q[1]), bottom = length(q[3], q[2]);
  const double left = length(q[0], q[3]), right = length(q[1], q[2]);
  auto ratio = [](double a, double b) { return std::max(a, b) / std::max(1e-9, std::min(a, b)); };
  return ratio(top, bottom) <= kMaxSideRatio && ratio(left, right) <= kMaxSideRatio;
}

bool inside(const std::array<cv::Point2f, 4>& quad, cv::Point2f p, double grow) {
  cv::Point2f centre(0, 0);
  for (const auto& q : quad) centre += q * 0.25f;
  std::vector<cv::Point2f> grown;
  for (const auto& q : quad) grown.push_back(centre + (q - centre) * float(1.0 + grow));
  return cv::pointPolygonTest(grown, p, false) >= 0;
}

struct ImageFeatures {
  LogoFeatures features;
  std::vector<bool> alive;
  // Lowe-filtered matches of every image keypoint against each reference logo and polarity,
  // computed once: image keypoints query the reference, so a keypoint's best partner does not
  // depend on which other keypoints are still alive. Per entry: (image kp, reference kp).
  std::vector<std::array<std::vector<std::pair<int, int>>, 2>> matches;
};

// Image keypoints query the reference: with several copies of a logo in one image, each copy's
// keypoint still has one clear best partner in the reference, so Lowe's test keeps it.
std::vector<std::pair<int, int>> ratio_matches(const cv::Mat& image_descriptors,
                                               const LogoFeatures& ref) {
  std::vector<std::pair<int, int>> out;
  if (ref.descriptors.rows < 2 || image_descriptors.empty()) return out;
  cv::BFMatcher matcher(cv::NORM_L2);
  std::vector<std::vector<cv::DMatch>> knn;
  matcher.knnMatch(image_descriptors, ref.descriptors, knn, 2);
  for (std::size_t k = 0; k < knn.size(); ++k) {
    if (knn[k].size() < 2 || knn[k][0].distance >= kRatioTest * knn[k][1].distance) continue;
    out.emplace_back(int(k), knn[k][0].trainIdx);
  }
  return out;
}

// Fits one reference (one polarity) to the alive image keypoints, optionally only those on
// `region`. Returns nullopt when no sane homography is found.
std::optional<Candidate> fit(const ReferenceLogo& ref, const LogoFeatures& ref_features,
                             const std::vector<std::pair<int, int>>& matches, std::size_t ref_index,
                             const ImageFeatures& image, cv::Size size,
                             const std::array<cv::Point2f, 4>* region) {
  std::vector<cv::Point2f> src, dst;
  std::vector<int> kp_of;
  for (const auto& [kp, ref_kp] : matches) {
    if (!image.alive[std::size_t(kp)]) continue;
    const cv::Point2f pt = image.features.keypoints[std::size_t(kp)].pt;
    if (region && !inside(*region, pt, 0.2)) continue;
    src.push_back(ref_features.keypoints[std::size_t(ref_kp)].pt);
    dst.push_back(pt);
    kp_of.push_back(kp);
  }
  if (int(src.size()) < kMinInliers) return std::nullopt;
  // OpenCV's RANSAC draws its samples from a generator seeded with a constant, so the same
  // matches always give the same homography; seeding the thread's RNG as well keeps it so
  // should a later OpenCV use theRNG().
  cv::setRNGSeed(0x6c6f676f);
  std::vector<unsigned char> mask;
  cv::Mat found;
  try {
    found = cv::findHomography(src, dst, cv::RANSAC, kRansacThreshold, mask, 2000, 0.995);
  } catch (const cv::Exception&) {
    return std::nullopt;
  }
  if (found.empty()) return std::nullopt;
  Candidate c;
  c.ref = ref_index;
  c.h = cv::Matx33d(found);
  if (!sane(c.h, ref.extent, size)) return std::nullopt;
  c.quad = project(c.h, ref.extent);
  for (std::size_t k = 0; k < mask.size(); ++k) {
    if (mask[k]) c.inlier_kps.push_back(kp_of[k]);
    if (inside(c.quad, dst[k], 0.1)) ++c.matches;
  }
  c.inliers = int(c.inlier_kps.size());
  if (c.inliers < kMinInliers || c.matches == 0 ||
      double(c.inliers) / double(c.matches) < kMinInlierRatio) {
    return std::nullopt;
  }
  return c;
}

std::optional<Candidate> best_fit(const LogoLibrary& library, std::size_t ref_index,
                                  const ImageFeatures& image, cv::Size size,
                                  const std::array<cv::Point2f, 4>* region) {
  const ReferenceLogo& ref = library.logos()[ref_index];
  std::optional<Candidate> best;
  const LogoFeatures* polarity[2] = {&ref.dark, &ref.light};
  for (std::size_t p = 0; p < 2; ++p) {
    auto c = fit(ref, *polarity[p], image.matches[ref_index][p], ref_index, image, size, region);
    if (c && (!best || c->inliers > best->inliers)) best = std::move(c);
  }
  return best;
}

// Maps the verification frame (w × h px over the reference's extent) to the reference frame.
cv::Matx33d verify_to_reference(const ReferenceLogo& ref, cv::Size frame) {
  return {double(ref.extent.width) / frame.width,
          0,
          double(ref.extent.x),
          0,
          double(ref.extent.height) / frame.height,
          double(ref.extent.y),
          0,
          0,
          1};
}

double ncc(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat result;
  cv::matchTemplate(a, b, result, cv::TM_CCOEFF_NORMED);
  const double v = double(result.at<float>(0, 0));
  return std::isfinite(v) ? v : 0.0;
}

// Edge-map correlation between the image, warped into `ref`'s frame through `h`, and `ref`.
// The frame is as wide as the logo appears in the image (48..kVerifyWidth px), so a small logo
// is not compared with details it cannot show.
double verify_score(const cv::Mat& work_gray, const ReferenceLogo& ref, const cv::Matx33d& h) {
  const double shown = double(ref.extent.width) *
                       std::hypot(jacobian(h, ref.extent)(0, 0), jacobian(h, ref.extent)(1, 0));
  const int w = std::clamp(int(std::lround(shown)), 48, LogoLibrary::kVerifyWidth);
  const int hgt = std::max(8, int(std::lround(w / ref.aspect)));
  const cv::Size frame(w, hgt);
  cv::Mat warped, reference;
  cv::warpPerspective(work_gray, warped, cv::Mat(h * verify_to_reference(ref, frame)), frame,
                      cv::INTER_AREA | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
  if (frame == ref.verify_gray.size()) {
    reference = ref.verify_gray;
  } else {
    cv::resize(ref.verify_gray, reference, frame, 0, 0, cv::INTER_AREA);
  }
  return ncc(edge_map(warped), edge_map(reference));
}

// One stage of the refinement: coordinate ascent of the edge correlation over x/y scale (about
// the logo's centre) and x/y shift, in a frame at most `max_width` px wide, starting from steps
// of `first_step` × (2 % of scale, one image pixel of shift) and halving them `halvings` times.
cv::Matx33d ascend(const cv::Mat& work_gray, const ReferenceLogo& ref, const cv::Matx33d& h,
                   int max_width, double first_step, int halvings_max, int evaluations_max) {
  const cv::Matx22d j = jacobian(h, ref.extent);
  const double image_per_ref = std::hypot(j(0, 0), j(1, 0));
  const int w =
      std::clamp(int(std::lround(double(ref.extent.width) * image_per_ref)), 48, max_width);
  const cv::Size frame(w, std::max(8, int(std::lround(w / ref.aspect))));
  cv::Mat reference;
  cv::resize(ref.gray(cv::Rect(ref.extent)), reference, frame, 0, 0, cv::INTER_AREA);
  const cv::Mat reference_edges = edge_map(reference);
  const cv::Matx33d to_ref = verify_to_reference(ref, frame);
  const double cx = ref.extent.x + ref.extent.width / 2.0,
               cy = ref.extent.y + ref.extent.height / 2.0;
  auto corrected = [&](const std::array<double, 4>& p) {
    // p = {x scale, y scale, x shift, y shift}, applied in the reference frame about its centre.
    return h * cv::Matx33d(p[0], 0, cx - p[0] * cx + p[2], 0, p[1], cy - p[1] * cy + p[3], 0, 0, 1);
  };
  auto score = [&](const std::array<double, 4>& p) {
    cv::Mat warped;
    cv::warpPerspective(work_gray, warped, cv::Mat(corrected(p) * to_ref), frame,
                        cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return ncc(edge_map(warped), reference_edges);
  };
  std::array<double, 4> p = {1, 1, 0, 0};
  const double px = 1.0 / std::max(1e-6, image_per_ref);  // one image pixel, in reference px
  std::array<double, 4> step = {0.02 * first_step, 0.02 * first_step, px * first_step,
                                px * first_step};
  double best = score(p);
  for (int halvings = 0, evaluations = 0;
       halvings < halvings_max && evaluations < evaluations_max;) {
    bool improved = false;
    for (std::size_t k = 0; k < 4; ++k) {
      for (double sign : {1.0, -1.0}) {
        std::array<double, 4> q = p;
        q[k] += sign * step[k];
        const double v = score(q);
        ++evaluations;
        if (v > best + 1e-9) {
          best = v;
          p = q;
          improved = true;
          break;
        }
      }
    }
    if (!improved) {
      for (double& st : step) st /= 2;
      ++halvings;
    }
  }
  return corrected(p);
}

// Sub-pixel refinement of the winning fit. Keypoints of a wide, short logo pin its height down
// to a pixel or two, which is several per cent of stretch; the edge maps of the whole logo pin
// it much better. The search runs in a frame kRefineWidth px wide (each evaluation costs the
// frame's area), then, for a logo shown wider, a few of the finest steps at the resolution it
// has in the image (up to kCanonicalWidth).
cv::Matx33d refine(const cv::Mat& work_gray, const ReferenceLogo& ref, const cv::Matx33d& h) {
  cv::Matx33d refined = ascend(work_gray, ref, h, kRefineWidth, 1.0, 4, 160);
  const cv::Matx22d j = jacobian(refined, ref.extent);
  if (double(ref.extent.width) * std::hypot(j(0, 0), j(1, 0)) > kRefineWidth) {
    refined = ascend(work_gray, ref, refined, 2 * kRefineWidth, 0.25, 2, 24);
  }
  return sane(refined, ref.extent, cv::Size(work_gray.cols, work_gray.rows)) ? refined : h;
}

double median(std::vector<double>& v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// Median colour of the image under the reference's primary ink, compared with each allowed
// colourway (or, when the guide lists none, with the logo's own ink colour).
void measure_colour(const cv::Mat& pixels, bool lossy, const ReferenceLogo& ref,
                    const cv::Matx33d& h_pixels, double threshold, LogoSighting& s) {
  cv::Mat warped;
  cv::warpPerspective(pixels, warped, cv::Mat(h_pixels * verify_to_reference(ref, ref.verify_size)),
                      ref.verify_size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT,
                      cv::Scalar(0, 0, 0, 0));
  // The ground around the artwork: frame pixels where the reference is fully transparent,
  // away from its edges.
  cv::Mat alpha, ground;
  cv::extractChannel(ref.rgba(cv::Rect(ref.extent)), alpha, 3);
  cv::resize(alpha, alpha, ref.verify_size, 0, 0, cv::INTER_AREA);
  cv::erode(alpha < 8, ground, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
  std::vector<double> gr, gg, gb;
  struct Sample {
    color::Rgb rgb;
    double distance = 0;
  };
  std::vector<Sample> ink;
  for (int y = 0; y < warped.rows; ++y) {
    for (int x = 0; x < warped.cols; ++x) {
      const cv::Vec4b p = warped.at<cv::Vec4b>(y, x);
      if (p[3] < 250) continue;
      if (ground.at<std::uint8_t>(y, x)) {
        gb.push_back(p[0]);
        gg.push_back(p[1]);
        gr.push_back(p[2]);
      } else if (ref.verify_ink.at<std::uint8_t>(y, x)) {
        ink.push_back({{p[2], p[1], p[0]}, 0.0});
      }
    }
  }
  if (ink.empty()) return;
  // A small logo's strokes are a pixel or two wide: most samples are anti-aliased blends with
  // the ground. The pure ink is what lies farthest from the ground, so the colour is the median
  // of the tenth of the samples farthest from it (a 14 px high logo has few pure pixels); in a
  // JPEG the farthest tenth is ringing that overshoots the ink, so there the farthest third (all
  // samples when the ground is unknown).
  std::size_t keep = ink.size();
  if (!gr.empty()) {
    const color::Lab bg = color::srgb_to_lab(
        color::Rgb{std::uint8_t(median(gr)), std::uint8_t(median(gg)), std::uint8_t(median(gb))});
    for (Sample& sample : ink) {
      const color::Lab l = color::srgb_to_lab(sample.rgb);
      sample.distance = std::hypot(l.L - bg.L, l.a - bg.a, l.b - bg.b);
    }
    std::stable_sort(ink.begin(), ink.end(),
                     [](const Sample& a, const Sample& b) { return a.distance > b.distance; });
    keep = std::max<std::size_t>(1, ink.size() / (lossy ? 3 : 10));
  }
  std::vector<double> r, g, b;
  for (std::size_t i = 0; i < keep; ++i) {
    r.push_back(ink[i].rgb.r);
    g.push_back(ink[i].rgb.g);
    b.push_back(ink[i].rgb.b);
  }
  const color::Rgb measured{std::uint8_t(median(r)), std::uint8_t(median(g)),
                            std::uint8_t(median(b))};
  const color::Lab lab = color::srgb_to_lab(measured);
  s.measured_hex = guide::to_hex(measured);
  if (ref.colorways.empty()) {
    s.colorway = "own colours " + guide::to_hex(ref.primary_ink);
    s.colorway_delta_e = color::delta_e00(lab, ref.primary_ink_lab);
  } else {
    s.colorway_delta_e = 1e9;
    for (const Colorway& way : ref.colorways) {
      const double d = color::delta_e00(lab, way.lab);
      if (d < s.colorway_delta_e) {
        s.colorway_delta_e = d;
        s.colorway = way.label == way.hex ? way.hex : way.label + " " + way.hex;
      }
    }
  }
  s.recolored = s.colorway_delta_e > threshold;
}

// The quadrilateral's extremes: {x0, y0, x1, y1}.
std::array<double, 4> bounds(const std::array<cv::Point2f, 4>& quad) {
  std::array<double, 4> b = {quad[0].x, quad[0].y, quad[0].x, quad[0].y};
  for (const auto& p : quad) {
    b[0] = std::min(b[0], double(p.x));
    b[1] = std::min(b[1], double(p.y));
    b[2] = std::max(b[2], double(p.x));
    b[3] = std::max(b[3], double(p.y));
  }
  return b;
}

PixelBox bounding_box(const std::array<cv::Point2f, 4>& quad, cv::Size canvas) {
  const auto [x0, y0, x1, y1] = bounds(quad);
  const int bx0 = std::clamp(int(std::floor(x0)), 0, canvas.width);
  const int by0 = std::clamp(int(std::floor(y0)), 0, canvas.height);
  const int bx1 = std::clamp(int(std::ceil(x1)), 0, canvas.width);
  const int by1 = std::clamp(int(std::ceil(y1)), 0, canvas.height);
  return {bx0, by0, bx1 - bx0, by1 - by0};
}

// OpenCV 4.6 fills its Lab conversion tables lazily, on the first cvtColor to Lab, without
// synchronisation: two worker threads converting at once each build them and one set leaks
// (LeakSanitizer caught it intermittently in the CLI tests). One conversion of each depth
// under std::call_once makes the fill happen once, before any concurrent use.
void to_lab(const cv::Mat& bgr, cv::Mat& lab) {
  static std::once_flag tables;
  std::call_once(tables, [] {
    cv::Mat out;
    cv::cvtColor(cv::Mat(1, 1, CV_8UC3, cv::Scalar(128, 128, 128)), out, cv::COLOR_BGR2Lab);
    cv::cvtColor(cv::Mat(1, 1, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5)), out, cv::COLOR_BGR2Lab);
  });
  cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
}

// Clear space, measured on the decoded pixels (`scale` = decode_scale maps them to file px).
void measure_clear_space(const cv::Mat& pixels, bool lossy, const ReferenceLogo& ref,
                         const std::array<cv::Point2f, 4>& quad, double height, int scale,
                         LogoSighting& s) {
  const double k = ref.logo.clear_space;
  s.clear_space_px = k * height * scale;
  if (k <= 0) return;
  const cv::Size canvas = pixels.size();
  const auto [x0, y0, x1, y1] = bounds(quad);
  const double m = k * height;
  const double zx0 = x0 - m, zy0 = y0 - m, zx1 = x1 + m, zy1 = y1 + m;
  // Half a pixel of slack: the box comes from a fitted homography.
  const double short_left = -0.5 - zx0, short_top = -0.5 - zy0;
  const double short_right = zx1 - (canvas.width + 0.5), short_bottom = zy1 - (canvas.height + 0.5);
  if (std::max({short_left, short_top, short_right, short_bottom}) > 0) {
    std::vector<std::string> sides;
    auto side = [&](double v, const char* name) {
      if (v > 0) sides.push_back(fmt::format("{} {} px", name, int(std::lround(v * scale))));
    };
    side(short_left, "left");
    side(short_top, "top");
    side(short_right, "right");
    side(short_bottom, "bottom");
    s.clear_space_ok = false;
    std::string joined;
    for (const auto& part : sides) joined += (joined.empty() ? "" : ", ") + part;
    s.clear_space_problem = "clipped by the canvas (" + joined + " short)";
    return;
  }
  const cv::Rect zone(
      cv::Point(std::max(0, int(std::floor(zx0))), std::max(0, int(std::floor(zy0)))),
      cv::Point(std::min(canvas.width, int(std::ceil(zx1))),
                std::min(canvas.height, int(std::ceil(zy1)))));
  if (zone.width <= 2 || zone.height <= 2) return;
  // The logo's own anti-aliasing (and JPEG ringing) spills a few px past its box.
  const double g = std::max(lossy ? 4.0 : 2.0, 0.06 * height);
  const cv::Rect own = cv::Rect(cv::Point(int(std::floor(x0 - g)), int(std::floor(y0 - g))),
                                cv::Point(int(std::ceil(x1 + g)), int(std::ceil(y1 + g)))) &
                       zone;
  cv::Mat ring(zone.size(), CV_8U, cv::Scalar(255));
  ring(own - zone.tl()).setTo(0);
  const int ring_px = cv::countNonZero(ring);
  if (ring_px == 0) return;

  // Lab (float, 0..1 input: visual.md §1.5) of the zone composited on white.
  cv::Mat bgr(zone.size(), CV_32FC3);
  for (int y = 0; y < zone.height; ++y) {
    const cv::Vec4b* src = pixels.ptr<cv::Vec4b>(zone.y + y) + zone.x;
    cv::Vec3f* dst = bgr.ptr<cv::Vec3f>(y);
    for (int x = 0; x < zone.width; ++x) {
      const float a = float(src[x][3]) / 255.f;
      for (int c = 0; c < 3; ++c) dst[x][c] = (float(src[x][c]) / 255.f) * a + (1.f - a);
    }
  }
  cv::Mat lab;
  to_lab(bgr, lab);
  // Foreign edges: per-channel morphological gradient (3×3), max over channels (the raster
  // palette pipeline's edge measure, visual.md §1.6).
  cv::Mat gradient;
  cv::morphologyEx(lab, gradient, cv::MORPH_GRADIENT,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  std::vector<cv::Mat> channels;
  cv::split(gradient, channels);
  cv::Mat edge = cv::max(cv::max(channels[0], channels[1]), channels[2]) > (lossy ? 16.0 : 10.0);
  // Off-background: only on a flat background (≥ 60 % of the ring within ΔE 6 of its median);
  // a gradient or photo has no single background colour, and its edges are judged above.
  std::vector<double> L, A, B;
  for (int y = 0; y < zone.height; ++y) {
    for (int x = 0; x < zone.width; ++x) {
      if (!ring.at<std::uint8_t>(y, x)) continue;
      const cv::Vec3f p = lab.at<cv::Vec3f>(y, x);
      L.push_back(p[0]);
      A.push_back(p[1]);
      B.push_back(p[2]);
    }
  }
  const cv::Vec3f bg(float(median(L)), float(median(A)), float(median(B)));
  cv::Mat distance(zone.size(), CV_32F);
  int near = 0;
  for (int y = 0; y < zone.height; ++y) {
    for (int x = 0; x < zone.width; ++x) {
      const cv::Vec3f d = lab.at<cv::Vec3f>(y, x) - bg;
      const float e = std::sqrt(d.dot(d));
      distance.at<float>(y, x) = e;
      if (ring.at<std::uint8_t>(y, x) && e <= 6.f) ++near;
    }
  }
  cv::Mat foreign = edge.clone();
  if (double(near) >= 0.6 * ring_px) foreign |= (distance > 15.f);
  foreign &= ring;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(foreign, labels, stats, centroids, 8, CV_32S);
  const int min_area = std::max(12, int(0.004 * ring_px));
  cv::Rect offender;
  long long foreign_px = 0;
  for (int i = 1; i < n; ++i) {
    if (stats.at<int>(i, cv::CC_STAT_AREA) < min_area) continue;
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    offender = offender.area() == 0 ? r : (offender | r);
    foreign_px += stats.at<int>(i, cv::CC_STAT_AREA);
  }
  s.clear_space_foreign_share = double(foreign_px) / double(ring_px);
  if (foreign_px == 0) return;
  s.clear_space_ok = false;
  s.clear_space_problem = "foreign content inside the clear-space zone";
  const cv::Rect o = offender + zone.tl();
  s.clear_space_offender = PixelBox{o.x * scale, o.y * scale, o.width * scale, o.height * scale};
}

// One detection run: the working image, its features, and the sightings accepted so far.
struct Search {
  Search(const LogoLibrary& l, const Asset& a) : library(l), asset(a) {}
  const LogoLibrary& library;
  const Asset& asset;
  int scale = 1;          // asset decode_scale
  cv::Mat bgr;            // the decoded pixels composited on white
  cv::Mat work;           // gray, long side kMaxWorkSide
  cv::Matx33d to_pixels;  // work px → decoded px
  ImageFeatures image;
  std::vector<LogoSighting> out;
  std::vector<std::array<cv::Point2f, 4>> found_quads;  // work px, one per sighting
};

// Verifies `best` against every variant and, when the best variant scores high enough, measures
// it and adds it to the sightings; otherwise it retires the candidate's inlier keypoints.
void accept(Search& search, const Candidate& best) {
  const LogoLibrary& library = search.library;
  const cv::Size size = search.work.size();
  ImageFeatures& image = search.image;
  // Verification against every variant, each through its own homography when its features
  // fit the same place, else through the sighting's quadrilateral.
  std::vector<cv::Matx33d> hs(library.logos().size());
  std::vector<double> scores(library.logos().size(), -1.0);
  for (std::size_t i = 0; i < library.logos().size(); ++i) {
    const ReferenceLogo& ref = library.logos()[i];
    if (i == best.ref) {
      hs[i] = best.h;
    } else {
      auto own = best_fit(library, i, image, size, &best.quad);
      if (own) {
        hs[i] = own->h;
      } else {
        const auto corners = project(cv::Matx33d::eye(), ref.extent);
        hs[i] = cv::Matx33d(cv::getPerspectiveTransform(corners.data(), best.quad.data()));
      }
    }
    scores[i] = verify_score(search.work, ref, hs[i]);
  }
  std::size_t win = 0;
  for (std::size_t i = 1; i < scores.size(); ++i) {
    if (scores[i] > scores[win]) win = i;
  }
  const ReferenceLogo& ref = library.logos()[win];
  bool refined = false;
  if (scores[win] < kMinVerifyScore && scores[win] >= kMinVerifyScore - kVerifyRefineBand) {
    // A fit from the half-size level can be a pixel or two off, which costs a large, true
    // logo a few hundredths of its score: refined, it is judged again.
    const cv::Matx33d h = refine(search.work, ref, hs[win]);
    const double score = verify_score(search.work, ref, h);
    if (score > scores[win]) {
      hs[win] = h;
      scores[win] = score;
    }
    refined = true;
  }
  if (scores[win] < kMinVerifyScore) {
    for (int k : best.inlier_kps) image.alive[std::size_t(k)] = false;
    return;
  }
  if (!refined) hs[win] = refine(search.work, ref, hs[win]);
  const Asset& asset = search.asset;
  const int scale = search.scale;
  LogoSighting s;
  s.logo_id = ref.id;
  s.deprecated = ref.deprecated;
  s.replaced_by = ref.replaced_by;
  std::size_t second = scores.size();
  for (std::size_t i = 0; i < scores.size(); ++i) {
    s.variant_scores.push_back({library.logos()[i].id, std::round(scores[i] * 1000.0) / 1000.0});
    if (i != win && (second == scores.size() || scores[i] > scores[second])) second = i;
  }
  if (second < scores.size()) {
    s.runner_up_id = library.logos()[second].id;
    s.variant_margin = scores[win] - scores[second];
  } else {
    s.variant_margin = scores[win];
  }
  if (best.template_correlation > 0) {
    s.found_by = "template";
    s.template_correlation = std::round(best.template_correlation * 1000.0) / 1000.0;
  }
  s.inliers = best.inliers;
  s.matches = best.matches;
  s.inlier_ratio = double(best.inliers) / double(std::max(1, best.matches));

  // Geometry in decoded pixels, then file pixels.
  const cv::Matx33d h_pixels = search.to_pixels * hs[win];
  const auto quad_px = project(h_pixels, ref.extent);
  // Scales, stretch and rotation from the quadrilateral's mean sides: averaged over the whole
  // logo, they do not depend on a slight perspective term the fit may carry (the Jacobian at
  // the centre does).
  const double width = (length(quad_px[0], quad_px[1]) + length(quad_px[3], quad_px[2])) / 2.0;
  const double height = (length(quad_px[0], quad_px[3]) + length(quad_px[1], quad_px[2])) / 2.0;
  const double sx = width / double(ref.extent.width), sy = height / double(ref.extent.height);
  s.scale_x = sx * scale;
  s.scale_y = sy * scale;
  s.stretch = std::abs(sx / sy - 1.0);
  const cv::Point2f axis = (quad_px[1] - quad_px[0]) + (quad_px[2] - quad_px[3]);
  s.rotation_deg = -std::atan2(double(axis.y), double(axis.x)) * 180.0 / CV_PI;
  s.width_px = width * scale;
  s.height_px = height * scale;
  if (asset.dpi > 0) {
    s.dpi = asset.dpi;
    s.width_mm = s.width_px / asset.dpi * 25.4;
  }
  for (std::size_t c = 0; c < 4; ++c) s.quad[c] = quad_px[c] * float(scale);
  s.box = bounding_box(s.quad, cv::Size(asset.pixels.cols * scale, asset.pixels.rows * scale));
  measure_colour(asset.pixels, asset.lossy, ref, h_pixels, library.recolor_threshold(), s);
  measure_clear_space(asset.pixels, asset.lossy, ref, quad_px, height, scale, s);
  search.out.push_back(std::move(s));
  search.found_quads.push_back(project(hs[win], ref.extent));

  // Search again without this logo's keypoints.
  for (std::size_t k = 0; k < image.alive.size(); ++k) {
    if (image.alive[k] && inside(best.quad, image.features.keypoints[k].pt, 0.1))
      image.alive[k] = false;
  }
  for (int k : best.inlier_kps) image.alive[std::size_t(k)] = false;
}

// Feature matching rounds: the best sane fit over every reference, verified, until none is left.
void feature_rounds(Search& search) {
  for (int round = 0; round < kMaxRounds && int(search.out.size()) < kMaxSightings; ++round) {
    std::optional<Candidate> best;
    for (std::size_t i = 0; i < search.library.logos().size(); ++i) {
      auto c = best_fit(search.library, i, search.image, search.work.size(), nullptr);
      if (c && (!best || c->inliers > best->inliers)) best = std::move(c);
    }
    if (!best) break;
    accept(search, *best);
  }
}

// Appends `more` (keypoints in work px) to the image's features, with their matches.
void add_features(Search& search, LogoFeatures more) {
  ImageFeatures& image = search.image;
  if (more.keypoints.empty()) return;
  const int offset = int(image.features.keypoints.size());
  for (std::size_t i = 0; i < search.library.logos().size(); ++i) {
    const ReferenceLogo& ref = search.library.logos()[i];
    const LogoFeatures* polarity[2] = {&ref.dark, &ref.light};
    for (std::size_t p = 0; p < 2; ++p) {
      for (auto [kp, ref_kp] : ratio_matches(more.descriptors, *polarity[p])) {
        image.matches[i][p].emplace_back(kp + offset, ref_kp);
      }
    }
  }
  image.features.keypoints.insert(image.features.keypoints.end(), more.keypoints.begin(),
                                  more.keypoints.end());
  if (image.features.descriptors.empty()) {
    image.features.descriptors = more.descriptors;
  } else {
    cv::vconcat(image.features.descriptors, more.descriptors, image.features.descriptors);
  }
  image.alive.resize(image.features.keypoints.size(), true);
  // Logos already found keep their keypoints out of the search, as after each sighting.
  for (std::size_t k = std::size_t(offset); k < image.alive.size(); ++k) {
    for (const auto& quad : search.found_quads) {
      if (inside(quad, image.features.keypoints[k].pt, 0.1)) image.alive[k] = false;
    }
  }
}

// Fine pass. The coarse level misses logos below ~150 px in the working image, but even those
// give a few ratio-test matches there. Where at least kFineMinSeeds alive matches lie within
// kFineRadius of each other, SIFT runs again on that window of the working image (doubled by
// OpenCV, so as fine as a whole-image pass at the working size was), and the rounds go on.
void fine_pass(Search& search) {
  ImageFeatures& image = search.image;
  std::vector<char> seeded(image.features.keypoints.size(), 0);
  for (const auto& per_ref : image.matches) {
    for (const auto& matches : per_ref) {
      for (const auto& [kp, ref_kp] : matches) {
        if (image.alive[std::size_t(kp)]) seeded[std::size_t(kp)] = 1;
      }
    }
  }
  std::vector<cv::Point2f> seeds;
  for (std::size_t k = 0; k < seeded.size(); ++k) {
    if (seeded[k]) seeds.push_back(image.features.keypoints[k].pt);
  }
  struct Window {
    cv::Rect rect;
    int seeds = 0;
  };
  const cv::Rect canvas(0, 0, search.work.cols, search.work.rows);
  const float r2 = float(kFineRadius * kFineRadius);
  std::vector<std::pair<int, std::size_t>> ranked;  // (seeds near it, seed)
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    int near = 0;
    for (const cv::Point2f& other : seeds) {
      const cv::Point2f d = seeds[i] - other;
      if (d.dot(d) <= r2) ++near;
    }
    if (near >= kFineMinSeeds) ranked.emplace_back(near, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  // A window around the densest seed, then around the densest one not yet covered, ...
  std::vector<Window> windows;
  for (const auto& [near, i] : ranked) {
    const cv::Point p(int(seeds[i].x), int(seeds[i].y));
    bool covered = false;
    for (const Window& w : windows) covered = covered || w.rect.contains(p);
    if (covered) continue;
    const cv::Rect r(p.x - kFineRadius, p.y - kFineRadius, 2 * kFineRadius, 2 * kFineRadius);
    windows.push_back({r & canvas, near});
  }
  // The windows' area is bounded, so a photo full of chance matches costs at most a fraction
  // of a whole-image pass.
  double budget = kFineMaxArea * double(canvas.area());
  bool added = false;
  for (const Window& w : windows) {
    if (double(w.rect.area()) > budget || w.rect.width < 16 || w.rect.height < 16) continue;
    budget -= double(w.rect.area());
    LogoFeatures more = sift_features(search.work(w.rect), cv::noArray(), kMaxImageKeypoints);
    for (cv::KeyPoint& kp : more.keypoints) kp.pt += cv::Point2f(w.rect.tl());
    add_features(search, std::move(more));
    added = true;
  }
  if (added) feature_rounds(search);
}

// Pixels within kInkDistance of an ink a guide logo may be printed in (its colourways, or its
// own primary ink when it has none), per Lab axis: a box, not a sphere, so cv::inRange does it.
constexpr double kInkDistance = 20.0;

// One mask per ink of `refs` (`bgr`: the image composited on white). Separate masks, so a logo
// in one ink on a ground of another allowed ink (Midnat on white) stays a patch of its own.
std::vector<cv::Mat> ink_masks(const cv::Mat& bgr, const std::vector<const ReferenceLogo*>& refs) {
  std::vector<color::Lab> inks;
  auto add = [&](const color::Lab& ink) {
    for (const color::Lab& known : inks) {
      if (known.L == ink.L && known.a == ink.a && known.b == ink.b) return;
    }
    inks.push_back(ink);
  };
  for (const ReferenceLogo* ref : refs) {
    if (ref->colorways.empty()) add(ref->primary_ink_lab);
    for (const Colorway& way : ref->colorways) add(way.lab);
  }
  cv::Mat lab;
  to_lab(bgr, lab);
  std::vector<cv::Mat> masks;
  for (const color::Lab& ink : inks) {
    // 8-bit Lab: L × 255/100, a and b offset by 128.
    const cv::Scalar centre(ink.L * 2.55, ink.a + 128.0, ink.b + 128.0);
    const cv::Scalar half(kInkDistance * 2.55, kInkDistance, kInkDistance);
    cv::Mat mask;
    cv::inRange(lab, centre - half, centre + half, mask);
    masks.push_back(std::move(mask));
  }
  return masks;
}

// A logo's minimum width in the file's pixels: a page with a known resolution (PDF) is held to
// `min_width_mm` (logo/too-small), everything else to `min_width_px`.
std::optional<double> min_width_file_px(const ReferenceLogo& ref, const Asset& asset) {
  if (asset.dpi > 0) {
    if (!ref.logo.min_width_mm) return std::nullopt;
    return *ref.logo.min_width_mm / 25.4 * asset.dpi;
  }
  if (!ref.logo.min_width_px) return std::nullopt;
  return double(*ref.logo.min_width_px);
}

// Small-logo pass, for logos below their guide's minimum width (logo/too-small). SIFT does not
// see a logo ~60 px wide and 14 px high: even at twice the working size it gives too few
// keypoints. Printed in one of its allowed inks, such a logo is a compact patch of that ink (its
// symbol, its arcs, its wordmark: 0.45–1.05× the logo's height) on a calm ground. Each such patch
// proposes the heights at which the reference would match it (only heights below the minimum
// width, down to half of it), and normalised cross-correlation of the reference's gray rendering
// (its sign gives the polarity) finds where the logo sits in a window around the patch.
// Proposals are verified like any match, best correlation first. A recoloured logo has no such
// patch; small recoloured logos are left to SIFT.
void small_logo_pass(Search& search) {
  const cv::Mat& work = search.work;
  const LogoLibrary& library = search.library;
  // Reference heights (work px) to try, per logo: those of widths from half the minimum width
  // to a little above it.
  const double work_per_file_px =
      double(work.cols) / (double(search.asset.pixels.cols) * double(search.scale));
  struct Range {
    std::size_t ref;
    double lo, hi;
  };
  std::vector<Range> ranges;
  std::vector<const ReferenceLogo*> refs;
  for (std::size_t k = 0; k < library.logos().size(); ++k) {
    const ReferenceLogo& ref = library.logos()[k];
    const std::optional<double> min_px = min_width_file_px(ref, search.asset);
    if (!min_px) continue;
    const double hi = kSmallMaxWidthShare * *min_px / ref.aspect * work_per_file_px;
    const double lo = std::max(kSmallMinHeight, kSmallMinWidthShare / kSmallMaxWidthShare * hi);
    if (hi < lo) continue;
    ranges.push_back({k, lo, hi});
    refs.push_back(&ref);
  }
  if (ranges.empty()) return;
  double patch_lo = 1e9, patch_hi = 0, max_aspect = 1.0;
  for (const Range& r : ranges) {
    patch_lo = std::min(patch_lo, kSmallPatchShare[0] * r.lo);
    patch_hi = std::max(patch_hi, kSmallPatchShare[1] * r.hi);
    max_aspect = std::max(max_aspect, library.logos()[r.ref].aspect);
  }

  // The ink mask at the working size (at the image's own when it was enlarged).
  cv::Mat bgr = search.bgr;
  if (bgr.cols > work.cols) cv::resize(bgr, bgr, work.size(), 0, 0, cv::INTER_AREA);
  const cv::Rect canvas(0, 0, work.cols, work.rows);
  std::vector<std::pair<double, Candidate>> proposals;
  struct Searched {
    std::size_t ref;
    cv::Rect window;
    double lo, hi;
  };
  std::vector<Searched> searched;
  for (cv::Mat& mask : ink_masks(bgr, refs)) {
    if (mask.size() != work.size()) cv::resize(mask, mask, work.size(), 0, 0, cv::INTER_NEAREST);
    // A small logo's parts (arcs, bar, letters) are a pixel or two apart: closing joins them.
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    for (int i = 1; i < n; ++i) {
      const cv::Rect patch(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                           stats.at<int>(i, cv::CC_STAT_WIDTH),
                           stats.at<int>(i, cv::CC_STAT_HEIGHT));
      if (patch.height < patch_lo || patch.height > patch_hi ||
          patch.width > max_aspect * patch_hi / kSmallPatchShare[0] ||
          stats.at<int>(i, cv::CC_STAT_AREA) < 4) {
        continue;
      }
      const cv::Point2f centre(float(centroids.at<double>(i, 0)),
                               float(centroids.at<double>(i, 1)));
      bool known = false;
      for (const auto& quad : search.found_quads) known = known || inside(quad, centre, 0.1);
      if (known) continue;
      // Calm ground (flat, gradient, a plate behind the logo; not a photo): most off-ink pixels
      // on the outline of the patch's box grown by 3/4 of its height lie within
      // kSmallGroundTolerance gray levels of their median. Inside that box a small logo's own
      // anti-aliased strokes are most of the pixels; on its outline they are a minority.
      const int g = std::max(3, patch.height * 3 / 4);
      const cv::Rect around =
          cv::Rect(patch.x - g, patch.y - g, patch.width + 2 * g, patch.height + 2 * g) & canvas;
      std::array<int, 256> histogram{};
      int count = 0;
      auto sample = [&](int x, int y) {
        if (mask.at<std::uint8_t>(y, x)) return;
        ++histogram[work.at<std::uint8_t>(y, x)];
        ++count;
      };
      const int x1 = around.x + around.width - 1, y1 = around.y + around.height - 1;
      for (int x = around.x; x <= x1; ++x) {
        sample(x, around.y);
        sample(x, y1);
      }
      for (int y = around.y + 1; y < y1; ++y) {
        sample(around.x, y);
        sample(x1, y);
      }
      if (count < 8) continue;
      int median_level = 0;
      for (int seen = 0; median_level < 255; ++median_level) {
        seen += histogram[std::size_t(median_level)];
        if (2 * seen >= count) break;
      }
      int calm = 0;
      for (int v = std::max(0, median_level - kSmallGroundTolerance);
           v <= std::min(255, median_level + kSmallGroundTolerance); ++v) {
        calm += histogram[std::size_t(v)];
      }
      if (calm < kSmallMinCalmShare * count) continue;
      std::optional<Candidate> best;
      double best_r = kSmallMinCorrelation;
      for (const Range& range : ranges) {
        const ReferenceLogo& ref = library.logos()[range.ref];
        const double lo = std::max(range.lo, patch.height / kSmallPatchShare[1]);
        const double hi = std::min(range.hi, patch.height / kSmallPatchShare[0]);
        if (hi < lo) continue;
        // The logo lies within its width of the patch on either side.
        const int gx = int(std::ceil(hi * ref.aspect)), gy = int(std::ceil(0.5 * hi));
        const cv::Rect window =
            cv::Rect(patch.x - gx, patch.y - gy, patch.width + 2 * gx, patch.height + 2 * gy) &
            canvas;
        // A logo's other patches (its letters) lie in a window already searched at these
        // heights: searching it again would find the same place.
        const cv::Rect core =
            cv::Rect(patch.x - gx / 2, patch.y - gy / 2, patch.width + gx, patch.height + gy) &
            canvas;
        bool searched_before = false;
        for (const Searched& earlier : searched) {
          searched_before =
              searched_before ||
              (earlier.ref == range.ref && (earlier.window & core) == core &&
               earlier.lo <= lo * kSmallScaleStep && earlier.hi >= hi / kSmallScaleStep);
        }
        if (searched_before) continue;
        searched.push_back({range.ref, window, lo, hi});
        const cv::Mat crop = work(window);
        const cv::Mat art = ref.gray(cv::Rect(ref.extent));
        for (double th = lo; th <= hi * 1.0001; th *= kSmallScaleStep) {
          const cv::Size t(int(std::lround(th * ref.aspect)), int(std::lround(th)));
          if (t.width < 8 || t.height < 4 || t.width > crop.cols || t.height > crop.rows) continue;
          cv::Mat templ, result;
          cv::resize(art, templ, t, 0, 0, cv::INTER_AREA);
          cv::matchTemplate(crop, templ, result, cv::TM_CCOEFF_NORMED);
          double lo_v = 0, hi_v = 0;
          cv::Point lo_at, hi_at;
          cv::minMaxLoc(result, &lo_v, &hi_v, &lo_at, &hi_at);
          const bool reversed = -lo_v > hi_v;
          const double r = reversed ? -lo_v : hi_v;
          if (!(r > best_r)) continue;
          best_r = r;
          const cv::Point at = (reversed ? lo_at : hi_at) + window.tl();
          const double sx = double(t.width) / ref.extent.width,
                       sy = double(t.height) / ref.extent.height;
          Candidate c;
          c.ref = range.ref;
          c.template_correlation = r;
          c.h = cv::Matx33d(sx, 0, at.x - sx * ref.extent.x, 0, sy, at.y - sy * ref.extent.y, 0, 0,
                            1);
          c.quad = project(c.h, ref.extent);
          best = c;
        }
      }
      if (best) proposals.emplace_back(best_r, *best);
    }
  }
  std::stable_sort(proposals.begin(), proposals.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::array<cv::Point2f, 4>> tried;
  for (const auto& [r, c] : proposals) {
    if (int(search.out.size()) >= kMaxSightings) break;
    cv::Point2f centre(0, 0);
    for (const auto& q : c.quad) centre += q * 0.25f;
    bool seen = false;
    for (const auto& quad : search.found_quads) seen = seen || inside(quad, centre, 0.1);
    for (const auto& quad : tried) seen = seen || inside(quad, centre, 0.1);
    if (seen || !sane(c.h, library.logos()[c.ref].extent, work.size())) continue;
    tried.push_back(c.quad);
    accept(search, c);
  }
}

// The small-logo pass again where the working image (`search.work`, a reduction of `gray` by
// `f`) leaves the smallest widths it tries under kSmallMinSearchHeight px high: on the decoded
// image reduced only as far as they allow (a 12 MP photo, an A1 poster rendered 2000 px high;
// not a 1080p banner, see below).
// Logos found already are not searched again; new sightings join `search.out`.
void small_logo_pass_finer(Search& search, const cv::Mat& gray, double f) {
  // Searching a finer image costs its area again (a 1080p banner: +57 ms, logo_bench), so only
  // where the decoding costs more than that anyway: PDF pages and images at least twice the
  // working size on each side (12 MP photos).
  if (search.asset.dpi <= 0 && f > kSmallFinerMaxReduction) return;
  if (int(search.out.size()) >= kMaxSightings) return;
  const LogoLibrary& library = search.library;
  double wanted = f;  // the reduction the smallest logo needs
  for (const ReferenceLogo& ref : library.logos()) {
    const std::optional<double> min_px = min_width_file_px(ref, search.asset);
    if (!min_px) continue;
    const double lowest = kSmallMinWidthShare * *min_px / ref.aspect / search.scale;  // decoded px
    wanted = std::max(wanted, std::min(1.0, kSmallMinSearchHeight / lowest));
  }
  if (wanted <= f * 1.05) return;
  Search finer(library, search.asset);
  finer.scale = search.scale;
  finer.bgr = search.bgr;
  if (wanted < 1.0) {
    cv::resize(gray, finer.work, cv::Size(), wanted, wanted, cv::INTER_AREA);
  } else {
    finer.work = gray;
  }
  finer.to_pixels = cv::Matx33d(double(gray.cols) / finer.work.cols, 0, 0, 0,
                                double(gray.rows) / finer.work.rows, 0, 0, 0, 1);
  finer.image.matches.resize(library.logos().size());  // no features: templates only
  // Between the two working images, through decoded pixels.
  const cv::Matx33d to_finer = finer.to_pixels.inv() * search.to_pixels;
  for (const auto& quad : search.found_quads) {
    std::array<cv::Point2f, 4> q;
    cv::perspectiveTransform(quad, q, to_finer);
    finer.found_quads.push_back(q);
  }
  const std::size_t known = finer.found_quads.size();
  small_logo_pass(finer);
  const cv::Matx33d back = to_finer.inv();
  for (std::size_t i = 0; i < finer.out.size() && int(search.out.size()) < kMaxSightings; ++i) {
    search.out.push_back(std::move(finer.out[i]));
    std::array<cv::Point2f, 4> q;
    cv::perspectiveTransform(finer.found_quads[known + i], q, back);
    search.found_quads.push_back(q);
  }
}

}  // namespace

std::vector<LogoSighting> find_logos(const LogoLibrary& library, const Asset& asset) {
  if (library.empty() || asset.pixels.empty() || asset.pixels.type() != CV_8UC4 ||
      asset.pixels.cols < 8 || asset.pixels.rows < 8) {
    return {};
  }
  Search search(library, asset);
  search.scale = std::max(1, asset.decode_scale);
  search.bgr = composite_bgr(asset.pixels);
  cv::Mat gray;
  cv::cvtColor(search.bgr, gray, cv::COLOR_BGR2GRAY);
  // Small images are enlarged (up to 2×) to the same working size: a logo 62–80 px wide in a
  // 640×360 banner (14–18 px high) gives SIFT too few keypoints at its own size (measured on
  // the logo corpus: three of eight such logos missed without this).
  const double f = std::min(kMaxUpscale, double(kMaxWorkSide) / std::max(gray.cols, gray.rows));
  auto scaled = [&](double factor) {
    cv::Mat out;
    if (factor < 1.0) {
      cv::resize(gray, out, cv::Size(), factor, factor, cv::INTER_AREA);
    } else if (factor > 1.0) {
      cv::resize(gray, out, cv::Size(), factor, factor, cv::INTER_LINEAR);
    } else {
      out = gray;
    }
    return out;
  };
  search.work = scaled(f);
  // SIFT gets the working image at half size: OpenCV 4.6 always doubles its input for the first
  // octave (sift.dispatch.cpp, firstOctave = -1), so its finest level is the working size
  // anyway, and the scale space costs a quarter (logo_bench: 120 → 23 ms per 1080p banner).
  const cv::Mat coarse = scaled(f / 2.0);
  ImageFeatures& image = search.image;
  image.features = sift_features(coarse, cv::noArray(), kMaxImageKeypoints);
  const float up_x = float(search.work.cols) / float(coarse.cols),
              up_y = float(search.work.rows) / float(coarse.rows);
  for (cv::KeyPoint& kp : image.features.keypoints) {
    kp.pt.x *= up_x;
    kp.pt.y *= up_y;
    kp.size *= up_x;
  }
  image.alive.assign(image.features.keypoints.size(), true);
  for (const ReferenceLogo& ref : library.logos()) {
    image.matches.push_back({ratio_matches(image.features.descriptors, ref.dark),
                             ratio_matches(image.features.descriptors, ref.light)});
  }
  search.to_pixels = cv::Matx33d(double(asset.pixels.cols) / search.work.cols, 0, 0, 0,
                                 double(asset.pixels.rows) / search.work.rows, 0, 0, 0, 1);
  feature_rounds(search);
  fine_pass(search);
  small_logo_pass(search);
  small_logo_pass_finer(search, gray, f);

  std::vector<LogoSighting> out = std::move(search.out);
  std::sort(out.begin(), out.end(), [](const LogoSighting& a, const LogoSighting& b) {
    return std::tie(a.box.y, a.box.x, a.logo_id, a.box.w, a.box.h) <
           std::tie(b.box.y, b.box.x, b.logo_id, b.box.w, b.box.h);
  });
  return out;
}

const std::vector<LogoSighting>& logo_sightings(const LogoLibrary& library, const Asset& asset) {
  const std::string key = "logo-sightings/" + library.key();
  auto it = asset.derived.find(key);
  if (it == asset.derived.end()) {
    auto found = std::make_shared<const std::vector<LogoSighting>>(find_logos(library, asset));
    it = asset.derived.emplace(key, std::move(found)).first;
  }
  return *static_cast<const std::vector<LogoSighting>*>(it->second.get());
}

}  // namespace brandlint::logo
